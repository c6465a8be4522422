#include "ConsoleIo.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace foxreload::platform {

int descriptorOf(StandardStream stream)
{
    return int(stream);
}

bool isTerminal(StandardStream stream)
{
    return ::isatty(descriptorOf(stream)) == 1;
}

bool isPipeOrSocket(StandardStream stream)
{
    struct stat info
    {
    };
    return ::fstat(descriptorOf(stream), &info) == 0 && (S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode));
}

void ignoreBrokenPipes()
{
    ::signal(SIGPIPE, SIG_IGN);
}

int takeStdoutForClient()
{
    const int clientOut = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (clientOut < 0)
        return -1;
    std::fflush(stdout);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    return clientOut;
}

void closeDescriptor(int descriptor)
{
    if (descriptor >= 0)
        ::close(descriptor);
}

bool writeFully(int descriptor, QByteArrayView first, QByteArrayView second, QString* error)
{
    iovec parts[2] = { { const_cast<char*>(first.data()), size_t(first.size()) },
        { const_cast<char*>(second.data()), size_t(second.size()) } };
    int index = 0;
    const int count = second.isEmpty() ? 1 : 2;
    while (index < count) {
        const ssize_t n = ::writev(descriptor, parts + index, count - index);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                pollfd writable { descriptor, POLLOUT, 0 };
                ::poll(&writable, 1, 1000);
                continue;
            }
            *error = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        size_t written = size_t(n);
        while (index < count && written >= parts[index].iov_len) {
            written -= parts[index].iov_len;
            ++index;
        }
        if (index < count) {
            parts[index].iov_base = static_cast<char*>(parts[index].iov_base) + written;
            parts[index].iov_len -= written;
        }
    }
    return true;
}

qint64 readSome(int descriptor, char* buffer, qint64 size, QString* error)
{
    const ssize_t got = ::read(descriptor, buffer, size_t(size));
    if (got >= 0)
        return got;
    if (errno == EINTR || errno == EAGAIN)
        return kReadAgain;
    *error = QString::fromLocal8Bit(std::strerror(errno));
    return kReadFailed;
}

std::FILE* openLogForAppend(const QString& path)
{
    std::FILE* file = std::fopen(QFile::encodeName(path).constData(), "a");
    if (file)
        ::fcntl(::fileno(file), F_SETFD, FD_CLOEXEC);
    return file;
}

namespace {
bool stdoutIsPipe()
{
    struct stat info
    {
    };
    return ::fstat(STDOUT_FILENO, &info) == 0 && S_ISFIFO(info.st_mode);
}

bool stdoutReaderGone()
{
    pollfd out { STDOUT_FILENO, 0, 0 }; // POLLERR is reported whatever is asked for
    return ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR) != 0;
}
} // namespace

struct StdoutReaderWatch::Watch
{
    std::unique_ptr<QSocketNotifier> notifier;
};

StdoutReaderWatch::StdoutReaderWatch(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Watch>())
{
    if (!stdoutIsPipe())
        return;
    d->notifier = std::make_unique<QSocketNotifier>(STDOUT_FILENO, QSocketNotifier::Read);
    connect(d->notifier.get(), &QSocketNotifier::activated, this, [this] {
        if (!stdoutReaderGone())
            return;
        d->notifier->setEnabled(false);
        Q_EMIT readerGone();
    });
}

StdoutReaderWatch::~StdoutReaderWatch() = default;

bool StdoutReaderWatch::isActive() const
{
    return d->notifier && d->notifier->isEnabled();
}

struct InputReader::Reader
{
    int descriptor = -1;
    std::unique_ptr<QSocketNotifier> notifier;
    QByteArray buffer;
};

InputReader::InputReader(int descriptor, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Reader>())
{
    d->descriptor = descriptor;
}

InputReader::~InputReader() = default;

void InputReader::start()
{
    if (d->notifier)
        return;
    d->buffer.resize(64 * 1024);
    d->notifier = std::make_unique<QSocketNotifier>(d->descriptor, QSocketNotifier::Read);
    connect(d->notifier.get(), &QSocketNotifier::activated, this, [this] {
        QString error;
        const qint64 got = readSome(d->descriptor, d->buffer.data(), d->buffer.size(), &error);
        if (got == kReadAgain)
            return;
        if (got > 0) {
            Q_EMIT received(QByteArray::fromRawData(d->buffer.constData(), got));
            return;
        }
        stop(); // before the signal: a slot may delete this reader
        if (got == 0)
            Q_EMIT ended();
        else
            Q_EMIT failed(error);
    });
}

void InputReader::stop()
{
    if (d->notifier)
        d->notifier->setEnabled(false);
}

bool InputReader::isActive() const
{
    return d->notifier && d->notifier->isEnabled();
}

} // namespace foxreload::platform
