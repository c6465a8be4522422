// The Unix implementation of the platform layer's process pieces with real processes:
// ChildStdin (the server's stdin pipe) and OutputBurst (its lines written together), ProcessSupervisor
// (the tree and its stop order) and ConsoleSignals (SIGINT/SIGTERM/SIGHUP on the event loop).
#include "platform/ChildStdin.h"
#include "platform/ConsoleSignals.h"
#include "platform/OutputBurst.h"
#include "platform/ProcessSupervisor.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload::platform;

namespace {
// A child under supervision, started the way ServerProcess starts a server.
struct SupervisedChild
{
    QProcess process;
    ChildStdin stdinPipe;
    std::unique_ptr<ProcessSupervisor> supervisor = std::make_unique<ProcessSupervisor>();

    bool start(const QString& program, const QStringList& arguments)
    {
        if (!stdinPipe.prepare(process).isEmpty())
            return false;
        process.setProgram(program);
        process.setArguments(arguments);
        supervisor->prepare(process, stdinPipe.childEnd());
        process.start(stdinPipe.processOpenMode());
        stdinPipe.releaseChildEnd();
        if (!process.waitForStarted(5000))
            return false;
        supervisor->afterStart(process.processId());
        return true;
    }
};

// Which program the supervisor runs as, for the objects made while this lives: the small
// foxreload-supervisor program, or (a path that does not exist) the test's own executable.
class SupervisorProgram
{
public:
    explicit SupervisorProgram(const QString& program)
        : m_previous(qgetenv("FOXRELOAD_SUPERVISOR"))
        , m_wasSet(qEnvironmentVariableIsSet("FOXRELOAD_SUPERVISOR"))
    {
        qputenv("FOXRELOAD_SUPERVISOR", QFile::encodeName(program));
    }
    ~SupervisorProgram()
    {
        if (m_wasSet)
            qputenv("FOXRELOAD_SUPERVISOR", m_previous);
        else
            qunsetenv("FOXRELOAD_SUPERVISOR");
    }
    SupervisorProgram(const SupervisorProgram&) = delete;
    SupervisorProgram& operator=(const SupervisorProgram&) = delete;

private:
    QByteArray m_previous;
    bool m_wasSet;
};

// The two programs the supervisor can run as; each supervisor test runs with both.
struct SupervisorRow
{
    const char* label;
    QString program; // FOXRELOAD_SUPERVISOR
    QString executable; // what /proc/<supervisor>/exe then names
};

QList<SupervisorRow> supervisorRows()
{
    QList<SupervisorRow> rows;
#ifdef FOXRELOAD_SUPERVISOR_PROGRAM
    const QString helper = QFileInfo(QStringLiteral(FOXRELOAD_SUPERVISOR_PROGRAM)).canonicalFilePath();
    rows.append({ "program", helper, helper });
#endif
    rows.append({ "own executable", u"/nonexistent/foxreload-supervisor"_s,
        QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath() });
    return rows;
}

void addSupervisorRows()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("executable");
    for (const SupervisorRow& row : supervisorRows())
        QTest::newRow(row.label) << row.program << row.executable;
}

bool pidGone(qint64 pid)
{
    // Gone, or a zombie nobody reaps any more.
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) == "Z";
}

// What `cat` echoed of `expected`, read without the event loop: only what was really written to
// its stdin can come back.
QByteArray echoedWithoutEventLoop(QProcess& cat, qsizetype expected, int timeoutMs)
{
    QByteArray echoed;
    while (echoed.size() < expected && cat.waitForReadyRead(timeoutMs))
        echoed += cat.readAllStandardOutput();
    return echoed;
}
} // namespace

class TestPlatformProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void childStdinCarriesLines_data();
    void childStdinCarriesLines();
    void lineOutsideABurstIsWrittenAtOnce();
    void burstWritesItsLinesWhenTheOutermostEnds();
    void burstOutlivesAPipeDestroyedInIt();
    void closeWhenWrittenSendsEofAfterTheQueue();
    void supervisorRunsAsTheProgramFound_data();
    void supervisorRunsAsTheProgramFound();
    void exitIsTheServers_data();
    void exitIsTheServers();
    void serverGetsItsEnvironment_data();
    void serverGetsItsEnvironment();
    void programThatCannotRunFailsToStart();
    void terminateGroupThenKillTree_data();
    void terminateGroupThenKillTree();
    void destroyingTheSupervisorKillsTheTree_data();
    void destroyingTheSupervisorKillsTheTree();
    void consoleSignals_data();
    void consoleSignals();
};

