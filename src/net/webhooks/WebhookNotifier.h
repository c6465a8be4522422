#pragma once

#include "WebhookPayload.h"
#include "WebhookSender.h"
#include "common/ReloadResult.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>
#include <vector>

namespace foxreload {

class GamificationEngine;
class Session;

namespace webhooks {

// Turns a session's events into webhook POSTs (notifications.webhooks): each configured
// webhook gets the events it subscribed to, in its service's format. It only listens to the
// pipeline's signals and queues; a slow or broken endpoint never delays a reload.
class WebhookNotifier : public QObject
{
    Q_OBJECT
public:
    WebhookNotifier(const QList<WebhookSettings>& hooks, const QString& project, QObject* parent = nullptr);
    ~WebhookNotifier() override;

    void attach(Session* session); // reload_failed, crash_loop
    void attachGame(GamificationEngine* engine); // achievement, level_up

    // To every webhook that subscribed to event.kind. The number of POSTs queued.
    int notify(const WebhookEvent& event);

    WebhookEvent reloadFailedEvent(const ReloadResult& result) const;
    WebhookEvent crashLoopEvent(const QString& message) const;

    int hookCount() const { return int(m_hooks.size()); }
    WebhookSender* sender(int index) const { return m_hooks.at(size_t(index)).sender; }
    // Tests shorten timeouts and backoff.
    void setLimits(const WebhookSender::Limits& limits);

private:
    struct Hook
    {
        WebhookSettings settings;
        WebhookSender* sender = nullptr; // child
    };

    QString m_project;
    QNetworkAccessManager m_network;
    std::vector<Hook> m_hooks;
};

} // namespace webhooks
} // namespace foxreload
