// The resource monitor end to end: `foxreload run --json` with a tiny CPU budget under a
// synthetic load (thousands of file writes in the watched tree) says `resources` throttled,
// pauses content hashing while it is, and says it is back once the load stops; `foxreload
// stats` sees the running session. With resources.enabled: false nothing is said.

#include "common/CliProcess.h"
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kTimeout = 30000;

bool isThrottled(const QJsonObject& event)
{
    return event.value("throttled"_L1).toBool();
}

bool isReleased(const QJsonObject& event)
{
    return !event.value("throttled"_L1).toBool();
}

bool isStartupDone(const QJsonObject& event)
{
    return event.value("trigger"_L1).toString() == "startup"_L1;
}

bool namesFile(const QJsonObject& batch, const QString& relative)
{
    const QJsonArray files = batch.value("files"_L1).toArray();
    return std::any_of(files.cbegin(), files.cend(), [&relative](const QJsonValue& file) {
        return file.toObject().value("path"_L1).toString() == relative;
    });
}
} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // Writes `files` new files with distinct content into load/, letting the event loop run so
    // that the child's output is read meanwhile.
    static void writeLoad(const ExampleProject& project, int round, int files)
    {
        for (int i = 0; i < files; ++i) {
            QVERIFY(writeFile(project.path(u"load/r%1/f%2.txt"_s.arg(round).arg(i % 200)),
                QByteArray::number(round) + ' ' + QByteArray::number(i)));
            if (i % 50 == 0)
                QTest::qWait(5);
        }
    }

    void startRun(CliProcess& cli, const ExampleProject& project, bool enabled)
    {
        Config config = project.config();
        config.rules.clear();
        config.defaultStrategy = ReloadStrategy::None; // batches and analysis, no reloads
        config.resources.enabled = enabled;
        config.resources.maxCpuPercent = 1.0;
        // The load here is CPU; memory must not hold the throttle (an AddressSanitizer build
        // alone is over the default 50 MB).
        config.resources.maxRssMb = 4096;
        QVERIFY(writeFile(project.path(u".foxreload.yaml"_s), ConfigWriter::toYaml(config)));
        cli.setEnvironment(isolatedEnvironment(m_home.path()));
        cli.setWorkingDirectory(project.root());
        QVERIFY(cli.start({ u"run"_s, u"--json"_s, u"--trust"_s, u"--no-game"_s, u"--db"_s,
            m_home.filePath(u"history.sqlite"_s), u"--config"_s, project.path(u".foxreload.yaml"_s) }));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartupDone) == 1, qPrintable(cli.allOutput()), kTimeout);
    }

private Q_SLOTS:
    void throttlesUnderLoadAndRecovers()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        CliProcess cli;
        startRun(cli, project, true);
        // Starting may already cost more than 1 %: let its first sample come, and settle.
        QTest::qWait(3000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"resources"_s, isThrottled) == cli.countEvents(u"resources"_s, isReleased),
            qPrintable(cli.allOutput()), kTimeout);
        const int throttledBefore = cli.countEvents(u"resources"_s, isThrottled);

        // `foxreload stats` finds the running session through its event socket.
        QProcess stats;
        stats.setProcessEnvironment(isolatedEnvironment(m_home.path()));
        stats.setWorkingDirectory(project.root());
        stats.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"stats"_s, u"--json"_s });
        QVERIFY(stats.waitForFinished(kTimeout));
        const QJsonObject resources = QJsonDocument::fromJson(stats.readAllStandardOutput())
                                          .object()
                                          .value("resources"_L1)
                                          .toObject();
        QCOMPARE(resources.value("budget"_L1).toObject().value("max_cpu_percent"_L1).toDouble(), 1.0);
        const QJsonArray sessions = resources.value("sessions"_L1).toArray();
        QVERIFY2(std::any_of(sessions.cbegin(), sessions.cend(),
                     [&cli](const QJsonValue& session) {
                         return session.toObject().value("pid"_L1).toInteger() == cli.process().processId()
                             && session.toObject().value("rss_mb"_L1).toDouble() > 1.0
                             && session.toObject().value("server"_L1).toObject().value("processes"_L1).toInt()
                             >= 1;
                     }),
            QJsonDocument(resources).toJson().constData());

        // The load: FoxReload reads, hashes and batches every one of these writes.
        int round = 0;
        QElapsedTimer loading;
        loading.start();
        while (
            cli.countEvents(u"resources"_s, isThrottled) == throttledBefore && loading.elapsed() < kTimeout)
            writeLoad(project, round++, 400);
        QVERIFY2(cli.countEvents(u"resources"_s, isThrottled) > throttledBefore, qPrintable(cli.allOutput()));
        const QJsonObject over = cli.events(u"resources"_s).last();
        QVERIFY2(over.value("reason"_L1).toString().startsWith(u"CPU "_s), qPrintable(cli.allOutput()));
        QCOMPARE(over.value("maxCpuPercent"_L1).toDouble(), 1.0);
        QVERIFY(over.value("cpuPercent"_L1).toDouble() > 1.0);
        QVERIFY(over.value("server"_L1).toObject().value("processes"_L1).toInt() >= 1);

        // Throttled, a save without edits is not compared with what was there: it is a batch.
        const QString echo = u"tools/echo.py"_s;
        const int skippedBefore = cli.countEvents(u"batch_skipped"_s);
        QVERIFY(writeFile(project.path(echo), readFile(project.path(echo))));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"batch"_s, [&](const QJsonObject& batch) { return namesFile(batch, echo); })
                == 1,
            qPrintable(cli.allOutput()), kTimeout);
        QCOMPARE(cli.countEvents(u"batch_skipped"_s), skippedBefore);

        // Quiet again: back within budget, said once.
        QTRY_VERIFY2_WITH_TIMEOUT(cli.countEvents(u"resources"_s, isReleased) == throttledBefore + 1,
            qPrintable(cli.allOutput()), 60000);
        QTest::qWait(3000);
        QCOMPARE(cli.countEvents(u"resources"_s, isThrottled), throttledBefore + 1);

        // Hashing is back: the first save after the pause is read afresh, the next one is known.
        QVERIFY(writeFile(project.path(echo), readFile(project.path(echo))));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"batch"_s, [&](const QJsonObject& batch) { return namesFile(batch, echo); })
                == 2,
            qPrintable(cli.allOutput()), kTimeout);
        QVERIFY(writeFile(project.path(echo), readFile(project.path(echo))));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"batch_skipped"_s) == skippedBefore + 1, qPrintable(cli.allOutput()), kTimeout);

        cli.terminate();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
    }

    void disabledSaysNothing()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        CliProcess cli;
        startRun(cli, project, false);
        for (int round = 0; round < 5; ++round)
            writeLoad(project, round, 400);
        QTest::qWait(3000);
        QCOMPARE(cli.countEvents(u"resources"_s), 0);
        QVERIFY(cli.countEvents(u"batch"_s) > 0);
        cli.terminate();
        QVERIFY(cli.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
