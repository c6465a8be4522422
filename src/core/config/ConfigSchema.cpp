#include "ConfigSchema.h"

#include "KeySuggestion.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

QStringList restartModes()
{
    return { u"blue_green"_s, u"stop_start"_s };
}

QStringList transports()
{
    return { u"stdio"_s, u"http"_s };
}

QStringList strategies()
{
    return { u"none"_s, u"hot_reload"_s, u"service_restart"_s, u"full_restart"_s };
}

QStringList webhookFormats()
{
    return { u"slack"_s, u"discord"_s, u"generic"_s };
}

const QString kMs = u"milliseconds"_s;

ConfigKeyInfo key(const QString& path, ConfigType type, const QString& defaultText, const QString& doc)
{
    ConfigKeyInfo row;
    row.path = path;
    row.type = type;
    row.defaultText = defaultText;
    row.doc = doc;
    return row;
}

ConfigKeyInfo section(const QString& path, const QString& doc)
{
    return key(path, ConfigType::Section, QString(), doc);
}

// A plain row's default is the one Config.h gives its field, filled in by configSchema().
ConfigKeyInfo plain(const QString& path, ConfigType type, ConfigAccess access, const QString& doc)
{
    ConfigKeyInfo row = key(path, type, QString(), doc);
    row.access = access;
    return row;
}

// A plain row whose empty default means something else (the login name): docs show that.
ConfigKeyInfo withDefaultText(ConfigKeyInfo row, const QString& defaultText)
{
    row.defaultText = defaultText;
    return row;
}

ConfigKeyInfo number(const QString& path, ConfigType type, double min, double max, const QString& unit,
    ConfigAccess access, const QString& doc)
{
    ConfigKeyInfo row = plain(path, type, access, doc);
    row.min = min;
    row.max = max;
    row.unit = unit;
    return row;
}

ConfigKeyInfo choice(const QString& path, QStringList (*choices)(), ConfigAccess access, const QString& doc,
    const QString& defaultText = QString())
{
    ConfigKeyInfo row = plain(path, ConfigType::Choice, access, doc);
    row.choices = choices;
    row.defaultText = defaultText;
    return row;
}

