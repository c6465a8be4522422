#include "ConfigLoader.h"
#include "ConfigLog.h"
#include "ConfigSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
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

using Writer = void (*)(YAML::Emitter&, const Config&, const PathWriter&);

void key(YAML::Emitter& out, const char* name)
{
    out << YAML::Key << name << YAML::Value;
}

void writeEnv(YAML::Emitter& out, const Config& config, const PathWriter&)
{
    key(out, "env");
    if (config.server.env.isEmpty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
    }
    out << YAML::BeginMap;
    for (auto it = config.server.env.cbegin(); it != config.server.env.cend(); ++it)
        out << YAML::Key << utf8(it.key()) << YAML::Value << YAML::DoubleQuoted << utf8(it.value());
    out << YAML::EndMap;
}

void writeBuild(YAML::Emitter& out, const Config& config, const PathWriter& paths)
{
    const BuildSettings& build = config.server.build;
    if (!build.enabled())
        return;
    key(out, "build");
    out << YAML::Flow << YAML::BeginMap;
    key(out, "command");
    out << utf8(paths.command(build.command));
    key(out, "args");
    emitFlowList(out, build.args);
    out << YAML::EndMap;
}

void writeRules(YAML::Emitter& out, const Config& config, const PathWriter&)
{
    key(out, "rules");
    if (config.rules.isEmpty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const Rule& rule : config.rules) {
        out << YAML::Flow << YAML::BeginMap;
        key(out, "match");
        out << utf8(rule.match);
        key(out, "strategy");
        out << utf8(strategyName(rule.strategy));
        if (!rule.components.isEmpty()) {
            key(out, "components");
            emitFlowList(out, rule.components);
        }
        if (rule.build) {
            key(out, "build");
            out << true;
        }
        if (rule.fixed) {
            key(out, "fixed");
            out << true;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void writeMetrics(YAML::Emitter& out, const Config& config, const PathWriter&)
{
    if (config.metrics.listen.isEmpty())
        return;
    key(out, "metrics");
    out << YAML::BeginMap;
    key(out, "listen");
    out << utf8(config.metrics.listen) << YAML::EndMap;
}

void writeNotifications(YAML::Emitter& out, const Config& config, const PathWriter&)
{
    if (config.notifications.webhooks.isEmpty())
        return;
    key(out, "notifications");
    out << YAML::BeginMap;
    key(out, "webhooks");
    out << YAML::BeginSeq;
    for (const WebhookSettings& hook : config.notifications.webhooks) {
        out << YAML::BeginMap;
        key(out, "url");
        out << utf8(hook.url);
        key(out, "format");
        out << utf8(webhookFormatName(hook.format));
        key(out, "events");
        emitFlowList(out, hook.events);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

// The keys that are not a plain value: lists, maps, paths, and what is left out when empty.
// A section among them is written whole, its keys included.
const QHash<QString, Writer>& specialWriters()
{
    static const QHash<QString, Writer> writers {
        { u"server.command"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter& paths) {
                key(out, "command");
                out << utf8(paths.command(config.server.command));
            } },
        { u"server.args"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter&) {
                key(out, "args");
                emitFlowList(out, config.server.args);
            } },
        { u"server.cwd"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter& paths) {
                key(out, "cwd");
                out << utf8(paths.path(config.server.cwd));
            } },
        { u"server.env"_s, writeEnv },
        { u"server.url"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter&) {
                key(out, "url");
                out << YAML::DoubleQuoted << utf8(config.server.url);
            } },
        { u"server.build"_s, writeBuild },
        { u"watch.paths"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter& paths) {
                QStringList written;
                for (const QString& path : config.watch.paths)
                    written.append(paths.path(path));
                key(out, "paths");
                emitBlockList(out, written);
            } },
        { u"watch.exclude"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter&) {
                key(out, "exclude");
                emitBlockList(out, config.watch.exclude);
            } },
        { u"rules"_s, writeRules },
        { u"proxy.listen"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter&) {
                if (config.proxy.listen.isEmpty())
                    return;
                key(out, "listen");
                out << utf8(config.proxy.listen);
            } },
        { u"metrics"_s, writeMetrics },
        { u"notifications"_s, writeNotifications },
        { u"database"_s,
            [](YAML::Emitter& out, const Config& config, const PathWriter& paths) {
                if (config.database.isEmpty())
                    return;
                key(out, "database");
                out << utf8(paths.path(config.database));
            } },
    };
    return writers;
}

void writePlain(YAML::Emitter& out, const ConfigKeyInfo& row, const Config& config)
{
    const QVariant value = row.access.get(config);
    out << YAML::Key << utf8(row.name()) << YAML::Value;
    switch (row.type) {
    case ConfigType::Int:
        out << value.toInt();
        break;
    case ConfigType::Double:
        out << number(value.toDouble());
        break;
    case ConfigType::Bool:
        out << value.toBool();
        break;
    default:
        out << utf8(value.toString());
        break;
    }
}

