#pragma once

#include "CrashBackoff.h"
#include "ReloadRateLimit.h"
#include "ServerInstance.h"
#include "build/BuildRunner.h"
#include "common/ReloadResult.h"
#include "config/Config.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace foxreload {

// Carries out reload plans against the running server, one at a time.
//
// - Changes that arrive during a reload are merged into exactly one follow-up.
// - max_reloads_per_minute defers a reload, it never drops one.
// - Hot reload and service restart ask the server (JSON-RPC, method configurable);
//   a server that does not know the method (-32601) or does not answer in time gets a
//   full restart instead, and is remembered as one that cannot hot reload.
// - Full restarts are blue/green by default: the new server must answer its handshake
//   before the old one is stopped, so a broken edit never takes the server away.
// - An unexpected exit is answered by a restart with exponential backoff; a crash loop
//   stops the retries until the next file change.
// - With server.build, every start and restart builds first, and so does a hot reload of a
//   file whose rule says build: true. A failed build fails the reload before the running
//   server is touched (it keeps serving). Edits that arrive during a build join the reload in
//   progress: the build is stopped and started over once the edits settle (kBuildSettleMs),
//   so a burst of edits costs one more build, not one each. A restart after a crash does not
//   build again when the last build succeeded (nothing was edited since, or it would have).
class ReloadOrchestrator : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped, // not started, or shut down
        Starting, // first start in progress
        Ready, // serving, nothing to do
        Reloading, // a reload is in progress (the old server may still serve)
        Down, // no server: it failed to start, crashed and waits for backoff, or crash-looped
        ShuttingDown,
    };
    Q_ENUM(State)

    explicit ReloadOrchestrator(const Config& config, QObject* parent = nullptr);
    ~ReloadOrchestrator() override;

    void start();
    // Stops the server (MCP stdio order); shutdownComplete() follows once every process is gone.
    void shutdown();
    void submit(const ReloadPlan& plan);
    void restartNow(); // a manual full restart

    State state() const { return m_state; }
    ServerInstance* server() const { return m_current; }
    bool hotReloadSupported() const { return !m_hotReloadUnsupported; }
    bool hasPendingReload() const { return m_pending.has_value(); }
    bool isCrashLooping() const { return m_crashLoopStopped; }
    bool isBuilding() const { return m_builder->isRunning(); }

    // Quiet time after the last edit that stopped a build before it is started over.
    static constexpr int kBuildSettleMs = 300;

    static QString stateName(State state); // "stopped", "starting", "ready", ... "shutting_down"
    static std::optional<State> stateFromName(QStringView name);

    // Proxy hooks (foxreload proxy). The params of the initialize request that
    // every server created from now on is sent (the proxy replays its client's).
    void setInitializeParams(const QJsonObject& params) { m_initializeParams = params; }
    // Before a serving server is stopped (full restart, shutdown), the gate is asked
    // first; the server is stopped when it calls `proceed` (the proxy lets in-flight
    // requests finish within its grace period). Without a gate, it is stopped at once.
    using RetireGate = std::function<void(ServerInstance* server, std::function<void()> proceed)>;
    void setRetireGate(RetireGate gate) { m_retireGate = std::move(gate); }
    // The transports core cannot speak itself (Streamable HTTP, src/net): given by the CLI and the
    // desktop app; it must outlive the orchestrator. Without it, `server.transport: http` fails.
    void setChannelFactory(ServerChannelFactory* transports) { m_transports = transports; }

