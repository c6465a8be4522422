#include "WebhookSender.h"

#include "WebhookLog.h"
#include "config/Config.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace foxreload::webhooks {

WebhookSender::WebhookSender(const QUrl& url, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_url(url)
    , m_network(network)
{ }

WebhookSender::~WebhookSender() = default;

QString WebhookSender::shownUrl() const
{
    return redactedUrl(m_url.toString());
}

bool WebhookSender::send(const QJsonObject& body)
{
    const auto now = Clock::now();
    while (!m_recentStarts.empty() && now - m_recentStarts.front() >= m_limits.window)
        m_recentStarts.pop_front();
    if (int(m_recentStarts.size()) >= m_limits.maxPerMinute) {
        ++m_dropped;
        if (now - m_lastDropWarning >= m_limits.window || m_lastDropWarning == Clock::time_point {}) {
            m_lastDropWarning = now;
            qCWarning(lcWebhooks).noquote()
                << "webhook" << shownUrl() << "rate limit of" << m_limits.maxPerMinute
                << "per minute reached; further notifications are dropped for now";
        }
        Q_EMIT droppedOne();
        return false;
    }
    m_recentStarts.push_back(now);
    ++m_inFlight;
    attempt(QJsonDocument(body).toJson(QJsonDocument::Compact), 0);
    return true;
}

void WebhookSender::attempt(const QByteArray& body, int attemptNumber)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"FoxReload"_s);
    request.setTransferTimeout(int(m_limits.timeout.count()));
    // A webhook that redirects elsewhere is not followed to another host with the body.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    QNetworkReply* reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, body, attemptNumber] { onFinished(reply, body, attemptNumber); });
}

QString WebhookSender::describeFailure(QNetworkReply* reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0)
        return u"HTTP %1"_s.arg(status);
    if (reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError)
        return u"no answer within %1 ms"_s.arg(m_limits.timeout.count());
    // Qt's texts name the URL: it is cut out.
    QString text = reply->errorString();
    for (const QString& form :
        { m_url.toString(), QString::fromUtf8(m_url.toEncoded()), m_url.toDisplayString() })
        text.replace(form, shownUrl());
    return text;
}

void WebhookSender::onFinished(QNetworkReply* reply, const QByteArray& body, int attemptNumber)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        --m_inFlight;
        ++m_delivered;
        qCDebug(lcWebhooks).noquote() << "webhook" << shownUrl() << "delivered, HTTP" << status;
        Q_EMIT deliveredOne();
        return;
    }
    const QString failure = describeFailure(reply);
    // 4xx other than 429 will not get better by asking again (a deleted webhook is 404).
    const bool retryable = status == 0 || status == 429 || status >= 500;
    if (!retryable || attemptNumber >= m_limits.retries) {
        --m_inFlight;
        ++m_failed;
        qCWarning(lcWebhooks).noquote() << "webhook" << shownUrl() << "gave up after" << attemptNumber + 1
                                        << (attemptNumber == 0 ? "attempt:" : "attempts:") << failure;
        Q_EMIT gaveUp(failure);
        return;
    }
    std::chrono::milliseconds delay = m_limits.backoff * (1LL << std::min(attemptNumber, 20));
    if (status == 429) {
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (ok && retryAfter >= 0)
            delay = std::max(delay, std::chrono::milliseconds(qint64(retryAfter) * 1000));
    }
    delay = std::min(delay, m_limits.maxBackoff);
    qCInfo(lcWebhooks).noquote() << "webhook" << shownUrl() << failure << "; retrying in" << delay.count()
                                 << "ms";
    QTimer::singleShot(delay, this, [this, body, attemptNumber] { attempt(body, attemptNumber + 1); });
}

} // namespace foxreload::webhooks
