#include "HttpFront.h"

#include "FrontLog.h"
#include "HttpSession.h"
#include "McpHttpRules.h"
#include "ModernExchange.h"
#include "RequestHeadGuard.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace foxreload::net {

// QtHttpServer hands requests to a subclass and makes responders only there.
class FrontServer final : public QAbstractHttpServer
{
public:
    explicit FrontServer(HttpFront* front)
        : m_front(front)
    { }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        m_front->handle(request, makeResponder(request, socket));
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override { }

private:
    HttpFront* m_front;
};

namespace {

// Every connection's bytes pass a RequestHeadGuard before QtHttpServer reads them: its
// readyRead handler is connected first, so it runs first, and a refused request is consumed
// here and never reaches the parser.
class GuardedTcpServer final : public QTcpServer
{
public:
    GuardedTcpServer(RequestHeadGuard::Limits limits, QObject* parent)
        : QTcpServer(parent)
        , m_limits(limits)
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // A response is written in pieces (head, body): without this, Nagle's algorithm holds
        // the last piece back until the client acknowledges the first.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto guard = std::make_shared<RequestHeadGuard>(m_limits);
        connect(socket, &QTcpSocket::readyRead, socket, [socket, guard] { inspect(socket, *guard); });
        addPendingConnection(socket);
    }

private:
    static void inspect(QTcpSocket* socket, RequestHeadGuard& guard)
    {
        if (guard.refused()) {
            socket->readAll(); // the rest of a refused request: dropped unread
            return;
        }
        const RequestHeadGuard::Result result = guard.feed(socket->peek(socket->bytesAvailable()));
        for (int i = 0; i < result.continues; ++i)
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        if (result.refusal.status == 0)
            return;
        socket->readAll();
        // -32000, as every transport-level refusal of the front.
        const QByteArray body = mcphttp::errorBody(-32000, result.refusal.message);
        socket->write("HTTP/1.1 " + QByteArray::number(result.refusal.status) + ' '
            + RequestHeadGuard::reasonPhrase(result.refusal.status)
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        // A client that goes on sending is not waited for long.
        QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
        qCWarning(lcHttpFront, "refused a request from %s: %s", qPrintable(socket->peerAddress().toString()),
            qPrintable(result.refusal.message));
    }

    RequestHeadGuard::Limits m_limits;
};

HeaderPairs allowPost()
{
    return { { "Allow", "POST" } };
}

void refuse(
    ResponseWriter* writer, int status, int code, const QString& message, const HeaderPairs& headers = {})
{
    writer->writeComplete(status, "application/json", mcphttp::errorBody(code, message), headers);
    writer->deleteLater();
}

QByteArray newSessionId()
{
    // Visible ASCII and unguessable: the id is the only thing that names a session.
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
}

} // namespace

HttpFront::HttpFront(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(std::make_unique<FrontServer>(this))
{
    m_tick.setInterval(std::max(50, m_options.keepAliveMs));
    connect(&m_tick, &QTimer::timeout, this, &HttpFront::onTick);
}

HttpFront::~HttpFront()
{
    closeAll(u"FoxReload is shutting down"_s);
}

bool HttpFront::listen(QString* error)
{
    auto* tcpServer
        = new GuardedTcpServer({ m_options.maxHeaderBytes, m_options.maxBodyBytes }, m_server.get());
    if (!tcpServer->listen(m_options.address, m_options.port)) {
        if (error)
            *error = u"cannot listen on %1:%2: %3"_s.arg(
                m_options.address.toString(), QString::number(m_options.port), tcpServer->errorString());
        delete tcpServer;
        return false;
    }
    m_server->bind(tcpServer);
    m_tcpServer = tcpServer;
    m_tick.start();
    qCInfo(lcHttpFront, "serving MCP over HTTP at %s", qPrintable(url().toString()));
    return true;
}

quint16 HttpFront::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

QUrl HttpFront::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_options.address.toString());
    url.setPort(port());
    url.setPath(m_options.path);
    return url;
}

