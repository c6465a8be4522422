#pragma once

#include "WebhookPayload.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <deque>

class QNetworkReply;

namespace foxreload::webhooks {

// POSTs JSON bodies to one webhook URL, off the reload path: send() only queues and returns.
//
// - Each POST has a timeout; a timeout, a network error, 429 or a 5xx answer is retried with
//   exponential backoff (429's Retry-After is honoured, within bounds), then given up on.
// - A rate limit: at most maxPerMinute POSTs start in any 60 s; what is over it is dropped
//   and counted (a crash loop must not flood a channel), and said once per minute in the log.
// - The URL is a secret (Slack and Discord put the token in the path): logs and errors show
//   it as scheme://host/… only.
// Nothing runs while nothing is queued: no timer ticks when idle.
class WebhookSender : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        std::chrono::milliseconds timeout { 5000 };
        int retries = 3; // after the first attempt
        std::chrono::milliseconds backoff { 1000 }; // first retry; doubles each time
        std::chrono::milliseconds maxBackoff { 60000 };
        int maxPerMinute = 10;
        std::chrono::milliseconds window { 60000 }; // the rate limit's window
    };

    WebhookSender(const QUrl& url, QNetworkAccessManager* network, QObject* parent = nullptr);
    ~WebhookSender() override;

    void setLimits(const Limits& limits) { m_limits = limits; }
    const Limits& limits() const { return m_limits; }

    // Queues one POST; false when the rate limit dropped it.
    bool send(const QJsonObject& body);

    QString shownUrl() const; // scheme://host/…
    int inFlight() const { return m_inFlight; }
    int delivered() const { return m_delivered; }
    int failed() const { return m_failed; }
    int dropped() const { return m_dropped; }

Q_SIGNALS:
    void deliveredOne();
    // Given up after the retries; `error` never holds the URL.
    void gaveUp(const QString& error);
    void droppedOne();

private:
    void attempt(const QByteArray& body, int attemptNumber);
    void onFinished(QNetworkReply* reply, const QByteArray& body, int attemptNumber);
    QString describeFailure(QNetworkReply* reply) const;

    QUrl m_url;
    QNetworkAccessManager* m_network;
    Limits m_limits;
    std::deque<std::chrono::steady_clock::time_point> m_recentStarts;
    std::chrono::steady_clock::time_point m_lastDropWarning {};
    int m_inFlight = 0; // POSTs running or waiting for a retry
    int m_delivered = 0;
    int m_failed = 0;
    int m_dropped = 0;
};

} // namespace foxreload::webhooks
