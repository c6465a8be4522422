#include "ResourceSampler.h"

#include "metrics/ProcessMetrics.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace foxreload::resources {

namespace {
// A tree deeper or wider than this is not a server FoxReload started; stop counting there.
constexpr int kMaxTreeProcesses = 512;

void addFigures(ProcessTotals* totals, const metrics::ProcessFigures& figures)
{
    if (figures.cpuSeconds < 0 && figures.residentBytes < 0)
        return; // gone between listing and reading
    totals->cpuSeconds = std::max(totals->cpuSeconds, 0.0) + std::max(figures.cpuSeconds, 0.0);
    totals->rssBytes = std::max(totals->rssBytes, 0.0) + std::max(figures.residentBytes, 0.0);
    ++totals->processes;
}
} // namespace

ResourceSampler::ResourceSampler(const QString& procRoot)
    : m_procRoot(procRoot)
{ }

ProcessTotals ResourceSampler::self() const
{
    ProcessTotals totals;
    addFigures(&totals, metrics::readProcessFigures(m_procRoot + u"/self"_s, m_procRoot + u"/stat"_s));
    return totals;
}

ProcessTotals ResourceSampler::tree(qint64 rootPid) const
{
    ProcessTotals totals;
    if (rootPid <= 0)
        return totals;
    QList<qint64> pending { rootPid };
    QList<qint64> seen;
    while (!pending.isEmpty() && seen.size() < kMaxTreeProcesses) {
        const qint64 pid = pending.takeLast();
        if (seen.contains(pid))
            continue;
        seen.append(pid);
        addFigures(&totals,
            metrics::readProcessFigures(m_procRoot + u'/' + QString::number(pid), m_procRoot + u"/stat"_s));
        pending += metrics::childProcessIds(pid, m_procRoot);
    }
    return totals;
}

ProcessTotals ResourceSampler::process(qint64 pid) const
{
    ProcessTotals totals;
    addFigures(&totals,
        metrics::readProcessFigures(m_procRoot + u'/' + QString::number(pid), m_procRoot + u"/stat"_s));
    return totals;
}

ProcessTotals ResourceSampler::descendants(qint64 pid) const
{
    ProcessTotals totals;
    const QList<qint64> children = metrics::childProcessIds(pid, m_procRoot);
    for (const qint64 child : children) {
        const ProcessTotals below = tree(child);
        if (below.processes == 0)
            continue;
        totals.cpuSeconds = std::max(totals.cpuSeconds, 0.0) + below.cpuSeconds;
        totals.rssBytes = std::max(totals.rssBytes, 0.0) + below.rssBytes;
        totals.processes += below.processes;
    }
    return totals;
}

double ResourceSampler::startTime(qint64 pid) const
{
    return metrics::readProcessFigures(m_procRoot + u'/' + QString::number(pid), m_procRoot + u"/stat"_s)
        .startTimeSeconds;
}

} // namespace foxreload::resources
