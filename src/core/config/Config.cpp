#include "Config.h"

#include <QDir>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace foxreload {

QString restartModeName(RestartMode mode)
{
    return mode == RestartMode::StopStart ? u"stop_start"_s : u"blue_green"_s;
}

std::optional<RestartMode> restartModeFromName(QStringView name)
{
    if (name == u"blue_green")
        return RestartMode::BlueGreen;
    if (name == u"stop_start")
        return RestartMode::StopStart;
    return std::nullopt;
}

QStringList watchBackendNames()
{
    return { u"auto"_s, u"inotify"_s, u"qt"_s, u"polling"_s };
}

QString webhookFormatName(WebhookFormat format)
{
    switch (format) {
    case WebhookFormat::Slack:
        return u"slack"_s;
    case WebhookFormat::Discord:
        return u"discord"_s;
    case WebhookFormat::Generic:
        break;
    }
    return u"generic"_s;
}

std::optional<WebhookFormat> webhookFormatFromName(QStringView name)
{
    if (name == u"slack")
        return WebhookFormat::Slack;
    if (name == u"discord")
        return WebhookFormat::Discord;
    if (name == u"generic")
        return WebhookFormat::Generic;
    return std::nullopt;
}

QStringList webhookEventNames()
{
    return { u"reload_failed"_s, u"crash_loop"_s, u"achievement"_s, u"level_up"_s };
}

QString redactedUrl(const QString& url)
{
    // Parsed leniently: even a malformed URL must not come out whole.
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.scheme().isEmpty() || parsed.host().isEmpty())
        return u"(a URL, hidden)"_s;
    return parsed.scheme() + u"://"_s + parsed.host()
        + (parsed.port() > 0 ? u':' + QString::number(parsed.port()) : QString()) + u"/…"_s;
}

Config Config::defaults(const QString& projectRoot)
{
    Config config;
    config.projectRoot = QDir::cleanPath(QDir(projectRoot).absolutePath());
    config.server.cwd = config.projectRoot;
    config.watch.paths = { config.projectRoot };
    config.watch.exclude = defaultExcludes();
    return config;
}

QStringList Config::defaultExcludes()
{
    // Clutter that never changes what a server does: hidden files and VCS/editor state,
    // caches, dependency and build output, editor swap and backup files. Test trees are
    // deliberately not on this list: in a project without a config we cannot know
    // whether the server imports them.
    return {
        u"**/.*"_s,
        u"**/__pycache__/**"_s,
        u"**/*.pyc"_s,
        u"**/node_modules/**"_s,
        u"**/build/**"_s,
        u"**/dist/**"_s,
        u"**/target/**"_s,
        u"**/*.swp"_s,
        u"**/*~"_s,
        u"**/*.tmp"_s,
    };
}

bool operator==(const Config& a, const Config& b)
{
    return a.projectRoot == b.projectRoot && a.server == b.server && a.watch == b.watch && a.rules == b.rules
        && a.defaultStrategy == b.defaultStrategy && a.gamification == b.gamification
        && a.history == b.history && a.proxy == b.proxy && a.metrics == b.metrics
        && a.resources == b.resources && a.notifications == b.notifications && a.database == b.database;
}

} // namespace foxreload
