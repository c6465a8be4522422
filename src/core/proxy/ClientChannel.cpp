#include "ClientChannel.h"

#include "ProxyLog.h"
#include "server/JsonRpc.h"

#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload {

ClientChannel::ClientChannel(int readFd, int writeFd, QObject* parent)
    : QObject(parent)
    , m_readFd(readFd)
    , m_writeFd(writeFd)
{ }

ClientChannel::~ClientChannel() = default;

void ClientChannel::start()
{
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
        if (const QByteArray rest = m_framer.takeRemainder(); !rest.trimmed().isEmpty())
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
    if (line.trimmed().isEmpty())
        return;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument reads objects and arrays only; a bare scalar is valid JSON but no request.
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + line + ']');
        if (wrapped.isArray() && wrapped.array().size() == 1) {
            Q_EMIT garbageReceived(
                jsonrpc::InvalidRequest, u"a JSON value that is neither an object nor a batch"_s);
            return;
        }
        Q_EMIT garbageReceived(jsonrpc::ParseError,
            u"invalid JSON at offset %1 of a %2-byte line: %3"_s.arg(parseError.offset)
                .arg(line.size())
                .arg(parseError.errorString()));
        return;
    }
    if (document.isObject())
        Q_EMIT messageReceived(document.object());
    else if (document.isArray())
        Q_EMIT batchReceived(document.array());
    else
        Q_EMIT garbageReceived(
            jsonrpc::InvalidRequest, u"a JSON value that is neither an object nor a batch"_s);
}

bool ClientChannel::send(const QJsonObject& message)
{
    return writeAll(jsonrpc::encodeLine(message));
}

bool ClientChannel::sendBatch(const QJsonArray& messages)
{
    QByteArray line = QJsonDocument(messages).toJson(QJsonDocument::Compact);
    line.append('\n');
    return writeAll(line);
}

bool ClientChannel::writeAll(const QByteArray& bytes)
{
    if (m_closed && m_writeFd < 0)
        return false;
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(m_writeFd, bytes.constData() + written, size_t(bytes.size() - written));
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
        written += n;
    }
    ++m_linesWritten;
    return true;
}

void ClientChannel::close(const QString& why)
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    qCDebug(lcProxy).noquote() << why;
    Q_EMIT closed(why);
}

} // namespace foxreload
