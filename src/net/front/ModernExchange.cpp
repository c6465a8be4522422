#include "ModernExchange.h"

#include "FrontLog.h"
#include "HttpSession.h"
#include "McpHttpRules.h"

using namespace Qt::StringLiterals;

namespace foxreload::net {

ModernExchange::ModernExchange(quint64 number, const jsonrpc::RawMessage& request, ResponseWriter* writer,
    bool acceptsEventStream, QObject* parent)
    : ClientConnection(parent)
    , m_number(number)
    , m_request(request)
    , m_requestKey(request.idKey())
    , m_writer(writer)
    , m_acceptsEventStream(acceptsEventStream)
{
    writer->setParent(this);
    connect(writer, &ResponseWriter::disconnected, this,
        [this] { finish(u"the client closed the request's HTTP response"_s); });
}

ModernExchange::~ModernExchange() = default;

void ModernExchange::start()
{
    Q_EMIT received(m_request);
}

QString ModernExchange::describe() const
{
    return u"HTTP request %1 (%2)"_s.arg(m_number).arg(m_request.method);
}

void ModernExchange::send(const QByteArray& message, QByteArrayView relatedRequestId)
{
    Q_UNUSED(relatedRequestId) // everything here belongs to the one request
    if (!m_open || !m_writer)
        return;
    const std::optional<jsonrpc::RawMessage> sent = messageToSend(message, describe());
    if (!sent)
        return;
    const jsonrpc::RawMessage& raw = *sent;
    if (raw.isResponse() && raw.idKey() == m_requestKey) {
        if (m_writer->isEventStream()) {
            m_writer->writeChunk(mcphttp::sseEvent({}, message));
            m_writer->endEventStream();
        } else {
            m_writer->writeComplete(
                mcphttp::statusForModernError(mcphttp::errorCode(raw)), "application/json", message);
        }
        finish(u"answered"_s);
        return;
    }
    if (raw.isResponse()) {
        qCDebug(lcHttpFront, "%s: an answer to another id is dropped", qPrintable(describe()));
        return;
    }
    if (!m_acceptsEventStream) {
        qCDebug(lcHttpFront, "%s: the client takes no event stream; %s dropped", qPrintable(describe()),
            qPrintable(raw.method));
        return;
    }
    if (!m_writer->isStarted())
        m_writer->beginEventStream({});
    m_writer->writeChunk(mcphttp::sseEvent({}, message));
    if (raw.method == "notifications/cancelled"_L1
        && jsonrpc::tokenKey(raw.view(raw.paramsMember({ "requestId" }))) == m_requestKey) {
        // The server tore this request down (a listen stream it ends): no answer will come.
        m_writer->endEventStream();
        finish(u"the server cancelled it"_s);
    }
}

void ModernExchange::keepAlive()
{
    if (m_open && m_writer && m_writer->isEventStream())
        m_writer->writeChunk(": keep-alive\n\n"_ba);
}

void ModernExchange::close(const QString& why)
{
    if (!m_open)
        return;
    if (m_writer) {
        if (m_writer->isEventStream())
            m_writer->endEventStream();
        else if (!m_writer->isStarted())
            m_writer->writeComplete(503, "application/json",
                jsonrpc::errorFor(m_request.rawId(), -32000, u"FoxReload is shutting down"_s));
    }
    finish(why);
}

void ModernExchange::finish(const QString& why)
{
    if (!m_open)
        return;
    m_open = false;
    if (m_writer) {
        m_writer->disconnect(this);
        m_writer->deleteLater();
    }
    Q_EMIT closed(why);
}

} // namespace foxreload::net