QList<ConfigKeyInfo> buildSchema()
{
    using T = ConfigType;
    QList<ConfigKeyInfo> rows {
        section(u"server"_s, u"How to start and stop the MCP server."_s),
        key(u"server.command"_s, T::Command, u"required"_s, u"The program that starts the server."_s),
        key(u"server.args"_s, T::StringList, u"[]"_s, u"Its arguments, one list item each."_s),
        key(u"server.args[]"_s, T::String, QString(), u"One argument."_s),
        key(u"server.cwd"_s, T::Path, u"the project root"_s, u"The server's working directory."_s),
        key(u"server.env"_s, T::StringMap, u"{}"_s, u"Extra environment variables."_s),
        key(u"server.env.*"_s, T::String, QString(), u"One environment variable."_s),
        section(u"server.hot_reload"_s, u"The hot reload request."_s),
        plain(u"server.hot_reload.method"_s, T::String,
            field<&Config::server, &ServerSettings::hotReload, &HotReloadSettings::method>(),
            u"The JSON-RPC method sent for a hot reload or service restart."_s),
        number(u"server.hot_reload.timeout_ms"_s, T::Int, 1, 600000, kMs,
            field<&Config::server, &ServerSettings::hotReload, &HotReloadSettings::timeoutMs>(),
            u"How long to wait for the hot reload's answer."_s),
        number(u"server.shutdown_grace_ms"_s, T::Int, 0, 600000, kMs,
            field<&Config::server, &ServerSettings::shutdownGraceMs>(),
            u"How long a stopping server may take before it is terminated."_s),
        number(u"server.ready_timeout_ms"_s, T::Int, 100, 600000, kMs,
            field<&Config::server, &ServerSettings::readyTimeoutMs>(),
            u"How long a started server may take to answer the MCP handshake."_s),
        choice(u"server.restart_mode"_s, restartModes,
            namedField<restartModeName, restartModeFromName, &Config::server, &ServerSettings::restartMode>(),
            u"blue_green: start the new server before stopping the old; stop_start: the other way round."_s),
        section(u"server.crash_loop"_s, u"When to stop restarting a crashing server."_s),
        number(u"server.crash_loop.limit"_s, T::Int, 1, 1000, u"exits"_s,
            field<&Config::server, &ServerSettings::crashLoopLimit>(), u"This many unexpected exits ..."_s),
        number(u"server.crash_loop.window_ms"_s, T::Int, 1000, 3600000, kMs,
            field<&Config::server, &ServerSettings::crashLoopWindowMs>(),
            u"... within this window stop the restarts."_s),
        number(u"server.stderr_tail_lines"_s, T::Int, 0, 100000, u"lines"_s,
            field<&Config::server, &ServerSettings::stderrTailLines>(),
            u"How many recent stderr lines are kept to show on failure."_s),
        choice(u"server.transport"_s, transports,
            namedField<serverTransportName, serverTransportFromName, &Config::server,
                &ServerSettings::transport>(),
            u"stdio: the server's stdin/stdout; http: Streamable HTTP at server.url."_s),
        key(u"server.url"_s, T::Url, u"http://127.0.0.1:{port}/mcp"_s,
            u"Where an HTTP server listens; {port} is a free port picked per start."_s),
        section(u"server.build"_s, u"A build step run before every start."_s),
        key(u"server.build.command"_s, T::Command, u"none (no build step)"_s,
            u"The build command, run in server.cwd."_s),
        key(u"server.build.args"_s, T::StringList, u"[]"_s, u"The build command's arguments."_s),
        key(u"server.build.args[]"_s, T::String, QString(), u"One argument."_s),
        number(u"server.build_timeout_ms"_s, T::Int, 100, 3600000, kMs,
            field<&Config::server, &ServerSettings::buildTimeoutMs>(),
            u"A build still running after this is stopped and fails."_s),

        section(u"watch"_s, u"Which files are watched and how changes are grouped."_s),
        key(u"watch.paths"_s, T::PathList, u"the project root"_s, u"Files and directories to watch."_s),
        key(u"watch.paths[]"_s, T::Path, QString(), u"One file or directory."_s),
        key(u"watch.exclude"_s, T::PatternList, u"see [below](#default-excludes)"_s,
            u"Patterns of paths never looked at (replaces the defaults)."_s),
        key(u"watch.exclude[]"_s, T::Pattern, QString(), u"One pattern."_s),
        plain(u"watch.respect_gitignore"_s, T::Bool,
            field<&Config::watch, &WatchSettings::respectGitignore>(),
            u"Also skip what .gitignore files ignore."_s),
        number(u"watch.debounce_ms"_s, T::Int, 0, 60000, kMs,
            field<&Config::watch, &WatchSettings::debounceMs>(),
            u"A batch closes once nothing has changed for this long."_s),
        number(u"watch.max_wait_ms"_s, T::Int, 0, 600000, kMs,
            field<&Config::watch, &WatchSettings::maxWaitMs>(),
            u"A stream of changes cannot put a batch off longer than this."_s),
        number(u"watch.settle_ms"_s, T::Int, 0, 60000, kMs, field<&Config::watch, &WatchSettings::settleMs>(),
            u"After the last write of a batch is closed, wait this long for more before closing the batch; 0 turns it off; only backends that report file closes (inotify) use it."_s),
        number(u"watch.max_reloads_per_minute"_s, T::Int, 0, 6000, u"reloads (0: no limit)"_s,
            field<&Config::watch, &WatchSettings::maxReloadsPerMinute>(),
            u"A ceiling on reloads; above it they are postponed, never dropped."_s),
        choice(u"watch.backend"_s, watchBackendNames, field<&Config::watch, &WatchSettings::backend>(),
            u"How changes are detected."_s),
        number(u"watch.poll_interval_ms"_s, T::Int, 50, 3600000, kMs,
            field<&Config::watch, &WatchSettings::pollIntervalMs>(),
            u"How often the polling backend scans."_s),
        plain(u"watch.follow_imports"_s, T::Bool, field<&Config::watch, &WatchSettings::followImports>(),
            u"A changed module no rule names takes its strategy from its importers."_s),

        key(u"rules"_s, T::List, u"[]"_s,
            u"Which strategy a change to which files takes; the first match wins."_s),
        section(u"rules[]"_s, u"One rule."_s),
        key(u"rules[].match"_s, T::Pattern, u"required"_s, u"The files the rule is for."_s),
        choice(u"rules[].strategy"_s, strategies, {}, u"What a change to them does."_s, u"required"_s),
        key(u"rules[].components"_s, T::StringList, u"[]"_s,
            u"Names passed to the server with a hot reload or service restart."_s),
        key(u"rules[].components[]"_s, T::String, QString(), u"One component."_s),
        key(u"rules[].build"_s, T::Bool, u"false"_s,
            u"A hot reload of these files runs server.build first."_s),
        key(u"rules[].fixed"_s, T::Bool, u"false"_s,
            u"The strategy is never changed by what FoxReload learned from failing reloads."_s),
        choice(u"default_strategy"_s, strategies,
            namedField<strategyName, strategyFromName, &Config::defaultStrategy>(),
            u"The strategy of a changed file no rule matches."_s),

        section(u"gamification"_s, u"XP, levels and achievements."_s),
        plain(u"gamification.enabled"_s, T::Bool,
            field<&Config::gamification, &GamificationSettings::enabled>(),
            u"Turns the whole thing on or off."_s),
        number(u"gamification.xp_multiplier"_s, T::Double, 0.0, 10.0, QString(),
            field<&Config::gamification, &GamificationSettings::xpMultiplier>(),
            u"Scales the XP earned in this project."_s),
        plain(u"gamification.notifications"_s, T::Bool,
            field<&Config::gamification, &GamificationSettings::notifications>(),
            u"Desktop notifications for level-ups and achievements."_s),
        withDefaultText(plain(u"gamification.player"_s, T::String,
                            field<&Config::gamification, &GamificationSettings::player>(),
                            u"Who earns the XP: each player has a game of their own in a shared database."_s),
            u"your login name"_s),
        withDefaultText(plain(u"gamification.team"_s, T::String,
                            field<&Config::gamification, &GamificationSettings::team>(),
                            u"The player's team on the leaderboard."_s),
            u"none"_s),

        section(u"history"_s, u"How long the raw history is kept."_s),
        number(u"history.retention_days"_s, T::Int, 1, 36500, u"days"_s,
            field<&Config::history, &HistorySettings::retentionDays>(),
            u"Raw rows older than this are folded into daily totals."_s),
        number(u"history.max_raw_reloads"_s, T::Int, 1000, 100000000, u"reloads"_s,
            field<&Config::history, &HistorySettings::maxRawReloads>(),
            u"Never more raw reload rows than this."_s),

        section(u"proxy"_s, u"Settings of foxreload proxy."_s),
        number(u"proxy.request_grace_ms"_s, T::Int, 0, 600000, kMs,
            field<&Config::proxy, &ProxySettings::requestGraceMs>(),
            u"In-flight requests may finish within this before a planned restart."_s),
        number(u"proxy.max_queued_requests"_s, T::Int, 0, 1000000, u"requests"_s,
            field<&Config::proxy, &ProxySettings::maxQueuedRequests>(),
            u"Requests held while no server is ready."_s),
        key(u"proxy.listen"_s, T::ListenAddress, u"none"_s,
            u"HOST:PORT of the Streamable HTTP front; empty: stdio only."_s),

        section(u"metrics"_s, u"The Prometheus endpoint."_s),
        key(u"metrics.listen"_s, T::ListenAddress, u"empty: no endpoint"_s,
            u"HOST:PORT of GET /metrics; empty: no endpoint."_s),

        section(u"resources"_s, u"FoxReload's own CPU and memory budget."_s),
        plain(u"resources.enabled"_s, T::Bool, field<&Config::resources, &ResourceSettings::enabled>(),
            u"false: no measuring, no throttling."_s),
        number(u"resources.max_cpu_percent"_s, T::Double, 0.1, 10000.0, QString(),
            field<&Config::resources, &ResourceSettings::maxCpuPercent>(),
            u"FoxReload's own CPU, in percent of one core."_s),
        number(u"resources.max_rss_mb"_s, T::Int, 1, 1048576, u"MB"_s,
            field<&Config::resources, &ResourceSettings::maxRssMb>(),
            u"FoxReload's own resident memory, in MB."_s),

        section(u"notifications"_s, u"Where events are POSTed."_s),
        key(u"notifications.webhooks"_s, T::List, u"empty"_s, u"The webhooks."_s),
        section(u"notifications.webhooks[]"_s, u"One webhook."_s),
        key(u"notifications.webhooks[].url"_s, T::Url, u"required"_s, u"Where to POST (a secret)."_s),
        choice(
            u"notifications.webhooks[].format"_s, webhookFormats, {}, u"The payload shape."_s, u"generic"_s),
        key(u"notifications.webhooks[].events"_s, T::StringList, u"[reload_failed, crash_loop]"_s,
            u"Which events this webhook gets."_s),
        choice(u"notifications.webhooks[].events[]"_s, webhookEventNames, {}, u"One event."_s),

        key(u"database"_s, T::Path,
            u"empty: $FOXRELOAD_DATABASE_URL if set, else history.sqlite in FoxReload's data directory"_s,
            u"The SQLite file of the history and the game, or a shared PostgreSQL database:"
            u" postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE (without a password: ~/.pgpass)."_s),
    };
    const Config defaults = Config::defaults(QString());
    for (ConfigKeyInfo& row : rows) {
        if (!row.isPlain())
            continue;
        const QVariant value = row.access.get(defaults);
        if (!row.defaultText.isEmpty() && value.toString().isEmpty())
            continue; // withDefaultText()
        row.defaultText = row.type == ConfigType::Bool ? (value.toBool() ? u"true"_s : u"false"_s)
            : row.type == ConfigType::Double           ? QString::number(value.toDouble())
                                                       : value.toString();
    }
    return rows;
}

} // namespace

