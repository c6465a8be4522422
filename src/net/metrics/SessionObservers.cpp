#include "SessionObservers.h"

#include "MetricsEndpoint.h"
#include "metrics/MetricsLog.h"
#include "net/webhooks/WebhookNotifier.h"
#include "resources/SessionResources.h"
#include "session/Session.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::metrics {

SessionObservers::SessionObservers(Session* session, const Config& config, QObject* parent)
    : QObject(parent)
{
    const QString project = projectLabel(config);
    if (!config.metrics.listen.isEmpty()) {
        m_collector = new MetricsCollector(project, this);
        m_collector->attach(session);
        m_endpoint = MetricsEndpoint::shared(config.metrics.listen, &m_metricsError);
        if (m_endpoint)
            m_endpoint->add(m_collector);
        else
            qCWarning(lcMetrics).noquote() << "no /metrics endpoint:" << m_metricsError;
    }
    if (!config.notifications.webhooks.isEmpty()) {
        m_notifier = new webhooks::WebhookNotifier(config.notifications.webhooks, project, this);
        m_notifier->attach(session);
    }
    m_resources = resources::monitorSession(session, config, this);
}

SessionObservers::~SessionObservers()
{
    if (m_endpoint && m_collector)
        m_endpoint->remove(m_collector);
}

QString SessionObservers::projectLabel(const Config& config)
{
    const QString name = QFileInfo(config.projectRoot).fileName();
    return name.isEmpty() ? u"project"_s : name;
}

void SessionObservers::attachGame(GamificationEngine* engine)
{
    if (m_collector)
        m_collector->attachGame(engine);
    if (m_notifier)
        m_notifier->attachGame(engine);
}

void SessionObservers::setProxySource(std::function<MetricsCollector::ProxyFigures()> source)
{
    if (m_collector)
        m_collector->setProxySource(std::move(source));
}

QString SessionObservers::metricsAddress() const
{
    return m_endpoint ? m_endpoint->address() : QString();
}

} // namespace foxreload::metrics
