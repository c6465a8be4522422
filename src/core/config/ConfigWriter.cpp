#include "ConfigLoader.h"
#include "ConfigLog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

std::string utf8(const QString& text)
{
    return text.toStdString();
}

bool isBelow(const QString& path, const QString& root)
{
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

class PathWriter
{
public:
    PathWriter(const Config& config, ConfigWriter::PathStyle style)
        : m_root(config.projectRoot)
        , m_cwd(config.server.cwd)
        , m_relative(style == ConfigWriter::PathStyle::RelativeToProjectRoot && !config.projectRoot.isEmpty())
    { }

    // A path as the loader will resolve it again: relative to the project root where below it.
    QString path(const QString& absolute) const
    {
        if (!m_relative || absolute.isEmpty() || !isBelow(absolute, m_root))
            return absolute;
        if (absolute == m_root)
            return u"."_s;
        const QString relative = QDir(m_root).relativeFilePath(absolute);
        // The loader reads a leading "~" as the home directory.
        return relative.startsWith(u'~') ? u"./"_s + relative : relative;
    }

    // A command with a '/' is resolved against the server's cwd, so it is written relative to that.
    QString command(const QString& command) const
    {
        if (!m_relative || !QFileInfo(command).isAbsolute() || m_cwd.isEmpty() || !isBelow(command, m_cwd)
            || command == m_cwd)
            return command;
        return u"./"_s + QDir(m_cwd).relativeFilePath(command);
    }

private:
    QString m_root;
    QString m_cwd;
    bool m_relative;
};

void emitFlowList(YAML::Emitter& out, const QStringList& items)
{
    out << YAML::Flow << YAML::BeginSeq;
    for (const QString& item : items)
        out << utf8(item);
    out << YAML::EndSeq;
}

void emitBlockList(YAML::Emitter& out, const QStringList& items)
{
    if (items.isEmpty()) {
        emitFlowList(out, items);
        return;
    }
    out << YAML::BeginSeq;
    for (const QString& item : items)
        out << utf8(item);
    out << YAML::EndSeq;
}

std::string number(double value)
{
    return utf8(QString::number(value, 'g', QLocale::FloatingPointShortest));
}

} // namespace

