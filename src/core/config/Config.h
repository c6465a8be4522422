#pragma once

#include "common/ReloadStrategy.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace foxreload {

// The whole of FoxReload's settings, as plain structs with their defaults.
// ConfigLoader fills them from .foxreload.yaml and validates them; ConfigWriter
// writes them back. Every path is absolute once loaded.

enum class RestartMode { BlueGreen, StopStart };

// "blue_green" / "stop_start", the config spelling.
QString restartModeName(RestartMode mode);
std::optional<RestartMode> restartModeFromName(QStringView name);

// How FoxReload talks to the server it starts: its stdin/stdout, or Streamable HTTP at server.url.
enum class ServerTransport { Stdio, Http };

// "stdio" / "http", the config spelling.
inline QString serverTransportName(ServerTransport transport)
{
    return transport == ServerTransport::Http ? QStringLiteral("http") : QStringLiteral("stdio");
}
inline std::optional<ServerTransport> serverTransportFromName(QStringView name)
{
    if (name == u"stdio")
        return ServerTransport::Stdio;
    if (name == u"http")
        return ServerTransport::Http;
    return std::nullopt;
}

// The watcher backends a config may ask for; "auto" picks the best one for the platform.
QStringList watchBackendNames();

struct HotReloadSettings
{
    QString method = QStringLiteral("foxreload/reload");
    int timeoutMs = 2000;

    friend bool operator==(const HotReloadSettings&, const HotReloadSettings&) = default;
};

// A build step (server.build): run in server.cwd before every (re)start of the server, and
// before a hot reload whose rule says build: true. No command: no build step.
struct BuildSettings
{
    QString command;
    QStringList args;

    bool enabled() const { return !command.isEmpty(); }
    friend bool operator==(const BuildSettings&, const BuildSettings&) = default;
};

struct ServerSettings
{
    QString command;
    QStringList args;
    QString cwd; // absolute; defaults to the project root
    QMap<QString, QString> env;
    HotReloadSettings hotReload;
    int shutdownGraceMs = 2000;
    int readyTimeoutMs = 10000; // handshake must be answered within this
    RestartMode restartMode = RestartMode::BlueGreen;
    int crashLoopLimit = 5; // this many unexpected exits ...
    int crashLoopWindowMs = 30000; // ... within this window stop the retries
    int stderrTailLines = 200; // kept in memory, shown on failure
    ServerTransport transport = ServerTransport::Stdio;
    // Where an HTTP server listens; {port} is a free port picked for each server generation
    // (also given to the server as env PORT and substituted in args).
    QString url = QStringLiteral("http://127.0.0.1:{port}/mcp");
    BuildSettings build;
    int buildTimeoutMs = 300000; // a build still running after this is stopped and counts as failed

    friend bool operator==(const ServerSettings&, const ServerSettings&) = default;
};

struct WatchSettings
{
    QStringList paths; // absolute files or directories
    QStringList exclude; // globs relative to the project root
    bool respectGitignore = true;
    int debounceMs = 50;
    int maxWaitMs = 1000; // a stream of events cannot postpone a batch longer than this
    int settleMs = 5; // with close events (inotify): a batch closes this long after its writes end; 0: off
    int maxReloadsPerMinute = 10;
    QString backend = QStringLiteral("auto"); // auto | inotify | qt | polling
    int pollIntervalMs = 1000;
    // A changed module no rule names takes its strategy from the modules that import it.
    bool followImports = true;

    friend bool operator==(const WatchSettings&, const WatchSettings&) = default;
};

struct Rule
{
    QString match; // glob relative to the project root
    ReloadStrategy strategy = ReloadStrategy::FullRestart;
    QStringList components;
    int line = 0; // where the rule stands in the config file (0: not from a file)
    bool build = false; // a hot reload of these files runs server.build first
    bool fixed = false; // the strategy learner never changes what this rule says

