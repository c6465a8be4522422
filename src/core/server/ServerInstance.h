#pragma once

#include "McpClient.h"
#include "ServerGeneration.h"
#include "ServerProcess.h"
#include "config/Config.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace foxreload {

class ServerChannel;
class ServerChannelFactory;

// One running MCP server as FoxReload sees it: the process plus an MCP client
// session. "Ready" means the opening was answered (initialize →
// notifications/initialized → tools/list, or for a 2026-07-28 server server/discover →
// tools/list), never that some time has passed.
// The session runs over the process's stdio, or (server.transport: http) over
// Streamable HTTP to the port picked for this generation; the process is started
// and supervised the same way either way.
class ServerInstance : public QObject
{
    Q_OBJECT
public:
    enum class State { NotStarted, Starting, Ready, Failed, Stopping, Exited };
    Q_ENUM(State)

    static constexpr auto kLatestProtocolVersion = "2025-11-25";

    // `transports` makes the HTTP channel (it must outlive this); without it, an HTTP server fails to start.
    explicit ServerInstance(const ServerSettings& settings, ServerChannelFactory* transports = nullptr,
        QObject* parent = nullptr);
    ~ServerInstance() override;

    // The params of the initialize request; the proxy replays its client's here.
    void setInitializeParams(const QJsonObject& params);
    void start();
    void stop(); // graceful (HTTP session ended, then the MCP stdio order); emits exited(…, true)

    State state() const { return m_state; }
    qint64 pid() const;
    ServerProcess* process() { return &m_process; }
    McpClient* client() { return m_client.get(); }
    // Where the MCP messages go: the process's stdio, or the HTTP connection.
    ServerChannel* channel() const { return m_channel; }
    bool isHttp() const { return m_generation.settings.transport == ServerTransport::Http; }
    QUrl url() const { return m_generation.url; } // http: this generation's endpoint
    quint16 port() const { return m_generation.port; } // http: this generation's port

    // For a modern server: a summary of its DiscoverResult in the same shape (protocolVersion
    // 2026-07-28, capabilities, serverInfo, instructions).
    QJsonObject initializeResult() const { return m_initializeResult; }
    // The server was opened in the modern era (server/discover; every request carries _meta).
    bool isModern() const { return m_modern; }
    QJsonObject discoverResult() const { return m_discoverResult; }
    QJsonArray tools() const { return m_tools; }
    QStringList toolNames() const;
    qint64 startupMs() const { return m_startupMs; } // spawn → ready

    // Fetches tools/list again (all pages); reports the error text or an empty string.
    void refreshTools(std::function<void(const QString& error)> done);

    QString failureReason() const { return m_failureReason; }
    QString failureDetail() const { return m_failureDetail; }

Q_SIGNALS:
    void ready();
    void failed(const QString& reason, const QString& detail); // before ready
    void exited(int exitCode, bool requested); // the process is gone (after ready or while stopping)
    // The server's log output: its stderr, and for an HTTP server its stdout as well.
    void stderrLine(const QString& line);

private:
    void onStarted();
    void runHandshake();
    void openLegacy(bool discoverWhenRefused);
    void openModern(
        const QJsonObject& envelope, int timeoutMs, std::function<void(const jsonrpc::Reply&)> notModern);
    void afterOpening();
    void becomeReady();
    void onFinished(int exitCode, QProcess::ExitStatus status, bool requested);
    void fail(const QString& reason);
    QString handshakeFailure(const QString& method, const jsonrpc::Reply& reply) const;
    void closeHttpChannel(std::function<void()> then);
    void fetchToolsPage(
        const QString& cursor, QJsonArray collected, std::function<void(const QString&)> done);

    ServerGeneration m_generation;
    ServerChannelFactory* m_transports;
    ServerProcess m_process;
    std::unique_ptr<ServerChannel> m_httpChannel;
    ServerChannel* m_channel = nullptr;
    std::unique_ptr<McpClient> m_client;
    QJsonObject m_initializeParams;
    QJsonObject m_initializeResult;
    QJsonObject m_discoverResult;
    bool m_modern = false;
    QJsonArray m_tools;
    QElapsedTimer m_startClock;
    qint64 m_startupMs = -1;
    State m_state = State::NotStarted;
    QString m_failureReason;
    QString m_failureDetail;
    QString m_lastTransportError;
    bool m_httpClosing = false;
};

} // namespace foxreload
