#pragma once

#include "common/FileEvent.h"

#include <QString>

#include <chrono>

namespace foxreload::resources {

// What FoxReload allows itself (config `resources:`). Only FoxReload's own process counts
// against it: the server tree is shown, but FoxReload cannot make someone else's server cheaper.
struct ResourceBudget
{
    double maxCpuPercent = 5.0; // of one core, averaged over a sampling interval
    double maxRssMb = 50.0; // resident set, MiB
    // Memory that is not the watcher's to budget: in the desktop app, what the app itself held
    // (widgets, charts, fonts) when the session started. maxRssMb applies to what lies above it.
    double rssBaselineMb = 0.0;
};

// One measurement. CPU figures are averages over the interval since the previous sample; -1
// where nothing is known (the first sample after a quiet spell, no /proc, no server).
struct ResourceSample
{
    Clock::time_point at;
    double cpuPercent = -1;
    // The part of cpuPercent that is not the session's to budget (the desktop app's windows).
    double excludedCpuPercent = 0;
    double rssMb = -1;
    double serverCpuPercent = -1;
    double serverRssMb = -1;
    int serverProcesses = 0;
};

struct ThrottleState
{
    bool throttled = false;
    Clock::time_point since; // when the state last changed
    QString reason; // why it is throttled, empty when not
};

// The rule, free of timers and /proc so that tests drive it with an injected clock:
// - over budget (CPU above max_cpu_percent or RSS above max_rss_mb): throttle at once;
// - throttled, it stays so for at least kMinThrottled, and until CPU is below
//   kReleaseFraction of its budget and RSS below kReleaseFraction of its own (hysteresis, so a
//   load hovering at the budget does not switch it on and off every sample).
// Unknown figures (-1) neither throttle nor release.
class ThrottlePolicy
{
public:
    static constexpr std::chrono::seconds kMinThrottled { 10 };
    static constexpr double kReleaseFraction = 0.8;

    explicit ThrottlePolicy(const ResourceBudget& budget);

    // The state after `sample` at `now`; `changed` tells whether to say so.
    struct Decision
    {
        ThrottleState state;
        bool changed = false;
    };
    Decision decide(const ThrottleState& current, const ResourceSample& sample, Clock::time_point now) const;
    // Whether sampling on while nothing happens could still release a throttle: true while CPU
    // holds it (an idle FoxReload's CPU drops), false when memory does (idle does not shrink it;
    // the next activity samples again), so a quiet FoxReload never keeps a timer for this.
    bool releasableByWaiting(const ThrottleState& current, const ResourceSample& sample) const;

    const ResourceBudget& budget() const { return m_budget; }
    // "CPU 12.5 % over the 5 % budget", empty when within.
    QString overBudgetReason(const ResourceSample& sample) const;
    // The memory the budget counts: above the baseline.
    double countedRssMb(const ResourceSample& sample) const;
    // The CPU the budget counts: FoxReload's less what is excluded.
    static double countedCpuPercent(const ResourceSample& sample);

private:
    ResourceBudget m_budget;
};

} // namespace foxreload::resources
