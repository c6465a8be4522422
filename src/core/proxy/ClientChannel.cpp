#include "ClientChannel.h"

#include "ProxyLog.h"
#include "platform/ConsoleIo.h"
#include "platform/OutputBurst.h"
#include "server/JsonRpc.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>

#include <algorithm>

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
    , m_writeFd(writeFd)
    , m_reader(readFd)
{
    connect(&m_reader, &platform::InputReader::received, this, &ClientChannel::onReceived);
    connect(&m_reader, &platform::InputReader::ended, this, &ClientChannel::onEnded);
    connect(&m_reader, &platform::InputReader::failed, this, [this](const QString& reason) {
        close(u"reading stdin failed: %1"_s.arg(reason), CloseReason::InputFailed);
    });
}

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
    m_reader.start();
}

void ClientChannel::onEnded()
{
    // A last message without its newline still counts.
    if (const QByteArray rest = m_framer.takeRemainder(); !isBlank(rest))
        handleLine(rest);
    close(u"the client closed stdin"_s, CloseReason::InputEnded);
}

void ClientChannel::onReceived(const QByteArray& bytes)
{
    const platform::OutputBurst burst; // the requests of one read reach each server in one write
    const auto lines = m_framer.feed(bytes);
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
        Q_EMIT messageReceived(read.messages.front());
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

// Both parts at once: the newline is not appended to (a copy of) a large message. A client that
// made the pipe non-blocking is waited for without spinning (platform::writeFully).
bool ClientChannel::writeAll(QByteArrayView first, QByteArrayView second)
{
    if (m_writeFd < 0)
        return false;
    if (QString error; !platform::writeFully(m_writeFd, first, second, &error)) {
        qCWarning(lcProxy).noquote() << "writing to the client failed:" << error;
        m_writeFd = -1;
        close(u"the client stopped reading stdout"_s, CloseReason::OutputFailed);
        return false;
    }
    return true;
}

void ClientChannel::close(const QString& why, CloseReason reason)
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_writeFd >= 0)
        flush(); // stdin ended: what is queued still goes out
    m_reader.stop();
    qCDebug(lcProxy).noquote() << why;
    Q_EMIT closed(why, reason);
}

} // namespace foxreload
