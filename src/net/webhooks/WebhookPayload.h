#pragma once

#include "config/Config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace foxreload::webhooks {

// Something worth telling a team channel about.
struct WebhookEvent
{
    QString kind; // reload_failed, crash_loop, achievement, level_up
    QString project;
    QString title; // one line: "Reload failed in reynard-server"
    QString text; // one line: what happened
    QString detail; // optional, several lines (the tail of the server's stderr)
    QList<QPair<QString, QString>> fields; // short facts: strategy, trigger, files
    QDateTime timeUtc;
};

// The body of the POST, in the shape the service documents:
// - slack: an incoming webhook message, {"text", "blocks": [section (mrkdwn), ...]}
//   (api.slack.com/messaging/webhooks); text and blocks escaped as Slack asks (&, <, >).
// - discord: an Execute Webhook body, {"username", "content", "embeds": [{title, description,
//   color, fields, timestamp}]} within Discord's length limits.
// - generic: {"source": "foxreload", "event", "project", "title", "text", "detail", "fields", "time"}.
QJsonObject payloadFor(WebhookFormat format, const WebhookEvent& event);

QString slackEscaped(const QString& text);
// Cuts `text` to `limit` characters, ending with "…" when it had to.
QString truncated(const QString& text, qsizetype limit);

} // namespace foxreload::webhooks
