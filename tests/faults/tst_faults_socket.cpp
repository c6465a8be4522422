// Fault: the session event socket ($XDG_RUNTIME_DIR/foxreload/session-<pid>.sock) meets what other
// programs left or planted there, and hostile peers: a stale socket of a killed FoxReload with the
// same pid; a regular file, a FIFO, a directory or a symbolic link at the socket path; a symbolic
// link, a loose mode or a stranger's ownership at the socket directory; no XDG_RUNTIME_DIR at all;
// a peer that connects and never reads while a burst of 12 MiB of events is written; peers that send garbage;
// a hundred peers at once.
// Promise: the directory is 0700 and the socket accepts only its owner (no group/other bits); a
// stale socket is replaced; anything else at those paths is neither followed nor deleted nor
// chmodded: FoxReload says why it has no socket and the session runs on without one. A peer that
// does not read is disconnected once 4 MiB pile up (FoxReload never blocks, its memory stays
// bounded, the other peers get every event); garbage gets a command_result with ok:false per line
// (a line over 64 KiB: "line too long"), and the same peer's next valid command works; a hundred
// peers all get the hello and every event, and their descriptors are given back when they go
// (docs/event-socket.md, docs/reliability.md).

#include "MemoryProbes.h"
#include "common/CliProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {
constexpr int kStartTimeout = 30000;
constexpr qint64 kMaxBacklogBytes = 4 * 1024 * 1024; // docs/event-socket.md
// Enough to catch a FoxReload that lets even a fast reader fall 4 MiB behind (20,000 was not).
constexpr int kFloodLines = 40000;
const QString kFixture = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures/rpc_fault_server.py");

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray {};
}

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

struct FileState
{
    bool exists = false;
    mode_t mode = 0;
    uid_t owner = 0;
};

FileState lstatOf(const QString& path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return { true, info.st_mode, info.st_uid };
}

int openDescriptors(qint64 pid)
{
    return int(QDir(u"/proc/%1/fd"_s.arg(pid))
                   .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                   .size());
}

// A socket file nobody listens on: bound, then closed without unlinking (what a kill -9 leaves).
bool plantStaleSocket(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    if (fd < 0 || size_t(native.size()) >= sizeof address.sun_path)
        return false;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

// A raw peer that connects and then never reads (a QLocalSocket would read into its own buffer).
class SilentPeer
{
public:
    explicit SilentPeer(const QString& path)
        : m_fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        const int small = 4096; // the backlog piles up on FoxReload's side at once
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~SilentPeer() { ::close(m_fd); }
    bool isConnected() const { return m_connected; }
    // Reads what is there until end of file (true) or until nothing comes for `quietMs`.
    bool drainUntilClosed(qint64* total, int quietMs)
    {
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
        QElapsedTimer quiet;
        quiet.start();
        char buffer[65536];
        while (quiet.elapsed() < quietMs) {
            const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
            if (got == 0)
                return true;
            if (got < 0 && errno == ECONNRESET)
                return true;
            if (got > 0) {
                *total += got;
                quiet.restart();
            } else {
                QTest::qWait(5);
            }
        }
        return false;
    }

private:
    int m_fd;
    bool m_connected = false;
};

// A peer that reads as fast as it can, on a thread of its own (a test's QTRY loop sleeps between
// turns, which would make any reader look slow): it counts the flood lines and keeps the others.
class FastPeer
{
public:
    explicit FastPeer(const QString& path)
        : m_fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
            m_thread = std::thread([this] { readLoop(); });
    }
    ~FastPeer()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_fd);
    }
    bool isConnected() const { return m_thread.joinable(); }
    void send(const QByteArray& bytes) { (void)!::write(m_fd, bytes.constData(), size_t(bytes.size())); }
    int floodLines() const { return m_floodLines; }
    bool floodDone() const { return m_floodDone; }
    bool closed() const { return m_closed; }
    bool hasLineContaining(const QByteArray& text) const
    {
        const std::lock_guard lock(m_mutex);
        return std::any_of(m_otherLines.cbegin(), m_otherLines.cend(),
            [&](const QByteArray& line) { return line.contains(text); });
    }