    // Same setting; where it was written (line) does not count.
    friend bool operator==(const Rule& a, const Rule& b)
    {
        return a.match == b.match && a.strategy == b.strategy && a.components == b.components
            && a.build == b.build && a.fixed == b.fixed;
    }
};

struct GamificationSettings
{
    bool enabled = true;
    double xpMultiplier = 1.0;
    bool notifications = true;
    QString player; // who earns this project's XP; empty: the OS login name (platform::loginName)
    QString team; // shown beside the player on the leaderboard; empty: none

    friend bool operator==(const GamificationSettings&, const GamificationSettings&) = default;
};

struct HistorySettings
{
    int retentionDays = 90; // raw rows older than this are folded into daily totals
    int maxRawReloads = 200000; // and never more raw reload rows than this

    friend bool operator==(const HistorySettings&, const HistorySettings&) = default;
};

struct ProxySettings
{
    int requestGraceMs = 5000; // in-flight requests may finish within this before a planned restart
    int maxQueuedRequests = 1000; // held while no server is ready
    QString listen; // "HOST:PORT" of the Streamable HTTP front (`proxy --listen`); empty: stdio only

    friend bool operator==(const ProxySettings&, const ProxySettings&) = default;
};

// Where the Prometheus endpoint (GET /metrics) listens, "HOST:PORT"; empty: no endpoint.
struct MetricsSettings
{
    QString listen;

    friend bool operator==(const MetricsSettings&, const MetricsSettings&) = default;
};

// FoxReload's own budget (resources:). Over it, FoxReload throttles what it controls and says
// so; the server's figures are shown, never budgeted (src/core/resources).
struct ResourceSettings
{
    bool enabled = true;
    double maxCpuPercent = 5.0; // of one core
    int maxRssMb = 50;

    friend bool operator==(const ResourceSettings&, const ResourceSettings&) = default;
};

// One webhook: where events are POSTed and in which service's payload shape.
enum class WebhookFormat { Slack, Discord, Generic };
QString webhookFormatName(WebhookFormat format); // "slack", "discord", "generic"
std::optional<WebhookFormat> webhookFormatFromName(QStringView name);
// The events a webhook may subscribe to: reload_failed, crash_loop, achievement, level_up.
QStringList webhookEventNames();
// A webhook URL carries its secret in the path (Slack, Discord): shown as scheme://host/… only.
QString redactedUrl(const QString& url);

struct WebhookSettings
{
    QString url; // a secret: never printed in full
    WebhookFormat format = WebhookFormat::Generic;
    QStringList events { QStringLiteral("reload_failed"), QStringLiteral("crash_loop") };

    friend bool operator==(const WebhookSettings&, const WebhookSettings&) = default;
};

struct NotificationSettings
{
    QList<WebhookSettings> webhooks;

    friend bool operator==(const NotificationSettings&, const NotificationSettings&) = default;
};

struct Config
{
    QString sourceFile; // absolute path of the YAML file, empty when built from flags
    QByteArray sourceSha256; // hex SHA-256 of the exact bytes parsed; what trust is checked against
    QString projectRoot; // absolute; patterns and relative paths are anchored here
    ServerSettings server;
    WatchSettings watch;
    QList<Rule> rules;
    ReloadStrategy defaultStrategy = ReloadStrategy::FullRestart;
    GamificationSettings gamification;
    HistorySettings history;
    ProxySettings proxy;
    MetricsSettings metrics;
    ResourceSettings resources;
    NotificationSettings notifications;
    QString database; // empty: QStandardPaths::AppDataLocation/history.sqlite

    // The defaults used when there is no config file: watch the project root,
    // keep the usual clutter out, restart on every change.
    static Config defaults(const QString& projectRoot);
    static QStringList defaultExcludes();

    // Same settings. Which file (and which bytes) they were read from does not count,
    // so a config written elsewhere and read back compares equal.
    friend bool operator==(const Config& a, const Config& b);
};

} // namespace foxreload
