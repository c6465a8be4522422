// Issue 10, hole 1: trust could be raced. While .foxreload.yaml is replaced by rename, over
// and over, between a trusted version and a never-trusted one, `foxreload run` must run the
// trusted command or refuse, and never the untrusted one: the bytes it checks are the bytes
// it parses and runs. The old code (check and load reading the file separately) ran the
// untrusted command in 1-4 of every 6-40 starts; this loop makes ~200.
#include "common/CliProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStarts = 200;
constexpr int kBudgetMs = 60000;

bool writeAll(const QByteArray& path, const QByteArray& contents)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, contents.constData(), size_t(contents.size())) == contents.size();
    ::close(fd);
    return ok;
}

// Both versions look alike and differ only in the marker their command leaves; the run's
// number comes from the environment, so each start's outcome can be told apart.
QByteArray configText(const QString& markerFile, const char* marker)
{
    return "server:\n  command: sh\n  args: ['-c', 'echo \"" + QByteArray(marker) + " $RACE_RUN\" >> \""
        + QFile::encodeName(markerFile) + "\"; exec cat >/dev/null']\n" + "watch:\n  paths: [src]\n";
}

} // namespace

class TrustRaceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untrustedVersionNeverRuns()
    {
        QTemporaryDir home;
        QTemporaryDir project;
        QVERIFY(home.isValid() && project.isValid());
        QVERIFY(QDir(project.path()).mkpath(u"src"_s));
        const QString markers = project.filePath(u"markers.txt"_s);
        const QByteArray configPath = QFile::encodeName(project.filePath(u".foxreload.yaml"_s));
        const QByteArray trusted = configText(markers, "trusted");
        const QByteArray untrusted = configText(markers, "UNTRUSTED");
        const QProcessEnvironment environment = foxreload::test::isolatedEnvironment(home.path());

        // Trust the trusted version, the way a user would.
        QVERIFY(writeAll(configPath, trusted));
        {
            foxreload::test::CliProcess trust;
            trust.setEnvironment(environment);
            QVERIFY(trust.start({ u"trust"_s, project.path() }));
            QVERIFY(trust.waitForFinished());
            QCOMPARE(trust.exitCode(), 0);
        }

        // Swap the two versions in by rename as fast as the disk allows, for the whole loop.
        std::atomic<bool> stop { false };
        std::atomic<qint64> swaps { 0 };
        std::thread swapper([&] {
            const QByteArray temporary = configPath + ".swap";
            bool useTrusted = false;
            while (!stop.load()) {
                if (writeAll(temporary, useTrusted ? trusted : untrusted)
                    && ::rename(temporary.constData(), configPath.constData()) == 0)
                    ++swaps;
                useTrusted = !useTrusted;
                ::usleep(200);
            }
            writeAll(temporary, trusted);
            ::rename(temporary.constData(), configPath.constData());
        });

        int ranTrusted = 0;
        int refused = 0;
        int starts = 0;
        QElapsedTimer clock;
        clock.start();
        while (starts < kStarts && clock.elapsed() < kBudgetMs) {
            ++starts;
            const QByteArray tag = " " + QByteArray::number(starts) + "\n";
            QProcessEnvironment env = environment;
            env.insert(u"RACE_RUN"_s, QString::number(starts));
            foxreload::test::CliProcess run;
            run.setEnvironment(env);
            run.setWorkingDirectory(project.path());
            QVERIFY(run.start({ u"run"_s, u"--no-game"_s, u"--json"_s }));
            // Done when it refused (exits at once) or when this start's command left its marker.
            QDeadlineTimer deadline(10000);
            bool marked = false;
            while (!deadline.hasExpired()) {
                if (run.process().waitForFinished(5))
                    break;
                QFile file(markers);
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(tag)) {
                    marked = true;
                    break;
                }
            }
            if (marked) {
                ++ranTrusted; // which version it was is counted from the file below
                run.terminate();
                QVERIFY(run.waitForFinished(15000));
            } else {
                QVERIFY2(
                    run.process().state() == QProcess::NotRunning, "neither refused nor ran its command");
                QVERIFY2(
                    run.stderrText().contains(u"not trusted"_s) || run.stderrText().contains(u"changed"_s),
                    qPrintable(run.allOutput()));
                ++refused;
            }
        }
        stop = true;
        swapper.join();

        QFile file(markers);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray log = file.readAll();
        qInfo("%d starts in %lld ms: %d ran the trusted command, %d refused; %lld swaps", starts,
            clock.elapsed(), ranTrusted, refused, qint64(swaps));
        QVERIFY2(!log.contains("UNTRUSTED"), log.constData());
        QCOMPARE(log.count("trusted "), ranTrusted);
        // The race was really run: both versions were met, many times over.
        QVERIFY2(starts >= 100, "too few starts within the time budget to say anything");
        QVERIFY(ranTrusted >= 10);
        QVERIFY(refused >= 10);
    }
};

QTEST_GUILESS_MAIN(TrustRaceTest)
#include "tst_trustrace.moc"
