// The Unix implementation of the platform layer's file, identity, console and launcher pieces
// (src/core/platform/*_unix.cpp, *_linux.cpp), checked against the system calls it wraps.
#include "platform/ConsoleIo.h"
#include "platform/DirectoryReader.h"
#include "platform/GuiEnvironment.h"
#include "platform/PrivateDirectory.h"
#include "platform/SystemInfo.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload::platform;

namespace {
// Puts `fd` in place of a standard descriptor for the scope, then puts the original back.
class StandardDescriptorSwap
{
public:
    StandardDescriptorSwap(int standard, int fd)
        : m_standard(standard)
        , m_saved(::dup(standard))
    {
        ::dup2(fd, standard);
    }
    ~StandardDescriptorSwap()
    {
        ::dup2(m_saved, m_standard);
        ::close(m_saved);
    }
    StandardDescriptorSwap(const StandardDescriptorSwap&) = delete;
    StandardDescriptorSwap& operator=(const StandardDescriptorSwap&) = delete;

private:
    int m_standard;
    int m_saved;
};

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

mode_t modeOf(const QString& path)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 07777) : mode_t(0);
}
} // namespace

class TestPlatformFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void directoryReaderListsEntriesWithTheirStamps();
    void directoryReaderDoesNotFollowLinks();
    void directoryReaderMissingDirectory();
    void privateDirectory_data();
    void privateDirectory();
    void clearStaleSocket_data();
    void clearStaleSocket();
    void userKeyIsTheUid();
    void processRuns();
    void utcCalendar_data();
    void utcCalendar();
    void wallClockAgreesWithQt();
    void pipeOrSocket_data();
    void pipeOrSocket();
    void writeFullyWaitsForANonBlockingReader();
    void readSome();
    void stdoutReaderWatchSeesTheReaderGo();
    void inputReaderDeliversThenEnds_data();
    void inputReaderDeliversThenEnds();
    void inputReaderStopsWithoutReading();
    void inputReaderReportsAFailure();
    void localServerRegistry();
    void procUnits();
    void executablePathIsOurs();
    void displayReachable_data();
    void displayReachable();
};

void TestPlatformFiles::directoryReaderListsEntriesWithTheirStamps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a.py"_s), "12345"));
    QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));
    QVERIFY(writeFile(dir.filePath(u"ünïcode.txt"_s), ""));

    DirectoryReader reader(dir.path());
    QVERIFY(reader.isOpen());
    QMap<QByteArray, EntryStamp> seen;
    while (reader.next()) {
        EntryStamp stamp;
        QVERIFY(reader.stamp(&stamp));
        seen.insert(reader.name(), stamp);
    }
    QCOMPARE(seen.keys(), (QList<QByteArray> { "a.py", "sub", "ünïcode.txt" })); // no "." or ".."
    const EntryStamp file = seen.value("a.py");
    QCOMPARE(file.size, 5);
    QVERIFY(!file.isDirectory);
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(dir.filePath(u"a.py"_s)).constData(), &info), 0);
    QCOMPARE(file.inode, quint64(info.st_ino));
    QCOMPARE(file.mtimeNs, qint64(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec);
    QCOMPARE(file.mtimeNs / 1000000, QFileInfo(dir.filePath(u"a.py"_s)).lastModified().toMSecsSinceEpoch());
    QVERIFY(seen.value("sub").isDirectory);
}

void TestPlatformFiles::directoryReaderDoesNotFollowLinks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"real"_s));
    QVERIFY(QFile::link(dir.filePath(u"real"_s), dir.filePath(u"link"_s)));
    QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dir.filePath(u"dangling"_s)));
    DirectoryReader reader(dir.path());
    QMap<QByteArray, bool> isDirectory;
    while (reader.next()) {
        EntryStamp stamp;
        QVERIFY2(reader.stamp(&stamp), reader.name().constData()); // a dangling link has a stamp too
        isDirectory.insert(reader.name(), stamp.isDirectory);
    }
    QCOMPARE(isDirectory.size(), 3);
    QVERIFY(isDirectory.value("real"));
    QVERIFY(!isDirectory.value("link")); // the link itself, not what it points to
    QVERIFY(!isDirectory.value("dangling"));
}