QString ConfigKeyInfo::parentPath() const
{
    const qsizetype dot = path.lastIndexOf(u'.');
    return dot < 0 ? QString() : path.left(dot);
}

QString ConfigKeyInfo::name() const
{
    return path.mid(path.lastIndexOf(u'.') + 1);
}

QString ConfigKeyInfo::expectation() const
{
    switch (type) {
    case ConfigType::Int:
        return u"a whole number"_s + (unit.isEmpty() ? QString() : u" of "_s + unit) + u" ("_s
            + QString::number(qint64(min)) + u"–"_s + QString::number(qint64(max)) + u')';
    case ConfigType::Double:
        return u"a number ("_s + QString::number(min) + u"–"_s + QString::number(max) + u')';
    case ConfigType::Bool:
        return u"true or false"_s;
    case ConfigType::Choice:
        return u"one of "_s + choices().join(u", "_s);
    default:
        return u"a string"_s;
    }
}

const QList<ConfigKeyInfo>& configSchema()
{
    static const QList<ConfigKeyInfo> rows = buildSchema();
    return rows;
}

const ConfigKeyInfo* configKeyInfo(QStringView path)
{
    for (const ConfigKeyInfo& row : configSchema()) {
        if (row.path == path)
            return &row;
    }
    return nullptr;
}

