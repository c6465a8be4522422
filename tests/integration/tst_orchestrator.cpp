// The ReloadOrchestrator against real server processes: the example server
// (copied to a temporary directory and edited for real) and small fixtures.

#include "common/ExampleProject.h"
#include "server/ReloadOrchestrator.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kReadyTimeout = 20000;

ReloadPlan planFor(const ExampleProject& project, const QString& relative, ReloadStrategy strategy,
    const QStringList& components = {})
{
    FileChange change;
    change.path = project.path(relative);
    change.relativePath = relative;
    change.kind = FileEvent::Kind::Modified;
    change.strategy = strategy;
    change.components = components;
    ReloadPlan plan;
    plan.strategy = strategy;
    plan.components = components;
    plan.files = { change };
    plan.detectedAt = Clock::now();
    return plan;
}

ReloadResult lastResult(const QSignalSpy& spy)
{
    return spy.last().first().value<ReloadResult>();
}

// A server that answers its handshake and then exits: the shape of a crash loop.
const QByteArray kReadyThenExit = R"PY(
import json, sys
for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("method") == "initialize":
        print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": {
            "protocolVersion": msg["params"]["protocolVersion"], "capabilities": {"tools": {}},
            "serverInfo": {"name": "flaky", "version": "1"}}}), flush=True)
    elif msg.get("method") == "tools/list":
        print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": {"tools": []}}), flush=True)
        print("flaky: giving up", file=sys.stderr, flush=True)
        sys.exit(4)
)PY";

// A server whose tools/list names its tool after how often it was asked ("listed_1", ...), and
// whose foxreload/reload answers per scope what argv[1] says: {"tools": false} puts
// "toolsChanged": false in the answer to scope "tools"; a scope it does not name gets no field.
const QByteArray kCountsToolLists = R"PY(
import json, sys
answers = json.loads(sys.argv[1])
listed = 0
for line in sys.stdin:
    msg = json.loads(line)
    method, ident = msg.get("method"), msg.get("id")
    if method == "initialize":
        result = {"protocolVersion": msg["params"]["protocolVersion"], "capabilities": {"tools": {}},
                  "serverInfo": {"name": "counting", "version": "1"}}
    elif method == "tools/list":
        listed += 1
        result = {"tools": [{"name": "listed_%d" % listed, "inputSchema": {"type": "object"}}]}
    elif method == "foxreload/reload":
        scope = msg["params"]["scope"]
        result = {"reloaded": [scope]}
        if scope in answers:
            result["toolsChanged"] = answers[scope]
    else:
        continue
    print(json.dumps({"jsonrpc": "2.0", "id": ident, "result": result}), flush=True)
)PY";
} // namespace

Q_DECLARE_METATYPE(foxreload::ReloadResult)

class TestOrchestrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ReloadResult>();
        QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(),
            "python3 is needed for the example server");
    }

    void startsAndShutsDown()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const ReloadResult startup = lastResult(finished);
        QVERIFY2(startup.succeeded(), qPrintable(startup.error + u'\n' + startup.errorDetail));
        QCOMPARE(startup.trigger, ReloadTrigger::Startup);
        QVERIFY(startup.pid > 0);
        QVERIFY(startup.toolCount >= 5);
        QCOMPARE(orchestrator.state(), ReloadOrchestrator::State::Ready);

        QSignalSpy down(&orchestrator, &ReloadOrchestrator::shutdownComplete);
        orchestrator.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(startup.pid), 5000);
    }

    void hotReloadKeepsThePidAndSeesNewTools()
    {
        ExampleProject project;
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 pid = lastResult(finished).pid;

        // A new tool file appears: the hot reload must find it without a restart.
        QByteArray tool = readFile(project.path(u"tools/echo.py"_s));
        tool.replace("NAME = \"echo\"", "NAME = \"echo_twice\"");
        QVERIFY(writeFile(project.path(u"tools/echo_twice.py"_s), tool));
        orchestrator.submit(
            planFor(project, u"tools/echo_twice.py"_s, ReloadStrategy::HotReload, { u"tool_registry"_s }));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error + u'\n' + result.errorDetail));
        QCOMPARE(result.performed, ReloadStrategy::HotReload);
        QCOMPARE(result.pid, pid);
        QCOMPARE(result.toolsAdded, QStringList { u"echo_twice"_s });
        QVERIFY(orchestrator.server()->toolNames().contains(u"echo_twice"_s));
        QVERIFY(orchestrator.hotReloadSupported());
    }

    void hotReloadListsToolsOnlyWhenTheyMayHaveChanged_data()
    {
        QTest::addColumn<QByteArray>("answers");
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("toolAfter");
        const QStringList tool { u"tools/a.py"_s };
        const QStringList serviceAndTool { u"services/cache.py"_s, u"tools/a.py"_s };
        QTest::newRow("tools unchanged") << QByteArray(R"({"tools": false})") << tool << u"listed_1"_s;
        QTest::newRow("tools changed") << QByteArray(R"({"tools": true})") << tool << u"listed_2"_s;
        QTest::newRow("nothing said") << QByteArray("{}") << tool << u"listed_2"_s;
        QTest::newRow("two scopes, both unchanged")
            << QByteArray(R"({"services": false, "tools": false})") << serviceAndTool << u"listed_1"_s;
        QTest::newRow("two scopes, one says nothing")
            << QByteArray(R"({"tools": false})") << serviceAndTool << u"listed_2"_s;
    }

    void hotReloadListsToolsOnlyWhenTheyMayHaveChanged()
    {
        QFETCH(QByteArray, answers);
        QFETCH(QStringList, files);
        QFETCH(QString, toolAfter);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"counting.py"_s), kCountsToolLists));
        Config config = Config::defaults(dir.path());
        config.server.command = u"python3"_s;
        config.server.args = { dir.filePath(u"counting.py"_s), QString::fromUtf8(answers) };
        config.server.cwd = dir.path();
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        QCOMPARE(orchestrator.server()->toolNames(), QStringList { u"listed_1"_s });

        ReloadPlan plan;
        for (const QString& relative : files) {
            FileChange change;
            change.path = dir.filePath(relative);
            change.relativePath = relative;
            change.kind = FileEvent::Kind::Modified;
            change.strategy = relative.startsWith(u"services/"_s) ? ReloadStrategy::ServiceRestart
                                                                  : ReloadStrategy::HotReload;
            plan.files.append(change);
        }
        plan.reduceFromFiles(); // a service file makes it a service restart: two scopes
        plan.detectedAt = Clock::now();
        orchestrator.submit(plan);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error + u'\n' + result.errorDetail));
        QCOMPARE(result.performed, plan.strategy);
        QCOMPARE(orchestrator.server()->toolNames(), QStringList { toolAfter });
        const bool listedAgain = toolAfter != u"listed_1"_s;
        QCOMPARE(result.toolsAdded, listedAgain ? QStringList { toolAfter } : QStringList {});
        QCOMPARE(result.toolsRemoved, listedAgain ? QStringList { u"listed_1"_s } : QStringList {});
        QCOMPARE(result.toolCount, 1);
    }

    void serviceRestartKeepsThePid()
    {
        ExampleProject project;
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 pid = lastResult(finished).pid;

        QVERIFY(appendToFile(project.path(u"services/cache.py"_s), "\n# touched by the test\n"));
        orchestrator.submit(
            planFor(project, u"services/cache.py"_s, ReloadStrategy::ServiceRestart, { u"services"_s }));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error + u'\n' + result.errorDetail));
        QCOMPARE(result.performed, ReloadStrategy::ServiceRestart);
        QCOMPARE(result.pid, pid);
    }

    void fullRestartIsBlueGreen()
    {
        ExampleProject project;
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy changed(&orchestrator, &ReloadOrchestrator::serverChanged);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 oldPid = lastResult(finished).pid;

        QVERIFY(appendToFile(project.path(u"main.py"_s), "\n# edited\n"));
        orchestrator.submit(planFor(project, u"main.py"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QVERIFY(result.pid != oldPid);
        QCOMPARE(result.previousPid, oldPid);
        QCOMPARE(changed.size(), 2); // startup, then the restart
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(oldPid), 10000);
        QVERIFY(processAlive(result.pid));
    }

    // A full restart's new server is spawned before the reload is announced, so the listeners of
    // reloadStarted (event printing, the tray, ...) run while it starts; whatever else has to come
    // first (the old server's stop, a hot reload's request) keeps the announcement first. Either way
    // the announcement comes before the result, also when the command cannot be started at all.
    void fullRestartSpawnsBeforeItIsAnnounced_data()
    {
        QTest::addColumn<bool>("hot"); // a hot reload instead of a full restart
        QTest::addColumn<bool>("stopStart");
        QTest::addColumn<bool>("missingCommand");
        QTest::addColumn<bool>("spawnedFirst"); // a server was created when reloadStarted ran

        QTest::newRow("blue/green full restart") << false << false << false << true;
        QTest::newRow("stop/start full restart") << false << true << false << false;
        QTest::newRow("hot reload") << true << false << false << false;
        QTest::newRow("command gone since the start") << false << false << true << true;
    }

    void fullRestartSpawnsBeforeItIsAnnounced()
    {
        QFETCH(bool, hot);
        QFETCH(bool, stopStart);
        QFETCH(bool, missingCommand);
        QFETCH(bool, spawnedFirst);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(u"server.py"_s);
        QVERIFY(QFile::copy(sourceDir() + u"/tests/fixtures/minimal_server.py"_s, script));
        QVERIFY(QFile::copy(
            sourceDir() + u"/tests/fixtures/fixture_mcp.py"_s, dir.filePath(u"fixture_mcp.py"_s)));
        QVERIFY(QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeOwner));
        Config config = Config::defaults(dir.path());
        config.server.command = script;
        config.server.cwd = dir.path();
        config.server.restartMode = stopStart ? RestartMode::StopStart : RestartMode::BlueGreen;
        config.server.shutdownGraceMs = 500;
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy created(&orchestrator, &ReloadOrchestrator::serverCreated);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        QVERIFY2(lastResult(finished).succeeded(), qPrintable(lastResult(finished).error));
        if (missingCommand)
            QVERIFY(QFile::remove(script));

        QList<qsizetype> createdWhenAnnounced;
        QList<qsizetype> finishedWhenAnnounced;
        connect(&orchestrator, &ReloadOrchestrator::reloadStarted, this, [&] {
            createdWhenAnnounced.append(created.size());
            finishedWhenAnnounced.append(finished.size());
        });
        ReloadPlan plan;
        plan.strategy = hot ? ReloadStrategy::HotReload : ReloadStrategy::FullRestart;
        plan.detectedAt = Clock::now();
        orchestrator.submit(plan);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        QCOMPARE(createdWhenAnnounced.size(), 1);
        QCOMPARE(createdWhenAnnounced.first(), spawnedFirst ? 2 : 1);
        QCOMPARE(finishedWhenAnnounced.first(), 1);
        const ReloadResult result = lastResult(finished);
        if (missingCommand) {
            QCOMPARE(result.outcome, ReloadOutcome::Failed);
            QVERIFY2(result.error.contains(u"cannot start server"_s), qPrintable(result.error));
            QVERIFY2(result.error.contains(u"keeps serving"_s), qPrintable(result.error));
            QVERIFY(orchestrator.server() && orchestrator.server()->state() == ServerInstance::State::Ready);
        } else {
            QVERIFY2(result.succeeded(), qPrintable(result.error));
            // A hot reload the server does not offer ends as a full restart, announced first.
            QCOMPARE(result.performed, ReloadStrategy::FullRestart);
        }
        QSignalSpy down(&orchestrator, &ReloadOrchestrator::shutdownComplete);
        orchestrator.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 10000);
    }

    void stopStartStopsTheOldServerFirst()
    {
        ExampleProject project;
        Config config = project.config();
        config.server.restartMode = RestartMode::StopStart;
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy exited(&orchestrator, &ReloadOrchestrator::serverExited);
        QSignalSpy changed(&orchestrator, &ReloadOrchestrator::serverChanged);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 oldPid = lastResult(finished).pid;

        orchestrator.submit(planFor(project, u"main.py"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QVERIFY(result.pid != oldPid);
        QVERIFY(!processAlive(oldPid));
        // The old server was gone before the new one took over.
        QCOMPARE(exited.size(), 1);
        QCOMPARE(exited.first().at(0).toLongLong(), oldPid);
        QCOMPARE(changed.size(), 2);
    }

    void brokenEntryPointKeepsTheOldServer()
    {
        ExampleProject project;
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 pid = lastResult(finished).pid;

        QVERIFY(appendToFile(project.path(u"main.py"_s), "\ndef broken(:\n"));
        orchestrator.submit(planFor(project, u"main.py"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QCOMPARE(result.outcome, ReloadOutcome::Failed);
        QVERIFY2(result.errorDetail.contains(u"SyntaxError"_s), qPrintable(result.errorDetail));
        QVERIFY2(result.error.contains(u"keeps serving"_s), qPrintable(result.error));
        QCOMPARE(result.pid, pid);
        QCOMPARE(orchestrator.state(), ReloadOrchestrator::State::Ready);

        // The old server still answers.
        bool answered = false;
        orchestrator.server()->client()->request(u"tools/list"_s, QJsonObject {}, 5000,
            [&answered](const jsonrpc::Reply& reply) { answered = reply.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    }

    void changesDuringAReloadMakeExactlyOneFollowUp()
    {
        ExampleProject project;
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy started(&orchestrator, &ReloadOrchestrator::reloadStarted);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);

        orchestrator.submit(planFor(project, u"main.py"_s, ReloadStrategy::FullRestart));
        QCOMPARE(orchestrator.state(), ReloadOrchestrator::State::Reloading);
        orchestrator.submit(planFor(project, u"tools/echo.py"_s, ReloadStrategy::HotReload));
        orchestrator.submit(planFor(project, u"services/cache.py"_s, ReloadStrategy::ServiceRestart));
        orchestrator.submit(planFor(project, u"tools/weather.py"_s, ReloadStrategy::HotReload));
        QVERIFY(orchestrator.hasPendingReload());

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kReadyTimeout * 2);
        QTRY_VERIFY_WITH_TIMEOUT(!orchestrator.hasPendingReload(), 1000);
        QCOMPARE(started.size(), 3);
        const ReloadResult followUp = lastResult(finished);
        QVERIFY2(followUp.succeeded(), qPrintable(followUp.error));
        QCOMPARE(followUp.requested, ReloadStrategy::ServiceRestart); // the most severe of the three
        QCOMPARE(followUp.plan.files.size(), 3);
        // Nothing more happens afterwards.
        QTest::qWait(300);
        QCOMPARE(finished.size(), 3);
    }

    void serverWithoutHotReloadGetsFullRestarts()
    {
        ExampleProject project;
        Config config = project.config();
        config.server.env.insert(u"REYNARD_HOT_RELOAD"_s, u"0"_s);
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy unsupported(&orchestrator, &ReloadOrchestrator::hotReloadUnsupported);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 pid = lastResult(finished).pid;

        orchestrator.submit(planFor(project, u"tools/echo.py"_s, ReloadStrategy::HotReload));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.requested, ReloadStrategy::HotReload);
        QCOMPARE(result.performed, ReloadStrategy::FullRestart);
        QVERIFY(result.pid != pid);
        QCOMPARE(unsupported.size(), 1);
        QVERIFY(!orchestrator.hotReloadSupported());

        // Remembered: the next one restarts without asking again.
        orchestrator.submit(planFor(project, u"tools/echo.py"_s, ReloadStrategy::HotReload));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kReadyTimeout);
        result = lastResult(finished);
        QCOMPARE(result.performed, ReloadStrategy::FullRestart);
        QCOMPARE(unsupported.size(), 1);
    }

    void rateLimitDefersButNeverDrops()
    {
        ExampleProject project;
        Config config = project.config();
        config.watch.maxReloadsPerMinute = 2;
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy deferred(&orchestrator, &ReloadOrchestrator::reloadDeferred);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);

        for (int i = 0; i < 2; ++i) {
            orchestrator.submit(planFor(project, u"tools/echo.py"_s, ReloadStrategy::HotReload));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2 + i, kReadyTimeout);
        }
        orchestrator.submit(planFor(project, u"tools/echo.py"_s, ReloadStrategy::HotReload));
        orchestrator.submit(planFor(project, u"tools/weather.py"_s, ReloadStrategy::HotReload));
        QCOMPARE(deferred.size(), 1);
        QVERIFY(deferred.first().first().toInt() > 50000); // the window is a minute long
        QVERIFY(orchestrator.hasPendingReload());
        QCOMPARE(finished.size(), 3);
    }

    void errorInToolCodeIsReportedAndTheServerKeepsServing()
    {
        ExampleProject project;
        ReloadOrchestrator orchestrator(project.config());
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const qint64 pid = lastResult(finished).pid;

        QVERIFY(appendToFile(project.path(u"tools/echo.py"_s), "\ndef broken(:\n"));
        orchestrator.submit(planFor(project, u"tools/echo.py"_s, ReloadStrategy::HotReload));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QCOMPARE(result.outcome, ReloadOutcome::Failed);
        QVERIFY2(QString(result.error + result.errorDetail).contains(u"SyntaxError"_s),
            qPrintable(result.error + u'\n' + result.errorDetail));
        QCOMPARE(result.pid, pid);
        QVERIFY(orchestrator.server()->toolNames().contains(u"echo"_s));
    }

    void stubbornServerIsKilledWithItsChildren()
    {
        QTemporaryDir dir;
        Config config = Config::defaults(dir.path());
        config.server.command = u"python3"_s;
        config.server.args = { sourceDir() + u"/tests/fixtures/stubborn_server.py"_s };
        config.server.cwd = dir.path();
        config.server.shutdownGraceMs = 300;
        config.server.env.insert(u"FIXTURE_CHILD_PID_FILE"_s, dir.filePath(u"child.pid"_s));
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        const ReloadResult startup = lastResult(finished);
        QVERIFY2(startup.succeeded(), qPrintable(startup.error + u'\n' + startup.errorDetail));
        QTRY_VERIFY_WITH_TIMEOUT(!readFile(dir.filePath(u"child.pid"_s)).trimmed().isEmpty(), 5000);
        const qint64 child = readFile(dir.filePath(u"child.pid"_s)).trimmed().toLongLong();
        QVERIFY(processAlive(child));

        QSignalSpy down(&orchestrator, &ReloadOrchestrator::shutdownComplete);
        orchestrator.shutdown();
        // stdin closed (ignored) → SIGTERM (ignored) → SIGKILL: two grace periods.
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(startup.pid), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
    }

    void crashLoopBacksOffAndStops()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"flaky.py"_s), kReadyThenExit));
        Config config = Config::defaults(dir.path());
        config.server.command = u"python3"_s;
        config.server.args = { dir.filePath(u"flaky.py"_s) };
        config.server.cwd = dir.path();
        config.server.crashLoopLimit = 3;
        config.server.crashLoopWindowMs = 60000;
        ReloadOrchestrator orchestrator(config);
        QSignalSpy exited(&orchestrator, &ReloadOrchestrator::serverExited);
        QSignalSpy loop(&orchestrator, &ReloadOrchestrator::crashLoopDetected);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(loop.size(), 1, 30000);
        QVERIFY(loop.first().first().toString().contains(u"3 times"_s));
        QCOMPARE(orchestrator.state(), ReloadOrchestrator::State::Down);
        QVERIFY(orchestrator.isCrashLooping());
        int crashRestarts = 0;
        for (const auto& args : std::as_const(finished))
            crashRestarts += args.first().value<ReloadResult>().trigger == ReloadTrigger::CrashRestart;
        QCOMPARE(crashRestarts, 2); // exit → restart, exit → restart, exit → stop
        const auto exitsSoFar = exited.size();
        QTest::qWait(1500); // past every backoff delay that could still be armed
        QCOMPARE(exited.size(), exitsSoFar);

        // The next file change tries again.
        ReloadPlan plan;
        plan.strategy = ReloadStrategy::HotReload;
        plan.detectedAt = Clock::now();
        orchestrator.submit(plan);
        QTRY_VERIFY_WITH_TIMEOUT(exited.size() > exitsSoFar, 10000);
    }
};

QTEST_GUILESS_MAIN(TestOrchestrator)
#include "tst_orchestrator.moc"
