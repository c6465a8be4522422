#include "HttpServerChannel.h"

#include "NetLog.h"
#include "server/JsonScan.h"
#include "server/RawMessage.h"

#include <QNetworkProxy>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace foxreload::net {

namespace {
constexpr int kDefaultStreamRetryMs = 1000;
constexpr int kMaxStreamFailures = 5;
constexpr int kMaxResumes = 20; // a stream that keeps ending before its answer is given up on

int httpStatus(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

bool isEventStream(QNetworkReply* reply)
{
    return reply->header(QNetworkRequest::ContentTypeHeader)
        .toByteArray()
        .trimmed()
        .toLower()
        .startsWith("text/event-stream");
}

// The refusals of a server that is still starting: nobody listens yet, or a listener that
// accepted before it was ready to serve.
// A message may arrive pretty-printed (an SSE event's data lines are joined by '\n', a JSON body
// may span lines), but whoever forwards it over stdio needs it on one line. In valid JSON a CR
// or LF can only be whitespace between tokens (inside a string it must be escaped), so a space
// in its place changes nothing else (and bytes that are no JSON are rejected either way).
QByteArray oneLine(QByteArray message)
{
    if (message.contains('\n') || message.contains('\r')) {
        message.replace('\n', ' ');
        message.replace('\r', ' ');
    }
    return message;
}

// A header value as the 2026-07-28 revision spells it: plain when it is visible ASCII without
// leading or trailing blanks, otherwise (or when it could be mistaken for the encoding) base64.
QByteArray headerValue(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    bool plain = !utf8.isEmpty() && utf8.front() != ' ' && utf8.back() != ' ' && !utf8.startsWith("=?");
    for (const char c : utf8)
        plain = plain && c >= 0x20 && c < 0x7f;
    return plain ? utf8 : "=?base64?" + utf8.toBase64() + "?=";
}

// The request metadata a 2026-07-28 request carries as headers (streamable-http §Request Metadata):
// MCP-Protocol-Version from the request's own _meta, Mcp-Method, and Mcp-Name for the methods that
// name a tool, prompt or resource. Requests of the earlier revisions get none of them.
QList<std::pair<QByteArray, QByteArray>> requestMetadata(const jsonrpc::RawMessage& message)
{
    if (!message.isRequest() || !message.params.isValid())
        return {};
    const QByteArrayView text(message.bytes);
    const jsonscan::Value params = jsonscan::valueAt(text, message.params.begin);
    if (params.type != jsonscan::Type::Object)
        return {};
    const jsonscan::Value meta = jsonscan::member(text, params, "_meta");
    if (!meta.isValid() || meta.type != jsonscan::Type::Object)
        return {};
    const jsonscan::Value version = jsonscan::member(text, meta, "io.modelcontextprotocol/protocolVersion");
    if (!version.isValid() || version.type != jsonscan::Type::String)
        return {};
    const auto stringContent = [&](const jsonscan::Value& value) {
        return jsonscan::decodeString(text.sliced(value.begin + 1, value.end - value.begin - 2));
    };
    QList<std::pair<QByteArray, QByteArray>> headers {
        { "MCP-Protocol-Version", stringContent(version).toLatin1() },
        { "Mcp-Method", headerValue(message.method) },
    };
    const bool named = message.method == "tools/call"_L1 || message.method == "prompts/get"_L1;
    const bool addressed = message.method == "resources/read"_L1;
    if (named || addressed) {
        const jsonscan::Value name = jsonscan::member(text, params, named ? "name" : "uri");
        if (name.isValid() && name.type == jsonscan::Type::String)
            headers.append({ "Mcp-Name", headerValue(stringContent(name)) });
    }
    return headers;
}

bool looksNotListeningYet(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::RemoteHostClosedError;
}
} // namespace

struct HttpServerChannel::Post
{
    Outgoing message;
    QNetworkReply* reply = nullptr;
    SseParser parser;
    int attempt = 0;
    bool headersSeen = false;
    bool eventStream = false;
    bool blocking = false; // the queue waits for this POST's headers
    bool responded = false; // the answer to this request arrived
    bool resume = false; // the stream ended before the answer: GET it again with Last-Event-ID
    int resumes = 0;
};

HttpServerChannel::HttpServerChannel(const QUrl& url, const Options& options, QObject* parent)
    : ServerChannel(parent)
    , m_url(url)
    , m_options(options)
{
    // The server is on this machine: a proxy from the environment (http_proxy) must not get in between.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_shortNetwork.setProxy(QNetworkProxy::NoProxy);
    m_getRetry.setSingleShot(true);
    connect(&m_getRetry, &QTimer::timeout, this, &HttpServerChannel::openServerStream);
    // First in line, so the session's protocol version is known before anyone answers the message.
    connect(this, &ServerChannel::received, this, &HttpServerChannel::noteReceived);
}

HttpServerChannel::~HttpServerChannel()
{
    m_closing = true;
    for (Post* post : std::as_const(m_posts)) {
        if (post->reply) {
            post->reply->disconnect(this);
            post->reply->abort();
        }
        delete post;
    }
    m_posts.clear();
    if (m_getStream) {
        m_getStream->disconnect(this);
        m_getStream->abort();
    }
}

QString HttpServerChannel::describe() const
{
    return u"HTTP server at %1"_s.arg(m_url.toDisplayString());
}

QNetworkRequest HttpServerChannel::makeRequest(bool forStream) const
{
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept", forStream ? "text/event-stream" : "application/json, text/event-stream");
    if (!forStream)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_sessionId.isEmpty())
        request.setRawHeader("Mcp-Session-Id", m_sessionId);
    if (!m_protocolVersion.isEmpty())
        request.setRawHeader("MCP-Protocol-Version", m_protocolVersion);
    return request;
}

