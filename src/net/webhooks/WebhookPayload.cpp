#include "WebhookPayload.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload::webhooks {

namespace {
// Slack: a section's text holds at most 3000 characters, a message's fallback text 40,000.
constexpr qsizetype kSlackSectionLimit = 3000;
// Discord: embed title 256, description 4096, field name 256 and value 1024, content 2000.
constexpr qsizetype kDiscordTitleLimit = 256;
constexpr qsizetype kDiscordDescriptionLimit = 4096;
constexpr qsizetype kDiscordFieldNameLimit = 256;
constexpr qsizetype kDiscordFieldValueLimit = 1024;
constexpr qsizetype kDiscordContentLimit = 2000;
constexpr qsizetype kGenericDetailLimit = 16000;

int discordColour(const QString& kind)
{
    if (kind == u"reload_failed" || kind == u"crash_loop")
        return 0xED4245; // Discord's red
    return 0x57F287; // green: achievements, levels
}

QString codeBlock(const QString& text, const QString& language = {})
{
    QString body = text;
    body.replace(u"```"_s, u"`\u200b``"_s); // a fence inside cannot close the block early
    return u"```"_s + language + u'\n' + body + u"\n```"_s;
}

QString isoTime(const QDateTime& time)
{
    return (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject slack(const WebhookEvent& event)
{
    const QString headline = u'*' + slackEscaped(event.title) + u"*\n"_s + slackEscaped(event.text);
    QJsonArray blocks;
    blocks.append(QJsonObject { { u"type"_s, u"section"_s },
        { u"text"_s,
            QJsonObject {
                { u"type"_s, u"mrkdwn"_s }, { u"text"_s, truncated(headline, kSlackSectionLimit) } } } });
    if (!event.fields.isEmpty()) {
        QJsonArray fields;
        for (const auto& [name, value] : event.fields)
            fields.append(QJsonObject { { u"type"_s, u"mrkdwn"_s },
                { u"text"_s, truncated(u'*' + slackEscaped(name) + u"*\n"_s + slackEscaped(value), 2000) } });
        // A section holds at most 10 fields.
        while (fields.size() > 10)
            fields.removeLast();
        blocks.append(QJsonObject { { u"type"_s, u"section"_s }, { u"fields"_s, fields } });
    }
    if (!event.detail.isEmpty()) {
        // The tail of a traceback is the part that says what broke.
        const QString detail = slackEscaped(event.detail).right(kSlackSectionLimit - 8);
        blocks.append(QJsonObject { { u"type"_s, u"section"_s },
            { u"text"_s, QJsonObject { { u"type"_s, u"mrkdwn"_s }, { u"text"_s, codeBlock(detail) } } } });
    }
    blocks.append(QJsonObject { { u"type"_s, u"context"_s },
        { u"elements"_s,
            QJsonArray { QJsonObject { { u"type"_s, u"mrkdwn"_s },
                { u"text"_s, QString(u"🦊 FoxReload · "_s + slackEscaped(event.project)) } } } } });
    // "text" is what notifications and clients without blocks show.
    return QJsonObject { { u"text"_s, slackEscaped(event.title + u": "_s + event.text) },
        { u"blocks"_s, blocks } };
}

QJsonObject discord(const WebhookEvent& event)
{
    QString description = event.text;
    if (!event.detail.isEmpty()) {
        const qsizetype room = kDiscordDescriptionLimit - description.size() - 10;
        if (room > 100)
            description += u'\n' + codeBlock(event.detail.right(room));
    }
    QJsonArray fields;
    for (const auto& [name, value] : event.fields)
        fields.append(QJsonObject { { u"name"_s, truncated(name, kDiscordFieldNameLimit) },
            { u"value"_s, truncated(value.isEmpty() ? u"—"_s : value, kDiscordFieldValueLimit) },
            { u"inline"_s, true } });
    const QJsonObject embed { { u"title"_s, truncated(event.title, kDiscordTitleLimit) },
        { u"description"_s, truncated(description, kDiscordDescriptionLimit) },
        { u"color"_s, discordColour(event.kind) }, { u"fields"_s, fields },
        { u"footer"_s, QJsonObject { { u"text"_s, QString(u"FoxReload · "_s + event.project) } } },
        { u"timestamp"_s, isoTime(event.timeUtc) } };
    return QJsonObject { { u"username"_s, u"FoxReload"_s },
        { u"content"_s, truncated(event.title, kDiscordContentLimit) }, { u"embeds"_s, QJsonArray { embed } },
        // Whatever a file name or an error says, nobody is pinged.
        { u"allowed_mentions"_s, QJsonObject { { u"parse"_s, QJsonArray {} } } } };
}

QJsonObject generic(const WebhookEvent& event)
{
    QJsonObject fields;
    for (const auto& [name, value] : event.fields)
        fields.insert(name, value);
    return QJsonObject { { u"source"_s, u"foxreload"_s }, { u"event"_s, event.kind },
        { u"project"_s, event.project }, { u"title"_s, event.title }, { u"text"_s, event.text },
        { u"detail"_s, event.detail.right(kGenericDetailLimit) }, { u"fields"_s, fields },
        { u"time"_s, isoTime(event.timeUtc) } };
}
} // namespace

QString slackEscaped(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    return escaped;
}

QString truncated(const QString& text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    return text.left(limit - 1) + u"…"_s;
}

QJsonObject payloadFor(WebhookFormat format, const WebhookEvent& event)
{
    switch (format) {
    case WebhookFormat::Slack:
        return slack(event);
    case WebhookFormat::Discord:
        return discord(event);
    case WebhookFormat::Generic:
        break;
    }
    return generic(event);
}

} // namespace foxreload::webhooks
