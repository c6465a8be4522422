// The build step of ReloadOrchestrator (server.build): when a job builds, and what follows
// a build. Edits that arrive during one are absorbed in ReloadOrchestrator.cpp (absorbIntoBuild).

#include "ReloadOrchestrator.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

bool ReloadOrchestrator::buildDue() const
{
    if (!m_builder->isEnabled() || m_job->built)
        return false;
    const ReloadStrategy requested = m_job->requested;
    const bool hot = (requested == ReloadStrategy::HotReload || requested == ReloadStrategy::ServiceRestart)
        && m_job->escalation.isEmpty();
    if (!hot) // a start or a restart: always, but a crash does not make a good build stale
        return !(m_job->trigger == ReloadTrigger::CrashRestart && m_lastBuildSucceeded);
    // A hot reload builds when a rule of one of its files asks for it.
    return std::any_of(m_job->plan.files.cbegin(), m_job->plan.files.cend(), [this](const FileChange& file) {
        return !file.rule.isEmpty()
            && std::any_of(m_config.rules.cbegin(), m_config.rules.cend(),
                [&](const Rule& rule) { return rule.build && rule.match == file.rule; });
    });
}

void ReloadOrchestrator::startBuild()
{
    m_buildSettleTimer.stop();
    if (m_builder->isRunning())
        m_builder->cancel(); // reported as Cancelled; this run takes its place
    if (!m_job->buildPhaseStart)
        m_job->buildPhaseStart = Clock::now();
    m_job->building = true;
    ++m_job->buildRuns;
    m_builder->start();
}

void ReloadOrchestrator::onBuildFinished(const BuildResult& result)
{
    if (!m_job || !m_job->building)
        return;
    m_job->building = false;
    m_job->lastBuild = result;
    m_job->buildTime = Clock::now() - *m_job->buildPhaseStart;
    Q_EMIT buildFinished(m_job->id, result);
    if (result.outcome == BuildResult::Outcome::Cancelled)
        return; // the settle timer (or shutdown) decides what follows
    m_lastBuildSucceeded = result.succeeded();
    if (!result.succeeded()) {
        QString error = result.summary();
        if (m_current)
            error += u"; the running server (pid %1) keeps serving"_s.arg(m_current->pid());
        finishJob(ReloadOutcome::Failed, error, result.output);
        return;
    }
    m_job->built = true;
    proceed();
}

} // namespace foxreload