void HttpServerChannel::writeMessage(const QByteArray& message)
{
    if (!m_open || m_closing)
        return;
    Outgoing outgoing;
    outgoing.body = message;
    const jsonrpc::ReadResult read = jsonrpc::read(message);
    if (read.messages.size() == 1) {
        const jsonrpc::RawMessage& parsed = read.messages.front();
        outgoing.isRequest = parsed.isRequest();
        if (outgoing.isRequest) {
            outgoing.rawId = parsed.rawId().toByteArray();
            outgoing.idKey = parsed.idKey();
            outgoing.headers = requestMetadata(parsed);
        }
        if (parsed.isRequest() && parsed.method == "initialize"_L1) {
            outgoing.isInitialize = true;
            m_pendingInitializeKey = parsed.idKey();
        }
        outgoing.isInitializedNotification = parsed.method == "notifications/initialized"_L1;
    }
    if (!m_connectClock.isValid())
        m_connectClock.start();
    m_queue.push_back(std::move(outgoing));
    pump();
}

void HttpServerChannel::pump()
{
    // Requests go out at once (a long tool call must not hold up the rest); a notification or a
    // response waits until the POST before it was taken, so that `initialized` reaches the server
    // before the request that follows it. Until the server first answers, one message at a time.
    while (!m_blocked && !m_queue.empty() && !m_closing) {
        Outgoing next = std::move(m_queue.front());
        m_queue.pop_front();
        auto* post = new Post;
        post->message = std::move(next);
        post->blocking = !post->message.isRequest || !m_connected;
        m_blocked = post->blocking;
        m_posts.append(post);
        startPost(post);
    }
}

void HttpServerChannel::startPost(Post* post)
{
    QNetworkReply* reply = nullptr;
    if (post->resume) {
        QNetworkRequest request = makeRequest(true);
        request.setRawHeader("Last-Event-ID", post->parser.lastEventId());
        reply = m_network.get(request);
    } else {
        QNetworkRequest request = makeRequest(false);
        for (const auto& [name, value] : std::as_const(post->message.headers))
            request.setRawHeader(name, value); // a modern request's own version wins over the session's
        QNetworkAccessManager& network = post->message.isRequest ? m_network : m_shortNetwork;
        reply = network.post(request, post->message.body);
    }
    post->reply = reply;
    post->headersSeen = false;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, post] { onPostHeaders(post); });
    connect(reply, &QNetworkReply::readyRead, this, [this, post] { onPostData(post); });
    connect(reply, &QNetworkReply::finished, this, [this, post] { onPostFinished(post); });
}

void HttpServerChannel::onPostHeaders(Post* post)
{
    if (post->headersSeen || httpStatus(post->reply) == 0)
        return;
    post->headersSeen = true;
    post->eventStream = isEventStream(post->reply);
    noteConnected(post->reply);
    if (post->message.isInitialize) {
        const QByteArray session = post->reply->rawHeader("Mcp-Session-Id");
        if (!session.isEmpty())
            m_sessionId = session;
    }
    if (post->blocking) {
        post->blocking = false;
        m_blocked = false;
        if (post->message.isInitializedNotification && httpStatus(post->reply) < 300)
            openServerStream();
        pump();
    }
}

void HttpServerChannel::onPostData(Post* post)
{
    onPostHeaders(post);
    if (!post->eventStream || httpStatus(post->reply) >= 300)
        return; // a JSON body (or an error page) is read whole when it is complete
    deliverEvents(post, post->parser.feed(post->reply->readAll()));
}

