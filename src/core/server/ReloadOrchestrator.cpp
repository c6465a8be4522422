#include "ReloadOrchestrator.h"

#include "HotReloadRequest.h"
#include "ServerLog.h"
#include "common/EnumNames.h"

#include <QDir>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
using State = ReloadOrchestrator::State;
constexpr EnumName<State> kStateNames[] {
    { State::Stopped, u"stopped" },
    { State::Starting, u"starting" },
    { State::Ready, u"ready" },
    { State::Reloading, u"reloading" },
    { State::Down, u"down" },
    { State::ShuttingDown, u"shutting_down" },
};

qint64 msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

qint64 usSince(Clock::time_point from)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - from).count();
}

// Two plans that wait for the same follow-up become one: the most severe
// strategy, every file once (the latest kind wins), every reason.
void mergeInto(ReloadPlan& into, const ReloadPlan& from)
{
    into.strategy = mostSevere(into.strategy, from.strategy);
    for (const auto& file : from.files) {
        auto it = std::find_if(into.files.begin(), into.files.end(),
            [&](const FileChange& existing) { return existing.path == file.path; });
        if (it != into.files.end())
            *it = file;
        else
            into.files.append(file);
    }
    for (const auto& component : from.components) {
        if (!into.components.contains(component))
            into.components.append(component);
    }
    into.reasons += from.reasons;
    // The wait is measured from the earliest change, so its held time is the one that counts.
    if (from.detectedAt < into.detectedAt) {
        into.detectedAt = from.detectedAt;
        into.held = from.held;
    }
}
} // namespace

