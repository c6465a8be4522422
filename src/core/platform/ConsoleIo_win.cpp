#include "ConsoleIo.h"

#include <QTimer>

#include <algorithm>
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

} // namespace foxreload::platform