void HttpServerChannel::deliverEvents(Post* post, const QList<SseEvent>& events)
{
    for (const SseEvent& event : events) {
        if (event.data.isEmpty() || event.type != "message")
            continue; // a priming event (an id for resumption) or an event MCP does not define
        m_deliveringFor = post;
        deliver(oneLine(event.data));
        m_deliveringFor = nullptr;
        if (m_closing)
            return; // a receiver ended the channel: this stream is over
    }
}

// The 2025-11-25 rules: a server may end a request's stream before the answer, having given the
// events an id; the client then asks for the rest with a GET carrying Last-Event-ID.
bool HttpServerChannel::resumeLater(Post* post)
{
    if (post->parser.lastEventId().isEmpty() || post->resumes >= kMaxResumes)
        return false;
    ++post->resumes;
    post->resume = true;
    post->reply->deleteLater();
    post->reply = nullptr;
    post->parser.reset();
    QTimer::singleShot(post->parser.retryMs().value_or(0), this, [this, post] {
        if (m_posts.contains(post) && !m_closing)
            startPost(post);
    });
    return true;
}

void HttpServerChannel::onPostFinished(Post* post)
{
    QNetworkReply* reply = post->reply;
    const QNetworkReply::NetworkError error = reply->error();
    const int status = httpStatus(reply);
    const auto done = [this, post, reply] {
        m_posts.removeOne(post);
        if (post->blocking) {
            m_blocked = false;
            QTimer::singleShot(0, this, &HttpServerChannel::pump);
        }
        delete post;
        reply->deleteLater();
    };
    if (m_closing)
        return; // close() took the post (its signals are disconnected by then; this is a safeguard)
    if (status == 0) {
        // No HTTP answer at all.
        const qint64 elapsed = m_connectClock.elapsed();
        if (!m_connected && looksNotListeningYet(error) && elapsed < m_options.connectTimeoutMs) {
            m_lastError = reply->errorString();
            reply->deleteLater();
            post->reply = nullptr;
            const int backoff
                = std::min(m_options.maxBackoffMs, m_options.firstBackoffMs << std::min(post->attempt, 10));
            ++post->attempt;
            const int delay = int(std::min<qint64>(backoff, m_options.connectTimeoutMs - elapsed));
            QTimer::singleShot(delay, this, [this, post] {
                if (m_posts.contains(post) && !m_closing)
                    startPost(post);
            });
            return;
        }
        QString why;
        if (!m_connected)
            why = u"no HTTP server answered at %1 within %2 ms (last error: %3)"_s.arg(
                m_url.toDisplayString(), QString::number(m_options.connectTimeoutMs), reply->errorString());
        else
            why = u"%1 %2 failed: %3"_s.arg(
                post->resume ? u"GET"_s : u"POST"_s, m_url.toDisplayString(), reply->errorString());
        setError(why);
        failRequest(post->message, why);
        done();
        return;
    }
    onPostHeaders(post);
    const QByteArray rest = reply->readAll();
    if (status >= 200 && status < 300) {
        if (post->eventStream) {
            deliverEvents(post, post->parser.feed(rest));
            if (m_closing)
                return;
            if (post->message.isRequest && !post->responded) {
                if (resumeLater(post))
                    return;
                failRequest(post->message,
                    u"the HTTP server ended the event stream without answering (after %1 resumptions)"_s.arg(
                        post->resumes));
            }
        } else if (!rest.trimmed().isEmpty()) {
            deliver(oneLine(rest));
        } else if (post->message.isRequest && status != 202) {
            failRequest(post->message,
                u"the HTTP server answered a request with an empty body (HTTP %1)"_s.arg(status));
        }
        done();
        return;
    }
    // An HTTP error. Servers often put a JSON-RPC error in the body: that is the answer.
    const jsonrpc::ReadResult read = jsonrpc::read(rest);
    if (post->message.isRequest && read.problem.isEmpty() && read.messages.size() == 1
        && read.messages.front().isResponse()
        && read.messages.front().rawId() == QByteArrayView(post->message.rawId)) {
        deliver(oneLine(rest));
        done();
        return;
    }
    QString why = u"HTTP %1 %2 from %3"_s.arg(status).arg(
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), m_url.toDisplayString());
    if (status == 404 && !m_sessionId.isEmpty())
        why += u" (the server no longer knows session %1)"_s.arg(QString::fromLatin1(m_sessionId));
    else if (const QByteArray text = rest.trimmed().left(200); !text.isEmpty())
        why += u": "_s + QString::fromUtf8(text);
    setError(why);
    failRequest(post->message, why);
    done();
}

void HttpServerChannel::failRequest(const Outgoing& message, const QString& why)
{
    if (message.isRequest && !message.rawId.isEmpty())
        deliver(jsonrpc::errorFor(message.rawId, jsonrpc::ServerUnavailable, why));
}

