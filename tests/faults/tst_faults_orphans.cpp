// Fault: FoxReload ends (kill -9, or a SIGTERM to a server that ignores it) while its server has a
// child and a daemonized grandchild (double fork + setsid). Promise: no process of the server's tree
// outlives FoxReload by more than a second or two (docs/reliability.md, "Server processes").

#include "ProcessProbes.h"
#include "common/CliProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {
const QByteArray kInitialize = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{)"
                               R"("protocolVersion":"2025-06-18","capabilities":{},)"
                               R"("clientInfo":{"name":"tst_faults_orphans","version":"1"}}})"
                               "\n";
} // namespace

class TestFaultsOrphans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foxReloadEndingLeavesNoProcess_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("ignoreSigterm");
        QTest::addColumn<int>("ending"); // the signal FoxReload gets
        for (const QString& command : { u"run"_s, u"proxy"_s }) {
            for (const bool stubborn : { false, true }) {
                for (const int ending : { SIGKILL, SIGTERM }) {
                    const QByteArray name = command.toUtf8() + (stubborn ? ", server ignores SIGTERM" : "")
                        + (ending == SIGKILL ? ", kill -9" : ", SIGTERM");
                    QTest::newRow(name.constData()) << command << stubborn << ending;
                }
            }
        }
    }

    void foxReloadEndingLeavesNoProcess()
    {
        QFETCH(QString, command);
        QFETCH(bool, ignoreSigterm);
        QFETCH(int, ending);

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        const QString treeFile = home.filePath(u"tree.pids"_s);

        QProcessEnvironment environment = isolatedEnvironment(home.path());
        environment.insert(u"FIXTURE_TREE_PID_FILE"_s, treeFile);
        environment.insert(u"FIXTURE_MAX_LIFETIME_S"_s, u"60"_s);
        if (ignoreSigterm)
            environment.insert(u"FIXTURE_IGNORE_SIGTERM"_s, u"1"_s);

        QProcess foxreload;
        foxreload.setProcessEnvironment(environment);
        foxreload.setWorkingDirectory(project);
        foxreload.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments { command, u"--no-game"_s, u"--db"_s, home.filePath(u"history.sqlite"_s),
            u"--watch"_s, project + u"/src"_s };
        if (command == u"run"_s)
            arguments += u"--json"_s;
        arguments += { u"--"_s, u"python3"_s,
            QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/tests/fixtures/daemonizing_server.py"_s };
        foxreload.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        QVERIFY(foxreload.waitForStarted(10000));
        if (command == u"proxy"_s)
            foxreload.write(kInitialize); // the proxy starts its server for the client's initialize

        KillOnExit cleanup;
        QTRY_COMPARE_WITH_TIMEOUT(readPids(treeFile).size(), 3, 20000);
        cleanup.pids = readPids(treeFile);
        QVERIFY2(survivors(cleanup.pids).split(u", "_s).size() == 3,
            qPrintable(u"not all of the tree runs: "_s + survivors(cleanup.pids)));
        QTest::qWait(200); // the server is through its handshake: FoxReload is in its steady state

        ::kill(pid_t(foxreload.processId()), ending);
        // A SIGTERM stops the server the polite way first: stdin, then SIGTERM after the grace.
        QVERIFY(foxreload.waitForFinished(ending == SIGKILL ? 5000 : 20000));
        QElapsedTimer sinceExit;
        sinceExit.start();
        QTRY_VERIFY2_WITH_TIMEOUT(survivors(cleanup.pids).isEmpty(),
            qPrintable(u"still running %1 ms after FoxReload ended: %2 (server, child, daemon: %3)"_s.arg(
                QString::number(sinceExit.elapsed()), survivors(cleanup.pids),
                QString::number(cleanup.pids.value(0)) + u' ' + QString::number(cleanup.pids.value(1)) + u' '
                    + QString::number(cleanup.pids.value(2)))),
            2000);
    }
};

QTEST_GUILESS_MAIN(TestFaultsOrphans)
#include "tst_faults_orphans.moc"
