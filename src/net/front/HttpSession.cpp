#include "HttpSession.h"

#include "FrontLog.h"
#include "McpHttpRules.h"

using namespace Qt::StringLiterals;

namespace foxreload::net {

QByteArray idKeyOfToken(QByteArrayView rawId)
{
    // One reading rule for ids everywhere: the message path's own.
    const QByteArray probe = "{\"jsonrpc\":\"2.0\",\"id\":" + rawId.toByteArray() + ",\"result\":null}";
    const jsonrpc::ReadResult read = jsonrpc::read(probe);
    if (!read.problem.isEmpty() || read.messages.size() != 1)
        return {};
    return read.messages.front().idKey();
}

std::optional<jsonrpc::RawMessage> messageToSend(const QByteArray& message, const QString& who)
{
    jsonrpc::ReadResult read = jsonrpc::read(message);
    if (!read.problem.isEmpty() || read.messages.size() != 1 || read.isBatch) {
        qCWarning(lcHttpFront, "%s: not one JSON-RPC message, not sent: %s", qPrintable(who),
            qPrintable(read.problem));
        return std::nullopt;
    }
    return std::move(read.messages.front());
}

HttpSession::HttpSession(QByteArray id, SseStream::Limits limits, QObject* parent)
    : ClientConnection(parent)
    , m_id(std::move(id))
    , m_limits(limits)
    , m_headers { { "Mcp-Session-Id", m_id } }
{
    m_getStream = new SseStream(0, SseStream::Kind::Get, m_headers, m_limits, this);
    m_idle.start();
}

HttpSession::~HttpSession() = default;

QString HttpSession::describe() const
{
    return u"HTTP session %1"_s.arg(QString::fromLatin1(m_id.left(8)));
}

void HttpSession::touch()
{
    m_idle.restart();
}

qint64 HttpSession::idleMs() const
{
    if (m_getStream->isAttached() || !m_requests.isEmpty())
        return 0;
    for (const SseStream* stream : m_streams)
        if (stream->isAttached())
            return 0;
    return m_idle.elapsed();
}

qsizetype HttpSession::undeliveredDropped() const
{
    qsizetype dropped = m_getStream->droppedUndelivered();
    for (const SseStream* stream : m_streams)
        dropped += stream->droppedUndelivered();
    return dropped;
}

void HttpSession::handlePost(
    const jsonrpc::RawMessage& message, ResponseWriter* writer, bool acceptsEventStream)
{
    touch();
    if (!message.isRequest()) {
        writer->setParent(this);
        writer->writeEmpty(202, m_headers);
        writer->deleteLater();
        Q_EMIT received(message);
        return;
    }
    const QByteArray key = message.idKey();
    if (m_requests.contains(key)) {
        writer->setParent(this);
        writer->writeComplete(400, "application/json",
            jsonrpc::errorFor(message.rawId(), -32600,
                u"the request id is already used by a request of this session that is "
                "still running"_s),
            m_headers);
        writer->deleteLater();
        return;
    }
    auto* stream = new SseStream(m_nextStream++, SseStream::Kind::Post, m_headers, m_limits, this);
    m_streams.insert(stream->number(), stream);
    m_requests.insert(key, stream);
    if (const QByteArray token = mcphttp::progressToken(message); !token.isEmpty())
        m_progressTokens.insert(token, key);
    if (message.method == u"initialize"_s)
        m_initializeKey = key;
    connect(stream, &SseStream::done, this, [this, stream] { forgetStream(stream); });
    stream->attach(writer, acceptsEventStream);
    Q_EMIT received(message);
}

void HttpSession::handleGet(ResponseWriter* writer, QByteArrayView lastEventId)
{
    touch();
    quint64 streamNumber = 0;
    quint64 sequence = 0;
    if (!lastEventId.isEmpty() && mcphttp::parseEventId(lastEventId, &streamNumber, &sequence)) {
        if (streamNumber == 0) {
            m_getStream->attach(writer, true, qint64(sequence));
            return;
        }
        if (SseStream* stream = m_streams.value(streamNumber)) {
            qCDebug(lcHttpFront, "%s: stream %llu resumed after event %llu", qPrintable(describe()),
                static_cast<unsigned long long>(streamNumber), static_cast<unsigned long long>(sequence));
            stream->attach(writer, true, qint64(sequence));
            return;
        }
    }
    if (m_getStream->isAttached()) {
        // One GET stream per session (as the reference SDK server): a second one would take
        // every message from the first. Resuming with Last-Event-ID replaces it instead.
        writer->setParent(this);
        writer->writeComplete(409, "application/json",
            mcphttp::errorBody(-32000, u"Conflict: this session's GET stream is already open"_s), m_headers);
        writer->deleteLater();
        return;
    }
    m_getStream->attach(writer, true, -1);
}

void HttpSession::forgetStream(SseStream* stream)
{
    // A request stream is kept while its client may still resume it: answered, but not
    // everything reached a connection.
    if (!stream->isDone() && m_open)
        return;
    m_streams.remove(stream->number());
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        if (it.value() == stream) {
            const QByteArray key = it.key();
            for (auto token = m_progressTokens.begin(); token != m_progressTokens.end();)
                token = token.value() == key ? m_progressTokens.erase(token) : std::next(token);
            it = m_requests.erase(it);
        } else {
            ++it;
        }
    }
    stream->deleteLater();
}

