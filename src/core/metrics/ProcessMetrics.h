#pragma once

#include "Exposition.h"

namespace foxreload::metrics {

// The standard process_* metrics of the process FoxReload runs in, read from /proc when a
// page is scraped (nothing is sampled in between). Where /proc does not exist (not Linux),
// the families are left out rather than reported as zero.
struct ProcessFigures
{
    double cpuSeconds = -1; // user + system
    double residentBytes = -1;
    double virtualBytes = -1;
    double startTimeSeconds = -1; // since the Unix epoch
    double openFds = -1;
    double maxFds = -1;
};

// `procDir` is /proc/self, or a fixture's copy of one in tests.
ProcessFigures readProcessFigures(const QString& procDir = QStringLiteral("/proc/self"),
    const QString& procStat = QStringLiteral("/proc/stat"));

QList<MetricFamily> processFamilies(const ProcessFigures& figures);

// The direct children of `pid` (every thread's, from /proc/PID/task/TID/children); empty where
// /proc does not say. `procRoot` is /proc, or a fixture's copy of one in tests.
QList<qint64> childProcessIds(qint64 pid, const QString& procRoot = QStringLiteral("/proc"));

} // namespace foxreload::metrics
