#include "MonitoredSession.h"

#include "common/DurationText.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

QString firstLine(const QString& text)
{
    const qsizetype end = text.indexOf(u'\n');
    return (end < 0 ? text : text.left(end)).trimmed();
}

QString changedFilesText(const ReloadPlan& plan)
{
    QStringList names;
    for (const auto& file : plan.files) {
        if (names.size() == 3) {
            names.append(MonitoredSession::tr("%n more", nullptr, int(plan.files.size()) - 3));
            break;
        }
        names.append(file.relativePath.isEmpty() ? QFileInfo(file.path).fileName() : file.relativePath);
    }
    return names.join(u", "_s);
}

} // namespace

MonitoredSession::MonitoredSession(QObject* parent)
    : QObject(parent)
    , m_log(new EventLogModel(this))
{ }

MonitoredSession::~MonitoredSession() = default;

QString MonitoredSession::statusText(Status status)
{
    switch (status) {
    case Status::Stopped:
        return tr("Stopped");
    case Status::Untrusted:
        return tr("Waiting for trust");
    case Status::Starting:
        return tr("Starting");
    case Status::Watching:
        return tr("Watching");
    case Status::Reloading:
        return tr("Reloading");
    case Status::Error:
        return tr("Error");
    case Status::Degraded:
        return tr("Old version serving"); // the last reload failed
    case Status::Paused:
        return tr("Paused");
    }
    return {};
}

QString MonitoredSession::strategyText(ReloadStrategy strategy)
{
    switch (strategy) {
    case ReloadStrategy::None:
        return tr("no reload");
    case ReloadStrategy::HotReload:
        return tr("hot reload");
    case ReloadStrategy::ServiceRestart:
        return tr("service restart");
    case ReloadStrategy::FullRestart:
        return tr("full restart");
    }
    return {};
}

QStringList MonitoredSession::serverOutput() const
{
    return QStringList(m_output.begin(), m_output.end());
}

void MonitoredSession::noteOrchestratorState(ReloadOrchestrator::State state)
{
    m_orchestratorState = state;
    if (state == ReloadOrchestrator::State::Down && !m_failed) {
        m_failed = true;
    }
    updateStatus();
}

void MonitoredSession::notePaused(bool paused)
{
    m_paused = paused;
    m_log->append({ QDateTime::currentDateTime(), LogEntry::Server,
        paused ? tr("Watching paused: changes are held until you resume") : tr("Watching resumed"), {} });
    updateStatus();
}

void MonitoredSession::noteServerReady(qint64 pid, int toolCount)
{
    if (pid != m_pid) {
        m_pid = pid;
        m_since = QDateTime::currentDateTime();
        m_log->append({ QDateTime::currentDateTime(), LogEntry::Server,
            tr("Server ready (PID %1, %n tool(s))", nullptr, std::max(0, toolCount)).arg(pid), {} });
    }
    if (toolCount >= 0)
        m_toolCount = toolCount;
    Q_EMIT headerChanged();
}

void MonitoredSession::noteWatching(qint64 files, qint64 directories, const QString& backend)
{
    m_log->append({ QDateTime::currentDateTime(), LogEntry::Server,
        tr("Watching %n file(s)", nullptr, int(files)) + tr(" in %n folder(s)", nullptr, int(directories))
            + u" ("_s + backend + u')',
        {} });
}

void MonitoredSession::notePlan(const ReloadPlan& plan)
{
    if (plan.files.isEmpty())
        return;
    const QString summary = tr("%n file(s) changed: %1 → %2", nullptr, int(plan.files.size()))
                                .arg(changedFilesText(plan), strategyText(plan.strategy));
    m_log->append({ QDateTime::currentDateTime(), LogEntry::Batch, summary, plan.reasons.join(u'\n') });
}

void MonitoredSession::noteReloadStarted(quint64 id, ReloadStrategy strategy, ReloadTrigger trigger)
{
    Q_UNUSED(trigger);
    appendOutput(tr("── reload #%1: %2 ──").arg(id).arg(strategyText(strategy)), true);
    Q_EMIT reloadStarted(strategy);
}

