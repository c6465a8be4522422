#pragma once

#include "ResourceBudget.h"
#include "ResourceSampler.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace foxreload {
class Session;
}

namespace foxreload::resources {

// Samples FoxReload's own CPU and memory (and the server tree's) and decides, through
// ThrottlePolicy, whether FoxReload is over its budget. It costs nothing while nothing happens:
// no timer runs until some activity is noted (a file event, a batch, a reload, proxy traffic);
// then it samples every `interval` and stops once `quietAfter` has passed without activity
// (and no falling CPU figure could still end a throttle). A change of state is said once:
// throttleChanged, and one log line.
class ResourceMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval { 2000 };
    static constexpr std::chrono::milliseconds kDefaultQuietAfter { 6000 };

    using ClockSource = std::function<Clock::time_point()>;
    using SelfSource = std::function<ProcessTotals()>;
    using TreeSource = std::function<ProcessTotals(qint64 rootPid)>;
    // CPU seconds used so far that are not the session's to budget; -1 when unknown.
    using ExcludedCpuSource = std::function<double()>;

    explicit ResourceMonitor(const ResourceBudget& budget, QObject* parent = nullptr);
    ~ResourceMonitor() override;

    // Tests inject a clock and figures; the defaults are steady_clock and /proc.
    void setClock(ClockSource clock);
    void setSources(SelfSource self, TreeSource tree);
    void setTiming(std::chrono::milliseconds interval, std::chrono::milliseconds quietAfter);

    // Activity from the session's stages, and the server's pid as it changes.
    void attach(Session* session);
    void setServerPid(qint64 pid);
    // See ResourceBudget::rssBaselineMb; the desktop app sets it to its own memory.
    void setRssBaselineMb(double mb);
    // The desktop app's windows: what drawing them costs is not the session's (see
    // ResourceSample::excludedCpuPercent).
    void setExcludedCpu(ExcludedCpuSource seconds);

    const ResourceBudget& budget() const { return m_policy.budget(); }
    const ResourceSample& latest() const { return m_latest; }
    const ThrottleState& throttle() const { return m_throttle; }
    bool isSampling() const { return m_timer.isActive(); }

public Q_SLOTS:
    void noteActivity();
    // Takes one sample now and decides (the timer calls it; tests call it with their clock).
    void sampleNow();

Q_SIGNALS:
    void sampled(const foxreload::resources::ResourceSample& sample);
    void throttleChanged(
        const foxreload::resources::ThrottleState& state, const foxreload::resources::ResourceSample& sample);

private:
    void onTick();
    void takeBaseline();
    double excludedCpuSeconds() const;

    struct Previous
    {
        bool valid = false;
        Clock::time_point at;
        double selfCpuSeconds = -1;
        double treeCpuSeconds = -1;
        double excludedCpuSeconds = -1;
        qint64 serverPid = 0;
    };

    ThrottlePolicy m_policy;
    ClockSource m_clock;
    SelfSource m_self;
    TreeSource m_tree;
    ExcludedCpuSource m_excluded;
    QTimer m_timer;
    std::chrono::milliseconds m_quietAfter = kDefaultQuietAfter;
    bool m_activity = false; // something happened since the last tick
    int m_quietTicks = 0;
    qint64 m_serverPid = 0;
    Previous m_previous;
    ResourceSample m_latest;
    ThrottleState m_throttle;
};

} // namespace foxreload::resources

Q_DECLARE_METATYPE(foxreload::resources::ResourceSample)
Q_DECLARE_METATYPE(foxreload::resources::ThrottleState)
