#pragma once

#include "EventLogModel.h"
#include "common/ReloadResult.h"
#include "resources/ResourceBudget.h"
#include "server/ReloadOrchestrator.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <deque>
#include <optional>

namespace foxreload::gui {

// What the desktop app shows about one session, wherever it runs: a project
// the app runs itself (ProjectController) or a `foxreload proxy` started by an
// MCP client and seen through its event socket. Subclasses feed the note*()
// calls from their source of events; the tray and the dashboard only read.
class MonitoredSession : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Stopped, // no server
        Untrusted, // the config must be trusted before its command runs
        Starting, // the first start
        Watching, // server ready, watching for changes
        Reloading,
        Error, // no server: it failed to start, crashed, or crash-looped
        Degraded, // the last reload failed; the previous version still serves
        Paused,
    };
    Q_ENUM(Status)

    static constexpr int kServerOutputLines = 5000;

    explicit MonitoredSession(QObject* parent = nullptr);
    ~MonitoredSession() override;

    virtual QString name() const = 0; // the project's name (its directory)
    virtual QString location() const = 0; // the project root, or what runs it
    virtual bool isProxied() const { return false; }
    virtual void restartNow() = 0;
    virtual void setPaused(bool paused) = 0;

    Status status() const { return m_status; }
    static QString statusText(Status status);
    // Translated wording of a strategy ("hot reload", "Hot-Reload", …).
    static QString strategyText(ReloadStrategy strategy);
    bool isPaused() const { return m_paused; }
    qint64 serverPid() const { return m_pid; }
    QDateTime serverSince() const { return m_since; } // when the serving process became ready
    int toolCount() const { return m_toolCount; }
    int reloadCount() const { return m_reloadCount; }
    const std::optional<ReloadResult>& lastReload() const { return m_lastReload; }
    QString lastError() const { return m_lastError; }
    EventLogModel* eventLog() const { return m_log; }
    QStringList serverOutput() const; // the recent stderr lines, with reload markers

    // FoxReload's own CPU and memory and the server tree's, as last sampled (while the session
    // is active: src/core/resources), and whether FoxReload throttles itself for its budget.
    struct Resources
    {
        bool known = false;
        resources::ResourceSample sample;
        resources::ThrottleState throttle;
        resources::ResourceBudget budget;
    };
    const Resources& resources() const { return m_resources; }

Q_SIGNALS:
    void statusChanged(foxreload::gui::MonitoredSession::Status status);
    void headerChanged(); // pid, tools, uptime origin, last reload
    void reloadStarted(foxreload::ReloadStrategy strategy);
    void reloadFinished(const foxreload::ReloadResult& result);
    void serverOutputLine(const QString& line, bool isMarker);
    void warningRaised(const QString& text);

protected:
    void noteOrchestratorState(ReloadOrchestrator::State state);
    void notePaused(bool paused);
    void noteServerReady(qint64 pid, int toolCount);
    void noteWatching(qint64 files, qint64 directories, const QString& backend);
    void notePlan(const ReloadPlan& plan);
    void noteReloadStarted(quint64 id, ReloadStrategy strategy, ReloadTrigger trigger);
    void noteReloadFinished(const ReloadResult& result);
    void noteReloadDeferred(int delayMs);
    void noteServerExited(qint64 pid, int exitCode, bool expected);
    void noteStderr(qint64 pid, const QString& line);
    void noteWarning(const QString& text);
    void noteStopped();
    void setUntrusted(bool untrusted);
    // A new sample or budget crossing; a crossing is also written to the event log, once.
    void noteResources(const resources::ResourceSample& sample, const resources::ThrottleState& throttle,
        const resources::ResourceBudget& budget);

private:
    void appendOutput(const QString& line, bool marker);
    void updateStatus();

    EventLogModel* m_log;
    std::deque<QString> m_output;
    ReloadOrchestrator::State m_orchestratorState = ReloadOrchestrator::State::Stopped;
    Status m_status = Status::Stopped;
    bool m_paused = false;
    bool m_untrusted = false;
    bool m_failed = false; // the last reload failed and no success since
    qint64 m_pid = 0;
    QDateTime m_since;
    int m_toolCount = -1;
    int m_reloadCount = 0;
    std::optional<ReloadResult> m_lastReload;
    QString m_lastError;
    Resources m_resources;
};

} // namespace foxreload::gui