void HttpServerChannel::noteConnected(QNetworkReply* reply)
{
    Q_UNUSED(reply);
    if (m_connected)
        return;
    m_connected = true;
    qCDebug(lcNet) << "HTTP server answered at" << m_url << "after" << m_connectClock.elapsed() << "ms";
}

void HttpServerChannel::noteReceived(const jsonrpc::RawMessage& message)
{
    if (m_deliveringFor && message.isResponse() && message.idKey() == m_deliveringFor->message.idKey)
        m_deliveringFor->responded = true;
    if (m_pendingInitializeKey.isEmpty() || !message.isResponse()
        || message.idKey() != m_pendingInitializeKey)
        return;
    m_pendingInitializeKey.clear();
    if (!message.hasResult)
        return;
    const QString version
        = message.toObject().value("result"_L1).toObject().value("protocolVersion"_L1).toString();
    if (!version.isEmpty())
        m_protocolVersion = version.toLatin1();
}

void HttpServerChannel::openServerStream()
{
    if (!m_getStreamOffered || m_closing || m_getStream)
        return;
    QNetworkRequest request = makeRequest(true);
    if (!m_getParser.lastEventId().isEmpty())
        request.setRawHeader("Last-Event-ID", m_getParser.lastEventId());
    m_getParser.reset();
    QNetworkReply* reply = m_network.get(request);
    m_getStream = reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (httpStatus(reply) != 200 || !isEventStream(reply))
            return;
        m_getFailures = 0;
        for (const SseEvent& event : m_getParser.feed(reply->readAll())) {
            if (!event.data.isEmpty() && event.type == "message")
                deliver(oneLine(event.data));
        }
    });
    connect(reply, &QNetworkReply::finished, this, &HttpServerChannel::onServerStreamFinished);
}

void HttpServerChannel::onServerStreamFinished()
{
    QNetworkReply* reply = m_getStream;
    m_getStream = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_closing)
        return;
    const int status = httpStatus(reply);
    if (status == 405) {
        qCDebug(lcNet) << "the HTTP server offers no GET stream (405)" << m_url;
        m_getStreamOffered = false;
        return;
    }
    if (status != 200 || !isEventStream(reply)) {
        if (++m_getFailures >= kMaxStreamFailures) {
            setError(u"the GET stream of %1 failed %2 times (last: %3); messages the server sends on its "
                     u"own are not received"_s.arg(m_url.toDisplayString(), QString::number(m_getFailures),
                         status ? u"HTTP %1"_s.arg(status) : reply->errorString()));
            m_getStreamOffered = false;
            return;
        }
    }
    // The server may end its stream at any time; the client reconnects (with Last-Event-ID).
    m_getRetry.start(m_getParser.retryMs().value_or(kDefaultStreamRetryMs));
}

void HttpServerChannel::setError(const QString& message)
{
    m_lastError = message;
    qCInfo(lcNet).noquote() << message;
    Q_EMIT transportError(message);
}

void HttpServerChannel::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_queue.clear();
    m_getRetry.stop();
    if (m_getStream) {
        m_getStream->disconnect(this);
        m_getStream->abort();
        m_getStream->deleteLater();
        m_getStream = nullptr;
    }
    // close() may run inside one of these posts' own signals (a receiver stopping the server):
    // they are freed once that is over.
    const QList<Post*> posts = std::exchange(m_posts, {});
    for (Post* post : posts) {
        if (post->reply) {
            post->reply->disconnect(this);
            post->reply->abort();
            post->reply->deleteLater();
        }
    }
    QTimer::singleShot(0, this, [posts] { qDeleteAll(posts); });
    m_blocked = false;
    if (m_sessionId.isEmpty() || !m_connected) {
        QTimer::singleShot(0, this, [this] { finishClose(u"closed"_s); });
        return;
    }
    QNetworkRequest request = makeRequest(false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QVariant());
    QNetworkReply* reply = m_shortNetwork.deleteResource(request);
    auto* timeout = new QTimer(reply);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, reply, &QNetworkReply::abort);
    timeout->start(m_options.closeTimeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        const int status = httpStatus(reply);
        reply->deleteLater();
        // 405: the server does not let clients end sessions; it ends with the process.
        finishClose(status >= 200 && status < 300
                ? u"session deleted"_s
                : u"session not deleted (%1)"_s.arg(
                    status ? u"HTTP %1"_s.arg(status) : reply->errorString()));
    });
}

void HttpServerChannel::finishClose(const QString& why)
{
    if (!m_open)
        return;
    m_open = false;
    qCDebug(lcNet).noquote() << m_url.toDisplayString() << why;
    Q_EMIT closed(why);
}

} // namespace foxreload::net