void TestPlatformFiles::directoryReaderMissingDirectory()
{
    QTemporaryDir dir;
    DirectoryReader reader(dir.filePath(u"missing"_s));
    QVERIFY(!reader.isOpen());
    QVERIFY(!reader.next());

    // An entry removed between next() and stamp() has no stamp.
    QVERIFY(writeFile(dir.filePath(u"gone"_s), "x"));
    DirectoryReader listing(dir.path());
    QVERIFY(listing.next());
    QCOMPARE(listing.name(), QByteArray("gone"));
    QVERIFY(QFile::remove(dir.filePath(u"gone"_s)));
    EntryStamp stamp;
    QVERIFY(!listing.stamp(&stamp));
}

void TestPlatformFiles::privateDirectory_data()
{
    QTest::addColumn<QString>("setup"); // what is at the path before
    QTest::addColumn<bool>("accepted");
    QTest::newRow("missing: created 0700") << u"missing"_s << true;
    QTest::newRow("0755 directory: narrowed") << u"open"_s << true;
    QTest::newRow("0700 directory: kept") << u"private"_s << true;
    QTest::newRow("symbolic link to a directory") << u"link"_s << false;
    QTest::newRow("regular file") << u"file"_s << false;
}

void TestPlatformFiles::privateDirectory()
{
    QFETCH(QString, setup);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"runtime"_s);
    const QString elsewhere = dir.filePath(u"elsewhere"_s);
    QVERIFY(QDir().mkdir(elsewhere));
    QCOMPARE(::chmod(QFile::encodeName(elsewhere).constData(), 0755), 0);
    if (setup == u"open" || setup == u"private") {
        QVERIFY(QDir().mkdir(path));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), setup == u"open" ? 0755 : 0700), 0);
    } else if (setup == u"link") {
        QVERIFY(QFile::link(elsewhere, path));
    } else if (setup == u"file") {
        QVERIFY(writeFile(path, "not a directory"));
    }
    const mode_t elsewhereBefore = modeOf(elsewhere);
    QString error;
    QCOMPARE(ensurePrivateDirectory(path, &error), accepted);
    if (accepted) {
        QVERIFY(error.isEmpty());
        QCOMPARE(modeOf(path), mode_t(0700));
    } else {
        QVERIFY2(!error.isEmpty(), "a refusal says why");
    }
    QCOMPARE(modeOf(elsewhere), elsewhereBefore); // nothing reached through a link was changed
}

void TestPlatformFiles::clearStaleSocket_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<bool>("cleared");
    QTest::addColumn<bool>("remains");
    QTest::newRow("missing") << u"missing"_s << true << false;
    QTest::newRow("stale socket") << u"socket"_s << true << false;
    QTest::newRow("regular file") << u"file"_s << false << true;
    QTest::newRow("fifo") << u"fifo"_s << false << true;
    QTest::newRow("directory") << u"directory"_s << false << true;
}

void TestPlatformFiles::clearStaleSocket()
{
    QFETCH(QString, setup);
    QFETCH(bool, cleared);
    QFETCH(bool, remains);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"session.sock"_s);
    const QByteArray native = QFile::encodeName(path);
    if (setup == u"socket") {
        // A socket whose process is gone: bound, then closed.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(native.size()) < sizeof address.sun_path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        ::close(fd);
    } else if (setup == u"file") {
        QVERIFY(writeFile(path, "data"));
    } else if (setup == u"fifo") {
        QCOMPARE(::mkfifo(native.constData(), 0600), 0);
    } else if (setup == u"directory") {
        QVERIFY(QDir().mkdir(path));
    }
    QString error;
    QCOMPARE(foxreload::platform::clearStaleSocket(path, &error), cleared);
    QCOMPARE(cleared, error.isEmpty());
    struct stat info
    {
    };
    QCOMPARE(::lstat(native.constData(), &info) == 0, remains);
}

void TestPlatformFiles::userKeyIsTheUid()
{
    QCOMPARE(userKey(), QString::number(::getuid()));
}

void TestPlatformFiles::processRuns()
{
    QVERIFY(foxreload::platform::processRuns(::getpid()));
    QVERIFY(!foxreload::platform::processRuns(0));
    QVERIFY(!foxreload::platform::processRuns(-1));
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    QVERIFY(child > 0);
    QVERIFY(foxreload::platform::processRuns(child)); // a zombie until reaped: still there
    QCOMPARE(::waitpid(child, nullptr, 0), child);
    QVERIFY(!foxreload::platform::processRuns(child));
}