private:
    void readLoop()
    {
        QByteArray pending;
        char buffer[65536];
        for (;;) {
            const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
            if (got <= 0 && !(got < 0 && errno == EINTR))
                break;
            if (got <= 0)
                continue;
            pending.append(buffer, got);
            qsizetype start = 0;
            qsizetype newline;
            while ((newline = pending.indexOf('\n', start)) >= 0) {
                const QByteArray line = pending.mid(start, newline - start);
                start = newline + 1;
                if (line.contains("flood line")) {
                    ++m_floodLines;
                } else {
                    m_floodDone = m_floodDone || line.contains("flood done");
                    const std::lock_guard lock(m_mutex);
                    m_otherLines.append(line);
                }
            }
            pending.remove(0, start);
        }
        m_closed = true;
    }

    int m_fd;
    std::thread m_thread;
    std::atomic<int> m_floodLines { 0 };
    std::atomic<bool> m_floodDone { false };
    std::atomic<bool> m_closed { false };
    mutable std::mutex m_mutex;
    QList<QByteArray> m_otherLines;
};

// A peer that reads: every line it got, and whether it was disconnected.
class Peer
{
public:
    explicit Peer(const QString& path)
    {
        QObject::connect(&m_socket, &QLocalSocket::readyRead, [this] {
            m_buffer += m_socket.readAll();
            qsizetype start = 0;
            qsizetype newline;
            while ((newline = m_buffer.indexOf('\n', start)) >= 0) {
                m_lines.append(m_buffer.mid(start, newline - start));
                start = newline + 1;
            }
            m_buffer.remove(0, start);
        });
        QObject::connect(&m_socket, &QLocalSocket::disconnected, [this] { m_disconnected = true; });
        m_socket.connectToServer(path);
    }
    QLocalSocket& socket() { return m_socket; }
    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    const QList<QByteArray>& lines() const { return m_lines; }
    bool wasDisconnected() const { return m_disconnected; }
    bool hasCommandResult(const QString& id) const
    {
        for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
            const QJsonObject event = QJsonDocument::fromJson(*it).object();
            if (event.value("event"_L1) == "command_result"_L1 && event.value("id"_L1) == id)
                return true;
        }
        return false;
    }
    QList<QJsonObject> events(const QString& type = {}) const
    {
        QList<QJsonObject> found;
        for (const auto& line : m_lines) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (type.isEmpty() || event.value("event"_L1).toString() == type)
                found.append(event);
        }
        return found;
    }
    int linesContaining(const QByteArray& text) const
    {
        return int(std::count_if(
            m_lines.cbegin(), m_lines.cend(), [&](const QByteArray& line) { return line.contains(text); }));
    }

private:
    QLocalSocket m_socket;
    bool m_disconnected = false;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
};

