#include "ResourceBudget.h"

using namespace Qt::StringLiterals;

namespace foxreload::resources {

ThrottlePolicy::ThrottlePolicy(const ResourceBudget& budget)
    : m_budget(budget)
{ }

double ThrottlePolicy::countedRssMb(const ResourceSample& sample) const
{
    return sample.rssMb < 0 ? -1 : std::max(sample.rssMb - m_budget.rssBaselineMb, 0.0);
}

double ThrottlePolicy::countedCpuPercent(const ResourceSample& sample)
{
    return sample.cpuPercent < 0 ? -1 : std::max(sample.cpuPercent - sample.excludedCpuPercent, 0.0);
}

QString ThrottlePolicy::overBudgetReason(const ResourceSample& sample) const
{
    QStringList reasons;
    if (const double cpu = countedCpuPercent(sample); cpu >= 0 && cpu > m_budget.maxCpuPercent)
        reasons
            << u"CPU %1 % over the %2 % budget"_s.arg(cpu, 0, 'f', 1).arg(m_budget.maxCpuPercent, 0, 'g', 6);
    if (const double rss = countedRssMb(sample); rss >= 0 && rss > m_budget.maxRssMb)
        reasons
            << u"memory %1 MB over the %2 MB budget"_s.arg(rss, 0, 'f', 1).arg(m_budget.maxRssMb, 0, 'g', 6);
    return reasons.join(u", "_s);
}

ThrottlePolicy::Decision ThrottlePolicy::decide(
    const ThrottleState& current, const ResourceSample& sample, Clock::time_point now) const
{
    Decision decision { current, false };
    const QString over = overBudgetReason(sample);
    if (!current.throttled) {
        if (!over.isEmpty())
            decision = { ThrottleState { true, now, over }, true };
        return decision;
    }
    if (!over.isEmpty()) {
        decision.state.reason = over; // still over: the newest figures say why
        return decision;
    }
    if (now - current.since < kMinThrottled)
        return decision;
    // Released only on known figures comfortably under both budgets.
    const double cpu = countedCpuPercent(sample);
    const bool cpuLow = cpu >= 0 && cpu < m_budget.maxCpuPercent * kReleaseFraction;
    const double rss = countedRssMb(sample);
    const bool rssLow = rss >= 0 && rss < m_budget.maxRssMb * kReleaseFraction;
    if (cpuLow && rssLow)
        decision = { ThrottleState { false, now, QString() }, true };
    return decision;
}

bool ThrottlePolicy::releasableByWaiting(const ThrottleState& current, const ResourceSample& sample) const
{
    return current.throttled && !(countedRssMb(sample) >= m_budget.maxRssMb * kReleaseFraction);
}

} // namespace foxreload::resources
