#pragma once

#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <cstdio>
#include <memory>

namespace foxreload::platform {

// The process's own standard streams, where Unix and Windows differ: descriptors, broken pipes,
// what kind of file a stream is.
enum class StandardStream { Input = 0, Output = 1, Error = 2 };

// The descriptor (Unix fd / C runtime fd on Windows) of a standard stream.
int descriptorOf(StandardStream stream);

// Whether the stream is a terminal/console (a prompt may be shown, colours may be used).
bool isTerminal(StandardStream stream);
// Whether the stream is a pipe or a socket: something started us and talks to us through it.
bool isPipeOrSocket(StandardStream stream);

// A write to a pipe nobody reads must fail with EPIPE, not end the process (SIGPIPE ignored on
// Unix; Windows has no such signal: nothing to do).
void ignoreBrokenPipes();

// Stdout belongs to the proxy's JSON-RPC client: returns a private duplicate of it (not inherited
// by children) and points the stdout descriptor itself at stderr, so that no stray print (ours,
// Qt's, a library's) can ever reach the client. -1 when it cannot, with errno set.
int takeStdoutForClient();
// Closes a descriptor takeStdoutForClient() returned.
void closeDescriptor(int descriptor);

// Writes both parts in full (one writev() on Unix: the newline is not appended to a copy of a
// large message). A reader that made the pipe non-blocking is waited for, without spinning.
// False with the system's reason in *error when the descriptor fails (EPIPE: the reader is gone).
bool writeFully(int descriptor, QByteArrayView first, QByteArrayView second, QString* error);

// Reads what is there now: the byte count, 0 at end of file, kReadAgain when nothing is ready
// (or the read was interrupted), kReadFailed with the reason in *error.
constexpr qint64 kReadAgain = -2;
constexpr qint64 kReadFailed = -1;
qint64 readSome(int descriptor, char* buffer, qint64 size, QString* error);

// Opens `path` for appending, not inherited by child processes (the server must not hold it).
std::FILE* openLogForAppend(const QString& path);

// Says once, without polling, that the reader of our stdout (a pipe) went away: `foxreload run |
// head -1`. Unix: the writing end of a pipe reports POLLERR when its reader is gone, which wakes
// a Read notifier. Windows: the pipe is peeked every half second. Does nothing unless stdout is a
// pipe.
class StdoutReaderWatch : public QObject
{
    Q_OBJECT
public:
    explicit StdoutReaderWatch(QObject* parent = nullptr);
    ~StdoutReaderWatch() override;

    bool isActive() const;

Q_SIGNALS:
    void readerGone();

private:
    struct Watch;
    std::unique_ptr<Watch> d;
};

// Reads a descriptor (the proxy's stdin: a pipe, a socket, a file or a terminal) as data
// arrives, in the event loop of the thread that owns it: received() with each chunk, then ended()
// at end of file or failed() with the system's reason; nothing after either.
// Unix: a QSocketNotifier wakes the loop and what is there is read in that same wake-up, into a
// buffer of the reader's own: no thread, no copy. Windows: the event loop waits on sockets only,
// not on a pipe, console or file, so a thread of the reader's own blocks in ReadFile and posts
// each chunk to the owner's thread; stop() cancels its pending read and joins it.
class InputReader : public QObject
{
    Q_OBJECT
public:
    explicit InputReader(int descriptor, QObject* parent = nullptr);
    ~InputReader() override; // stops

    void start();
    // Reads no more; no signal is emitted after it returns. The descriptor stays open.
    void stop();
    bool isActive() const;

Q_SIGNALS:
    // `bytes` may refer to the reader's buffer: valid during the emission only (copy what is kept).
    void received(const QByteArray& bytes);
    void ended();
    void failed(const QString& reason);

private:
    struct Reader;
    std::unique_ptr<Reader> d;
};

} // namespace foxreload::platform