// `foxreload run` on the fault server, started through `sh -c 'read go; exec foxreload …'`, so its
// pid (and so its socket path) is known before FoxReload runs: a test can plant files there first.
class Run
{
public:
    explicit Run(const QString& home, const QProcessEnvironment& environment = {})
        : m_home(home)
    {
        QDir().mkpath(watched());
        QProcessEnvironment env = environment.isEmpty() ? isolatedEnvironment(home) : environment;
        env.insert(u"FIXTURE_STDERR_FLOOD_FILE"_s, floodMarker());
        env.insert(u"FIXTURE_STDERR_FLOOD_LINES"_s, QString::number(kFloodLines));
        m_process.setProcessEnvironment(env);
        m_process.setWorkingDirectory(home);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
            [this] { m_stdout += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
            [this] { m_stderr += m_process.readAllStandardError(); });
        m_process.start(u"/bin/sh"_s,
            { u"-c"_s, u"read go && exec \"$0\" \"$@\""_s, QStringLiteral(FOXRELOAD_EXECUTABLE), u"run"_s,
                u"--json"_s, u"-q"_s, u"--no-game"_s, u"--db"_s, home + u"/history.sqlite"_s, u"--watch"_s,
                watched(), u"--"_s, u"python3"_s, kFixture });
    }
    ~Run()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process.processId()), SIGTERM);
            if (!m_process.waitForFinished(15000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }
    bool waitForStarted() { return m_process.waitForStarted(10000); }
    qint64 pid() const { return m_process.processId(); }
    void go() { m_process.write("go\n"); }
    QString watched() const { return m_home + u"/watched"_s; }
    QString floodMarker() const { return m_home + u"/flood"_s; }
    QString runtimeDirectory() const { return m_process.processEnvironment().value(u"XDG_RUNTIME_DIR"_s); }
    QString socketPath() const { return runtimeDirectory() + u"/foxreload/session-%1.sock"_s.arg(pid()); }
    // The server answered its handshake: the event socket is open by now (or was refused).
    bool serving() const
    {
        return m_stdout.contains(R"("event":"reload_finished")")
            && m_stdout.contains(R"("outcome":"success")");
    }
    QByteArray stderrText() const { return m_stderr; }
    QProcess& process() { return m_process; }

private:
    QString m_home;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// Starts a run, waits until it serves; the hello of a first peer proves the socket.
bool startServing(Run& run)
{
    if (!run.waitForStarted())
        return false;
    run.go();
    return QTest::qWaitFor([&] { return run.serving(); }, kStartTimeout);
}
} // namespace