Q_SIGNALS:
    void stateChanged(foxreload::ReloadOrchestrator::State state);
    void reloadStarted(quint64 id, foxreload::ReloadStrategy strategy, foxreload::ReloadTrigger trigger);
    void reloadFinished(const foxreload::ReloadResult& result);
    // The merged plan waits for the rate limit; it runs in `delayMs`.
    void reloadDeferred(int delayMs, const foxreload::ReloadPlan& plan);
    // A new server took over (after a full restart): the proxy rewires to it.
    void serverChanged(foxreload::ServerInstance* server);
    void serverExited(qint64 pid, int exitCode, bool expected);
    void serverStderr(qint64 pid, const QString& line);
    void hotReloadUnsupported(const QString& reason);
    void crashLoopDetected(const QString& message);
    void warning(const QString& message);
    void shutdownComplete();
    // A server instance was created and is about to start (before its handshake).
    void serverCreated(foxreload::ServerInstance* server);
    // server.build ran for reload `reloadId` (one per run; a run stopped by newer edits finishes
    // Cancelled and is followed by another).
    void buildStarted(quint64 reloadId, const QString& commandLine);
    void buildFinished(quint64 reloadId, const foxreload::BuildResult& result);

private:
    struct Job
    {
        quint64 id = 0;
        ReloadTrigger trigger = ReloadTrigger::FileChange;
        ReloadPlan plan;
        ReloadStrategy requested = ReloadStrategy::FullRestart;
        QString escalation;
        Clock::time_point detectedAt;
        Clock::time_point startedAt;
        qint64 previousPid = 0;
        QStringList toolsBefore;
        QStringList pendingScopes; // hot reload: scopes still to ask for
        bool toolsMayHaveChanged = true; // false: every hot reload answer said "toolsChanged": false
        QString hotReloadError; // a failed hot reload's text, kept if the fallback also fails
        bool built = false; // server.build succeeded for this job
        bool building = false; // a build run is in progress
        int buildRuns = 0;
        std::optional<Clock::time_point> buildPhaseStart;
        Clock::duration buildTime {};
        std::optional<BuildResult> lastBuild;
    };

    void setState(State state);
    void enqueue(ReloadTrigger trigger, const ReloadPlan& plan);
    void runNext();
    void execute(Job job);
    void proceed(); // the job's next step: build when due, then hot reload or full restart
    bool spawnsAtOnce() const;
    bool buildDue() const;
    void startBuild();
    void onBuildFinished(const BuildResult& result);
    bool absorbIntoBuild(ReloadTrigger trigger, const ReloadPlan& plan);
    void escalateToFullRestart(const QString& reason);
    void runHotReloadStep();
    void startFullRestart();
    void startCandidate();
    void onCandidateReady();
    void onCandidateFailed(const QString& reason, const QString& detail);
    void adopt(ServerInstance* server);
    void retire(ServerInstance* server);
    void onServerExited(ServerInstance* server, int exitCode, bool requested);
    void scheduleCrashRestart();
    void finishJob(ReloadOutcome outcome, const QString& error = {}, const QString& detail = {});
    void maybeCompleteShutdown();
    ServerInstance* createInstance();

    Config m_config;
    State m_state = State::Stopped;
    QPointer<ServerInstance> m_current;
    QPointer<ServerInstance> m_candidate;
    QList<QPointer<ServerInstance>> m_retiring; // old servers being stopped
    std::optional<Job> m_job;
    std::optional<Job> m_pending; // merged follow-up
    ReloadRateLimit m_rateLimit; // counts file-change reloads only
    CrashBackoff m_crashBackoff;
    QTimer m_deferTimer;
    std::optional<Clock::time_point> m_deferredSince; // the pending job waits for the rate limit
    QTimer m_backoffTimer;
    BuildRunner* m_builder = nullptr;
    QTimer m_buildSettleTimer; // a stopped build starts over when this fires
    bool m_lastBuildSucceeded = false;
    quint64 m_nextJobId = 1;
    bool m_hotReloadUnsupported = false;
    bool m_crashLoopStopped = false;
    QJsonObject m_initializeParams;
    RetireGate m_retireGate;
    ServerChannelFactory* m_transports = nullptr;
    // The tools of the last server that served: after a crash there is no server to ask, and
    // the restart's added/removed tools are counted against what the crashed one offered.
    QStringList m_lastKnownTools;
};

} // namespace foxreload