ReloadOrchestrator::ReloadOrchestrator(const Config& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_rateLimit(config.watch.maxReloadsPerMinute)
    , m_crashBackoff(config.server.crashLoopLimit, config.server.crashLoopWindowMs)
{
    m_deferTimer.setSingleShot(true);
    m_backoffTimer.setSingleShot(true);
    m_buildSettleTimer.setSingleShot(true);
    m_builder = new BuildRunner(m_config.server, this);
    connect(m_builder, &BuildRunner::started, this, [this](quint64, const QString& commandLine) {
        if (m_job)
            Q_EMIT buildStarted(m_job->id, commandLine);
    });
    connect(m_builder, &BuildRunner::finished, this, &ReloadOrchestrator::onBuildFinished);
    connect(&m_buildSettleTimer, &QTimer::timeout, this, [this] {
        if (m_job && !m_job->building)
            proceed();
    });
    connect(&m_deferTimer, &QTimer::timeout, this, &ReloadOrchestrator::runNext);
    connect(&m_backoffTimer, &QTimer::timeout, this, [this] {
        ReloadPlan plan;
        plan.strategy = ReloadStrategy::FullRestart;
        plan.detectedAt = Clock::now();
        enqueue(ReloadTrigger::CrashRestart, plan);
    });
}

ReloadOrchestrator::~ReloadOrchestrator() = default;

QString ReloadOrchestrator::stateName(State state)
{
    return nameOf<State>(kStateNames, state);
}

std::optional<ReloadOrchestrator::State> ReloadOrchestrator::stateFromName(QStringView name)
{
    return valueOf<State>(kStateNames, name);
}

void ReloadOrchestrator::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ReloadOrchestrator::start()
{
    ReloadPlan plan;
    plan.strategy = ReloadStrategy::FullRestart;
    plan.detectedAt = Clock::now();
    setState(State::Starting);
    enqueue(ReloadTrigger::Startup, plan);
}

void ReloadOrchestrator::submit(const ReloadPlan& plan)
{
    if (plan.strategy == ReloadStrategy::None || m_state == State::ShuttingDown || m_state == State::Stopped)
        return;
    enqueue(ReloadTrigger::FileChange, plan);
}

void ReloadOrchestrator::restartNow()
{
    if (m_state == State::ShuttingDown || m_state == State::Stopped)
        return;
    ReloadPlan plan;
    plan.strategy = ReloadStrategy::FullRestart;
    plan.detectedAt = Clock::now();
    plan.reasons.append(u"restart requested"_s);
    enqueue(ReloadTrigger::Manual, plan);
}

void ReloadOrchestrator::enqueue(ReloadTrigger trigger, const ReloadPlan& plan)
{
    if (trigger == ReloadTrigger::FileChange) {
        // The user acted: a crash loop gets another chance, and a backoff wait is cut short.
        m_crashLoopStopped = false;
        m_backoffTimer.stop();
    }
    if (absorbIntoBuild(trigger, plan))
        return;
    if (m_pending) {
        mergeInto(m_pending->plan, plan);
        // A file change outranks a crash restart: it is what the user did.
        if (trigger == ReloadTrigger::FileChange || trigger == ReloadTrigger::Manual)
            m_pending->trigger = trigger;
    } else {
        Job job;
        job.trigger = trigger;
        job.plan = plan;
        m_pending = std::move(job);
    }
    if (!m_job)
        runNext();
}

void ReloadOrchestrator::runNext()
{
    if (m_job || !m_pending || m_state == State::ShuttingDown)
        return;
    const auto now = Clock::now();
    if (m_pending->trigger == ReloadTrigger::FileChange) {
        if (const auto delay = m_rateLimit.delayMs(now)) {
            if (!m_deferTimer.isActive()) {
                m_deferredSince = now;
                m_deferTimer.start(*delay);
                Q_EMIT reloadDeferred(*delay, m_pending->plan);
            }
            return;
        }
        m_rateLimit.started(now);
    }
    if (m_deferredSince) {
        m_pending->plan.held += now - *m_deferredSince;
        m_deferredSince.reset();
    }
    m_deferTimer.stop();
    Job job = std::move(*m_pending);
    m_pending.reset();
    execute(std::move(job));
}

void ReloadOrchestrator::execute(Job job)
{
    job.id = m_nextJobId++;
    job.startedAt = Clock::now();
    job.detectedAt = job.plan.detectedAt == Clock::time_point {} ? job.startedAt : job.plan.detectedAt;
    job.requested = job.plan.strategy;
    job.previousPid = m_current ? m_current->pid() : 0;
    job.toolsBefore = m_current ? m_current->toolNames() : m_lastKnownTools;
    m_job = std::move(job);
    qCDebug(lcServerTiming) << "reload" << m_job->id << "starts" << usSince(m_job->detectedAt)
                            << "us after the first change";
    // A full restart that needs nothing done first spawns its server before anyone is told: the
    // server's cold start is the reload's cost, and what listeners do (print the event, repaint
    // the tray, ...) runs while the server starts. A spawn never fails synchronously, so
    // reloadStarted still comes before anything that follows from the new server.
    const bool spawnAtOnce = spawnsAtOnce();
    if (spawnAtOnce)
        startCandidate();
    if (m_state != State::Starting)
        setState(State::Reloading);
    Q_EMIT reloadStarted(m_job->id, m_job->requested, m_job->trigger);
    if (!spawnAtOnce)
        proceed();
}

bool ReloadOrchestrator::spawnsAtOnce() const
{
    // What proceed() would do at once: a full restart with no build due, where the running server
    // (if any) keeps serving until the new one is ready (blue/green).
    return m_job->requested == ReloadStrategy::FullRestart && !buildDue()
        && (!m_current || m_config.server.restartMode != RestartMode::StopStart);
}

void ReloadOrchestrator::proceed()
{
    const ReloadStrategy requested = m_job->requested;
    const bool serving = m_current && m_current->state() == ServerInstance::State::Ready;
    const bool hot = requested == ReloadStrategy::HotReload || requested == ReloadStrategy::ServiceRestart;
    if (hot && m_job->escalation.isEmpty()) {
        if (!serving) {
            escalateToFullRestart(u"the server is not running"_s);
            return;
        }
        if (m_hotReloadUnsupported) {
            escalateToFullRestart(u"the server does not support %1"_s.arg(m_config.server.hotReload.method));
            return;
        }
        if (buildDue()) {
            startBuild();
            return;
        }
        m_job->pendingScopes = hotreload::scopes(m_job->plan, requested);
        m_job->toolsMayHaveChanged = false; // until an answer does not say otherwise
        runHotReloadStep();
        return;
    }
    startFullRestart();
}

void ReloadOrchestrator::escalateToFullRestart(const QString& reason)
{
    qCInfo(lcServer) << "escalating to a full restart:" << reason;
    m_job->escalation = reason;
    startFullRestart();
}

void ReloadOrchestrator::runHotReloadStep()
{
    if (m_job->pendingScopes.isEmpty()) {
        if (!m_job->toolsMayHaveChanged) {
            // Every answer said the tools are as they were: the list FoxReload has is the
            // server's, and a round trip (two wake-ups) less stands between a save and its reload.
            finishJob(ReloadOutcome::Success);
            return;
        }
        m_current->refreshTools([this, server = m_current](const QString& error) {
            if (!m_job || server != m_current)
                return;
            if (!error.isEmpty())
                finishJob(ReloadOutcome::Failed, u"tools/list failed after the reload: %1"_s.arg(error));
            else
                finishJob(ReloadOutcome::Success);
        });
        return;
    }
    const QJsonObject params = hotreload::params(m_job->plan, m_job->pendingScopes.takeFirst());
    const QString method = m_config.server.hotReload.method;
    m_current->client()->request(method, params, m_config.server.hotReload.timeoutMs,
        [this, server = m_current, method](const jsonrpc::Reply& reply) {
            if (!m_job || server != m_current)
                return;
            if (reply.ok()) {
                m_job->toolsMayHaveChanged
                    = m_job->toolsMayHaveChanged || !hotreload::saysToolsUnchanged(reply);
                runHotReloadStep();
                return;
            }
            using Status = jsonrpc::Reply::Status;
            if ((reply.status == Status::Error && reply.errorCode == jsonrpc::MethodNotFound)
                || reply.status == Status::Timeout) {
                // The server cannot hot reload: remember it, so later plans restart directly.
                m_hotReloadUnsupported = true;
                const QString reason = reply.status == Status::Timeout
                    ? u"the server did not answer %1 within %2 ms"_s.arg(
                        method, QString::number(m_config.server.hotReload.timeoutMs))
                    : u"the server does not implement %1"_s.arg(method);
                Q_EMIT hotReloadUnsupported(reason);
                escalateToFullRestart(reason);
                return;
            }
            if (reply.status == Status::Disconnected) {
                escalateToFullRestart(u"the server went away during the hot reload"_s);
                return;
            }
            // The server tried and reported an error in the user's code: it keeps
            // serving the previous version, and a restart would not fix the code.
            finishJob(ReloadOutcome::Failed, u"%1 failed: %2"_s.arg(method, reply.errorMessage),
                hotreload::errorDetail(reply));
        });
}

ServerInstance* ReloadOrchestrator::createInstance()
{
    // Each instance is one generation: for an HTTP server, with a port of its own.
    auto* instance = new ServerInstance(m_config.server, m_transports, this);
    if (!m_initializeParams.isEmpty())
        instance->setInitializeParams(m_initializeParams);
    connect(instance, &ServerInstance::stderrLine, this,
        [this, instance](const QString& line) { Q_EMIT serverStderr(instance->pid(), line); });
    Q_EMIT serverCreated(instance);
    return instance;
}

// Edits that arrive while the job builds (or waits to build again) join it: the build in
// progress is stale, so it stops, and starts over once the edits settle.
bool ReloadOrchestrator::absorbIntoBuild(ReloadTrigger trigger, const ReloadPlan& plan)
{
    if (trigger != ReloadTrigger::FileChange || !m_job || m_job->trigger == ReloadTrigger::CrashRestart)
        return false;
    if (!m_job->building && !m_buildSettleTimer.isActive())
        return false;
    mergeInto(m_job->plan, plan);
    m_job->requested = mostSevere(m_job->requested, plan.strategy);
    if (m_job->building) {
        qCInfo(lcServer) << "newer edits during the build of reload" << m_job->id << "- building again";
        m_builder->cancel();
    }
    m_buildSettleTimer.start(kBuildSettleMs);
    return true;
}

void ReloadOrchestrator::startFullRestart()
{
    if (buildDue()) {
        startBuild();
        return;
    }
    const bool stopFirst = m_config.server.restartMode == RestartMode::StopStart && m_current;
    if (!stopFirst) {
        startCandidate();
        return;
    }
    ServerInstance* old = m_current;
    m_current = nullptr;
    const bool alreadyGone
        = old->state() == ServerInstance::State::Exited || old->state() == ServerInstance::State::Failed;
    retire(old); // drops every earlier connection to old's exited()
    if (alreadyGone) {
        startCandidate();
        return;
    }
    connect(old, &ServerInstance::exited, this, [this] {
        if (m_job && !m_candidate)
            startCandidate();
    });
}

void ReloadOrchestrator::startCandidate()
{
    const auto begin = Clock::now();
    m_candidate = createInstance();
    connect(m_candidate, &ServerInstance::ready, this, &ReloadOrchestrator::onCandidateReady);
    connect(m_candidate, &ServerInstance::failed, this, &ReloadOrchestrator::onCandidateFailed);
    m_candidate->start();
    qCDebug(lcServerTiming) << "reload" << m_job->id << "spawned its server" << usSince(m_job->startedAt)
                            << "us after it started (spawn call" << usSince(begin) << "us)";
}

void ReloadOrchestrator::onCandidateReady()
{
    qCDebug(lcServerTiming) << "reload" << m_job->id << "has a ready server" << usSince(m_job->startedAt)
                            << "us after it started";
    ServerInstance* fresh = m_candidate;
    m_candidate = nullptr;
    ServerInstance* old = m_current;
    adopt(fresh);
    if (old)
        retire(old);
    Q_EMIT serverChanged(fresh);
    finishJob(ReloadOutcome::Success);
}

void ReloadOrchestrator::onCandidateFailed(const QString& reason, const QString& detail)
{
    ServerInstance* failedServer = m_candidate;
    m_candidate = nullptr;
    if (failedServer)
        failedServer->deleteLater();
    QString error = reason;
    if (m_current)
        error += u"; the previous server (pid %1) keeps serving"_s.arg(m_current->pid());
    QString fullDetail = detail;
    if (!m_job->hotReloadError.isEmpty())
        fullDetail = m_job->hotReloadError + u'\n' + detail;
    finishJob(ReloadOutcome::Failed, error, fullDetail);
}

void ReloadOrchestrator::adopt(ServerInstance* server)
{
    m_current = server;
    disconnect(server, &ServerInstance::ready, this, nullptr);
    disconnect(server, &ServerInstance::failed, this, nullptr);
    connect(server, &ServerInstance::exited, this,
        [this, server](int exitCode, bool requested) { onServerExited(server, exitCode, requested); });
}

void ReloadOrchestrator::retire(ServerInstance* server)
{
    disconnect(server, &ServerInstance::exited, this, nullptr);
    m_retiring.append(server);
    connect(server, &ServerInstance::exited, this, [this, server](int exitCode, bool) {
        Q_EMIT serverExited(server->pid(), exitCode, true);
        m_retiring.removeAll(server);
        server->deleteLater();
        maybeCompleteShutdown();
    });
    if (server->state() == ServerInstance::State::Exited
        || server->state() == ServerInstance::State::Failed) {
        m_retiring.removeAll(server);
        server->deleteLater();
        return;
    }
    if (m_retireGate && server->state() == ServerInstance::State::Ready) {
        m_retireGate(server, [server = QPointer<ServerInstance>(server)] {
            if (server)
                server->stop();
        });
        return;
    }
    server->stop();
}

void ReloadOrchestrator::onServerExited(ServerInstance* server, int exitCode, bool requested)
{
    if (server != m_current)
        return;
    const qint64 pid = server->pid();
    m_lastKnownTools = server->toolNames();
    m_current = nullptr;
    server->deleteLater();
    Q_EMIT serverExited(pid, exitCode, requested);
    if (requested || m_state == State::ShuttingDown) {
        maybeCompleteShutdown();
        return;
    }
    qCInfo(lcServer) << "server" << pid << "exited unexpectedly with code" << exitCode;
    if (m_job) {
        // The job in progress will bring up a server of its own (a full restart), or
        // cannot go on without one (a hot reload): either way it decides what happens.
        if (!m_candidate)
            escalateToFullRestart(u"the server exited with code %1 during the reload"_s.arg(exitCode));
        return;
    }
    setState(State::Down);
    scheduleCrashRestart();
}

void ReloadOrchestrator::scheduleCrashRestart()
{
    const std::optional<int> delay = m_crashBackoff.restartDelayMs(Clock::now());
    if (!delay) {
        m_crashLoopStopped = true;
        const QString message
            = u"the server exited %1 times within %2 s; not restarting it until the next file change"_s
                  .arg(m_config.server.crashLoopLimit)
                  .arg(m_config.server.crashLoopWindowMs / 1000.0);
        qCWarning(lcServer).noquote() << message;
        Q_EMIT crashLoopDetected(message);
        return;
    }
    qCInfo(lcServer) << "restarting the server in" << *delay << "ms";
    m_backoffTimer.start(*delay);
}

void ReloadOrchestrator::finishJob(ReloadOutcome outcome, const QString& error, const QString& detail)
{
    Job job = std::move(*m_job);
    m_job.reset();
    const auto now = Clock::now();

    ReloadResult result;
    result.id = job.id;
    result.trigger = job.trigger;
    result.plan = job.plan;
    result.requested = job.requested;
    result.performed = job.escalation.isEmpty() ? job.requested : ReloadStrategy::FullRestart;
    result.escalationReason = job.escalation;
    result.outcome = outcome;
    result.error = error;
    result.errorDetail = detail;
    result.previousPid = job.previousPid;
    result.pid = m_current ? m_current->pid() : 0;
    const QStringList toolsAfter = m_current ? m_current->toolNames() : QStringList {};
    result.toolCount = m_current ? int(toolsAfter.size()) : -1;
    if (m_current)
        m_lastKnownTools = toolsAfter;
    if (outcome == ReloadOutcome::Success) {
        for (const auto& tool : toolsAfter) {
            if (!job.toolsBefore.contains(tool))
                result.toolsAdded.append(tool);
        }
        for (const auto& tool : std::as_const(job.toolsBefore)) {
            if (!toolsAfter.contains(tool))
                result.toolsRemoved.append(tool);
        }
        if (job.trigger == ReloadTrigger::FileChange)
            m_crashBackoff.recovered();
    }
    if (job.trigger == ReloadTrigger::Startup)
        result.toolsAdded.clear();
    result.finishedAtUtc = QDateTime::currentDateTimeUtc();
    // Held time (paused, rate-limited) is reported on its own, never as part of the wait or the total.
    result.heldMs = std::chrono::duration_cast<std::chrono::milliseconds>(job.plan.held).count();
    result.detectToStartMs = std::max<qint64>(0, msBetween(job.detectedAt, job.startedAt) - result.heldMs);
    const qint64 buildMs = std::chrono::duration_cast<std::chrono::milliseconds>(job.buildTime).count();
    result.startToReadyMs = std::max<qint64>(0, msBetween(job.startedAt, now) - buildMs);
    result.totalMs = result.detectToStartMs + buildMs + result.startToReadyMs;
    if (job.buildRuns > 0) {
        result.buildMs = buildMs;
        result.buildRuns = job.buildRuns;
        if (job.lastBuild) {
            result.buildOutcome = job.lastBuild->outcome;
            result.buildError = job.lastBuild->firstError;
        }
    }

    if (m_state != State::ShuttingDown)
        setState(m_current ? State::Ready : State::Down);
    Q_EMIT reloadFinished(result);
    qCDebug(lcServerTiming) << "reload" << result.id << "finished" << usSince(job.startedAt)
                            << "us after it started (listeners included)";

    if (m_state == State::ShuttingDown) {
        maybeCompleteShutdown();
        return;
    }
    if (m_pending)
        runNext();
    else if (!m_current && job.trigger == ReloadTrigger::CrashRestart)
        scheduleCrashRestart();
}

void ReloadOrchestrator::shutdown()
{
    if (m_state == State::ShuttingDown || m_state == State::Stopped) {
        maybeCompleteShutdown();
        return;
    }
    setState(State::ShuttingDown);
    m_deferTimer.stop();
    m_backoffTimer.stop();
    m_buildSettleTimer.stop();
    m_builder->cancel();
    m_pending.reset();
    if (m_candidate) {
        m_candidate->disconnect(this);
        retire(m_candidate);
        m_candidate = nullptr;
    }
    if (m_current) {
        ServerInstance* current = m_current;
        m_current = nullptr;
        retire(current);
    }
    m_job.reset();
    maybeCompleteShutdown();
}

void ReloadOrchestrator::maybeCompleteShutdown()
{
    m_retiring.removeAll(nullptr);
    if (m_state != State::ShuttingDown || !m_retiring.isEmpty() || m_current || m_candidate)
        return;
    setState(State::Stopped);
    QMetaObject::invokeMethod(this, &ReloadOrchestrator::shutdownComplete, Qt::QueuedConnection);
}

} // namespace foxreload
