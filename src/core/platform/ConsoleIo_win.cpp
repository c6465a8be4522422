#include "ConsoleIo.h"

#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <io.h>
#include <windows.h>

namespace foxreload::platform {

namespace {
HANDLE handleOf(StandardStream stream)
{
    switch (stream) {
    case StandardStream::Input:
        return ::GetStdHandle(STD_INPUT_HANDLE);
    case StandardStream::Output:
        return ::GetStdHandle(STD_OUTPUT_HANDLE);
    case StandardStream::Error:
        break;
    }
    return ::GetStdHandle(STD_ERROR_HANDLE);
}
} // namespace

int descriptorOf(StandardStream stream)
{
    return int(stream); // the C runtime's 0, 1 and 2
}

bool isTerminal(StandardStream stream)
{
    DWORD mode = 0;
    return ::GetConsoleMode(handleOf(stream), &mode) != 0;
}

bool isPipeOrSocket(StandardStream stream)
{
    return ::GetFileType(handleOf(stream)) == FILE_TYPE_PIPE; // sockets report FILE_TYPE_PIPE too
}

void ignoreBrokenPipes() { }

int takeStdoutForClient()
{
    const int clientOut = ::_dup(1);
    if (clientOut < 0)
        return -1;
    // Not inherited: a server started later must not hold the client's pipe open.
    ::SetHandleInformation(reinterpret_cast<HANDLE>(::_get_osfhandle(clientOut)), HANDLE_FLAG_INHERIT, 0);
    std::fflush(stdout);
    ::_dup2(2, 1);
    ::SetStdHandle(STD_OUTPUT_HANDLE, ::GetStdHandle(STD_ERROR_HANDLE));
    return clientOut;
}

void closeDescriptor(int descriptor)
{
    if (descriptor >= 0)
        ::_close(descriptor);
}

bool writeFully(int descriptor, QByteArrayView first, QByteArrayView second, QString* error)
{
    for (QByteArrayView part : { first, second }) {
        while (!part.isEmpty()) {
            const unsigned chunk = unsigned(std::min<qsizetype>(part.size(), 1 << 30));
            const int n = ::_write(descriptor, part.data(), chunk);
            if (n < 0) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return false;
            }
            part = part.sliced(n);
        }
    }
    return true;
}

qint64 readSome(int descriptor, char* buffer, qint64 size, QString* error)
{
    const int got = ::_read(descriptor, buffer, unsigned(std::min<qint64>(size, 1 << 30)));
    if (got >= 0)
        return got;
    if (errno == EINTR || errno == EAGAIN)
        return kReadAgain;
    *error = QString::fromLocal8Bit(std::strerror(errno));
    return kReadFailed;
}

std::FILE* openLogForAppend(const QString& path)
{
    // "N": not inherited by child processes (the Microsoft C runtime's O_NOINHERIT).
    return ::_wfopen(reinterpret_cast<const wchar_t*>(path.utf16()), L"aN");
}

struct StdoutReaderWatch::Watch
{
    QTimer timer;
};

StdoutReaderWatch::StdoutReaderWatch(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Watch>())
{
    HANDLE out = ::GetStdHandle(STD_OUTPUT_HANDLE);
    if (::GetFileType(out) != FILE_TYPE_PIPE)
        return;
    // No readiness to wait for on an anonymous pipe's writing end: peek it. A pipe whose reader
    // closed fails with ERROR_BROKEN_PIPE.
    connect(&d->timer, &QTimer::timeout, this, [this, out] {
        if (::PeekNamedPipe(out, nullptr, 0, nullptr, nullptr, nullptr)
            || ::GetLastError() != ERROR_BROKEN_PIPE)
            return;
        d->timer.stop();
        Q_EMIT readerGone();
    });
    d->timer.start(500);
}

StdoutReaderWatch::~StdoutReaderWatch() = default;

bool StdoutReaderWatch::isActive() const
{
    return d->timer.isActive();
}

// The reader thread blocks in ReadFile, which works on every kind of handle stdin can be (an
// anonymous pipe, a named pipe, a console, a file), and posts what it read to the owner's thread
// as a queued call with the InputReader as context: Qt drops those still queued when it is
// deleted, and stop() clears `active` for those queued before it. The thread itself is joined
// by stop() before anything it uses is freed.
struct InputReader::Reader
{
    int descriptor = -1;
    InputReader* owner = nullptr;
    HANDLE thread = nullptr;
    std::atomic<bool> stopping { false };
    bool active = false; // the owner's thread only

    static DWORD WINAPI run(void* self)
    {
        static_cast<Reader*>(self)->readUntilTheEnd();
        return 0;
    }

    // On the owner's thread: a chunk, and the end (an empty reason) or a failure.
    static void deliver(InputReader* reader, const QByteArray& bytes)
    {
        if (reader->d->active)
            Q_EMIT reader->received(bytes);
    }
    static void finish(InputReader* reader, const QString& reason)
    {
        if (!reader->d->active)
            return;
        reader->d->active = false;
        if (reason.isEmpty())
            Q_EMIT reader->ended();
        else
            Q_EMIT reader->failed(reason);
    }

    void readUntilTheEnd()
    {
        const auto input = reinterpret_cast<HANDLE>(::_get_osfhandle(descriptor));
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        for (;;) {
            DWORD got = 0;
            const bool ok = ::ReadFile(input, buffer.data(), DWORD(buffer.size()), &got, nullptr);
            const DWORD failure = ok ? ERROR_SUCCESS : ::GetLastError();
            if (stopping.load())
                return; // cancelled by stop(), or stopped while it read: nobody listens
            InputReader* reader = owner;
            if (ok && got > 0) {
                const QByteArray chunk = buffer.left(got);
                QMetaObject::invokeMethod(
                    reader, [reader, chunk] { deliver(reader, chunk); }, Qt::QueuedConnection);
                continue;
            }
            // A pipe whose writer closed reports ERROR_BROKEN_PIPE: end of file, as does a read of
            // 0 bytes (a file at its end, Ctrl+Z on a console).
            const QString reason = ok || failure == ERROR_BROKEN_PIPE || failure == ERROR_HANDLE_EOF
                ? QString()
                : qt_error_string(int(failure));
            QMetaObject::invokeMethod(
                reader, [reader, reason] { finish(reader, reason); }, Qt::QueuedConnection);
            return;
        }
    }
};

InputReader::InputReader(int descriptor, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Reader>())
{
    d->descriptor = descriptor;
    d->owner = this;
}

InputReader::~InputReader()
{
    stop();
}

void InputReader::start()
{
    if (d->active || d->thread || d->stopping.load())
        return;
    d->active = true;
    d->thread = ::CreateThread(nullptr, 0, &Reader::run, d.get(), 0, nullptr);
    if (!d->thread) {
        const QString reason = qt_error_string(int(::GetLastError()));
        QMetaObject::invokeMethod(
            this, [this, reason] { Reader::finish(this, reason); }, Qt::QueuedConnection);
    }
}

void InputReader::stop()
{
    d->active = false;
    if (!d->thread)
        return;
    d->stopping.store(true);
    // A ReadFile blocked on a pipe or console returns ERROR_OPERATION_ABORTED. The loop covers a
    // stop() that comes just before the thread enters ReadFile (nothing to cancel yet).
    while (::WaitForSingleObject(d->thread, 0) == WAIT_TIMEOUT) {
        ::CancelSynchronousIo(d->thread);
        ::WaitForSingleObject(d->thread, 10);
    }
    ::CloseHandle(d->thread);
    d->thread = nullptr;
}

bool InputReader::isActive() const
{
    return d->active;
}

} // namespace foxreload::platform
