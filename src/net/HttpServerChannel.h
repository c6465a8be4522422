#pragma once

#include "SseParser.h"
#include "server/ServerChannel.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <deque>

class QNetworkReply;

namespace foxreload::net {

// The MCP Streamable HTTP transport, client side, to one server generation
// (https://modelcontextprotocol.io/specification/2025-11-25/basic/transports):
// every message is POSTed with `Accept: application/json, text/event-stream`; the answer
// is a JSON body, an SSE stream carrying it (and whatever the server sends first), or 202
// for notifications and responses. The session id the server gives with its initialize
// answer and the negotiated protocol version go on every later request; a GET stream
// carries what the server sends on its own (405: it offers none); close() DELETEs the
// session.
//
// The server process is started at the same moment as this channel, so until it first
// answers, a refused connection is retried with a short backoff within the connect
// timeout. Requests whose POST fails are answered with a JSON-RPC error, so that no
// caller waits for an answer that cannot come.
class HttpServerChannel : public ServerChannel
{
    Q_OBJECT
public:
    struct Options
    {
        int connectTimeoutMs = 10000; // how long a refused connection is retried
        int firstBackoffMs = 25;
        int maxBackoffMs = 100; // a refused connection on loopback costs next to nothing
        int closeTimeoutMs = 1000; // the DELETE at close() is not waited for longer
    };

    explicit HttpServerChannel(const QUrl& url, const Options& options, QObject* parent = nullptr);
    ~HttpServerChannel() override;

    bool isOpen() const override { return m_open; }
    QString describe() const override;
    QUrl url() const { return m_url; }

    // Ends the session (DELETE when the server gave a session id) and every stream;
    // closed() follows once the server answered the DELETE or the close timeout passed.
    void close();

    bool hasConnected() const { return m_connected; } // some HTTP answer came back
    QString lastError() const { return m_lastError; }
    QByteArray sessionId() const { return m_sessionId; }
    QByteArray protocolVersion() const { return m_protocolVersion; }
    // Whether the server keeps a GET stream open for messages of its own (false after 405).
    bool serverStreamOffered() const { return m_getStreamOffered; }

protected:
    void writeMessage(const QByteArray& message) override;

private:
    struct Outgoing
    {
        QByteArray body;
        QByteArray rawId; // for requests: the id token, to answer a failed POST
        QByteArray idKey; // for requests: to recognise the answer
        QList<std::pair<QByteArray, QByteArray>> headers; // the 2026-07-28 request metadata headers
        bool isRequest = false;
        bool isInitialize = false;
        bool isInitializedNotification = false;
    };
    struct Post; // one POST in flight

    QNetworkRequest makeRequest(bool forStream) const;
    void pump();
    void startPost(Post* post);
    void onPostHeaders(Post* post);
    void onPostData(Post* post);
    void onPostFinished(Post* post);
    void deliverEvents(Post* post, const QList<SseEvent>& events);
    bool resumeLater(Post* post);
    void failRequest(const Outgoing& message, const QString& why);
    void noteConnected(QNetworkReply* reply);
    void noteReceived(const jsonrpc::RawMessage& message);
    void openServerStream();
    void onServerStreamFinished();
    void setError(const QString& message);
    void finishClose(const QString& why);

    QUrl m_url;
    Options m_options;
    QNetworkAccessManager m_network; // requests and the GET stream: they may stay open for long
    // Notifications and responses (202 at once) have connections of their own: Qt opens at most six
    // per host, and an answer to a server's request (sampling, elicitation) must never wait behind
    // the very streams that wait for it.
    QNetworkAccessManager m_shortNetwork;
    std::deque<Outgoing> m_queue;
    QList<Post*> m_posts;
    Post* m_deliveringFor = nullptr; // the request whose stream is being delivered
    QPointer<QNetworkReply> m_getStream;
    SseParser m_getParser;
    QTimer m_getRetry;
    int m_getFailures = 0;
    QElapsedTimer m_connectClock;
    QByteArray m_sessionId;
    QByteArray m_protocolVersion;
    QByteArray m_pendingInitializeKey; // the idKey of our initialize request, until answered
    QString m_lastError;
    bool m_open = true;
    bool m_closing = false;
    bool m_connected = false;
    bool m_blocked = false; // a POST that must be taken before the next one is sent
    bool m_getStreamOffered = true;
};

} // namespace foxreload::net
