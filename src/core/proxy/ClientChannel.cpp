#include "ClientChannel.h"

#include "ProxyLog.h"
#include "server/JsonRpc.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
bool isBlank(const QByteArray& line)
{
    return std::all_of(
        line.cbegin(), line.cend(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}
} // namespace

ClientChannel::ClientChannel(int readFd, int writeFd, QObject* parent)
    : QObject(parent)
    , m_readFd(readFd)
    , m_writeFd(writeFd)
{ }

ClientChannel::~ClientChannel()
{
    flush();
}

void ClientChannel::start()
{
    // Queued lines go out before the loop sleeps, and before it ends.
    if (auto* dispatcher = QAbstractEventDispatcher::instance())
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &ClientChannel::flush);
    if (auto* app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClientChannel::flush);
    m_notifier = std::make_unique<QSocketNotifier>(m_readFd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &ClientChannel::onReadable);
}

void ClientChannel::onReadable()
{
    char buffer[64 * 1024];
    const ssize_t got = ::read(m_readFd, buffer, sizeof buffer);
    if (got < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return;
        close(u"reading stdin failed: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    if (got == 0) {
        // A last message without its newline still counts.
        if (const QByteArray rest = m_framer.takeRemainder(); !isBlank(rest))
            handleLine(rest);
        close(u"the client closed stdin"_s);
        return;
    }
    const auto lines = m_framer.feed(QByteArray::fromRawData(buffer, got));
    for (const auto& line : lines) {
        if (m_closed)
            return;
        if (line.oversized) {
            Q_EMIT garbageReceived(jsonrpc::InvalidRequest,
                u"a line of %1 bytes exceeds the limit of %2 bytes and was skipped"_s.arg(line.size).arg(
                    kMaxLineBytes));
            continue;
        }
        handleLine(line.bytes);
    }
}

void ClientChannel::handleLine(const QByteArray& line)
{
    if (isBlank(line))
        return;
    jsonrpc::ReadResult read = jsonrpc::read(line);
    if (!read.problem.isEmpty()) {
        Q_EMIT garbageReceived(read.errorCode, read.problem);
        return;
    }
    if (read.isBatch)
        Q_EMIT batchReceived(read);
    else
        Q_EMIT messageReceived(read.messages.constFirst());
}

bool ClientChannel::send(const QByteArray& message)
{
    return writeLine(message);
}

bool ClientChannel::send(const QJsonObject& message)
{
    return writeLine(jsonrpc::encode(message));
}

bool ClientChannel::sendBatch(const QList<QByteArray>& messages)
{
    QByteArray line;
    line.append('[');
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (i > 0)
            line.append(',');
        line.append(messages[i]);
    }
    line.append(']');
    return writeLine(line);
}

bool ClientChannel::writeLine(QByteArrayView bytes)
{
    if (m_closed && m_writeFd < 0)
        return false;
    ++m_linesWritten;
    // A large message goes out at once (after what is queued): no copy of megabytes.
    if (bytes.size() >= kDirectWriteBytes) {
        const QByteArray queued = std::exchange(m_pending, {});
        return (queued.isEmpty() || writeAll(queued)) && writeAll(bytes, "\n");
    }
    m_pending.append(bytes);
    m_pending.append('\n');
    if (m_pending.size() >= kDirectWriteBytes)
        flush();
    return m_writeFd >= 0;
}

void ClientChannel::flush()
{
    if (m_pending.isEmpty())
        return;
    writeAll(m_pending);
    m_pending.resize(0); // keeps its capacity: no allocation per burst
}

// Both parts in one writev(): the newline is not appended to (a copy of) a large message.
bool ClientChannel::writeAll(QByteArrayView first, QByteArrayView second)
{
    if (m_writeFd < 0)
        return false;
    iovec parts[2] = { { const_cast<char*>(first.data()), size_t(first.size()) },
        { const_cast<char*>(second.data()), size_t(second.size()) } };
    int index = 0;
    const int count = second.isEmpty() ? 1 : 2;
    while (index < count) {
        const ssize_t n = ::writev(m_writeFd, parts + index, count - index);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                // The client made the pipe non-blocking: wait until it reads, without spinning.
                pollfd writable { m_writeFd, POLLOUT, 0 };
                ::poll(&writable, 1, 1000);
                continue;
            }
            qCWarning(lcProxy) << "writing to the client failed:" << std::strerror(errno);
            m_writeFd = -1;
            close(u"the client stopped reading stdout"_s);
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

void ClientChannel::close(const QString& why)
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_writeFd >= 0)
        flush(); // stdin ended: what is queued still goes out
    if (m_notifier)
        m_notifier->setEnabled(false);
    qCDebug(lcProxy).noquote() << why;
    Q_EMIT closed(why);
}

} // namespace foxreload
