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

#include "common/CliProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
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
constexpr auto kLoopServer = R"(import os, sys, threading
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
)";

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray loopServer(const char* mode)
{
    return QByteArray(kLoopServer).replace("@MODE@", mode);
}

// A zombie counts as gone: it runs nothing, and its parent (or init) reaps it.
bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

// utime + stime of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

QList<qint64> readPids(const QString& path)
{
    QFile file(path);
    QList<qint64> pids;
    if (!file.open(QIODevice::ReadOnly))
        return pids;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0)
            pids.append(pid);
    }
    return pids;
}

QString survivors(const QList<qint64>& pids)
{
    QStringList alive;
    for (const qint64 pid : pids) {
        if (!processGone(pid))
            alive.append(QString::number(pid));
    }
    return alive.join(u", "_s);
}

// A failing test must not leave its fixtures running for the rest of the suite.
struct KillOnExit
{
    QList<qint64> pids;
    ~KillOnExit()
    {
        for (const qint64 pid : std::as_const(pids)) {
            if (!processGone(pid))
                ::kill(pid_t(pid), SIGKILL);
        }
    }
};

int countLines(const QStringList& lines, const QString& text)
{
    return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QString& line) { return line.contains(text); }));
}

struct SessionRow
{
    qint64 id = 0;
    QString kind;
    qint64 startedMs = 0;
    QVariant endedMs;
    int reloads = 0;
};

// What the history database holds, read with SQLite directly: the sessions and their reloads.
QList<SessionRow> readSessions(const QString& path)
{
    QList<SessionRow> rows;
    const QString connection = u"tst_faults_process_"_s + QString::number(quintptr(&rows));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(u"SELECT s.id, s.kind, s.started_ms, s.ended_ms,"
                       u" (SELECT COUNT(*) FROM reloads r WHERE r.session_id = s.id)"
                       u" FROM sessions s ORDER BY s.id"_s);
            while (query.next())
                rows.append({ query.value(0).toLongLong(), query.value(1).toString(),
                    query.value(2).toLongLong(), query.value(3), query.value(4).toInt() });
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

QString describeSessions(const QList<SessionRow>& rows)
{
    QStringList parts;
    for (const auto& row : rows)
        parts.append(u"#%1 %2 started %3 ended %4, %5 reloads"_s.arg(row.id)
                .arg(row.kind)
                .arg(row.startedMs)
                .arg(row.endedMs.isNull() ? u"never"_s : row.endedMs.toString())
                .arg(row.reloads));
    return parts.join(u"; "_s);
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
        QTest::newRow("serves once, every restart exits at once") << QByteArray("exit_at_restart") << 3 << loop;
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

        QTRY_VERIFY2_WITH_TIMEOUT(cli.lines().contains(expectedLine) || cli.hasLineContaining(expectedLine),
            qPrintable(cli.allOutput()), 20000);
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
        QCOMPARE(countLines(cli.lines(), u"not restarting it"_s), expectedLine.contains(u"not restarting"_s) ? 1 : 0);
        QVERIFY2(idleCpu < 0.15, qPrintable(u"%1 s of CPU while waiting for an edit"_s.arg(idleCpu)));
        QVERIFY2(cpuSeconds(foxreload) < 2.0, qPrintable(u"%1 s of CPU in all"_s.arg(cpuSeconds(foxreload))));
        QVERIFY2(survivors(cleanup.pids).isEmpty(), qPrintable(u"still running: "_s + survivors(cleanup.pids)));

        // The user fixes the server: one start, and it serves.
        const qsizetype linesBefore = cli.lines().size();
        QVERIFY(writeFile(project + u"/server.py"_s, loopServer("serve")));
        static const QRegularExpression ready(u"server\\.py modified → full restart .* … ready in \\d+ ms \\(pid (\\d+), 1 tool\\)"_s);
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
};

QTEST_GUILESS_MAIN(TestFaultsProcess)
#include "tst_faults_process.moc"