class TestFaultsSocket : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sharedHome;
    std::unique_ptr<Run> m_shared; // one session that every garbage row's peer talks to

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is needed for the fault server");
    }

    void cleanupTestCase()
    {
        m_shared.reset();
        m_sharedHome.reset();
    }

    void socketAndDirectoryAreOwnerOnly_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("before"); // what the socket directory was before FoxReload started
        QTest::newRow("run") << u"run"_s << u"missing"_s;
        QTest::newRow("proxy") << u"proxy"_s << u"missing"_s;
        QTest::newRow("run, directory was 0777") << u"run"_s << u"0777"_s;
        QTest::newRow("run, no XDG_RUNTIME_DIR") << u"run"_s << u"no runtime dir"_s;
    }
    void socketAndDirectoryAreOwnerOnly()
    {
        QFETCH(QString, command);
        QFETCH(QString, before);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = isolatedEnvironment(home.path());
        QString runtime = home.path();
        if (before == "no runtime dir"_L1) {
            // FoxReload falls back to a directory of its own in the temporary directory.
            env.remove(u"XDG_RUNTIME_DIR"_s);
            QVERIFY(QDir().mkpath(home.filePath(u"tmp"_s)));
            env.insert(u"TMPDIR"_s, home.filePath(u"tmp"_s));
            runtime = home.filePath(u"tmp/foxreload-runtime-%1"_s.arg(::getuid()));
        } else if (before == "0777"_L1) {
            QVERIFY(QDir().mkpath(home.filePath(u"foxreload"_s)));
            QVERIFY(::chmod(QFile::encodeName(home.filePath(u"foxreload"_s)).constData(), 0777) == 0);
        }
        QVERIFY(QDir().mkpath(home.filePath(u"watched"_s)));
        CliProcess cli;
        cli.setEnvironment(env);
        cli.setWorkingDirectory(home.path());
        QVERIFY(cli.start({ command, u"--no-game"_s, u"--db"_s, home.filePath(u"history.sqlite"_s),
            u"--watch"_s, home.filePath(u"watched"_s), u"--"_s, u"python3"_s, kFixture }));
        const QString socket = runtime + u"/foxreload/session-%1.sock"_s.arg(cli.process().processId());
        QTRY_VERIFY2_WITH_TIMEOUT(lstatOf(socket).exists, qPrintable(cli.allOutput()), kStartTimeout);

        const FileState directory = lstatOf(runtime + u"/foxreload"_s);
        QVERIFY(S_ISDIR(directory.mode));
        QCOMPARE(directory.owner, ::geteuid());
        QCOMPARE(directory.mode & 07777, mode_t(0700));
        const FileState file = lstatOf(socket);
        QVERIFY(S_ISSOCK(file.mode));
        QCOMPARE(file.owner, ::geteuid());
        QCOMPARE(file.mode & 077, mode_t(0)); // no group or other bits
        QVERIFY(file.mode & S_IWUSR); // the owner can connect
        if (before == "no runtime dir"_L1) {
            const FileState base = lstatOf(runtime);
            QCOMPARE(base.owner, ::geteuid());
            QCOMPARE(base.mode & 07777, mode_t(0700));
        }

        // It answers: a peer gets the hello.
        Peer peer(socket);
        QTRY_VERIFY_WITH_TIMEOUT(!peer.events(u"hello"_s).isEmpty(), 10000);
        QCOMPARE(peer.events(u"hello"_s).first().value("pid"_L1).toInteger(), cli.process().processId());
        cli.terminate();
        QVERIFY(cli.waitForFinished(20000));
        QVERIFY2(!lstatOf(socket).exists, "the socket file outlived a clean exit");
    }

    void plantedFilesAreNotFollowedNorClobbered_data()
    {
        QTest::addColumn<QString>("planted");
        QTest::addColumn<bool>("listens"); // FoxReload's own socket is open afterwards
        QTest::addColumn<QString>("reason"); // part of the warning when it is not
        QTest::addColumn<bool>("needsRoot");
        QTest::newRow("stale socket of a killed FoxReload")
            << u"stale socket"_s << true << QString {} << false;
        QTest::newRow("regular file at the socket path")
            << u"regular file"_s << false << u"is not a socket; it is left alone"_s << false;
        QTest::newRow("symbolic link at the socket path")
            << u"symlink"_s << false << u"is not a socket; it is left alone"_s << false;
        QTest::newRow("FIFO at the socket path") << u"fifo"_s << false << u"is not a socket"_s << false;
        QTest::newRow("directory at the socket path")
            << u"directory"_s << false << u"is not a socket"_s << false;
        QTest::newRow("socket directory is a symbolic link")
            << u"directory symlink"_s << false << u"is a symbolic link or not a directory"_s << false;
        QTest::newRow("socket directory is a regular file")
            << u"directory file"_s << false << u"is a symbolic link or not a directory"_s << false;
        QTest::newRow("socket directory belongs to another user (root only)")
            << u"foreign directory"_s << false << u"belongs to uid 65534"_s << true;
        QTest::newRow("shared fallback directory belongs to another user (root only)")
            << u"foreign fallback"_s << false << u"belongs to uid 65534"_s << true;
    }
    void plantedFilesAreNotFollowedNorClobbered()
    {
        QFETCH(QString, planted);
        QFETCH(bool, listens);
        QFETCH(QString, reason);
        QFETCH(bool, needsRoot);
        if (needsRoot && ::geteuid() != 0)
            QSKIP("needs root: only root can make a directory that belongs to another user");

        QTemporaryDir home;
        QVERIFY(home.isValid());
        // What a planted link points to: someone's file and directory, which must stay as they are.
        const QString victimFile = home.filePath(u"victim.txt"_s);
        const QString victimDirectory = home.filePath(u"victim-dir"_s);
        const QByteArray victimBytes = "precious contents\n";
        QVERIFY(writeFile(victimFile, victimBytes));
        QVERIFY(::chmod(QFile::encodeName(victimFile).constData(), 0644) == 0);
        QVERIFY(QDir().mkpath(victimDirectory));
        QVERIFY(writeFile(victimDirectory + u"/inside.txt"_s, victimBytes));
        QVERIFY(::chmod(QFile::encodeName(victimDirectory).constData(), 0755) == 0);

        QProcessEnvironment env = isolatedEnvironment(home.path());
        QString runtime = home.path();
        if (planted == "foreign fallback"_L1) {
            env.remove(u"XDG_RUNTIME_DIR"_s);
            QVERIFY(QDir().mkpath(home.filePath(u"tmp"_s)));
            env.insert(u"TMPDIR"_s, home.filePath(u"tmp"_s));
            runtime = home.filePath(u"tmp/foxreload-runtime-%1"_s.arg(::getuid()));
        }
        Run run(home.path(), env);
        QVERIFY(run.waitForStarted());
        const QString directory = runtime + u"/foxreload"_s;
        const QString socket = directory + u"/session-%1.sock"_s.arg(run.pid());
        const QByteArray nativeDirectory = QFile::encodeName(directory);
        const QByteArray nativeSocket = QFile::encodeName(socket);
        if (planted == "directory symlink"_L1) {
            QVERIFY(
                ::symlink(QFile::encodeName(victimDirectory).constData(), nativeDirectory.constData()) == 0);
        } else if (planted == "directory file"_L1) {
            QVERIFY(writeFile(directory, victimBytes));
        } else if (planted == "foreign directory"_L1 || planted == "foreign fallback"_L1) {
            const QString foreign = planted == "foreign directory"_L1 ? directory : runtime;
            QVERIFY(QDir().mkpath(foreign));
            QVERIFY(::chown(QFile::encodeName(foreign).constData(), 65534, 65534) == 0);
            QVERIFY(::chmod(QFile::encodeName(foreign).constData(), 0777) == 0);
        } else {
            QVERIFY(QDir().mkpath(directory));
            QVERIFY(::chmod(nativeDirectory.constData(), 0700) == 0);
            if (planted == "stale socket"_L1)
                QVERIFY(plantStaleSocket(socket));
            else if (planted == "regular file"_L1)
                QVERIFY(writeFile(socket, victimBytes));
            else if (planted == "symlink"_L1)
                QVERIFY(::symlink(QFile::encodeName(victimFile).constData(), nativeSocket.constData()) == 0);
            else if (planted == "fifo"_L1)
                QVERIFY(::mkfifo(nativeSocket.constData(), 0600) == 0);
            else if (planted == "directory"_L1)
                QVERIFY(QDir().mkpath(socket));
        }
        const QString plantedPath = planted.startsWith("directory "_L1) || planted == "foreign directory"_L1
            ? directory
            : planted == "foreign fallback"_L1 ? runtime
                                               : socket;
        const FileState plantedState = lstatOf(plantedPath);

        run.go();
        QTRY_VERIFY2_WITH_TIMEOUT(run.serving(), run.stderrText().constData(), kStartTimeout);
        Peer peer(socket);
        if (listens) {
            QTRY_VERIFY_WITH_TIMEOUT(!peer.events(u"hello"_s).isEmpty(), 10000);
            QCOMPARE(peer.events(u"hello"_s).first().value("pid"_L1).toInteger(), run.pid());
            QVERIFY(S_ISSOCK(lstatOf(socket).mode));
        } else {
            QVERIFY2(
                run.stderrText().contains("no event socket") && run.stderrText().contains(reason.toUtf8()),
                run.stderrText().constData());
            // Nothing was followed, deleted or chmodded.
            const FileState after = lstatOf(plantedPath);
            QVERIFY(after.exists);
            QCOMPARE(after.mode, plantedState.mode);
            QCOMPARE(after.owner, plantedState.owner);
            QCOMPARE(readFile(victimFile), victimBytes);
            QCOMPARE(lstatOf(victimFile).mode & 07777, mode_t(0644));
            QCOMPARE(lstatOf(victimDirectory).mode & 07777, mode_t(0755));
            QCOMPARE(QDir(victimDirectory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System),
                QStringList { u"inside.txt"_s });
            if (planted == "regular file"_L1 || planted == "directory file"_L1)
                QCOMPARE(readFile(planted == "regular file"_L1 ? socket : directory), victimBytes);
            if (planted == "foreign directory"_L1 || planted == "foreign fallback"_L1) {
                // Nothing of ours went into a directory a stranger controls.
                QVERIFY(!QFile::exists(socket));
                QCOMPARE(QDir(planted == "foreign directory"_L1 ? directory : runtime)
                             .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                             .size(),
                    0);
            }
        }
        // The session itself runs on, with or without its socket.
        QCOMPARE(run.process().state(), QProcess::Running);
    }

    void silentPeerIsDroppedNotWaitedFor()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        Run run(home.path());
        QVERIFY(startServing(run));
        SilentPeer silent(run.socketPath());
        QVERIFY(silent.isConnected());
        FastPeer reader(run.socketPath());
        QVERIFY(reader.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(reader.hasLineContaining(R"("event":"hello")"), 10000);
        const qint64 rssBefore = statusKiB(run.pid(), "VmRSS");

        // A restart whose new server writes 40,000 lines at once: about 12 MiB of server_stderr events,
        // far past the silent peer's 4 MiB limit. (Before events were flushed as written, a reader that
        // keeps up was cut off after 3,700 to 12,000 of them.)
        QVERIFY(writeFile(run.floodMarker(), "1"));
        QElapsedTimer clock;
        clock.start();
        reader.send(R"({"command":"restart","id":"r"})"
                    "\n");
        QTRY_VERIFY_WITH_TIMEOUT(reader.closed() || reader.floodDone(), 120000);
        const qint64 floodMs = clock.elapsed();
        // The reading peer lost nothing and was not cut off with the silent one.
        QVERIFY2(!reader.closed(),
            qPrintable(u"the reading peer was dropped after %1 flood lines"_s.arg(reader.floodLines())));
        QCOMPARE(reader.floodLines(), kFloodLines);
        QVERIFY2(run.stderrText().contains("bytes behind; disconnecting it"),
            run.stderrText().right(2000).constData());

        // The silent peer was cut off after at most its 4 MiB backlog (plus what the kernel buffers).
        qint64 received = 0;
        QVERIFY2(silent.drainUntilClosed(&received, 5000), "the silent peer is still connected");
        QVERIFY2(received < kMaxBacklogBytes + 1024 * 1024, qPrintable(u"%1 bytes"_s.arg(received)));
        const qint64 peak = statusKiB(run.pid(), "VmHWM");
        qInfo("flood of %d events delivered in %lld ms; silent peer got %lld bytes before the cut; "
              "RSS %lld KiB before, peak %lld KiB",
            kFloodLines, floodMs, received, rssBefore, peak);
        if (kMemoryBoundsApply)
            QVERIFY2(peak < rssBefore + 32 * 1024, qPrintable(u"peak %1 KiB"_s.arg(peak)));

        // FoxReload did not block: it still answers at once.
        clock.restart();
        reader.send(R"({"command":"pause","id":"p"})"
                    "\n");
        QTRY_VERIFY_WITH_TIMEOUT(reader.hasLineContaining(R"("id":"p")"), 5000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(u"%1 ms"_s.arg(clock.elapsed())));
    }

    void garbageFromAPeerIsAnsweredAndSurvived_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::addColumn<int>("failures"); // command_result ok:false lines it earns
        QTest::addColumn<QString>("error"); // part of their error
        const QString expected = u"expected one JSON object per line"_s;
        QTest::newRow("not JSON") << QByteArray("hello\n") << 1 << expected;
        QTest::newRow("JSON array") << QByteArray("[1,2,3]\n") << 1 << expected;
        QTest::newRow("JSON scalar") << QByteArray("42\n") << 1 << expected;
        QTest::newRow("object without command") << QByteArray(R"({"id":1})"
                                                              "\n")
                                                << 1 << expected;
        QTest::newRow("command is a number") << QByteArray(R"({"command":42})"
                                                           "\n")
                                             << 1 << expected;
        QTest::newRow("unknown command") << QByteArray(R"({"command":"rm -rf ~","id":"x"})"
                                                       "\n")
                                         << 1 << u"unknown command"_s;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"command\":\"\xff\xfe\"}\n") << 1 << expected;
        QTest::newRow("NUL bytes") << QByteArray("\0\0\0\n", 4) << 1 << expected;
        QTest::newRow("three bad lines at once") << QByteArray("a\n{\n]\n") << 3 << expected;
        QTest::newRow("a 1 MiB line") << QByteArray(1024 * 1024, 'x') + '\n' << 1 << u"line too long"_s;
        QTest::newRow("64 MiB without a newline, then one") << QByteArray(64 * 1024 * 1024, '{') + '\n'
                                                            << 1 << u"line too long"_s;
    }
    void garbageFromAPeerIsAnsweredAndSurvived()
    {
        QFETCH(QByteArray, garbage);
        QFETCH(int, failures);
        QFETCH(QString, error);
        if (!m_shared) {
            m_sharedHome = std::make_unique<QTemporaryDir>();
            m_shared = std::make_unique<Run>(m_sharedHome->path());
            QVERIFY(startServing(*m_shared));
        }
        Run& run = *m_shared;
        QCOMPARE(run.process().state(), QProcess::Running); // earlier rows did not end it
        const qint64 rssBefore = statusKiB(run.pid(), "VmRSS");

        Peer peer(run.socketPath());
        QTRY_VERIFY_WITH_TIMEOUT(!peer.events(u"hello"_s).isEmpty(), 10000);
        peer.send(garbage);
        QTRY_COMPARE_WITH_TIMEOUT(peer.events(u"command_result"_s).size(), failures, 30000);
        for (const auto& result : peer.events(u"command_result"_s)) {
            QCOMPARE(result.value("ok"_L1), QJsonValue(false));
            QVERIFY2(result.value("error"_L1).toString().contains(error),
                qPrintable(result.value("error"_L1).toString()));
        }
        // The same peer's next valid command works.
        peer.send(R"({"command":"pause","id":"p"})"
                  "\n");
        QTRY_COMPARE_WITH_TIMEOUT(peer.events(u"command_result"_s).size(), failures + 1, 10000);
        const QJsonObject last = peer.events(u"command_result"_s).last();
        QCOMPARE(last.value("ok"_L1), QJsonValue(true));
        QCOMPARE(last.value("id"_L1), QJsonValue(u"p"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!peer.events(u"paused"_s).isEmpty(), 10000);
        peer.send(R"({"command":"resume"})"
                  "\n");
        QTRY_VERIFY_WITH_TIMEOUT(!peer.events(u"resumed"_s).isEmpty(), 10000);
        // No more than one line's worth of memory was kept for a line, however long.
        const qint64 peak = statusKiB(run.pid(), "VmHWM");
        if (kMemoryBoundsApply)
            QVERIFY2(peak < rssBefore + 16 * 1024,
                qPrintable(u"RSS %1 KiB before, peak %2 KiB"_s.arg(rssBefore).arg(peak)));
    }

    void manyPeersAtOnce()
    {
        constexpr int kPeers = 100;
        QTemporaryDir home;
        QVERIFY(home.isValid());
        Run run(home.path());
        QVERIFY(startServing(run));
        const int descriptorsBefore = openDescriptors(run.pid());

        std::vector<std::unique_ptr<Peer>> peers;
        for (int i = 0; i < kPeers; ++i)
            peers.push_back(std::make_unique<Peer>(run.socketPath()));
        const auto allHave = [&](const QString& type) {
            return std::all_of(peers.cbegin(), peers.cend(),
                [&](const auto& peer) { return !peer->events(type).isEmpty(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allHave(u"hello"_s), 20000);
        QCOMPARE(openDescriptors(run.pid()), descriptorsBefore + kPeers);

        // One of them restarts the server: every peer sees the reload, once.
        peers.front()->send(R"({"command":"restart"})"
                            "\n");
        QTRY_VERIFY_WITH_TIMEOUT(allHave(u"reload_finished"_s), 30000);
        for (const auto& peer : peers) {
            QCOMPARE(peer->events(u"reload_finished"_s).size(), 1);
            QCOMPARE(peer->events(u"reload_finished"_s).first().value("trigger"_L1).toString(), u"manual"_s);
            QCOMPARE(peer->events(u"reload_finished"_s).first().value("outcome"_L1).toString(), u"success"_s);
        }

        // They all go; their descriptors are given back, and a newcomer is served as before.
        peers.clear();
        QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(run.pid()), descriptorsBefore, 10000);
        Peer late(run.socketPath());
        QTRY_VERIFY_WITH_TIMEOUT(!late.events(u"hello"_s).isEmpty(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestFaultsSocket)
#include "tst_faults_socket.moc"