bool isInside(const QString& path, const QString& section)
{
    return path.startsWith(section) && path.size() > section.size()
        && (path.at(section.size()) == u'.' || path.at(section.size()) == u'[');
}

} // namespace

// In the schema's order: plain values as the table says, the rest by specialWriters().
QByteArray ConfigWriter::toYaml(const Config& config, PathStyle paths)
{
    const PathWriter pathWriter(config, paths);
    const QHash<QString, Writer>& special = specialWriters();
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    QStringList openSections; // innermost last
    QString writtenWhole; // a section written by its special writer: its keys are done
    for (const ConfigKeyInfo& row : configSchema()) {
        if (!writtenWhole.isEmpty() && isInside(row.path, writtenWhole))
            continue;
        writtenWhole.clear();
        while (!openSections.isEmpty() && !isInside(row.path, openSections.constLast())) {
            out << YAML::EndMap;
            openSections.removeLast();
        }
        if (const auto writer = special.constFind(row.path); writer != special.cend()) {
            (*writer)(out, config, pathWriter);
            writtenWhole = row.path;
        } else if (row.isPlain()) {
            // An empty string is a default the loader would not read back (gamification.player).
            if (row.type != ConfigType::String || !row.access.get(config).toString().isEmpty())
                writePlain(out, row, config);
        } else if (row.type == ConfigType::Section) {
            out << YAML::Key << utf8(row.name()) << YAML::Value << YAML::BeginMap;
            openSections.append(row.path);
        }
    }
    for (qsizetype i = 0; i < openSections.size(); ++i)
        out << YAML::EndMap;
    out << YAML::EndMap;

    if (!out.good())
        qCWarning(lcConfig) << "YAML emitter failed:" << out.GetLastError().c_str();
    QByteArray yaml(out.c_str(), static_cast<qsizetype>(out.size()));
    yaml.append('\n');
    return yaml;
}

namespace {

void insertAt(QJsonObject& object, QStringView path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        object.insert(path.toString(), value);
        return;
    }
    const QString head = path.left(dot).toString();
    QJsonObject child = object.value(head).toObject();
    insertAt(child, path.mid(dot + 1), value);
    object.insert(head, child);
}

QJsonValue plainJson(const ConfigKeyInfo& key, const QVariant& value)
{
    switch (key.type) {
    case ConfigType::Int:
        return value.toInt();
    case ConfigType::Double:
        return value.toDouble();
    case ConfigType::Bool:
        return value.toBool();
    default:
        return value.toString();
    }
}

} // namespace

// The lists, maps and paths by hand; every plain key where the schema puts it.
QJsonObject ConfigWriter::toJson(const Config& config)
{
    const ServerSettings& server = config.server;
    QJsonObject env;
    for (auto it = server.env.cbegin(); it != server.env.cend(); ++it)
        env.insert(it.key(), it.value());
    QJsonArray rules;
    for (const Rule& rule : config.rules) {
        QJsonObject ruleObject { { u"match"_s, rule.match }, { u"strategy"_s, strategyName(rule.strategy) },
            { u"components"_s, QJsonArray::fromStringList(rule.components) } };
        if (rule.build)
            ruleObject.insert(u"build"_s, true);
        if (rule.fixed)
            ruleObject.insert(u"fixed"_s, true);
        if (rule.line > 0)
            ruleObject.insert(u"line"_s, rule.line);
        rules.append(ruleObject);
    }
    QJsonArray hooks;
    for (const WebhookSettings& hook : config.notifications.webhooks)
        hooks.append(QJsonObject { { u"url"_s, hook.url }, { u"format"_s, webhookFormatName(hook.format) },
            { u"events"_s, QJsonArray::fromStringList(hook.events) } });

    QJsonObject json {
        { u"source_file"_s, config.sourceFile },
        { u"project_root"_s, config.projectRoot },
        { u"server"_s,
            QJsonObject {
                { u"command"_s, server.command },
                { u"args"_s, QJsonArray::fromStringList(server.args) },
                { u"cwd"_s, server.cwd },
                { u"env"_s, env },
                { u"url"_s, server.url },
            } },
        { u"watch"_s,
            QJsonObject {
                { u"paths"_s, QJsonArray::fromStringList(config.watch.paths) },
                { u"exclude"_s, QJsonArray::fromStringList(config.watch.exclude) },
            } },
        { u"rules"_s, rules },
        { u"proxy"_s, QJsonObject { { u"listen"_s, config.proxy.listen } } },
        { u"metrics"_s, QJsonObject { { u"listen"_s, config.metrics.listen } } },
        { u"notifications"_s, QJsonObject { { u"webhooks"_s, hooks } } },
        { u"database"_s, config.database },
    };
    if (server.build.enabled())
        insertAt(json, u"server.build",
            QJsonObject { { u"command"_s, server.build.command },
                { u"args"_s, QJsonArray::fromStringList(server.build.args) } });
    for (const ConfigKeyInfo& key : configSchema()) {
        if (key.isPlain())
            insertAt(json, key.path, plainJson(key, key.access.get(config)));
    }
    return json;
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