QByteArray ConfigWriter::toYaml(const Config& config, PathStyle paths)
{
    const PathWriter pathWriter(config, paths);
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;

    const ServerSettings& server = config.server;
    out << YAML::Key << "server" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "command" << YAML::Value << utf8(pathWriter.command(server.command));
    out << YAML::Key << "args" << YAML::Value;
    emitFlowList(out, server.args);
    out << YAML::Key << "cwd" << YAML::Value << utf8(pathWriter.path(server.cwd));
    out << YAML::Key << "env" << YAML::Value;
    if (server.env.isEmpty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
    } else {
        out << YAML::BeginMap;
        for (auto it = server.env.cbegin(); it != server.env.cend(); ++it)
            out << YAML::Key << utf8(it.key()) << YAML::Value << YAML::DoubleQuoted << utf8(it.value());
        out << YAML::EndMap;
    }
    out << YAML::Key << "hot_reload" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "method" << YAML::Value << utf8(server.hotReload.method);
    out << YAML::Key << "timeout_ms" << YAML::Value << server.hotReload.timeoutMs;
    out << YAML::EndMap;
    out << YAML::Key << "shutdown_grace_ms" << YAML::Value << server.shutdownGraceMs;
    out << YAML::Key << "ready_timeout_ms" << YAML::Value << server.readyTimeoutMs;
    out << YAML::Key << "restart_mode" << YAML::Value << utf8(restartModeName(server.restartMode));
    out << YAML::Key << "crash_loop" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "limit" << YAML::Value << server.crashLoopLimit;
    out << YAML::Key << "window_ms" << YAML::Value << server.crashLoopWindowMs;
    out << YAML::EndMap;
    out << YAML::Key << "stderr_tail_lines" << YAML::Value << server.stderrTailLines;
    out << YAML::Key << "transport" << YAML::Value << utf8(serverTransportName(server.transport));
    out << YAML::Key << "url" << YAML::Value << YAML::DoubleQuoted << utf8(server.url);
    if (server.build.enabled()) {
        out << YAML::Key << "build" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "command" << YAML::Value << utf8(pathWriter.command(server.build.command));
        out << YAML::Key << "args" << YAML::Value;
        emitFlowList(out, server.build.args);
        out << YAML::EndMap;
    }
    out << YAML::Key << "build_timeout_ms" << YAML::Value << server.buildTimeoutMs;
    out << YAML::EndMap;

    const WatchSettings& watch = config.watch;
    out << YAML::Key << "watch" << YAML::Value << YAML::BeginMap;
    QStringList watchPaths;
    for (const QString& path : watch.paths)
        watchPaths.append(pathWriter.path(path));
    out << YAML::Key << "paths" << YAML::Value;
    emitBlockList(out, watchPaths);
    out << YAML::Key << "exclude" << YAML::Value;
    emitBlockList(out, watch.exclude);
    out << YAML::Key << "respect_gitignore" << YAML::Value << watch.respectGitignore;
    out << YAML::Key << "debounce_ms" << YAML::Value << watch.debounceMs;
    out << YAML::Key << "max_wait_ms" << YAML::Value << watch.maxWaitMs;
    out << YAML::Key << "max_reloads_per_minute" << YAML::Value << watch.maxReloadsPerMinute;
    out << YAML::Key << "backend" << YAML::Value << utf8(watch.backend);
    out << YAML::Key << "poll_interval_ms" << YAML::Value << watch.pollIntervalMs;
    out << YAML::Key << "follow_imports" << YAML::Value << watch.followImports;
    out << YAML::EndMap;

    out << YAML::Key << "rules" << YAML::Value;
    if (config.rules.isEmpty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    } else {
        out << YAML::BeginSeq;
        for (const Rule& rule : config.rules) {
            out << YAML::Flow << YAML::BeginMap;
            out << YAML::Key << "match" << YAML::Value << utf8(rule.match);
            out << YAML::Key << "strategy" << YAML::Value << utf8(strategyName(rule.strategy));
            if (!rule.components.isEmpty()) {
                out << YAML::Key << "components" << YAML::Value;
                emitFlowList(out, rule.components);
            }
            if (rule.build)
                out << YAML::Key << "build" << YAML::Value << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::Key << "default_strategy" << YAML::Value << utf8(strategyName(config.defaultStrategy));

    const GamificationSettings& gamification = config.gamification;
    out << YAML::Key << "gamification" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "enabled" << YAML::Value << gamification.enabled;
    out << YAML::Key << "xp_multiplier" << YAML::Value << number(gamification.xpMultiplier);
    out << YAML::Key << "notifications" << YAML::Value << gamification.notifications;
    out << YAML::EndMap;

    out << YAML::Key << "history" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "retention_days" << YAML::Value << config.history.retentionDays;
    out << YAML::Key << "max_raw_reloads" << YAML::Value << config.history.maxRawReloads;
    out << YAML::EndMap;

    out << YAML::Key << "proxy" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "request_grace_ms" << YAML::Value << config.proxy.requestGraceMs;
    out << YAML::Key << "max_queued_requests" << YAML::Value << config.proxy.maxQueuedRequests;
    if (!config.proxy.listen.isEmpty())
        out << YAML::Key << "listen" << YAML::Value << utf8(config.proxy.listen);
    out << YAML::EndMap;

    if (!config.metrics.listen.isEmpty()) {
        out << YAML::Key << "metrics" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "listen" << YAML::Value << utf8(config.metrics.listen);
        out << YAML::EndMap;
    }
    out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "enabled" << YAML::Value << config.resources.enabled;
    out << YAML::Key << "max_cpu_percent" << YAML::Value << number(config.resources.maxCpuPercent);
    out << YAML::Key << "max_rss_mb" << YAML::Value << config.resources.maxRssMb;
    out << YAML::EndMap;
    if (!config.notifications.webhooks.isEmpty()) {
        out << YAML::Key << "notifications" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "webhooks" << YAML::Value << YAML::BeginSeq;
        for (const WebhookSettings& hook : config.notifications.webhooks) {
            out << YAML::BeginMap;
            out << YAML::Key << "url" << YAML::Value << utf8(hook.url);
            out << YAML::Key << "format" << YAML::Value << utf8(webhookFormatName(hook.format));
            out << YAML::Key << "events" << YAML::Value;
            emitFlowList(out, hook.events);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        out << YAML::EndMap;
    }

    if (!config.database.isEmpty())
        out << YAML::Key << "database" << YAML::Value << utf8(pathWriter.path(config.database));
    out << YAML::EndMap;

    if (!out.good())
        qCWarning(lcConfig) << "YAML emitter failed:" << out.GetLastError().c_str();
    QByteArray yaml(out.c_str(), static_cast<qsizetype>(out.size()));
    yaml.append('\n');
    return yaml;
}

QJsonObject ConfigWriter::toJson(const Config& config)
{
    const ServerSettings& server = config.server;
    QJsonObject env;
    for (auto it = server.env.cbegin(); it != server.env.cend(); ++it)
        env.insert(it.key(), it.value());
    const QJsonObject serverObject {
        { u"command"_s, server.command },
        { u"args"_s, QJsonArray::fromStringList(server.args) },
        { u"cwd"_s, server.cwd },
        { u"env"_s, env },
        { u"hot_reload"_s,
            QJsonObject {
                { u"method"_s, server.hotReload.method }, { u"timeout_ms"_s, server.hotReload.timeoutMs } } },
        { u"shutdown_grace_ms"_s, server.shutdownGraceMs },
        { u"ready_timeout_ms"_s, server.readyTimeoutMs },
        { u"restart_mode"_s, restartModeName(server.restartMode) },
        { u"crash_loop"_s,
            QJsonObject {
                { u"limit"_s, server.crashLoopLimit }, { u"window_ms"_s, server.crashLoopWindowMs } } },
        { u"stderr_tail_lines"_s, server.stderrTailLines },
        { u"transport"_s, serverTransportName(server.transport) },
        { u"url"_s, server.url },
    };

    const WatchSettings& watch = config.watch;
    const QJsonObject watchObject {
        { u"paths"_s, QJsonArray::fromStringList(watch.paths) },
        { u"exclude"_s, QJsonArray::fromStringList(watch.exclude) },
        { u"respect_gitignore"_s, watch.respectGitignore },
        { u"debounce_ms"_s, watch.debounceMs },
        { u"max_wait_ms"_s, watch.maxWaitMs },
        { u"max_reloads_per_minute"_s, watch.maxReloadsPerMinute },
        { u"backend"_s, watch.backend },
        { u"poll_interval_ms"_s, watch.pollIntervalMs },
        { u"follow_imports"_s, watch.followImports },
    };

    QJsonArray rules;
    for (const Rule& rule : config.rules) {
        QJsonObject ruleObject { { u"match"_s, rule.match }, { u"strategy"_s, strategyName(rule.strategy) },
            { u"components"_s, QJsonArray::fromStringList(rule.components) } };
        if (rule.line > 0)
            ruleObject.insert(u"line"_s, rule.line);
        rules.append(ruleObject);
    }

    return QJsonObject {
        { u"source_file"_s, config.sourceFile },
        { u"project_root"_s, config.projectRoot },
        { u"server"_s, serverObject },
        { u"watch"_s, watchObject },
        { u"rules"_s, rules },
        { u"default_strategy"_s, strategyName(config.defaultStrategy) },
        { u"gamification"_s,
            QJsonObject { { u"enabled"_s, config.gamification.enabled },
                { u"xp_multiplier"_s, config.gamification.xpMultiplier },
                { u"notifications"_s, config.gamification.notifications } } },
        { u"history"_s,
            QJsonObject { { u"retention_days"_s, config.history.retentionDays },
                { u"max_raw_reloads"_s, config.history.maxRawReloads } } },
        { u"proxy"_s,
            QJsonObject { { u"request_grace_ms"_s, config.proxy.requestGraceMs },
                { u"max_queued_requests"_s, config.proxy.maxQueuedRequests },
                { u"listen"_s, config.proxy.listen } } },
        { u"metrics"_s, QJsonObject { { u"listen"_s, config.metrics.listen } } },
        { u"resources"_s,
            QJsonObject { { u"enabled"_s, config.resources.enabled },
                { u"max_cpu_percent"_s, config.resources.maxCpuPercent },
                { u"max_rss_mb"_s, config.resources.maxRssMb } } },
        { u"notifications"_s,
            QJsonObject { { u"webhooks"_s,
                [&config] {
                    QJsonArray hooks;
                    for (const WebhookSettings& hook : config.notifications.webhooks)
                        hooks.append(QJsonObject { { u"url"_s, hook.url },
                            { u"format"_s, webhookFormatName(hook.format) },
                            { u"events"_s, QJsonArray::fromStringList(hook.events) } });
                    return hooks;
                }() } } },
        { u"database"_s, config.database },
    };
}

bool ConfigWriter::writeFile(const Config& config, const QString& path, QString* errorMessage)
{
    const QString directory = QDir::cleanPath(QFileInfo(path).absolutePath());
    const PathStyle style
        = directory == config.projectRoot ? PathStyle::RelativeToProjectRoot : PathStyle::Absolute;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorMessage)
            *errorMessage = u"cannot write "_s + path + u": "_s + file.errorString();
        return false;
    }
    file.write(toYaml(config, style));
    if (!file.commit()) {
        if (errorMessage)
            *errorMessage = u"cannot write "_s + path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

} // namespace foxreload