void TestPlatformProcess::childStdinCarriesLines_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("lineSize");
    QTest::addColumn<bool>("inBurst");
    for (const bool inBurst : { false, true }) {
        const char* how = inBurst ? "in a burst" : "one by one";
        QTest::addRow("one short line, %s", how) << 1 << 10 << inBurst;
        QTest::addRow("many lines, %s", how) << 2000 << 100 << inBurst;
        QTest::addRow("lines larger than the pipe (queued), %s", how) << 8 << 300000 << inBurst;
    }
}

void TestPlatformProcess::childStdinCarriesLines()
{
    QFETCH(int, lines);
    QFETCH(int, lineSize);
    QFETCH(bool, inBurst);
    SupervisedChild child;
    QVERIFY(child.start(u"cat"_s, {}));
    QVERIFY(child.stdinPipe.isOpen());
    QByteArray expected;
    {
        std::optional<OutputBurst> burst;
        if (inBurst)
            burst.emplace();
        for (int i = 0; i < lines; ++i) {
            const QByteArray line = QByteArray::number(i).leftJustified(lineSize, 'x');
            child.stdinPipe.writeLine(line);
            expected += line + '\n';
        }
    }
    child.stdinPipe.closeWhenWritten();
    QByteArray echoed;
    QObject::connect(&child.process, &QProcess::readyReadStandardOutput,
        [&] { echoed += child.process.readAllStandardOutput(); });
    QTRY_VERIFY_WITH_TIMEOUT(child.process.state() == QProcess::NotRunning, 30000);
    echoed += child.process.readAllStandardOutput();
    QCOMPARE(echoed.size(), expected.size());
    QVERIFY(echoed == expected); // in order, nothing lost or doubled
    QCOMPARE(child.process.exitCode(), 0); // cat saw EOF: the stdin closed once written
    QVERIFY(!child.stdinPipe.isOpen());
}

void TestPlatformProcess::lineOutsideABurstIsWrittenAtOnce()
{
    // Nothing runs the event loop here: the line must be in the pipe when writeLine() returns.
    SupervisedChild child;
    QVERIFY(child.start(u"cat"_s, {}));
    QVERIFY(!OutputBurst::isOpen());
    child.stdinPipe.writeLine("alone");
    QCOMPARE(echoedWithoutEventLoop(child.process, 6, 10000), "alone\n"_ba);
}

void TestPlatformProcess::burstWritesItsLinesWhenTheOutermostEnds()
{
    SupervisedChild child;
    QVERIFY(child.start(u"cat"_s, {}));
    const QByteArray expected = "one\ntwo\nthree\n"_ba;
    {
        const OutputBurst outer;
        {
            const OutputBurst inner;
            QVERIFY(OutputBurst::isOpen());
            child.stdinPipe.writeLine("one");
            child.stdinPipe.writeLine("two");
        }
        QVERIFY(OutputBurst::isOpen()); // the inner end is not the burst's end
        child.stdinPipe.writeLine("three");
        // Not one byte reached the pipe yet, so cat has nothing to echo.
        QVERIFY(echoedWithoutEventLoop(child.process, 1, 300).isEmpty());
    }
    QVERIFY(!OutputBurst::isOpen());
    QCOMPARE(echoedWithoutEventLoop(child.process, expected.size(), 10000), expected);
}

void TestPlatformProcess::burstOutlivesAPipeDestroyedInIt()
{
    // A server that exits during a burst takes its pipe with it; the burst's end must not touch it.
    auto doomed = std::make_unique<SupervisedChild>();
    SupervisedChild survivor;
    QVERIFY(doomed->start(u"cat"_s, {}));
    QVERIFY(survivor.start(u"cat"_s, {}));
    {
        const OutputBurst burst;
        doomed->stdinPipe.writeLine("lost");
        survivor.stdinPipe.writeLine("kept");
        doomed.reset();
    }
    QCOMPARE(echoedWithoutEventLoop(survivor.process, 5, 10000), "kept\n"_ba);
}

void TestPlatformProcess::closeWhenWrittenSendsEofAfterTheQueue()
{
    // A server that does not read yet: the queue holds, and EOF waits behind it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(u"out"_s);
    SupervisedChild child;
    QVERIFY(child.start(u"sh"_s, { u"-c"_s, u"sleep 1; cat > \"$0\""_s, out }));
    const QByteArray line(256 * 1024, 'y');
    child.stdinPipe.writeLine(line);
    child.stdinPipe.closeWhenWritten();
    QVERIFY(child.stdinPipe.isOpen()); // still writing the queue
    QTRY_VERIFY_WITH_TIMEOUT(child.process.state() == QProcess::NotRunning, 30000);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.size(), line.size() + 1);
    QVERIFY(!child.stdinPipe.isOpen());
}