bool HttpFront::parseListenAddress(const QString& text, QHostAddress* address, quint16* port, QString* error)
{
    QString host;
    QString portText = text.trimmed();
    if (portText.startsWith(u'[')) {
        const qsizetype close = portText.indexOf(u"]:"_s);
        if (close < 0) {
            *error = u"\"%1\": write an IPv6 address as [ADDRESS]:PORT"_s.arg(text);
            return false;
        }
        host = portText.mid(1, close - 1);
        portText = portText.mid(close + 2);
    } else if (const qsizetype colon = portText.lastIndexOf(u':'); colon >= 0) {
        host = portText.left(colon);
        portText = portText.mid(colon + 1);
    }
    bool ok = false;
    const uint number = portText.toUInt(&ok);
    if (!ok || number > 65535) {
        *error = u"\"%1\": expected HOST:PORT with a port from 0 to 65535"_s.arg(text);
        return false;
    }
    if (host.isEmpty() || host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (!address->setAddress(host)) {
        *error
            = u"\"%1\": %2 is not an IP address (use 127.0.0.1, ::1, or 0.0.0.0 for every interface)"_s.arg(
                text, host);
        return false;
    }
    *port = quint16(number);
    return true;
}

void HttpFront::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    auto* writer = new ResponseWriter(std::move(responder), this);
    if (request.url().path() != m_options.path) {
        writer->writeComplete(
            404, "text/plain; charset=utf-8", "Not found: MCP is served at " + m_options.path.toUtf8());
        writer->deleteLater();
        return;
    }
    if (!mcphttp::isAllowedHost(request.value("host"), m_options.address, m_options.allowedHosts)) {
        qCWarning(lcHttpFront, "refused a request for host %s (DNS rebinding protection)",
            request.value("host").constData());
        refuse(writer, 403, -32000, u"Forbidden: this MCP server answers only to loopback host names"_s);
        return;
    }
    if (!mcphttp::isAllowedOrigin(request.value("origin"), m_options.allowedOrigins)) {
        qCWarning(lcHttpFront, "refused a request from origin %s", request.value("origin").constData());
        refuse(writer, 403, -32000, u"Forbidden: origin not allowed"_s);
        return;
    }
    switch (request.method()) {
    case QHttpServerRequest::Method::Post:
        handlePost(request, writer);
        return;
    case QHttpServerRequest::Method::Get:
        handleGet(request, writer);
        return;
    case QHttpServerRequest::Method::Delete:
        handleDelete(request, writer);
        return;
    default:
        refuse(writer, 405, -32000, u"Method not allowed"_s, { { "Allow", "GET, POST, DELETE" } });
        return;
    }
}

void HttpFront::handlePost(const QHttpServerRequest& request, ResponseWriter* writer)
{
    if (!mcphttp::isJsonContentType(request.value("content-type")))
        return refuse(
            writer, 415, -32000, u"Unsupported Media Type: POST a JSON-RPC message as application/json"_s);
    QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes)
        return refuse(writer, 413, -32000, u"Payload too large"_s);
    jsonrpc::ReadResult read = jsonrpc::read(body);
    if (read.problem.isEmpty() && (body.contains('\n') || body.contains('\r'))) {
        // A stdio server reads one message per line. In valid JSON a raw line break can only
        // be whitespace between tokens (strings cannot hold one), so a space does the same.
        body.replace('\n', ' ').replace('\r', ' ');
        read = jsonrpc::read(body);
    }
    if (!read.problem.isEmpty())
        return refuse(writer, 400, read.errorCode, read.problem);
    if (read.isBatch || read.messages.size() != 1)
        return refuse(
            writer, 400, -32600, u"Invalid Request: POST one JSON-RPC message (batches are not supported)"_s);
    const jsonrpc::RawMessage& message = read.messages.front();
    if (message.kind == jsonrpc::MessageKind::Invalid)
        return refuse(writer, 400, -32600, u"Invalid Request: not a JSON-RPC 2.0 message"_s);
    const bool eventStream = mcphttp::acceptsEventStream(request.value("accept"));
    const QByteArray versionHeader = request.value("mcp-protocol-version").trimmed();

    if (const QByteArray sessionId = request.value("mcp-session-id").trimmed(); !sessionId.isEmpty()) {
        HttpSession* session = m_sessions.value(sessionId);
        if (!session)
            return refuse(writer, 404, -32001, u"Session not found"_s);
        if (!versionHeader.isEmpty() && !mcphttp::isKnownProtocolVersion(versionHeader))
            return refuse(writer, 400, -32000,
                u"Bad Request: unsupported MCP-Protocol-Version %1"_s.arg(QString::fromUtf8(versionHeader)));
        session->handlePost(message, writer, eventStream);
        return;
    }
    if (message.isRequest() && message.method == u"initialize"_s) {
        openSession()->handlePost(message, writer, eventStream);
        return;
    }
    const QByteArray version
        = versionHeader.isEmpty() ? mcphttp::metaProtocolVersion(message) : versionHeader;
    if (!mcphttp::isModernProtocolVersion(version))
        return refuse(writer, 400, -32000,
            u"Bad Request: Mcp-Session-Id header is required (a session starts with initialize)"_s);
    // 2026-07-28: every request stands alone.
    if (!message.isRequest()) {
        writer->writeEmpty(202);
        writer->deleteLater();
        qCDebug(lcHttpFront, "session-less %s accepted and dropped (nothing to deliver it to)",
            qPrintable(message.method));
        return;
    }
    const mcphttp::ModernHeaders headers { versionHeader, request.value("mcp-method"),
        request.value("mcp-name"), !request.value("mcp-name").isNull() };
    if (const QString problem = mcphttp::checkModernHeaders(headers, message); !problem.isEmpty()) {
        writer->writeComplete(400, "application/json", jsonrpc::errorFor(message.rawId(), -32020, problem));
        writer->deleteLater();
        return;
    }
    auto* exchange = new ModernExchange(m_nextExchange++, message, writer, eventStream, this);
    m_exchanges.append(exchange);
    connect(exchange, &ClientConnection::closed, this, [this, exchange] {
        m_exchanges.removeAll(exchange);
        exchange->deleteLater();
    });
    Q_EMIT connectionOpened(exchange);
    exchange->start();
}