void TestPlatformFiles::utcCalendar_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("iso");
    QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00"_s;
    QTest::newRow("leap day 2000") << qint64(951782400) << u"2000-02-29T00:00:00"_s;
    QTest::newRow("end of 2026") << qint64(1798761599) << u"2026-12-31T23:59:59"_s;
    QTest::newRow("after 2038") << qint64(4102444800) << u"2100-01-01T00:00:00"_s;
}

void TestPlatformFiles::utcCalendar()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, iso);
    const std::tm calendar = foxreload::platform::utcCalendar(std::time_t(seconds));
    char text[128];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", calendar.tm_year + 1900,
        calendar.tm_mon + 1, calendar.tm_mday, calendar.tm_hour, calendar.tm_min, calendar.tm_sec);
    QCOMPARE(QString::fromLatin1(text), iso);
    QCOMPARE(qint64(fromUtcCalendar(calendar)), seconds);
}

void TestPlatformFiles::wallClockAgreesWithQt()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const WallClock now = wallClockNow();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const qint64 ms = qint64(now.seconds) * 1000 + now.milliseconds;
    QVERIFY(now.milliseconds >= 0 && now.milliseconds < 1000);
    QVERIFY2(ms >= before && ms <= after, qPrintable(u"%1 not in [%2, %3]"_s.arg(ms).arg(before).arg(after)));
}

void TestPlatformFiles::pipeOrSocket_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("expected");
    QTest::newRow("pipe") << u"pipe"_s << true;
    QTest::newRow("socket") << u"socket"_s << true;
    QTest::newRow("regular file") << u"file"_s << false;
    QTest::newRow("/dev/null") << u"null"_s << false;
}

void TestPlatformFiles::pipeOrSocket()
{
    QFETCH(QString, kind);
    QFETCH(bool, expected);
    QTemporaryDir dir;
    int fds[2] = { -1, -1 };
    if (kind == u"pipe")
        QCOMPARE(::pipe(fds), 0);
    else if (kind == u"socket")
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    else if (kind == u"file") {
        QVERIFY(writeFile(dir.filePath(u"in"_s), "x"));
        fds[0] = ::open(QFile::encodeName(dir.filePath(u"in"_s)).constData(), O_RDONLY);
    } else
        fds[0] = ::open("/dev/null", O_RDONLY);
    QVERIFY(fds[0] >= 0);
    bool result = false;
    {
        StandardDescriptorSwap swap(STDIN_FILENO, fds[0]);
        result = isPipeOrSocket(StandardStream::Input);
    }
    for (int fd : fds) {
        if (fd >= 0)
            ::close(fd);
    }
    QCOMPARE(result, expected);
    QCOMPARE(descriptorOf(StandardStream::Input), STDIN_FILENO);
    QCOMPARE(descriptorOf(StandardStream::Output), STDOUT_FILENO);
}

void TestPlatformFiles::writeFullyWaitsForANonBlockingReader()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK); // as a client may leave it
    const QByteArray big(1 << 20, 'x'); // far more than a pipe holds: EAGAIN on the way
    QByteArray received;
    std::thread reader([&] {
        char buffer[65536];
        ssize_t n;
        while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
            received.append(buffer, n);
    });
    QString error;
    const bool written = writeFully(fds[1], big, "\n", &error);
    ::close(fds[1]);
    reader.join();
    ::close(fds[0]);
    QVERIFY2(written, qPrintable(error));
    QCOMPARE(received.size(), big.size() + 1);
    QVERIFY(received.endsWith("x\n"));

    // A reader that is gone: EPIPE, said in words (SIGPIPE ignored as the proxy does).
    ignoreBrokenPipes();
    QCOMPARE(::pipe(fds), 0);
    ::close(fds[0]);
    QVERIFY(!writeFully(fds[1], "message", "\n", &error));
    QVERIFY2(!error.isEmpty(), "says why");
    ::close(fds[1]);
}