void TestPlatformProcess::supervisorRunsAsTheProgramFound_data()
{
    addSupervisorRows();
}

void TestPlatformProcess::supervisorRunsAsTheProgramFound()
{
    QFETCH(QString, program);
    QFETCH(QString, executable);
#ifndef Q_OS_LINUX
    QSKIP("the supervisor process is Linux's (ProcessSupervisor_mac.cpp uses a process group)");
#endif
    const SupervisorProgram use(program);
    SupervisedChild child;
    QVERIFY(child.start(u"sleep"_s, { u"300"_s }));
    const qint64 supervisor = child.process.processId();
    QVERIFY(child.supervisor->serverPid() != supervisor);
    QCOMPARE(QFile::symLinkTarget(u"/proc/%1/exe"_s.arg(supervisor)), executable);
    // It names itself once running (the fallback first loads everything FoxReload links).
    const auto name = [supervisor] {
        QFile comm(u"/proc/%1/comm"_s.arg(supervisor));
        return comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed() : QByteArray {};
    };
    QTRY_COMPARE_WITH_TIMEOUT(name(), QByteArray("foxreload-sv"), 10000);
    child.supervisor->killTree();
    QTRY_VERIFY_WITH_TIMEOUT(child.process.state() == QProcess::NotRunning, 10000);
}

void TestPlatformProcess::exitIsTheServers_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("exitStatus");
    QTest::addColumn<int>("exitCode");
    const QList<std::tuple<QString, QString, int, int>> ends {
        { u"exits 0"_s, u"exit 0"_s, QProcess::NormalExit, 0 },
        { u"exits 7"_s, u"exit 7"_s, QProcess::NormalExit, 7 },
        { u"dies of SIGSEGV"_s, u"kill -SEGV $$"_s, QProcess::CrashExit, SIGSEGV },
    };
    for (const SupervisorRow& row : supervisorRows()) {
        for (const auto& [label, script, status, code] : ends)
            QTest::addRow("%s, %s", row.label, qPrintable(label)) << row.program << script << status << code;
    }
}

void TestPlatformProcess::exitIsTheServers()
{
    // QProcess waits for the supervisor; what it reports must be what the server did.
    QFETCH(QString, program);
    QFETCH(QString, script);
    QFETCH(int, exitStatus);
    QFETCH(int, exitCode);
    const SupervisorProgram use(program);
    SupervisedChild child;
    QVERIFY(child.start(u"sh"_s, { u"-c"_s, script }));
    QTRY_VERIFY_WITH_TIMEOUT(child.process.state() == QProcess::NotRunning, 10000);
    QCOMPARE(int(child.process.exitStatus()), exitStatus);
    QCOMPARE(child.process.exitCode(), exitCode);
}

void TestPlatformProcess::serverGetsItsEnvironment_data()
{
    QTest::addColumn<bool>("ownEnvironment");
    QTest::newRow("set with setProcessEnvironment") << true;
    QTest::newRow("inherited from FoxReload") << false;
}

void TestPlatformProcess::serverGetsItsEnvironment()
{
    // The server's exec is prepared by ProcessSupervisor, not QProcess: it must see what QProcess
    // would have given it, arguments with spaces included.
    QFETCH(bool, ownEnvironment);
    qputenv("FOXRELOAD_TEST_INHERITED", "from the parent");
    SupervisedChild child;
    if (ownEnvironment) {
        QProcessEnvironment environment;
        environment.insert(u"FOXRELOAD_TEST_OWN"_s, u"given to the server"_s);
        environment.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        child.process.setProcessEnvironment(environment);
    }
    QVERIFY(child.start(u"sh"_s,
        { u"-c"_s, u"printf '%s|%s|%s' \"$FOXRELOAD_TEST_OWN\" \"$FOXRELOAD_TEST_INHERITED\" \"$0\""_s,
            u"an argument with spaces"_s }));
    QTRY_VERIFY_WITH_TIMEOUT(child.process.state() == QProcess::NotRunning, 10000);
    qunsetenv("FOXRELOAD_TEST_INHERITED");
    const QByteArray expected = ownEnvironment ? "given to the server||an argument with spaces"
                                               : "|from the parent|an argument with spaces";
    QCOMPARE(child.process.readAllStandardOutput(), expected);
    QCOMPARE(child.process.exitCode(), 0);
}