QStringList configKeyNames(QStringView sectionPath)
{
    QStringList names;
    for (const ConfigKeyInfo& row : configSchema()) {
        if (row.parentPath() == sectionPath && !row.path.endsWith(u"[]"))
            names.append(row.name());
    }
    return names;
}

std::optional<QVariant> parseConfigValue(const ConfigKeyInfo& key, const QString& text, QString* problem)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    switch (key.type) {
    case ConfigType::Int: {
        const qint64 value = trimmed.toLongLong(&ok, 10);
        if (ok && value >= key.min && value <= key.max)
            return QVariant(int(value));
        break;
    }
    case ConfigType::Double: {
        const double value = trimmed.toDouble(&ok);
        if (ok && value >= key.min && value <= key.max)
            return QVariant(value);
        break;
    }
    case ConfigType::Bool: {
        const QString lower = trimmed.toLower();
        if (lower == u"true" || lower == u"yes" || lower == u"on")
            return QVariant(true);
        if (lower == u"false" || lower == u"no" || lower == u"off")
            return QVariant(false);
        break;
    }
    case ConfigType::Choice:
        if (key.choices().contains(trimmed))
            return QVariant(trimmed);
        break;
    default:
        if (!trimmed.isEmpty())
            return QVariant(text);
        break;
    }
    *problem = u"expected "_s + key.expectation() + u", got \""_s + text + u'"';
    if (key.type == ConfigType::Choice) {
        if (const QString nearby = closestName(trimmed, key.choices()); !nearby.isEmpty())
            *problem += u" (did you mean \""_s + nearby + u"\"?)"_s;
    }
    return std::nullopt;
}

QList<ConfigConstraintViolation> applyConfigConstraints(Config& config, const QStringList& keysSet)
{
    struct Constraint
    {
        QString key;
        bool atLeast; // key ≥ other, else key ≤ other
        QString other;
        bool fitDefault; // a key left at its default is moved to the bound, not reported
    };
    static const QList<Constraint> constraints {
        { u"watch.max_wait_ms"_s, true, u"watch.debounce_ms"_s, false },
        // A settle time is only ever a part of the quiet window: with debounce_ms 0 it is off too.
        { u"watch.settle_ms"_s, false, u"watch.debounce_ms"_s, true },
    };
    QList<ConfigConstraintViolation> violations;
    for (const Constraint& constraint : constraints) {
        const ConfigKeyInfo* key = configKeyInfo(constraint.key);
        const int value = key->access.get(config).toInt();
        const int other = configKeyInfo(constraint.other)->access.get(config).toInt();
        if (constraint.atLeast ? value >= other : value <= other)
            continue;
        if (constraint.fitDefault && !keysSet.contains(constraint.key)) {
            key->access.set(config, other);
            continue;
        }
        violations.append({ constraint.key, constraint.other,
            constraint.key + u" ("_s + QString::number(value) + u") must be at "_s
                + (constraint.atLeast ? u"least "_s : u"most "_s) + constraint.other + u" ("_s
                + QString::number(other) + u')' });
    }
    return violations;
}

} // namespace foxreload
