#include "ProxiedSession.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

ReloadStrategy strategyOf(const QJsonValue& value)
{
    return strategyFromName(value.toString()).value_or(ReloadStrategy::FullRestart);
}

ReloadTrigger triggerOf(const QJsonValue& value)
{
    return reloadTriggerFromName(value.toString()).value_or(ReloadTrigger::FileChange);
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const auto& item : array)
        list.append(item.toString());
    return list;
}

} // namespace

ProxiedSession::ProxiedSession(
    const QString& id, const QString& projectRoot, const QString& mode, QObject* parent)
    : MonitoredSession(parent)
    , m_id(id)
    , m_projectRoot(projectRoot)
    , m_mode(mode)
{ }

void ProxiedSession::handleHello(const QJsonObject& hello)
{
    if (hello.value("paused"_L1).toBool())
        notePaused(true);
    const QJsonObject state { { "event"_L1, u"server_state"_s }, { "state"_L1, hello.value("state"_L1) },
        { "pid"_L1, hello.value("serverPid"_L1) } };
    handleEvent(state);
}

QString ProxiedSession::name() const
{
    const QString dirName = QDir(m_projectRoot).dirName();
    const QString project = dirName.isEmpty() ? m_id : dirName;
    return m_mode == u"proxy" ? tr("%1 (proxy)").arg(project) : tr("%1 (terminal)").arg(project);
}

QString ProxiedSession::location() const
{
    return m_projectRoot.isEmpty() ? m_id : m_projectRoot;
}

void ProxiedSession::restartNow()
{
    Q_EMIT commandRequested(u"restart"_s);
}

void ProxiedSession::setPaused(bool paused)
{
    Q_EMIT commandRequested(paused ? u"pause"_s : u"resume"_s);
}

void ProxiedSession::handleEvent(const QJsonObject& event)
{
    const QString type = event.value("event"_L1).toString();
    if (type == u"watching") {
        noteWatching(event.value("files"_L1).toInteger(), event.value("directories"_L1).toInteger(),
            event.value("backend"_L1).toString());
    } else if (type == u"plan") {
        ReloadPlan plan;
        plan.strategy = strategyOf(event.value("strategy"_L1));
        plan.components = stringList(event.value("components"_L1));
        plan.reasons = stringList(event.value("reasons"_L1));
        const QJsonArray files = event.value("files"_L1).toArray();
        for (const auto& file : files) {
            FileChange change;
            change.relativePath = file.toObject().value("path"_L1).toString();
            change.path = QDir(m_projectRoot).filePath(change.relativePath);
            change.strategy = strategyOf(file.toObject().value("strategy"_L1));
            change.rule = file.toObject().value("rule"_L1).toString();
            plan.files.append(change);
        }
        notePlan(plan);
    } else if (type == u"reload_started") {
        noteOrchestratorState(ReloadOrchestrator::State::Reloading);
        noteReloadStarted(quint64(event.value("id"_L1).toInteger()), strategyOf(event.value("strategy"_L1)),
            triggerOf(event.value("trigger"_L1)));
    } else if (type == u"reload_finished") {
        ReloadResult result;
        result.id = quint64(event.value("id"_L1).toInteger());
        result.trigger = triggerOf(event.value("trigger"_L1));
        result.requested = strategyOf(event.value("requested"_L1));
        result.performed = strategyOf(event.value("strategy"_L1));
        result.escalationReason = event.value("escalation"_L1).toString();
        result.outcome
            = reloadOutcomeFromName(event.value("outcome"_L1).toString()).value_or(ReloadOutcome::Success);
        result.error = event.value("error"_L1).toString();
        result.errorDetail = event.value("errorDetail"_L1).toString();
        result.pid = event.value("pid"_L1).toInteger();
        result.previousPid = event.value("previousPid"_L1).toInteger();
        result.toolCount = event.value("tools"_L1).toInt(-1);
        result.toolsAdded = stringList(event.value("toolsAdded"_L1));
        result.toolsRemoved = stringList(event.value("toolsRemoved"_L1));
        const QStringList files = stringList(event.value("files"_L1));
        for (const auto& file : files) {
            FileChange change;
            change.relativePath = file;
            change.path = QDir(m_projectRoot).filePath(file);
            change.strategy = result.requested;
            result.plan.files.append(change);
        }
        result.plan.strategy = result.requested;
        result.detectToStartMs = event.value("detectToStartMs"_L1).toInteger(-1);
        result.startToReadyMs = event.value("startToReadyMs"_L1).toInteger(-1);
        result.totalMs = event.value("totalMs"_L1).toInteger(-1);
        result.finishedAtUtc
            = QDateTime::fromString(event.value("time"_L1).toString(), Qt::ISODateWithMs).toUTC();
        noteOrchestratorState(ReloadOrchestrator::State::Ready);
        noteReloadFinished(result);
    } else if (type == u"reload_deferred") {
        noteReloadDeferred(event.value("delayMs"_L1).toInt());
    } else if (type == u"server_state") {
        const qint64 pid = event.value("pid"_L1).toInteger();
        using S = ReloadOrchestrator::State;
        const S parsed
            = ReloadOrchestrator::stateFromName(event.value("state"_L1).toString()).value_or(S::Stopped);
        if (parsed == S::Ready && pid > 0)
            noteServerReady(pid, event.value("tools"_L1).toInt(-1));
        noteOrchestratorState(parsed);
    } else if (type == u"server_exited") {
        noteServerExited(event.value("pid"_L1).toInteger(), event.value("exitCode"_L1).toInt(),
            event.value("expected"_L1).toBool());
    } else if (type == u"paused" || type == u"resumed") {
        notePaused(type == u"paused");
    } else if (type == u"server_stderr") {
        noteStderr(event.value("pid"_L1).toInteger(), event.value("message"_L1).toString());
    } else if (type == u"resources") {
        // Sent when a budget is crossed either way (src/core/resources/ResourceEvent.cpp).
        const auto figure = [](const QJsonObject& object, QLatin1StringView key) {
            return object.value(key).isDouble() ? object.value(key).toDouble() : -1.0;
        };
        const QJsonObject server = event.value("server"_L1).toObject();
        resources::ResourceSample sample;
        sample.at = Clock::now();
        sample.cpuPercent = figure(event, "cpuPercent"_L1);
        sample.rssMb = figure(event, "rssMb"_L1);
        sample.serverCpuPercent = figure(server, "cpuPercent"_L1);
        sample.serverRssMb = figure(server, "rssMb"_L1);
        sample.serverProcesses = server.value("processes"_L1).toInt();
        const resources::ThrottleState throttle { event.value("throttled"_L1).toBool(), sample.at,
            event.value("reason"_L1).toString() };
        noteResources(sample, throttle,
            { event.value("maxCpuPercent"_L1).toDouble(5.0), event.value("maxRssMb"_L1).toDouble(50.0) });
    } else if (type == u"warning" || type == u"crash_loop" || type == u"error") {
        noteWarning(event.value("message"_L1).toString());
    }
}

void ProxiedSession::connectionLost()
{
    noteStopped();
}

} // namespace foxreload::gui
