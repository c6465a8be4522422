#pragma once

#include "McpClient.h"
#include "ServerProcess.h"
#include "config/Config.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace foxreload {

// One running MCP server as FoxReload sees it: the process plus an MCP client
// session. "Ready" means the handshake was answered (initialize →
// notifications/initialized → tools/list), never that some time has passed.
class ServerInstance : public QObject
{
    Q_OBJECT
public:
    enum class State { NotStarted, Starting, Ready, Failed, Stopping, Exited };
    Q_ENUM(State)

    static constexpr auto kLatestProtocolVersion = "2025-11-25";

    explicit ServerInstance(const ServerSettings& settings, QObject* parent = nullptr);
    ~ServerInstance() override;

    // The params of the initialize request; the proxy replays its client's here.
    void setInitializeParams(const QJsonObject& params);
    void start();
    void stop(); // graceful (MCP stdio order); emits exited(…, true)

    State state() const { return m_state; }
    qint64 pid() const;
    ServerProcess* process() { return &m_process; }
    McpClient* client() { return &m_client; }

    QJsonObject initializeResult() const { return m_initializeResult; }
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
    void stderrLine(const QString& line);

private:
    void onStarted();
    void onFinished(int exitCode, QProcess::ExitStatus status, bool requested);
    void fail(const QString& reason);
    void fetchToolsPage(
        const QString& cursor, QJsonArray collected, std::function<void(const QString&)> done);

    ServerSettings m_settings;
    ServerProcess m_process;
    McpClient m_client;
    QJsonObject m_initializeParams;
    QJsonObject m_initializeResult;
    QJsonArray m_tools;
    QElapsedTimer m_startClock;
    qint64 m_startupMs = -1;
    State m_state = State::NotStarted;
    QString m_failureReason;
    QString m_failureDetail;
};

} // namespace foxreload
