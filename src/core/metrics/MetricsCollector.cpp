#include "MetricsCollector.h"

#include "MetricsLog.h"
#include "game/GamificationEngine.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

namespace foxreload::metrics {

MetricsCollector::MetricsCollector(const QString& project, QObject* parent)
    : QObject(parent)
    , m_project(project)
    , m_buildDurations(durationBuckets())
    , m_detectionLatency(durationBuckets())
{
    for (const QString& strategy : strategyLabels()) {
        m_reloadDurations.emplace(strategy, Histogram(durationBuckets()));
        for (const ReloadOutcome outcome : { ReloadOutcome::Success, ReloadOutcome::Failed })
            m_reloads[{ strategy, reloadOutcomeName(outcome) }] = 0;
    }
    for (const QString& reason : restartReasons())
        m_restarts[reason] = 0;
}

MetricsCollector::~MetricsCollector() = default;

const QStringList& MetricsCollector::strategyLabels()
{
    static const QStringList labels { strategyName(ReloadStrategy::HotReload),
        strategyName(ReloadStrategy::ServiceRestart), strategyName(ReloadStrategy::FullRestart) };
    return labels;
}

const QStringList& MetricsCollector::restartReasons()
{
    static const QStringList reasons { reloadTriggerName(ReloadTrigger::FileChange), u"escalated"_s,
        reloadTriggerName(ReloadTrigger::Manual), reloadTriggerName(ReloadTrigger::CrashRestart) };
    return reasons;
}

void MetricsCollector::attach(Session* session)
{
    m_session = session;
    connect(&session->batcher(), &ChangeBatcher::batchReady, this,
        [this](const ChangeBatch& batch) { recordBatch(batch, true); });
    connect(&session->batcher(), &ChangeBatcher::batchSkipped, this,
        [this](const ChangeBatch& batch) { recordBatch(batch, false); });
    connect(
        &session->orchestrator(), &ReloadOrchestrator::reloadFinished, this, &MetricsCollector::recordReload);
    m_serverUpSource = [this] {
        if (!m_session)
            return false;
        const auto state = m_session->orchestrator().state();
        const bool serving
            = state == ReloadOrchestrator::State::Ready || state == ReloadOrchestrator::State::Reloading;
        return serving && m_session->orchestrator().server() != nullptr;
    };
}

void MetricsCollector::attachGame(GamificationEngine* engine)
{
    if (!engine || !engine->isEnabled())
        return;
    setXpTotal(engine->level().totalXp);
    connect(engine, &GamificationEngine::xpAwarded, this,
        [this](int, const QString&, qint64 total) { setXpTotal(total); });
}

void MetricsCollector::recordBatch(const ChangeBatch& batch, bool contentChanged)
{
    m_fileEvents += quint64(std::max(batch.rawEventCount, 0));
    ++(contentChanged ? m_batchesChanged : m_batchesUnchanged);
}

void MetricsCollector::recordReload(const ReloadResult& result)
{
    const QString strategy = strategyName(result.performed);
    if (!strategyLabels().contains(strategy))
        return; // nothing was done
    ++m_reloads[{ strategy, reloadOutcomeName(result.outcome) }];
    if (result.startToReadyMs >= 0)
        m_reloadDurations.at(strategy).observe(double(result.startToReadyMs) / 1000.0);
    if (result.trigger == ReloadTrigger::FileChange && result.detectToStartMs >= 0)
        m_detectionLatency.observe(double(result.detectToStartMs) / 1000.0);
    if (result.performed == ReloadStrategy::FullRestart && result.trigger != ReloadTrigger::Startup) {
        QString reason = reloadTriggerName(result.trigger);
        if (result.trigger == ReloadTrigger::FileChange && result.requested != ReloadStrategy::FullRestart)
            reason = u"escalated"_s;
        ++m_restarts[reason];
    }
    qCDebug(lcMetrics) << m_project << "reload" << result.id << strategy << reloadOutcomeName(result.outcome);
}

void MetricsCollector::recordBuild(double seconds)
{
    m_buildDurations.observe(seconds);
}

void MetricsCollector::setXpTotal(qint64 total)
{
    m_xpTotal = total;
}

QList<MetricFamily> MetricsCollector::families() const
{
    const Labels project { { u"project"_s, m_project } };
    const auto single = [&project](const QString& name, const QString& help, MetricType type, double value) {
        return MetricFamily { name, help, type, { { QString(), project, value } } };
    };
    QList<MetricFamily> families;

    MetricFamily reloads { u"foxreload_reloads_total"_s,
        u"Reloads finished, by the strategy performed and their outcome."_s, MetricType::Counter, {} };
    for (const auto& [key, count] : m_reloads)
        reloads.samples.append({ QString(),
            project + Labels { { u"strategy"_s, key.first }, { u"outcome"_s, key.second } }, double(count) });
    families.append(reloads);

    MetricFamily durations { u"foxreload_reload_duration_seconds"_s,
        u"Time from a reload's start until the server was ready again, by strategy."_s, MetricType::Histogram,
        {} };
    for (const auto& [strategy, histogram] : m_reloadDurations)
        histogram.appendSamples(durations.samples, project + Labels { { u"strategy"_s, strategy } });
    families.append(durations);

    MetricFamily builds { u"foxreload_build_duration_seconds"_s,
        u"Time the build step took before a (re)start."_s, MetricType::Histogram, {} };
    m_buildDurations.appendSamples(builds.samples, project);
    families.append(builds);

    families.append(single(u"foxreload_file_events_total"_s,
        u"File events seen by the watcher, before they were coalesced into batches."_s, MetricType::Counter,
        double(m_fileEvents)));

    families.append({ u"foxreload_batches_total"_s,
        u"Batches of changes; content=unchanged: every file was saved without edits (no reload)."_s,
        MetricType::Counter,
        { { QString(), project + Labels { { u"content"_s, u"changed"_s } }, double(m_batchesChanged) },
            { QString(), project + Labels { { u"content"_s, u"unchanged"_s } },
                double(m_batchesUnchanged) } } });

    MetricFamily latency { u"foxreload_detection_latency_seconds"_s,
        u"Time from the first change of a batch until its reload started (quiet window and queueing)."_s,
        MetricType::Histogram, {} };
    m_detectionLatency.appendSamples(latency.samples, project);
    families.append(latency);

    const bool up = m_serverUpSource && m_serverUpSource();
    families.append(single(u"foxreload_server_up"_s, u"1 while a server is serving, 0 otherwise."_s,
        MetricType::Gauge, up ? 1 : 0));

    MetricFamily restarts { u"foxreload_server_restarts_total"_s,
        u"Full restarts of the server (a new process), by reason."_s, MetricType::Counter, {} };
    for (const QString& reason : restartReasons())
        restarts.samples.append(
            { QString(), project + Labels { { u"reason"_s, reason } }, double(m_restarts.at(reason)) });
    families.append(restarts);

    if (m_proxySource) {
        const ProxyFigures proxy = m_proxySource();
        families.append(
            single(u"foxreload_proxy_requests_total"_s, u"Requests the proxy accepted from its MCP client."_s,
                MetricType::Counter, double(proxy.requests)));
        families.append(
            single(u"foxreload_proxy_in_flight"_s, u"Requests forwarded to a server and not answered yet."_s,
                MetricType::Gauge, double(proxy.inFlight)));
    }
    if (m_xpTotal >= 0)
        families.append(single(
            u"foxreload_xp_total"_s, u"The player's total XP."_s, MetricType::Counter, double(m_xpTotal)));
    return families;
}

} // namespace foxreload::metrics