void TestPlatformProcess::programThatCannotRunFailsToStart()
{
    // Executable, but not a program the kernel can run: QProcess reports it as it always did.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"not-a-program"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\x7f"
               "ELF this is not an executable\n");
    file.close();
    QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeOwner));
    SupervisedChild child;
    QSignalSpy errors(&child.process, &QProcess::errorOccurred);
    QVERIFY(!child.start(path, {}));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QCOMPARE(errors.first().first().value<QProcess::ProcessError>(), QProcess::FailedToStart);
}

void TestPlatformProcess::terminateGroupThenKillTree_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("ignoresTerm");
    for (const SupervisorRow& row : supervisorRows()) {
        QTest::addRow("%s, ends on SIGTERM", row.label) << row.program << false;
        QTest::addRow("%s, ignores SIGTERM: killTree", row.label) << row.program << true;
    }
}

void TestPlatformProcess::terminateGroupThenKillTree()
{
    QFETCH(QString, program);
    QFETCH(bool, ignoresTerm);
    const SupervisorProgram use(program);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pids = dir.filePath(u"pids"_s);
    // The server and a grandchild in the background; both must go.
    const QString script = (ignoresTerm ? u"trap '' TERM; "_s : QString {})
        + u"sleep 300 & echo $$ $! > \"$0\"; wait; sleep 300"_s;
    SupervisedChild child;
    QVERIFY(child.start(u"sh"_s, { u"-c"_s, script, pids }));
    QTRY_VERIFY_WITH_TIMEOUT(QFile(pids).size() > 0, 10000);
    QFile file(pids);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> ids = file.readAll().trimmed().split(' ');
    QCOMPARE(ids.size(), 2);
    const qint64 server = ids[0].toLongLong();
    const qint64 grandchild = ids[1].toLongLong();
    QCOMPARE(child.supervisor->serverPid(), server); // the server's own pid, not its supervisor's

    child.supervisor->terminateGroup();
    if (ignoresTerm) {
        QTest::qWait(500);
        QVERIFY2(!pidGone(server), "a server that ignores SIGTERM is still there");
        child.supervisor->killTree();
    }
    QTRY_VERIFY_WITH_TIMEOUT(child.process.state() == QProcess::NotRunning, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pidGone(server) && pidGone(grandchild), 10000);
}

void TestPlatformProcess::destroyingTheSupervisorKillsTheTree_data()
{
    addSupervisorRows();
}

void TestPlatformProcess::destroyingTheSupervisorKillsTheTree()
{
    QFETCH(QString, program);
    const SupervisorProgram use(program);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pids = dir.filePath(u"pids"_s);
    qint64 grandchild = 0;
    {
        auto child = std::make_unique<SupervisedChild>();
        QVERIFY(child->start(u"sh"_s, { u"-c"_s, u"setsid sleep 300 & echo $! > \"$0\"; wait"_s, pids }));
        QTRY_VERIFY_WITH_TIMEOUT(QFile(pids).size() > 0, 10000);
        QFile file(pids);
        QVERIFY(file.open(QIODevice::ReadOnly));
        grandchild = file.readAll().trimmed().toLongLong();
        QVERIFY(grandchild > 0);
        // Let go without any stop: the supervisor's destructor is the kill order (QProcess, which
        // would SIGKILL its child at once, stays until the tree is gone).
        child->supervisor.reset();
        QTRY_VERIFY_WITH_TIMEOUT(child->process.state() == QProcess::NotRunning, 10000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(pidGone(grandchild), 10000); // even one that left the group (setsid)
}

void TestPlatformProcess::consoleSignals_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestPlatformProcess::consoleSignals()
{
    QFETCH(int, signalNumber);
    QCOMPARE(ConsoleSignals::kInterrupt, SIGINT);
    QCOMPARE(ConsoleSignals::kTerminate, SIGTERM);
    QCOMPARE(ConsoleSignals::kHangUp, SIGHUP);
    {
        ConsoleSignals signals;
        QSignalSpy spy(&signals, &ConsoleSignals::terminationRequested);
        QCOMPARE(::kill(::getpid(), signalNumber), 0); // would end the test without the handler
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 10000);
        QCOMPARE(spy.at(0).at(0).toInt(), signalNumber);
    }
    // Gone with the object: the default action is back.
    struct sigaction current = {};
    QCOMPARE(::sigaction(signalNumber, nullptr, &current), 0);
    QVERIFY(current.sa_handler == SIG_DFL);
}

QTEST_GUILESS_MAIN(TestPlatformProcess)
#include "tst_platform_process.moc"