SseStream* HttpSession::streamForRelated(
    const jsonrpc::RawMessage& message, QByteArrayView relatedRequestId) const
{
    QByteArray key;
    if (!relatedRequestId.isEmpty())
        key = idKeyOfToken(relatedRequestId);
    else if (message.method == u"notifications/progress"_s)
        key = m_progressTokens.value(mcphttp::paramsMember(message, "progressToken"));
    if (key.isEmpty())
        return nullptr;
    SseStream* stream = m_requests.value(key);
    return stream && stream->canCarryEvents() ? stream : nullptr;
}

SseStream* HttpSession::anyStreamForEvents() const
{
    // The newest request is the likeliest to be the one waiting for this.
    const QList<SseStream*> streams = m_streams.values();
    for (auto it = streams.crbegin(); it != streams.crend(); ++it)
        if ((*it)->canCarryEvents() && (*it)->isAttached())
            return *it;
    return nullptr;
}

void HttpSession::send(const QByteArray& message, QByteArrayView relatedRequestId)
{
    if (!m_open)
        return;
    const std::optional<jsonrpc::RawMessage> sent = messageToSend(message, describe());
    if (!sent)
        return;
    const jsonrpc::RawMessage& raw = *sent;
    if (raw.isResponse()) {
        const QByteArray key = raw.idKey();
        SseStream* stream = m_requests.take(key);
        if (!stream) {
            qCDebug(lcHttpFront, "%s: an answer to no open request (id %s) is dropped",
                qPrintable(describe()), raw.rawId().toByteArray().constData());
            return;
        }
        const bool failedHandshake = key == m_initializeKey && raw.hasError;
        stream->answer(message);
        if (failedHandshake)
            close(u"the initialize request failed"_s);
        return;
    }
    SseStream* target = streamForRelated(raw, relatedRequestId);
    if (!target && raw.isRequest() && !m_getStream->isAttached())
        target = anyStreamForEvents();
    (target ? target : m_getStream)->push(message);
}

void HttpSession::keepAlive()
{
    m_getStream->keepAlive();
    for (SseStream* stream : std::as_const(m_streams))
        stream->keepAlive();
}

void HttpSession::close(const QString& why)
{
    if (!m_open)
        return;
    m_open = false;
    m_getStream->end();
    for (SseStream* stream : std::as_const(m_streams))
        stream->end();
    qCInfo(lcHttpFront, "%s closed: %s", qPrintable(describe()), qPrintable(why));
    Q_EMIT closed(why);
}

} // namespace foxreload::net
