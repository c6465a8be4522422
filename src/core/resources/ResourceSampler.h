#pragma once

#include <QString>
#include <QtGlobal>

namespace foxreload::resources {

// Running totals of one process or a process tree: CPU seconds since each process started and
// resident memory now. -1 where /proc does not tell (not Linux, the process is gone).
struct ProcessTotals
{
    double cpuSeconds = -1;
    double rssBytes = -1;
    int processes = 0;
};

// Reads FoxReload's own totals and those of a server's process tree (the server and every
// descendant: a `npm run` wrapper's node, a Python server's workers) through ProcessMetrics.
class ResourceSampler
{
public:
    // `procRoot`: /proc, or a fixture's copy in tests.
    explicit ResourceSampler(const QString& procRoot = QStringLiteral("/proc"));

    ProcessTotals self() const;
    ProcessTotals tree(qint64 rootPid) const;
    // Another FoxReload process (`foxreload stats` on running sessions): it alone, and every
    // process below it (its servers).
    ProcessTotals process(qint64 pid) const;
    ProcessTotals descendants(qint64 pid) const;
    // When the process started, in seconds since the Unix epoch; -1 when unknown.
    double startTime(qint64 pid) const;

private:
    QString m_procRoot;
};

} // namespace foxreload::resources