void TestPlatformFiles::readSome()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    char buffer[16];
    QString error;
    QCOMPARE(foxreload::platform::readSome(fds[0], buffer, sizeof buffer, &error), kReadAgain);
    QCOMPARE(::write(fds[1], "abc", 3), ssize_t(3));
    QCOMPARE(foxreload::platform::readSome(fds[0], buffer, sizeof buffer, &error), qint64(3));
    QCOMPARE(QByteArray(buffer, 3), QByteArray("abc"));
    ::close(fds[1]);
    QCOMPARE(foxreload::platform::readSome(fds[0], buffer, sizeof buffer, &error), qint64(0));
    ::close(fds[0]);
    QCOMPARE(foxreload::platform::readSome(fds[0], buffer, sizeof buffer, &error), kReadFailed);
    QVERIFY(!error.isEmpty());
}

void TestPlatformFiles::stdoutReaderWatchSeesTheReaderGo()
{
    ignoreBrokenPipes(); // Qt Test's own output goes to stdout; it must not kill the test
    {
        // A terminal or file on stdout: nothing to watch.
        const int null = ::open("/dev/null", O_WRONLY);
        StandardDescriptorSwap swap(STDOUT_FILENO, null);
        ::close(null);
        StdoutReaderWatch watch;
        QVERIFY(!watch.isActive());
    }
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    bool active = false;
    bool sawItGo = false;
    bool quietWhileRead = false;
    {
        StandardDescriptorSwap swap(STDOUT_FILENO, fds[1]);
        ::close(fds[1]);
        StdoutReaderWatch watch;
        QSignalSpy gone(&watch, &StdoutReaderWatch::readerGone);
        active = watch.isActive();
        QTest::qWait(200);
        quietWhileRead = gone.isEmpty(); // the reader is still there
        ::close(fds[0]);
        sawItGo = QTest::qWaitFor([&] { return !gone.isEmpty(); }, 10000);
    }
    QVERIFY(active);
    QVERIFY(quietWhileRead);
    QVERIFY(sawItGo);
}

void TestPlatformFiles::inputReaderDeliversThenEnds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("pipe") << u"pipe"_s;
    QTest::newRow("socket") << u"socket"_s;
    QTest::newRow("regular file") << u"file"_s;
}

void TestPlatformFiles::inputReaderDeliversThenEnds()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // More than one read's worth (64 KiB), so it arrives in several chunks.
    QByteArray payload;
    for (int i = 0; payload.size() < 200 * 1024; ++i)
        payload += QByteArray::number(i) + '\n';
    int readEnd = -1;
    int writeEnd = -1;
    if (kind == u"file") {
        const QString path = dir.filePath(u"input"_s);
        QVERIFY(writeFile(path, payload));
        readEnd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    } else {
        int fds[2];
        QCOMPARE(kind == u"pipe" ? ::pipe(fds) : ::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        readEnd = fds[0];
        writeEnd = fds[1];
    }
    QVERIFY(readEnd >= 0);
    InputReader reader(readEnd);
    QByteArray got;
    connect(&reader, &InputReader::received, this, [&got](const QByteArray& bytes) { got.append(bytes); });
    QSignalSpy ended(&reader, &InputReader::ended);
    QSignalSpy failed(&reader, &InputReader::failed);
    QVERIFY(!reader.isActive());
    reader.start();
    QVERIFY(reader.isActive());
    if (writeEnd >= 0) {
        // Written from another thread: the pipe holds less than the payload.
        std::thread writer([writeEnd, &payload] {
            for (qsizetype done = 0; done < payload.size();) {
                const ssize_t n
                    = ::write(writeEnd, payload.constData() + done, size_t(payload.size() - done));
                if (n <= 0)
                    break;
                done += n;
            }
            ::close(writeEnd);
        });
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 20000);
        writer.join();
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 20000);
    }
    QCOMPARE(got.size(), payload.size());
    QVERIFY(got == payload);
    QCOMPARE(ended.size(), 1);
    QVERIFY(failed.isEmpty());
    QVERIFY(!reader.isActive());
    ::close(readEnd);
}

void TestPlatformFiles::inputReaderStopsWithoutReading()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    InputReader reader(fds[0]);
    QSignalSpy received(&reader, &InputReader::received);
    QSignalSpy ended(&reader, &InputReader::ended);
    reader.start();
    QCOMPARE(::write(fds[1], "one", 3), ssize_t(3));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    reader.stop();
    QVERIFY(!reader.isActive());
    QCOMPARE(::write(fds[1], "two", 3), ssize_t(3));
    ::close(fds[1]);
    QCoreApplication::processEvents(); // a wake-up the stopped reader must not act on
    QCOMPARE(received.size(), 1);
    QVERIFY(ended.isEmpty());
    // What came after stop() is still in the pipe for whoever reads next, and the descriptor is open.
    char buffer[8];
    QCOMPARE(::read(fds[0], buffer, sizeof buffer), ssize_t(3));
    QCOMPARE(QByteArray(buffer, 3), QByteArray("two"));
    ::close(fds[0]);
}

