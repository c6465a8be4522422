#pragma once

#include "Exposition.h"
#include "analyze/ChangeBatcher.h"
#include "common/ReloadResult.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>

namespace foxreload {

class GamificationEngine;
class Session;

namespace metrics {

// Counts what one session does, for the Prometheus endpoint. It only listens: every figure
// is updated by a signal the pipeline emits anyway, or read when a page is scraped, so an idle
// session costs nothing (no timer, no sampling). Every series carries the `project` label, so
// the pages of several sessions (the desktop app runs one per project) merge into one.
class MetricsCollector : public QObject
{
    Q_OBJECT
public:
    explicit MetricsCollector(const QString& project, QObject* parent = nullptr);
    ~MetricsCollector() override;

    // Follows the session's batches, plans and reloads; server_up is read from it on scrape.
    void attach(Session* session);
    // XP total: the engine's current figure now, and every award from here on.
    void attachGame(GamificationEngine* engine);

    struct ProxyFigures
    {
        qint64 requests = 0; // client requests accepted since start
        int inFlight = 0; // forwarded, not answered yet
    };
    // `foxreload proxy`: where the proxy figures are read on scrape. Without it the proxy
    // families are left out (a `run` has no proxy).
    void setProxySource(std::function<ProxyFigures()> source) { m_proxySource = std::move(source); }
    // Whether a server is serving; read on scrape. Set by attach(); tests may set their own.
    void setServerUpSource(std::function<bool()> source) { m_serverUpSource = std::move(source); }

    QString project() const { return m_project; }
    void setProject(const QString& project) { m_project = project; }

    // The events the signals carry; public so tests can feed them without a server.
    void recordBatch(const ChangeBatch& batch, bool contentChanged);
    void recordReload(const ReloadResult& result);
    void recordBuild(double seconds); // no build step runs yet: kept for server.build
    void setXpTotal(qint64 total);

    QList<MetricFamily> families() const;

    // The labels' known values, written as zero before they first happen, so a rate() over
    // a fresh process has series to work with.
    static const QStringList& strategyLabels(); // hot_reload, service_restart, full_restart
    static const QStringList& restartReasons(); // file_change, escalated, manual, crash_restart

private:
    QString m_project;
    QPointer<Session> m_session;
    std::function<ProxyFigures()> m_proxySource;
    std::function<bool()> m_serverUpSource;
    std::map<std::pair<QString, QString>, quint64> m_reloads; // (strategy, outcome)
    std::map<QString, Histogram> m_reloadDurations; // by strategy
    Histogram m_buildDurations;
    Histogram m_detectionLatency;
    quint64 m_fileEvents = 0;
    quint64 m_batchesChanged = 0;
    quint64 m_batchesUnchanged = 0;
    std::map<QString, quint64> m_restarts; // by reason
    qint64 m_xpTotal = -1; // -1: no game attached
};

} // namespace metrics
} // namespace foxreload
