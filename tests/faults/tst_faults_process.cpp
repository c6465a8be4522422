// Fault: the server misbehaves as a process, or FoxReload itself is treated roughly: a server that
// crash-loops, a server that ignores stdin EOF and SIGTERM when a restart stops it, SIGINT/SIGTERM/
// SIGHUP to `run` and `proxy`, the reader of FoxReload's stdout going away (`| head -c1`), and two
// `foxreload run` on one project and one database.
// Promise: a crash loop is said once, its starts are bounded by crash_loop.limit, FoxReload does not
// spin and stays alive, and the next edit that fixes the server brings it back; a hung stop takes
// 2 × shutdown_grace_ms and a kill, no more, and the new server serves; a signal ends FoxReload within
// 3 s with the documented exit code, no process of the server's tree left and the session closed in
// the history; a closed stdout ends `run` with a message and a clean stop instead of a silent death;
// two instances both serve, both reload, and the database keeps every reload of both
// (docs/reliability.md).

#include "ProcessProbes.h"
#include "common/CliProcess.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {

const QString kFixtures = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures");

const QByteArray kInitialize = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{)"
                               R"("protocolVersion":"2025-06-18","capabilities":{},)"
                               R"("clientInfo":{"name":"tst_faults_process","version":"1"}}})"
                               "\n";

// A server whose behaviour is one word in its source, so that an edit of the file is both the
// change FoxReload sees and the fix. Every start appends its pid to LOOP_STARTS_FILE.
//   crash_after_handshake  serves the handshake and tools/list, then exits 3 a moment later
//   exit_at_restart        like crash_after_handshake the first time; every later start exits 3 at once
//   exit_at_start          exits 3 before reading anything
//   serve                  a plain server
constexpr auto kLoopServer = R"py(import os, sys, threading
sys.path.insert(0, os.environ["FIXTURE_DIR"])
import fixture_mcp as mcp

MODE = "@MODE@"
NAME = "loop_server"
with open(os.environ["LOOP_STARTS_FILE"], "a") as starts:
    starts.write(f"{os.getpid()}\n")
with open(os.environ["LOOP_STARTS_FILE"]) as starts:
    count = len(starts.read().split())


def crash(moment):
    mcp.log(NAME, f"exiting {moment} (exit 3)")
    os._exit(3)


if MODE == "exit_at_start" or (MODE == "exit_at_restart" and count > 1):
    crash("at start")

TOOLS = [mcp.tool("loop_tool", "Answers while it lives.")]


def on_list(request_id, params):
    mcp.result(request_id, {"tools": TOOLS})
    if MODE != "serve":
        threading.Timer(0.2, crash, ["after the handshake"]).start()


mcp.serve(NAME, {"tools/list": on_list}, TOOLS)
)py";

QByteArray loopServer(const char* mode)
{
    return QByteArray(kLoopServer).replace("@MODE@", mode);
}

bool isFileChangeReload(const QJsonObject& event)
{
    return event.value("trigger"_L1).toString() == "file_change"_L1;
}

} // namespace

class TestFaultsProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashLoopIsBoundedAndAnEditEndsIt_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<int>("expectedStarts"); // before the fix
        QTest::addColumn<QString>("expectedLine"); // what FoxReload says, exactly one line of it
        const QString loop
            = u"⛔ the server exited 3 times within 20 s; not restarting it until the next file change"_s;
        // Three unexpected exits within the window stop the retries: the first start and two restarts.
        QTest::newRow("crashes after every handshake") << QByteArray("crash_after_handshake") << 3 << loop;
        QTest::newRow("serves once, every restart exits at once")
            << QByteArray("exit_at_restart") << 3 << loop;
        // Never served: nothing to restart, no loop; it waits for the edit that fixes it.
        QTest::newRow("exits at start from the first start")
            << QByteArray("exit_at_start") << 1
            << u"server failed to start: the server exited with code 3 before it was ready"_s;
    }

    void crashLoopIsBoundedAndAnEditEndsIt()
    {
        QFETCH(QByteArray, mode);
        QFETCH(int, expectedStarts);
        QFETCH(QString, expectedLine);

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project));
        const QString startsFile = home.filePath(u"starts"_s);
        QVERIFY(writeFile(project + u"/server.py"_s, loopServer(mode.constData())));
        QVERIFY(writeFile(project + u"/.foxreload.yaml"_s,
            "server:\n"
            "  command: python3\n"
            "  args: [server.py]\n"
            "  crash_loop: {limit: 3, window_ms: 20000}\n"
            "watch:\n"
            "  paths: [server.py]\n"
            "  debounce_ms: 50\n"
            "default_strategy: full_restart\n"));

        QProcessEnvironment environment = isolatedEnvironment(home.path());
        environment.insert(u"FIXTURE_DIR"_s, kFixtures);
        environment.insert(u"LOOP_STARTS_FILE"_s, startsFile);
        CliProcess cli;
        cli.setEnvironment(environment);
        cli.setWorkingDirectory(project);
        QVERIFY(cli.start(
            { u"run"_s, u"--no-game"_s, u"--trust"_s, u"--db"_s, home.filePath(u"history.sqlite"_s) }));
        const qint64 foxreload = cli.process().processId();
        KillOnExit cleanup;

        QTRY_VERIFY2_WITH_TIMEOUT(cli.hasLineContaining(expectedLine), qPrintable(cli.allOutput()), 20000);
        // Nothing may happen from here until an edit: a loop that is not stopped would restart the
        // server again after its next backoff (at most 1 s at this point), a busy loop would burn CPU.
        const double cpuBefore = cpuSeconds(foxreload);
        QTest::qWait(3000);
        const double idleCpu = cpuSeconds(foxreload) - cpuBefore;
        cleanup.pids = readPids(startsFile);
        qInfo("%s: %lld starts; FoxReload's CPU: %.2f s in all, %.3f s in 3 s of crash-loop quiet",
            mode.constData(), qlonglong(cleanup.pids.size()), cpuSeconds(foxreload), idleCpu);

        QCOMPARE(cli.process().state(), QProcess::Running);
        QCOMPARE(readPids(startsFile).size(), expectedStarts);
        QCOMPARE(countLines(cli.lines(), expectedLine), 1);
        QCOMPARE(countLines(cli.lines(), u"not restarting it"_s),
            expectedLine.contains(u"not restarting"_s) ? 1 : 0);
        QVERIFY2(idleCpu < 0.15, qPrintable(u"%1 s of CPU while waiting for an edit"_s.arg(idleCpu)));
        QVERIFY2(cpuSeconds(foxreload) < 2.0, qPrintable(u"%1 s of CPU in all"_s.arg(cpuSeconds(foxreload))));
        QVERIFY2(
            survivors(cleanup.pids).isEmpty(), qPrintable(u"still running: "_s + survivors(cleanup.pids)));

        // The user fixes the server: one start, and it serves.
        const qsizetype linesBefore = cli.lines().size();
        QVERIFY(writeFile(project + u"/server.py"_s, loopServer("serve")));
        static const QRegularExpression ready(
            u"server\\.py modified → full restart .* … ready in \\d+ ms \\(pid (\\d+), 1 tool\\)"_s);
        qint64 fixedPid = 0;
        const auto findReady = [&] {
            for (qsizetype i = linesBefore; i < cli.lines().size(); ++i) {
                if (const auto match = ready.match(cli.lines().at(i)); match.hasMatch())
                    fixedPid = match.captured(1).toLongLong();
            }
            return fixedPid > 0;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(findReady(), qPrintable(cli.allOutput()), 10000);
        cleanup.pids = readPids(startsFile);
        QCOMPARE(cleanup.pids.size(), expectedStarts + 1);
        QCOMPARE(cleanup.pids.last(), fixedPid);
        QTest::qWait(500); // the broken versions died 0.2 s after their handshake: this one must not
        QVERIFY(!processGone(fixedPid));
        QCOMPARE(readPids(startsFile).size(), expectedStarts + 1);

        cli.terminate();
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 0);
    }

    void hungStopIsBoundedByTheGrace_data()
    {
        QTest::addColumn<QString>("restartMode");
        QTest::newRow("blue_green") << u"blue_green"_s; // the new server serves while the old is stopped
        QTest::newRow("stop_start") << u"stop_start"_s; // the new server waits for the old to be gone
    }

    void hungStopIsBoundedByTheGrace()
    {
        QFETCH(QString, restartMode);
        constexpr int kGraceMs = 600;
        // stdin closed → grace → SIGTERM to the group → grace → SIGKILL of the tree.
        constexpr int kStopMs = 2 * kGraceMs;
        constexpr int kMarginMs = 1500; // debounce, a Python start, a loaded 2-core machine

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QVERIFY(writeFile(project + u"/src/tool.py"_s, "VERSION = 1\n"));
        QVERIFY(writeFile(project + u"/.foxreload.yaml"_s,
            u"server:\n"
            u"  command: python3\n"
            u"  args: ['%1/stubborn_server.py']\n"
            u"  shutdown_grace_ms: %2\n"
            u"  restart_mode: %3\n"
            u"watch:\n"
            u"  paths: [src]\n"
            u"  debounce_ms: 50\n"
            u"default_strategy: full_restart\n"_s.arg(kFixtures)
                .arg(kGraceMs)
                .arg(restartMode)
                .toUtf8()));

        QProcessEnvironment environment = isolatedEnvironment(home.path());
        environment.insert(u"FIXTURE_PID_FILE"_s, home.filePath(u"server.pid"_s));
        environment.insert(u"FIXTURE_CHILD_PID_FILE"_s, home.filePath(u"child.pid"_s));
        environment.insert(u"FIXTURE_MAX_LIFETIME_S"_s, u"60"_s);
        CliProcess cli;
        cli.setEnvironment(environment);
        cli.setWorkingDirectory(project);
        QVERIFY(cli.start({ u"run"_s, u"--json"_s, u"--no-game"_s, u"--trust"_s, u"--db"_s,
            home.filePath(u"history.sqlite"_s) }));

        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s) == 1, qPrintable(cli.allOutput()), 20000);
        const QJsonObject startup = cli.events(u"reload_finished"_s).first();
        QCOMPARE(startup.value("outcome"_L1).toString(), u"success"_s);
        const qint64 oldServer = startup.value("pid"_L1).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(readPids(home.filePath(u"server.pid"_s)).value(0), oldServer, 5000);
        const qint64 oldChild = readPids(home.filePath(u"child.pid"_s)).value(0);
        QVERIFY(!processGone(oldServer) && !processGone(oldChild));
        KillOnExit cleanup { { oldServer, oldChild } };

        const auto eventMs = [](const QJsonObject& event) {
            return QDateTime::fromString(event.value("time"_L1).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        };
        const auto oldServerExit
            = [&](const QJsonObject& event) { return event.value("pid"_L1).toInteger() == oldServer; };
        const qint64 editAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(writeFile(project + u"/src/tool.py"_s, "VERSION = 2\n"));
        qint64 goneAt = -1; // the old server and its child, as /proc sees them
        QTRY_VERIFY2_WITH_TIMEOUT(
            [&] {
                if (goneAt < 0 && processGone(oldServer) && processGone(oldChild))
                    goneAt = QDateTime::currentMSecsSinceEpoch();
                return goneAt >= 0 && cli.countEvents(u"reload_finished"_s, isFileChangeReload) == 1
                    && cli.countEvents(u"server_exited"_s, oldServerExit) == 1;
            }(),
            qPrintable(cli.allOutput()), kStopMs + 4 * kMarginMs);

        // FoxReload's own clock for each step (the events' times): when the reload started, when
        // the new server was ready, when the old one was seen to exit.
        const qint64 startedAt = eventMs(cli.events(u"reload_started"_s).last());
        const QJsonObject reload = cli.events(u"reload_finished"_s).last();
        const qint64 readyAt = eventMs(reload);
        const qint64 exitedAt = eventMs(cli.events(u"server_exited"_s).last());
        qInfo("%s: new server ready %lld ms, old server gone %lld ms after the edit; its stop took %lld ms "
              "(grace %d ms)",
            qPrintable(restartMode), qlonglong(readyAt - editAt), qlonglong(exitedAt - editAt),
            qlonglong(exitedAt - (restartMode == u"blue_green"_s ? readyAt : startedAt)), kGraceMs);
        QCOMPARE(reload.value("outcome"_L1).toString(), u"success"_s);
        QCOMPARE(reload.value("previousPid"_L1).toInteger(), oldServer);
        const qint64 newServer = reload.value("pid"_L1).toInteger();
        QVERIFY(newServer != oldServer);
        cleanup.pids += newServer;
        cleanup.pids += readPids(home.filePath(u"child.pid"_s));
        // The old server is stopped once the reload retires it: after the new one is ready with
        // blue_green, at once with stop_start. Not before the grace twice over (the stop was polite
        // first), not much after it; and its child goes with it.
        const qint64 stopMs = exitedAt - (restartMode == u"blue_green"_s ? readyAt : startedAt);
        QVERIFY2(stopMs >= kStopMs - 20 && stopMs <= kStopMs + 1000,
            qPrintable(u"the old server took %1 ms to go"_s.arg(stopMs)));
        QVERIFY2(goneAt - exitedAt <= 500, qPrintable(u"the tree went %1 ms later"_s.arg(goneAt - exitedAt)));
        if (restartMode == u"stop_start"_s)
            QVERIFY2(readyAt >= exitedAt, "the new server was started before the old one was gone");
        QVERIFY2(readyAt - editAt <= (restartMode == u"blue_green"_s ? 0 : kStopMs) + 2 * kMarginMs,
            qPrintable(QString::number(readyAt - editAt)));
        QVERIFY2(cli.stderrText().contains(u"ignored SIGTERM; killing its process tree"_s),
            qPrintable(cli.stderrText()));

        // The new server serves, and keeps serving.
        QVERIFY(!processGone(newServer));
        QCOMPARE(cli.countEvents(u"reload_finished"_s), 2);
        cli.terminate();
        QVERIFY(cli.waitForFinished(10000));
    }

    void signalEndsTheSessionCleanly_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<int>("expectedExitCode"); // docs/cli.md, "Exit codes"
        for (const int signalNumber : { SIGINT, SIGTERM, SIGHUP }) {
            const char* name = signalNumber == SIGINT ? "SIGINT"
                : signalNumber == SIGTERM             ? "SIGTERM"
                                                      : "SIGHUP";
            QTest::addRow("run, %s", name) << u"run"_s << signalNumber << 0;
            QTest::addRow("proxy, %s", name) << u"proxy"_s << signalNumber << 128 + signalNumber;
        }
    }

    void signalEndsTheSessionCleanly()
    {
        QFETCH(QString, command);
        QFETCH(int, signalNumber);
        QFETCH(int, expectedExitCode);

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        const QString treeFile = home.filePath(u"tree.pids"_s);
        const QString db = home.filePath(u"history.sqlite"_s);
        QProcessEnvironment environment = isolatedEnvironment(home.path());
        environment.insert(u"FIXTURE_TREE_PID_FILE"_s, treeFile);
        environment.insert(u"FIXTURE_MAX_LIFETIME_S"_s, u"60"_s);

        CliProcess cli;
        cli.setEnvironment(environment);
        cli.setWorkingDirectory(project);
        QVERIFY(cli.start({ command, u"--no-game"_s, u"--db"_s, db, u"--watch"_s, project + u"/src"_s,
            u"--"_s, u"python3"_s, kFixtures + u"/daemonizing_server.py"_s }));
        if (command == u"proxy"_s) {
            cli.process().write(kInitialize);
            QTRY_VERIFY2_WITH_TIMEOUT(
                cli.hasLineContaining(u"\"id\":1"_s), qPrintable(cli.allOutput()), 20000);
        } else {
            QTRY_VERIFY2_WITH_TIMEOUT(
                cli.hasLineContaining(u"server ready in"_s), qPrintable(cli.allOutput()), 20000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(readPids(treeFile).size(), 3, 10000);
        KillOnExit cleanup { readPids(treeFile) };
        QVERIFY2(survivors(cleanup.pids).split(u", "_s).size() == 3, qPrintable(survivors(cleanup.pids)));

        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(cli.process().processId()), signalNumber);
        QVERIFY2(cli.waitForFinished(10000), qPrintable(cli.allOutput()));
        const qint64 exitMs = clock.elapsed();
        qInfo("%s: exit %d after %lld ms", QTest::currentDataTag(), cli.exitCode(), qlonglong(exitMs));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), expectedExitCode);
        QVERIFY2(exitMs < 3000, qPrintable(u"took %1 ms"_s.arg(exitMs)));
        QTRY_VERIFY2_WITH_TIMEOUT(survivors(cleanup.pids).isEmpty(),
            qPrintable(u"still running after FoxReload ended: "_s + survivors(cleanup.pids)), 1000);
        const QString said = command == u"run"_s
            ? u"🦊 stopping the server (signal %1)…"_s.arg(signalNumber)
            : u"🦊 signal %1; stopping the server"_s.arg(signalNumber);
        QVERIFY2(cli.allOutput().contains(said), qPrintable(cli.allOutput()));

        // The history shows one session of this kind, ended, with its start recorded.
        const QList<SessionRow> sessions = readSessions(db);
        QVERIFY2(sessions.size() == 1, qPrintable(describeSessions(sessions)));
        QCOMPARE(sessions.first().kind, command);
        QVERIFY2(!sessions.first().endedMs.isNull(), qPrintable(describeSessions(sessions)));
        QVERIFY(sessions.first().endedMs.toLongLong() >= sessions.first().startedMs);
        QCOMPARE(sessions.first().reloads, 1);
    }

    void closedStdoutStopsRunCleanly_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<bool>("edit"); // an edit makes FoxReload write (and reload) right away
        QTest::newRow("text, idle") << false << false;
        QTest::newRow("text, an edit follows") << false << true;
        QTest::newRow("json, idle") << true << false;
        QTest::newRow("json, an edit follows") << true << true;
    }

    // `foxreload run | head -c1`: once the reader is gone, the next line FoxReload writes meets a
    // closed pipe. It must neither die of SIGPIPE in the middle of a reload (server left to its
    // supervisor, session never closed) nor go on for ever with no one to read it.
    void closedStdoutStopsRunCleanly()
    {
        QFETCH(bool, json);
        QFETCH(bool, edit);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QVERIFY(writeFile(project + u"/src/tool.py"_s, "VERSION = 0\n"));
        const QString db = home.filePath(u"history.sqlite"_s);
        const QString pidFile = home.filePath(u"server.pid"_s);
        QProcessEnvironment environment = isolatedEnvironment(home.path());
        environment.insert(u"FIXTURE_PID_FILE"_s, pidFile);

        // `| head -c1`, by hand: FoxReload's stdout is a pipe whose reader takes one byte and closes.
        int pipeEnds[2] = { -1, -1 };
        QVERIFY(::pipe2(pipeEnds, O_CLOEXEC) == 0);
        struct CloseOnExit
        {
            int* fds;
            ~CloseOnExit()
            {
                for (int i = 0; i < 2; ++i) {
                    if (fds[i] >= 0)
                        ::close(fds[i]);
                }
            }
        } closePipe { pipeEnds };
        QProcess foxreload;
        foxreload.setProcessEnvironment(environment);
        foxreload.setWorkingDirectory(project);
        foxreload.setStandardOutputFile(QProcess::nullDevice());
        foxreload.setChildProcessModifier([writeEnd = pipeEnds[1]] { ::dup2(writeEnd, STDOUT_FILENO); });
        QStringList arguments { u"run"_s, u"--no-game"_s, u"--db"_s, db, u"--watch"_s, project + u"/src"_s };
        if (json)
            arguments += u"--json"_s;
        arguments += { u"--"_s, u"python3"_s, kFixtures + u"/minimal_server.py"_s };
        foxreload.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        QVERIFY(foxreload.waitForStarted(10000));
        ::close(pipeEnds[1]);
        pipeEnds[1] = -1;
        KillOnExit cleanup;
        QTRY_VERIFY_WITH_TIMEOUT(readPids(pidFile).size() == 1, 20000);
        cleanup.pids = readPids(pidFile);
        pollfd readable { pipeEnds[0], POLLIN, 0 };
        QVERIFY(::poll(&readable, 1, 10000) == 1);
        char byte = 0;
        QCOMPARE(::read(pipeEnds[0], &byte, 1), 1);

        // Nobody reads FoxReload's stdout any more. Whether or not it has anything to write, it
        // stops the server the normal way, closes the session and says why.
        QElapsedTimer clock;
        clock.start();
        ::close(pipeEnds[0]);
        pipeEnds[0] = -1;
        if (edit)
            QVERIFY(writeFile(project + u"/src/tool.py"_s, "VERSION = 1\n"));
        QVERIFY2(foxreload.waitForFinished(10000), "still running 10 s after its stdout was closed");
        const qint64 exitMs = clock.elapsed();
        const QString errors = QString::fromUtf8(foxreload.readAllStandardError());
        qInfo("exit status %d, code %d after %lld ms", int(foxreload.exitStatus()), foxreload.exitCode(),
            qlonglong(exitMs));
        QVERIFY2(foxreload.exitStatus() == QProcess::NormalExit,
            qPrintable(u"killed (by SIGPIPE?) instead of stopping; stderr:\n"_s + errors));
        QCOMPARE(foxreload.exitCode(), 128 + SIGPIPE);
        QVERIFY2(exitMs < 3000, qPrintable(QString::number(exitMs)));
        QVERIFY2(errors.contains(u"foxreload run: stdout was closed by its reader; stopping the server"_s),
            qPrintable(errors));
        QTRY_VERIFY2_WITH_TIMEOUT(
            survivors(cleanup.pids).isEmpty(), qPrintable(survivors(cleanup.pids)), 1000);
        const QList<SessionRow> sessions = readSessions(db);
        QVERIFY2(sessions.size() == 1 && !sessions.first().endedMs.isNull(),
            qPrintable(describeSessions(sessions)));
    }

    void twoInstancesShareProjectAndDatabase()
    {
        constexpr int kEdits = 5;
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QVERIFY(writeFile(project + u"/src/tool.py"_s, "VERSION = 0\n"));
        const QString db = home.filePath(u"history.sqlite"_s);

        std::array<CliProcess, 2> instances;
        for (auto& cli : instances) {
            cli.setEnvironment(isolatedEnvironment(home.path()));
            cli.setWorkingDirectory(project);
            QVERIFY(cli.start({ u"run"_s, u"--json"_s, u"--no-game"_s, u"--db"_s, db, u"--watch"_s,
                project + u"/src"_s, u"--"_s, u"python3"_s, kFixtures + u"/minimal_server.py"_s }));
        }
        KillOnExit cleanup;
        const auto servingPid = [](const CliProcess& cli) {
            const QList<QJsonObject> finished = cli.events(u"reload_finished"_s);
            return finished.isEmpty() ? qint64(0) : finished.last().value("pid"_L1).toInteger();
        };
        for (auto& cli : instances) {
            QTRY_VERIFY2_WITH_TIMEOUT(
                cli.countEvents(u"reload_finished"_s) == 1, qPrintable(cli.allOutput()), 20000);
            cleanup.pids += servingPid(cli);
        }
        QVERIFY(servingPid(instances[0]) != servingPid(instances[1]));

        for (int edit = 1; edit <= kEdits; ++edit) {
            QList<qint64> before { servingPid(instances[0]), servingPid(instances[1]) };
            QVERIFY(writeFile(project + u"/src/tool.py"_s, u"VERSION = %1\n"_s.arg(edit).toUtf8()));
            for (int i = 0; i < 2; ++i) {
                QTRY_VERIFY2_WITH_TIMEOUT(
                    instances[i].countEvents(u"reload_finished"_s, isFileChangeReload) == edit,
                    qPrintable(instances[i].allOutput()), 15000);
                const qint64 now = servingPid(instances[i]);
                cleanup.pids += now;
                QVERIFY2(now != before[i] && !processGone(now), qPrintable(instances[i].allOutput()));
            }
        }
        for (auto& cli : instances) {
            QCOMPARE(
                cli.countEvents(u"reload_finished"_s,
                    [](const QJsonObject& e) { return e.value("outcome"_L1).toString() == "success"_L1; }),
                kEdits + 1);
            cli.terminate();
        }
        for (auto& cli : instances) {
            QVERIFY(cli.waitForFinished(10000));
            QCOMPARE(cli.exitCode(), 0);
            QVERIFY2(
                !cli.allOutput().contains(u"locked"_s, Qt::CaseInsensitive), qPrintable(cli.allOutput()));
            QCOMPARE(cli.countEvents(u"warning"_s), 0);
        }
        QVERIFY2(survivors(cleanup.pids).isEmpty(), qPrintable(survivors(cleanup.pids)));

        // Every reload of both sessions is in the database: as `stats` counts them (session starts
        // apart), and per session.
        CliProcess stats;
        stats.setEnvironment(isolatedEnvironment(home.path()));
        QVERIFY(stats.start({ u"stats"_s, u"--json"_s, u"--db"_s, db }));
        QVERIFY(stats.waitForFinished(10000));
        QCOMPARE(stats.exitCode(), 0);
        const QJsonObject totals = QJsonDocument::fromJson(stats.lines().join(u'\n').toUtf8())
                                       .object()
                                       .value("totals"_L1)
                                       .toObject();
        QCOMPARE(totals.value("sessions"_L1).toInteger(), 2);
        QCOMPARE(totals.value("reloads"_L1).toInteger(), 2 * kEdits);
        QCOMPARE(totals.value("succeeded"_L1).toInteger(), 2 * kEdits);
        const QList<SessionRow> sessions = readSessions(db);
        QVERIFY2(sessions.size() == 2, qPrintable(describeSessions(sessions)));
        for (const auto& session : sessions) {
            QVERIFY2(session.reloads == kEdits + 1 && !session.endedMs.isNull(),
                qPrintable(describeSessions(sessions)));
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultsProcess)
#include "tst_faults_process.moc"
