#pragma once

#include "ClientConnection.h"
#include "SseStream.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>

#include <optional>

namespace foxreload::net {

// One MCP session over Streamable HTTP (revisions up to 2025-11-25, which open with
// initialize and get an Mcp-Session-Id): to the proxy it is one client connection. It owns
// the session's streams and routes what the proxy sends:
//  - an answer goes out on the POST stream of the request it answers;
//  - a notification or server request that belongs to a running request (the proxy says so,
//    or a progress notification names the request's progressToken) goes on that request's
//    stream while it can still carry events;
//  - anything else goes on the GET stream, which keeps it until a GET comes to fetch it.
//    A server request finds no GET open but a request stream that can carry it: it goes
//    there rather than wait for a GET the client may never open.
class HttpSession : public ClientConnection
{
    Q_OBJECT
public:
    HttpSession(QByteArray id, SseStream::Limits limits, QObject* parent = nullptr);
    ~HttpSession() override;

    QByteArray id() const { return m_id; }
    void send(const QByteArray& message, QByteArrayView relatedRequestId = {}) override;
    bool isOpen() const override { return m_open; }
    QString describe() const override;
    void close(const QString& why) override;

    // A message POSTed to this session; the session answers the POST through `writer`.
    void handlePost(const jsonrpc::RawMessage& message, ResponseWriter* writer, bool acceptsEventStream);
    // GET: the session's stream, or the resumption of the stream `lastEventId` belongs to.
    void handleGet(ResponseWriter* writer, QByteArrayView lastEventId);
    void keepAlive();
    // How long nothing happened and no stream was open (for expiry of abandoned sessions).
    qint64 idleMs() const;
    int openRequestCount() const { return int(m_requests.size()); }
    qsizetype undeliveredDropped() const;

private:
    SseStream* streamForRelated(const jsonrpc::RawMessage& message, QByteArrayView relatedRequestId) const;
    SseStream* anyStreamForEvents() const;
    void forgetStream(SseStream* stream);
    void touch();

    QByteArray m_id;
    SseStream::Limits m_limits;
    HeaderPairs m_headers;
    SseStream* m_getStream = nullptr;
    QMap<quint64, SseStream*> m_streams; // POST streams still answering or resumable
    QHash<QByteArray, SseStream*> m_requests; // request idKey → its stream
    QHash<QByteArray, QByteArray> m_progressTokens; // token key → request idKey
    QByteArray m_initializeKey;
    quint64 m_nextStream = 1;
    QElapsedTimer m_idle;
    bool m_open = true;
};

// idKey() of a raw JSON id token, as RawMessage computes it for a message's own id.
QByteArray idKeyOfToken(QByteArrayView rawId);

// The one JSON-RPC message a client connection is handed to send (never a batch), or nullopt
// after a warning that names the connection (`who`): such bytes are not sent.
std::optional<jsonrpc::RawMessage> messageToSend(const QByteArray& message, const QString& who);

} // namespace foxreload::net