void TestPlatformFiles::inputReaderReportsAFailure()
{
    // A descriptor open for writing only: always "readable" to poll(), and read() fails (EBADF).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const int fd = ::open(QFile::encodeName(dir.filePath(u"out"_s)).constData(), O_WRONLY | O_CREAT, 0600);
    QVERIFY(fd >= 0);
    InputReader reader(fd);
    QSignalSpy failed(&reader, &InputReader::failed);
    QSignalSpy ended(&reader, &InputReader::ended);
    reader.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY2(!failed.first().first().toString().isEmpty(), "says why");
    QVERIFY(ended.isEmpty());
    QVERIFY(!reader.isActive());
    ::close(fd);
}

void TestPlatformFiles::localServerRegistry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"session-1.sock"_s);
    QString error;
    // Nothing listens there: nothing to register, and it says so.
    QVERIFY(!registerLocalServer(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    // What QLocalServer::listen() leaves there on Unix: a bound socket file.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(native.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    error.clear();
    QVERIFY2(registerLocalServer(path, &error), qPrintable(error));
    // Listed as the desktop app lists sessions (EventClient::runningSessions()).
    QCOMPARE(QDir(dir.path()).entryList({ u"session-*.sock"_s }, QDir::System | QDir::Files),
        QStringList { u"session-1.sock"_s });
    unregisterLocalServer(path);
    QVERIFY(!QFileInfo::exists(path));
    unregisterLocalServer(path); // missing is fine
    ::close(fd);
}

void TestPlatformFiles::procUnits()
{
    QCOMPARE(clockTicksPerSecond(), double(::sysconf(_SC_CLK_TCK)));
    QCOMPARE(memoryPageSize(), double(::getpagesize()));
}

void TestPlatformFiles::executablePathIsOurs()
{
    QCOMPARE(executablePath(), QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath());
}

void TestPlatformFiles::displayReachable_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QByteArray>("display");
    QTest::addColumn<QByteArray>("wayland");
    QTest::addColumn<bool>("reachable");
    QTest::newRow("X11") << QString() << QByteArray(":0") << QByteArray() << true;
    QTest::newRow("Wayland") << QString() << QByteArray() << QByteArray("wayland-0") << true;
    QTest::newRow("neither") << QString() << QByteArray() << QByteArray() << false;
    QTest::newRow("xcb asked, no display") << u"xcb"_s << QByteArray() << QByteArray() << false;
    QTest::newRow("wayland asked, no display") << u"wayland-egl"_s << QByteArray() << QByteArray() << false;
    QTest::newRow("offscreen") << u"offscreen"_s << QByteArray() << QByteArray() << true;
    QTest::newRow("vnc with options") << u"vnc:size=800x600"_s << QByteArray() << QByteArray() << true;
}

void TestPlatformFiles::displayReachable()
{
    QFETCH(QString, platform);
    QFETCH(QByteArray, display);
    QFETCH(QByteArray, wayland);
    QFETCH(bool, reachable);
    const QByteArray savedDisplay = qgetenv("DISPLAY");
    const QByteArray savedWayland = qgetenv("WAYLAND_DISPLAY");
    const bool hadDisplay = qEnvironmentVariableIsSet("DISPLAY");
    const bool hadWayland = qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    const auto set = [](const char* name, const QByteArray& value) {
        if (value.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, value);
    };
    set("DISPLAY", display);
    set("WAYLAND_DISPLAY", wayland);
    const bool result = foxreload::platform::displayReachable(platform);
    if (hadDisplay)
        qputenv("DISPLAY", savedDisplay);
    else
        qunsetenv("DISPLAY");
    if (hadWayland)
        qputenv("WAYLAND_DISPLAY", savedWayland);
    else
        qunsetenv("WAYLAND_DISPLAY");
    QCOMPARE(result, reachable);
}

QTEST_GUILESS_MAIN(TestPlatformFiles)
#include "tst_platform_files.moc"