void HttpFront::handleGet(const QHttpServerRequest& request, ResponseWriter* writer)
{
    const QByteArray sessionId = request.value("mcp-session-id").trimmed();
    if (sessionId.isEmpty())
        return refuse(writer, 405, -32000, u"Method not allowed: GET needs an Mcp-Session-Id"_s, allowPost());
    HttpSession* session = m_sessions.value(sessionId);
    if (!session)
        return refuse(writer, 404, -32001, u"Session not found"_s);
    const QByteArray accept = request.value("accept");
    if (!accept.isEmpty() && !accept.toLower().contains("text/event-stream") && !accept.contains("*/*"))
        return refuse(writer, 406, -32000, u"Not Acceptable: GET opens a text/event-stream"_s);
    session->handleGet(writer, request.value("last-event-id"));
}

void HttpFront::handleDelete(const QHttpServerRequest& request, ResponseWriter* writer)
{
    const QByteArray sessionId = request.value("mcp-session-id").trimmed();
    if (sessionId.isEmpty())
        return refuse(
            writer, 405, -32000, u"Method not allowed: DELETE needs an Mcp-Session-Id"_s, allowPost());
    HttpSession* session = m_sessions.value(sessionId);
    if (!session)
        return refuse(writer, 404, -32001, u"Session not found"_s);
    session->close(u"the client ended the session (HTTP DELETE)"_s);
    writer->writeEmpty(200);
    writer->deleteLater();
}

HttpSession* HttpFront::openSession()
{
    QByteArray id = newSessionId();
    while (m_sessions.contains(id))
        id = newSessionId();
    auto* session = new HttpSession(id, m_options.streamLimits, this);
    m_sessions.insert(id, session);
    connect(session, &ClientConnection::closed, this, [this, session] {
        m_sessions.remove(session->id());
        session->deleteLater();
    });
    qCInfo(lcHttpFront, "%s opened", qPrintable(session->describe()));
    Q_EMIT connectionOpened(session);
    return session;
}

void HttpFront::onTick()
{
    const QList<HttpSession*> sessions = m_sessions.values();
    for (HttpSession* session : sessions) {
        if (session->idleMs() > m_options.sessionIdleMs)
            session->close(u"nobody used the session for %1 s"_s.arg(m_options.sessionIdleMs / 1000));
        else
            session->keepAlive();
    }
    for (const QPointer<ModernExchange>& exchange : std::as_const(m_exchanges))
        if (exchange)
            exchange->keepAlive();
}

void HttpFront::closeAll(const QString& why)
{
    const QList<HttpSession*> sessions = m_sessions.values();
    for (HttpSession* session : sessions)
        session->close(why);
    const QList<QPointer<ModernExchange>> exchanges = m_exchanges;
    for (const QPointer<ModernExchange>& exchange : exchanges)
        if (exchange)
            exchange->close(why);
}

} // namespace foxreload::net
