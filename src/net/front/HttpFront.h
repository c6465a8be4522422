#pragma once

#include "ClientConnection.h"
#include "SseStream.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;

namespace foxreload::net {

class FrontServer;
class HttpSession;
class ModernExchange;

// The MCP Streamable HTTP transport in front of the proxy (`foxreload proxy --listen`):
// one endpoint (default /mcp) for POST, GET and DELETE as MCP 2025-03-26 … 2025-11-25 define
// them (initialize opens a session with an Mcp-Session-Id; GET streams; resumption with
// Last-Event-ID; DELETE ends the session) and for 2026-07-28's session-less POSTs.
// Every session, and every session-less request, is handed to the proxy as a
// ClientConnection (connectionOpened()); the front never looks inside a message beyond
// what routing needs and never changes a byte of one.
//
// Guarding a local server against DNS rebinding: Host must name the loopback listener,
// Origin (sent by browsers) must be a loopback origin, unless listed in the options.
class HttpFront : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 0; // 0: any free port
        QString path = QStringLiteral("/mcp");
        QStringList allowedHosts; // Host names accepted besides loopback ones ("*": any)
        QStringList allowedOrigins; // e.g. "https://app.example" ("*": any)
        int keepAliveMs = 15000; // ": keep-alive" comments on open event streams
        int sessionIdleMs = 30 * 60 * 1000; // a session nobody used for this long ends
        qint64 maxBodyBytes = 64 * 1024 * 1024; // larger: 413, before any of it is read
        qsizetype maxHeaderBytes = 64 * 1024; // request line and headers; larger: 431
        SseStream::Limits streamLimits;
    };

    explicit HttpFront(Options options, QObject* parent = nullptr);
    ~HttpFront() override;

    bool listen(QString* error);
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT/mcp
    int sessionCount() const { return int(m_sessions.size()); }
    // Ends every session and open request (shutdown).
    void closeAll(const QString& why);

    // "127.0.0.1:8765", "localhost:0", "[::1]:9000", ":8765" (loopback), "8765".
    static bool parseListenAddress(const QString& text, QHostAddress* address, quint16* port, QString* error);

Q_SIGNALS:
    // A new MCP client: a session (after its initialize POST) or one session-less request.
    // It stays valid until its closed() signal; the front deletes it after that.
    void connectionOpened(foxreload::ClientConnection* connection);

private:
    friend class FrontServer;
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void handlePost(const QHttpServerRequest& request, ResponseWriter* writer);
    void handleGet(const QHttpServerRequest& request, ResponseWriter* writer);
    void handleDelete(const QHttpServerRequest& request, ResponseWriter* writer);
    HttpSession* openSession();
    void onTick();

    Options m_options;
    std::unique_ptr<FrontServer> m_server;
    QPointer<QTcpServer> m_tcpServer;
    QHash<QByteArray, HttpSession*> m_sessions;
    QList<QPointer<ModernExchange>> m_exchanges;
    quint64 m_nextExchange = 1;
    QTimer m_tick;
};

} // namespace foxreload::net
