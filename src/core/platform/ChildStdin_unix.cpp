#include "ChildStdin.h"
#include "OutputBurst.h"
#include "PlatformLog.h"

#include <QProcess>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload::platform {

struct ChildStdin::Pipe
{
    int fd = -1; // our end (non-blocking)
    int childFd = -1; // the server's end until it has it
    QByteArray pending; // what the pipe did not take yet
    QByteArray batch; // lines written during the current OutputBurst
    std::unique_ptr<QSocketNotifier> notifier;
    bool closeWhenWritten = false;
};

namespace {
// Lines at least this long are written at once instead of being collected.
constexpr qsizetype kDirectWriteBytes = 256 * 1024;

// pipe2() is Linux-only; nothing forks between pipe() and the flags (QProcess starts later).
bool makePipe(int (&fds)[2])
{
    if (::pipe(fds) != 0)
        return false;
    ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return true;
}
} // namespace

ChildStdin::ChildStdin(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Pipe>())
{ }

ChildStdin::~ChildStdin()
{
    close();
    releaseChildEnd();
}

QString ChildStdin::prepare(QProcess& process)
{
    // A server that exits must be an EPIPE on the next write, not the death of FoxReload. QProcess
    // ignores SIGPIPE process-wide when it first writes to a child; its stdin is ours, so we do.
    static const bool sigpipeIgnored = [] { return ::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
    Q_UNUSED(sigpipeIgnored);
    int fds[2];
    if (!makePipe(fds))
        return u"no pipe for its stdin: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
    d->childFd = fds[0];
    d->fd = fds[1];
    ::fcntl(d->fd, F_SETFL, ::fcntl(d->fd, F_GETFL) | O_NONBLOCK);
    process.setStandardInputFile(QProcess::nullDevice()); // replaced by childEnd() in the child
    return {};
}

QIODevice::OpenMode ChildStdin::processOpenMode() const
{
    return QIODevice::ReadOnly;
}

qintptr ChildStdin::childEnd() const
{
    return d->childFd;
}

void ChildStdin::releaseChildEnd()
{
    if (d->childFd >= 0) {
        ::close(d->childFd);
        d->childFd = -1;
    }
}

bool ChildStdin::isOpen() const
{
    return d->fd >= 0;
}

void ChildStdin::writeLine(const QByteArray& message)
{
    if (d->fd < 0)
        return;
    if (!d->pending.isEmpty()) {
        // Keep the order: behind what waits already.
        d->pending.append(message);
        d->pending.append('\n');
        return;
    }
    if (message.size() >= kDirectWriteBytes || !OutputBurst::isOpen()) {
        flushBatch(); // keep the order
        write(message, "\n");
        return;
    }
    // A burst (the requests of one read from the client): one write() and one wake-up of the
    // server when it ends, not one per line.
    if (d->batch.isEmpty())
        OutputBurst::flushAtEnd(this);
    d->batch.append(message);
    d->batch.append('\n');
    if (d->batch.size() >= kDirectWriteBytes)
        flushBatch();
}

void ChildStdin::flushBatch()
{
    if (d->batch.isEmpty() || d->fd < 0)
        return;
    if (!d->pending.isEmpty()) {
        d->pending.append(d->batch);
        d->batch.resize(0);
        return;
    }
    // Taken out first: a failed write closes the pipe, and close() flushes what is batched.
    QByteArray lines = std::exchange(d->batch, {});
    write(lines, {});
    lines.resize(0);
    if (d->batch.isEmpty())
        d->batch = std::move(lines); // keeps its capacity: no allocation per burst
}

// Writes as much as the pipe takes now; the rest waits for it to become writable.
bool ChildStdin::write(QByteArrayView first, QByteArrayView second)
{
    iovec parts[2] = { { const_cast<char*>(first.data()), size_t(first.size()) },
        { const_cast<char*>(second.data()), size_t(second.size()) } };
    int index = 0;
    while (index < 2) {
        const ssize_t n = ::writev(d->fd, parts + index, 2 - index);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            // EPIPE: the server closed its stdin or is gone; the process's end tells the rest.
            qCDebug(lcPlatform) << "writing to a server's stdin failed:" << std::strerror(errno);
            close();
            return false;
        }
        size_t written = size_t(n);
        while (index < 2 && written >= parts[index].iov_len) {
            written -= parts[index].iov_len;
            ++index;
        }
        if (index < 2) {
            parts[index].iov_base = static_cast<char*>(parts[index].iov_base) + written;
            parts[index].iov_len -= written;
        }
    }
    if (index == 2)
        return true;
    QByteArray rest;
    for (int i = index; i < 2; ++i)
        rest.append(static_cast<const char*>(parts[i].iov_base), qsizetype(parts[i].iov_len));
    d->pending.prepend(rest);
    if (!d->notifier) {
        d->notifier = std::make_unique<QSocketNotifier>(d->fd, QSocketNotifier::Write);
        connect(d->notifier.get(), &QSocketNotifier::activated, this, &ChildStdin::onWritable);
    }
    d->notifier->setEnabled(true);
    return true;
}

void ChildStdin::onWritable()
{
    if (d->fd < 0)
        return;
    const QByteArray pending = std::exchange(d->pending, {});
    d->notifier->setEnabled(false);
    if (!write(pending, {}))
        return;
    if (d->pending.isEmpty() && d->closeWhenWritten)
        close();
}

void ChildStdin::closeWhenWritten()
{
    flushBatch();
    if (d->pending.isEmpty())
        close();
    else
        d->closeWhenWritten = true;
}

void ChildStdin::close()
{
    flushBatch(); // what was written reaches the pipe as far as it takes it now
    d->notifier.reset();
    d->pending.clear();
    d->closeWhenWritten = false;
    if (d->fd >= 0) {
        ::close(d->fd);
        d->fd = -1;
    }
}

} // namespace foxreload::platform
