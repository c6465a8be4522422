#include "ResourceMonitor.h"

#include "ResourcesLog.h"
#include "server/ServerInstance.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

namespace foxreload::resources {

namespace {
constexpr double kBytesPerMb = 1024.0 * 1024.0;

double percentOf(double cpuSeconds, double previousSeconds, double wallSeconds)
{
    if (cpuSeconds < 0 || previousSeconds < 0 || wallSeconds <= 0)
        return -1;
    // A child that exited takes its time out of the tree's sum: never below zero.
    return std::max(0.0, (cpuSeconds - previousSeconds) / wallSeconds * 100.0);
}
} // namespace

ResourceMonitor::ResourceMonitor(const ResourceBudget& budget, QObject* parent)
    : QObject(parent)
    , m_policy(budget)
    , m_clock([] { return Clock::now(); })
{
    qRegisterMetaType<ResourceSample>();
    qRegisterMetaType<ThrottleState>();
    const auto sampler = std::make_shared<ResourceSampler>();
    m_self = [sampler] { return sampler->self(); };
    m_tree = [sampler](qint64 pid) { return sampler->tree(pid); };
    // A sample a few hundred ms late is as good: let the kernel batch this wake-up with others.
    m_timer.setTimerType(Qt::CoarseTimer);
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &ResourceMonitor::onTick);
}

ResourceMonitor::~ResourceMonitor() = default;

void ResourceMonitor::setClock(ClockSource clock)
{
    m_clock = std::move(clock);
}

void ResourceMonitor::setSources(SelfSource self, TreeSource tree)
{
    m_self = std::move(self);
    m_tree = std::move(tree);
}

void ResourceMonitor::setTiming(std::chrono::milliseconds interval, std::chrono::milliseconds quietAfter)
{
    m_timer.setInterval(interval);
    m_quietAfter = quietAfter;
}

void ResourceMonitor::attach(Session* session)
{
    // Direct connections: noting activity is a flag and, after a quiet spell, one /proc read.
    connect(&session->watcher(), &FileWatcher::changed, this, &ResourceMonitor::noteActivity);
    connect(&session->batcher(), &ChangeBatcher::batchReady, this, &ResourceMonitor::noteActivity);
    connect(&session->batcher(), &ChangeBatcher::batchSkipped, this, &ResourceMonitor::noteActivity);
    ReloadOrchestrator* orchestrator = &session->orchestrator();
    connect(orchestrator, &ReloadOrchestrator::reloadStarted, this, &ResourceMonitor::noteActivity);
    connect(orchestrator, &ReloadOrchestrator::reloadFinished, this, &ResourceMonitor::noteActivity);
    connect(orchestrator, &ReloadOrchestrator::serverChanged, this, [this](ServerInstance* server) {
        setServerPid(server ? server->pid() : 0);
        noteActivity();
    });
}

void ResourceMonitor::setRssBaselineMb(double mb)
{
    ResourceBudget budget = m_policy.budget();
    budget.rssBaselineMb = std::max(mb, 0.0);
    m_policy = ThrottlePolicy(budget);
}

void ResourceMonitor::setExcludedCpu(ExcludedCpuSource seconds)
{
    m_excluded = std::move(seconds);
}

double ResourceMonitor::excludedCpuSeconds() const
{
    return m_excluded ? m_excluded() : -1;
}

void ResourceMonitor::setServerPid(qint64 pid)
{
    m_serverPid = pid;
}

void ResourceMonitor::noteActivity()
{
    m_activity = true;
    if (m_timer.isActive())
        return;
    takeBaseline();
    m_quietTicks = 0;
    m_activity = false;
    m_timer.start();
}

void ResourceMonitor::takeBaseline()
{
    // After a quiet spell the last totals are too old: CPU over that whole time would hide a
    // burst. Start from now; the first tick measures the interval that follows.
    const ProcessTotals self = m_self();
    const ProcessTotals tree = m_tree(m_serverPid);
    m_previous = { true, m_clock(), self.cpuSeconds, tree.cpuSeconds, excludedCpuSeconds(), m_serverPid };
}

void ResourceMonitor::onTick()
{
    sampleNow();
    if (m_activity) {
        m_activity = false;
        m_quietTicks = 0;
        return;
    }
    ++m_quietTicks;
    const bool quiet = m_quietTicks * m_timer.intervalAsDuration() >= m_quietAfter;
    if (quiet && !m_policy.releasableByWaiting(m_throttle, m_latest)) {
        m_timer.stop();
        qCDebug(lcResources) << "quiet: sampling stops";
    }
}

void ResourceMonitor::sampleNow()
{
    const Clock::time_point now = m_clock();
    const ProcessTotals self = m_self();
    const ProcessTotals tree = m_tree(m_serverPid);
    const double excluded = excludedCpuSeconds();

    ResourceSample sample;
    sample.at = now;
    sample.rssMb = self.rssBytes < 0 ? -1 : self.rssBytes / kBytesPerMb;
    sample.serverRssMb = tree.rssBytes < 0 ? -1 : tree.rssBytes / kBytesPerMb;
    sample.serverProcesses = tree.processes;
    if (m_previous.valid) {
        const double wall = std::chrono::duration<double>(now - m_previous.at).count();
        sample.cpuPercent = percentOf(self.cpuSeconds, m_previous.selfCpuSeconds, wall);
        sample.excludedCpuPercent = std::max(percentOf(excluded, m_previous.excludedCpuSeconds, wall), 0.0);
        if (m_previous.serverPid == m_serverPid)
            sample.serverCpuPercent = percentOf(tree.cpuSeconds, m_previous.treeCpuSeconds, wall);
    }
    m_previous = { true, now, self.cpuSeconds, tree.cpuSeconds, excluded, m_serverPid };
    m_latest = sample;
    const ThrottlePolicy::Decision decision = m_policy.decide(m_throttle, sample, now);
    m_throttle = decision.state; // before sampled(): listeners read throttle() as of this sample
    Q_EMIT sampled(sample);
    if (!decision.changed)
        return;
    if (m_throttle.throttled)
        qCInfo(lcResources).noquote() << u"over budget ("_s + m_throttle.reason
                + u"): quiet window longer, content hashing paused, preview scans deferred"_s;
    else
        qCInfo(lcResources).noquote()
            << u"back within budget (CPU %1 %, %2 MB): throttling ends"_s.arg(sample.cpuPercent, 0, 'f', 1)
                   .arg(sample.rssMb, 0, 'f', 1);
    Q_EMIT throttleChanged(m_throttle, sample);
}

} // namespace foxreload::resources