void MonitoredSession::noteReloadFinished(const ReloadResult& result)
{
    ++m_reloadCount;
    m_lastReload = result;
    const QDateTime now = QDateTime::currentDateTime();
    if (result.succeeded()) {
        m_failed = false;
        m_lastError.clear();
        QString summary
            = tr("%1 done in %2").arg(strategyText(result.performed), durationText(result.startToReadyMs));
        if (!result.plan.files.isEmpty())
            summary += u" — "_s + changedFilesText(result.plan);
        QString detail = result.plan.reasons.join(u'\n');
        if (!result.escalationReason.isEmpty())
            detail += u'\n' + result.escalationReason;
        if (result.heldMs > 0)
            detail += u'\n'
                + tr("Held back %1 (paused or rate-limited) before it started.")
                      .arg(durationText(result.heldMs));
        if (!result.toolsAdded.isEmpty())
            detail += u'\n' + tr("Tools added: %1").arg(result.toolsAdded.join(u", "_s));
        if (!result.toolsRemoved.isEmpty())
            detail += u'\n' + tr("Tools removed: %1").arg(result.toolsRemoved.join(u", "_s));
        m_log->append({ now, LogEntry::Reload, summary, detail.trimmed() });
        appendOutput(
            tr("── reload #%1 done in %2 ──").arg(result.id).arg(durationText(result.startToReadyMs)), true);
    } else {
        m_failed = true;
        m_lastError = firstLine(result.error);
        m_log->append({ now, LogEntry::Error,
            tr("%1 failed: %2").arg(strategyText(result.performed), m_lastError), result.errorDetail });
        appendOutput(tr("── reload #%1 failed: %2 ──").arg(result.id).arg(m_lastError), true);
    }
    if (result.pid > 0 && result.pid != m_pid) {
        m_pid = result.pid;
        m_since = now;
    }
    if (result.toolCount >= 0)
        m_toolCount = result.toolCount;
    updateStatus();
    Q_EMIT headerChanged();
    Q_EMIT reloadFinished(result);
}

void MonitoredSession::noteReloadDeferred(int delayMs)
{
    m_log->append({ QDateTime::currentDateTime(), LogEntry::Reload,
        tr("Reload deferred by %1 s (max reloads per minute)").arg(QString::number(delayMs / 1000.0, 'f', 1)),
        {} });
}

void MonitoredSession::noteServerExited(qint64 pid, int exitCode, bool expected)
{
    if (expected) {
        m_log->append({ QDateTime::currentDateTime(), LogEntry::Server,
            tr("Server PID %1 stopped (exit code %2)").arg(pid).arg(exitCode), {} });
    } else {
        m_lastError = tr("the server exited unexpectedly (exit code %1)").arg(exitCode);
        m_log->append({ QDateTime::currentDateTime(), LogEntry::Error,
            tr("Server PID %1 exited unexpectedly (exit code %2)").arg(pid).arg(exitCode), {} });
        appendOutput(tr("── server PID %1 exited (code %2) ──").arg(pid).arg(exitCode), true);
    }
    if (pid == m_pid && !expected) {
        m_pid = 0;
        Q_EMIT headerChanged();
    }
}

void MonitoredSession::noteStderr(qint64 pid, const QString& line)
{
    Q_UNUSED(pid);
    appendOutput(line, false);
}

void MonitoredSession::noteWarning(const QString& text)
{
    m_log->append({ QDateTime::currentDateTime(), LogEntry::Error, firstLine(text), text });
    Q_EMIT warningRaised(text);
}

void MonitoredSession::noteStopped()
{
    m_orchestratorState = ReloadOrchestrator::State::Stopped;
    m_pid = 0;
    updateStatus();
    Q_EMIT headerChanged();
}

void MonitoredSession::noteResources(const resources::ResourceSample& sample,
    const resources::ThrottleState& throttle, const resources::ResourceBudget& budget)
{
    if (throttle.throttled != m_resources.throttle.throttled) {
        // Said in the log and the header, never as a desktop notification: nothing to act on.
        m_log->append({ QDateTime::currentDateTime(), LogEntry::Server,
            throttle.throttled
                ? tr("Over its resource budget (%1): FoxReload waits longer before reloading and stops "
                     "comparing file contents")
                      .arg(throttle.reason)
                : tr("Back within its resource budget: FoxReload works at full speed again"),
            {} });
    }
    m_resources = { true, sample, throttle, budget };
    Q_EMIT headerChanged();
}

void MonitoredSession::setUntrusted(bool untrusted)
{
    m_untrusted = untrusted;
    updateStatus();
}

void MonitoredSession::appendOutput(const QString& line, bool marker)
{
    if (int(m_output.size()) >= kServerOutputLines)
        m_output.pop_front();
    m_output.push_back(line);
    Q_EMIT serverOutputLine(line, marker);
}

void MonitoredSession::updateStatus()
{
    using OS = ReloadOrchestrator::State;
    Status status = Status::Stopped;
    if (m_untrusted) {
        status = Status::Untrusted;
    } else if (m_paused) {
        status = Status::Paused;
    } else {
        switch (m_orchestratorState) {
        case OS::Stopped:
        case OS::ShuttingDown:
            status = Status::Stopped;
            break;
        case OS::Starting:
            status = Status::Starting;
            break;
        case OS::Reloading:
            status = Status::Reloading;
            break;
        case OS::Down:
            status = Status::Error;
            break;
        case OS::Ready:
            status = m_failed ? Status::Degraded : Status::Watching;
            break;
        }
    }
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

} // namespace foxreload::gui
