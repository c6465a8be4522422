#pragma once

#include "config/Config.h"
#include "metrics/MetricsCollector.h"

#include <QObject>

#include <memory>

namespace foxreload {

class GamificationEngine;
class Session;

namespace webhooks {
class WebhookNotifier;
}

namespace resources {
class ResourceMonitor;
}

namespace metrics {

class MetricsEndpoint;

// What watches a session from outside, as its config asks: the Prometheus endpoint
// (metrics.listen), the webhooks (notifications.webhooks) and the resource monitor (resources:). One per
// session; the CLI's run and proxy commands and the desktop app's project controller make one each.
class SessionObservers : public QObject
{
    Q_OBJECT
public:
    SessionObservers(Session* session, const Config& config, QObject* parent = nullptr);
    ~SessionObservers() override;

    // XP and levels for metrics and webhooks; the engine may come later than the session.
    void attachGame(GamificationEngine* engine);
    // `foxreload proxy`: the proxy's figures, read when /metrics is scraped.
    void setProxySource(std::function<MetricsCollector::ProxyFigures()> source);

    // Where /metrics is served ("127.0.0.1:9464"), empty when it is not.
    QString metricsAddress() const;
    // Why the endpoint could not be opened (the session goes on without it), or empty.
    QString metricsError() const { return m_metricsError; }
    MetricsCollector* collector() const { return m_collector; }
    webhooks::WebhookNotifier* notifier() const { return m_notifier; }
    // Null when resources.enabled is false.
    resources::ResourceMonitor* resources() const { return m_resources; }

    // The project label: the name of the project's directory.
    static QString projectLabel(const Config& config);

private:
    MetricsCollector* m_collector = nullptr; // child
    std::shared_ptr<MetricsEndpoint> m_endpoint;
    webhooks::WebhookNotifier* m_notifier = nullptr; // child
    resources::ResourceMonitor* m_resources = nullptr; // child
    QString m_metricsError;
};

} // namespace metrics
} // namespace foxreload
