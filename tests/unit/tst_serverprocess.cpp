// ServerProcess's stop, in the MCP stdio order: close stdin, wait the grace period, SIGTERM the
// process group, wait again, kill the whole tree. Real children that ignore one step more each;
// the children and FoxReload's own log write to one file, so the file is the order of events.

#include "common/ExampleProject.h"
#include "server/ServerProcess.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kGraceMs = 300;

// STOP_MODE=polite: exits when stdin ends. ignore_eof: stays after stdin ends, exits on SIGTERM.
// ignore_term: ignores both, and so does a child of its own in its process group. Every step it
// sees goes to STOP_LOG; its pid (and the child's) to STOP_PIDS once its handlers are in place.
const QByteArray kServer = R"PY(
import os, signal, subprocess, sys, time
mode = os.environ["STOP_MODE"]
log_path = os.environ["STOP_LOG"]

def log(what):
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(fd, (what + "\n").encode())
    os.close(fd)

def on_term(*_):
    log("server: SIGTERM")
    if mode == "ignore_eof":
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

signal.signal(signal.SIGTERM, on_term)
pids = [os.getpid()]
if mode == "ignore_term":
    child = subprocess.Popen([sys.executable, "-c",
        "import signal, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('ready', flush=True)\n"
        "time.sleep(120)\n"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    child.stdout.readline()
    pids.append(child.pid)
tmp = os.environ["STOP_PIDS"] + ".tmp"
with open(tmp, "w") as f:
    f.write(" ".join(str(p) for p in pids))
os.rename(tmp, os.environ["STOP_PIDS"])
sys.stdin.buffer.read()
log("server: stdin closed")
if mode == "polite":
    sys.exit(0)
deadline = time.monotonic() + 120  # a safety net: never outlive a failed test for long
while time.monotonic() < deadline:
    time.sleep(0.05)
)PY";

QString g_logPath;
QtMessageHandler g_previousHandler = nullptr;

// FoxReload's own account of the escalation, appended to the children's log as it happens.
void recordEscalation(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (!g_logPath.isEmpty() && message.contains(u"SIGTERM"_s) && message.contains(u"sending"_s))
        appendToFile(g_logPath, "foxreload: SIGTERM sent\n");
    else if (!g_logPath.isEmpty() && message.contains(u"killing its process tree"_s))
        appendToFile(g_logPath, "foxreload: tree killed\n");
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QStringList logLines(const QString& path)
{
    return QString::fromUtf8(readFile(path)).split(u'\n', Qt::SkipEmptyParts);
}
} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(), "python3 runs the test servers");
        g_previousHandler = qInstallMessageHandler(recordEscalation);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    // start() never waits for the spawn (on the desktop it runs on the GUI thread): the outcome
    // arrives from the event loop, a failure saying what was looked for where.
    void startIsAsynchronous_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("cwd"); // relative to the temporary directory
        QTest::addColumn<QString>("failure"); // empty: it starts

        QTest::newRow("starts") << u"python3"_s << QString() << QString();
        QTest::newRow("missing command")
            << u"./no-such-server"_s << QString() << u"no such file or directory"_s;
        QTest::newRow("not executable") << u"./server.py"_s << QString() << u"not an executable file"_s;
        QTest::newRow("no working directory") << u"python3"_s << u"gone"_s << u"does not exist"_s;
    }

    void startIsAsynchronous()
    {
        QFETCH(QString, command);
        QFETCH(QString, cwd);
        QFETCH(QString, failure);

        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"server.py"_s), kServer));
        ServerSettings settings;
        settings.command = command;
        settings.args = { dir.filePath(u"server.py"_s) };
        settings.cwd = cwd.isEmpty() ? dir.path() : dir.filePath(cwd);
        settings.env.insert(u"STOP_MODE"_s, u"polite"_s);
        settings.env.insert(u"STOP_LOG"_s, dir.filePath(u"stop.log"_s));
        settings.env.insert(u"STOP_PIDS"_s, dir.filePath(u"pids"_s));
        ServerProcess process(settings);
        QSignalSpy started(&process, &ServerProcess::started);
        QSignalSpy failed(&process, &ServerProcess::failedToStart);
        process.start();
        QCOMPARE(started.size(), 0);
        QCOMPARE(failed.size(), 0);
        if (failure.isEmpty()) {
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
            QCOMPARE(started.first().first().toLongLong(), process.pid());
            QVERIFY(process.pid() > 0);
            QVERIFY(process.isRunning());
            process.kill();
            QSignalSpy finished(&process, &ServerProcess::finished);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
            const QString error = failed.first().first().toString();
            QVERIFY2(
                error.startsWith(u"cannot start server: "_s) && error.contains(failure), qPrintable(error));
            QCOMPARE(started.size(), 0);
            QVERIFY(!process.isRunning());
        }
        QCOMPARE(failed.size() + started.size(), 1);
    }

    void stopEscalates_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expectedLog");
        QTest::addColumn<int>("minimumGraces"); // grace periods that must pass before the end
        QTest::addColumn<bool>("crashed"); // ended by a signal rather than an exit of its own

        QTest::newRow("exits when stdin closes")
            << u"polite"_s << QStringList { u"server: stdin closed"_s } << 0 << false;
        QTest::newRow("ignores stdin EOF, obeys SIGTERM")
            << u"ignore_eof"_s
            << QStringList { u"server: stdin closed"_s, u"foxreload: SIGTERM sent"_s, u"server: SIGTERM"_s }
            << 1 << true;
        QTest::newRow("ignores stdin EOF and SIGTERM, with a child that does too")
            << u"ignore_term"_s
            << QStringList { u"server: stdin closed"_s, u"foxreload: SIGTERM sent"_s, u"server: SIGTERM"_s,
                   u"foxreload: tree killed"_s }
            << 2 << true;
    }

    void stopEscalates()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expectedLog);
        QFETCH(int, minimumGraces);
        QFETCH(bool, crashed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"server.py"_s), kServer));
        ServerSettings settings;
        settings.command = u"python3"_s;
        settings.args = { dir.filePath(u"server.py"_s) };
        settings.cwd = dir.path();
        settings.shutdownGraceMs = kGraceMs;
        settings.env.insert(u"STOP_MODE"_s, mode);
        settings.env.insert(u"STOP_LOG"_s, dir.filePath(u"stop.log"_s));
        settings.env.insert(u"STOP_PIDS"_s, dir.filePath(u"pids"_s));

        ServerProcess process(settings);
        QSignalSpy started(&process, &ServerProcess::started);
        QSignalSpy failed(&process, &ServerProcess::failedToStart);
        QSignalSpy finished(&process, &ServerProcess::finished);
        process.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        QCOMPARE(failed.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(u"pids"_s)), 20000);
        QList<qint64> pids;
        for (const auto& pid : QString::fromUtf8(readFile(dir.filePath(u"pids"_s))).split(u' '))
            pids.append(pid.toLongLong());
        QCOMPARE(pids.first(), process.pid());
        for (const qint64 pid : std::as_const(pids))
            QVERIFY(processAlive(pid));

        g_logPath = dir.filePath(u"stop.log"_s);
        QElapsedTimer clock;
        clock.start();
        process.stop();
        QVERIFY(process.isStopping());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const qint64 tookMs = clock.elapsed();
        g_logPath.clear();

        QCOMPARE(logLines(dir.filePath(u"stop.log"_s)), expectedLog);
        // A step is never taken before the server had its grace period.
        QVERIFY2(
            tookMs >= qint64(minimumGraces) * kGraceMs, qPrintable(u"stopped after %1 ms"_s.arg(tookMs)));
        const auto status = finished.first().at(1).value<QProcess::ExitStatus>();
        QCOMPARE(status == QProcess::CrashExit, crashed);
        QVERIFY(finished.first().at(2).toBool()); // requested
        // Nothing of the tree is left: the server, its child, and no supervisor either.
        for (const qint64 pid : std::as_const(pids))
            QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 5000);
        QVERIFY(!process.isRunning());
    }

    // kill() skips the grace periods: the tree is gone at once, even one that ignores SIGTERM.
    void killIsImmediate()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"server.py"_s), kServer));
        ServerSettings settings;
        settings.command = u"python3"_s;
        settings.args = { dir.filePath(u"server.py"_s) };
        settings.cwd = dir.path();
        settings.shutdownGraceMs = 60000;
        settings.env.insert(u"STOP_MODE"_s, u"ignore_term"_s);
        settings.env.insert(u"STOP_LOG"_s, dir.filePath(u"stop.log"_s));
        settings.env.insert(u"STOP_PIDS"_s, dir.filePath(u"pids"_s));
        ServerProcess process(settings);
        QSignalSpy finished(&process, &ServerProcess::finished);
        process.start();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(u"pids"_s)), 20000);
        const QStringList pids = QString::fromUtf8(readFile(dir.filePath(u"pids"_s))).split(u' ');
        QCOMPARE(pids.size(), 2);
        process.kill();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000); // far within the 60 s grace
        QVERIFY(finished.first().at(2).toBool());
        for (const QString& pid : pids)
            QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid.toLongLong()), 5000);
        QVERIFY(logLines(dir.filePath(u"stop.log"_s)).isEmpty()); // no stdin EOF, no SIGTERM first
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
