// Issue 10, item 6: `check-config` on a 10 MB file of unknown keys used 876 MB and printed
// 99 MB. The loader lists the first 50 errors (in file order) and "… N more", and counts
// the rest without building a message for each.
#include "MemoryProbes.h"
#include "common/CliProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using foxreload::test::CliProcess;
using foxreload::test::kMemoryBoundsApply;

class ConfigCapTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenMegabytesOfUnknownKeys_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("json") << true;
    }
    void tenMegabytesOfUnknownKeys()
    {
        QFETCH(bool, json);
        QTemporaryDir home;
        QTemporaryDir project;
        QVERIFY(home.isValid() && project.isValid());
        const QString path = project.filePath(u".foxreload.yaml"_s);
        qint64 keys = 0;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("server:\n  command: python3\n");
            QByteArray chunk;
            while (file.size() + chunk.size() < 10 * 1024 * 1024) {
                chunk += "unknown_setting_" + QByteArray::number(keys++) + ": 1\n";
                if (chunk.size() > 65536) {
                    file.write(chunk);
                    chunk.clear();
                }
            }
            file.write(chunk);
        }

        CliProcess check;
        check.setEnvironment(foxreload::test::isolatedEnvironment(home.path()));
        QStringList arguments { u"check-config"_s, path };
        if (json)
            arguments.append(u"--json"_s);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(check.start(arguments));
        QVERIFY(check.waitForFinished(120000));
        const qint64 elapsedMs = clock.elapsed();
        QCOMPARE(check.exitCode(), 1);

        // Every child this test ran has been waited for: the largest peak RSS among them.
        rusage usage {};
        ::getrusage(RUSAGE_CHILDREN, &usage);
        const qint64 peakMb = usage.ru_maxrss / 1024;
        const qint64 printed = check.stderrText().toUtf8().size() + check.lines().join(u'\n').toUtf8().size();
        qInfo("%lld keys: %lld bytes printed, peak RSS %lld MB, %lld ms", keys, printed, peakMb, elapsedMs);

        const QStringList errorLines = check.stderrText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(errorLines.size(), 51);
        QVERIFY2(errorLines.first().contains(u"unknown_setting_0"_s), qPrintable(errorLines.first()));
        QVERIFY(errorLines.at(49).contains(u"unknown_setting_49"_s));
        QVERIFY2(
            errorLines.last().contains(u"… %1 more errors"_s.arg(keys - 50)), qPrintable(errorLines.last()));
        QVERIFY(printed < 64 * 1024 * (json ? 3 : 1));
        // Measured: 876 MB before the cap, ~440 MB after. What remains is yaml-cpp's node tree of
        // a 10 MB file (~1 KB per key); the error list adds next to nothing to it.
        if (kMemoryBoundsApply)
            QVERIFY2(peakMb < 600, qPrintable(u"peak RSS %1 MB"_s.arg(peakMb)));
    }
};

QTEST_GUILESS_MAIN(ConfigCapTest)
#include "tst_configcap.moc"
