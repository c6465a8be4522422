#include "ConfigLoader.h"

#include "CommandAdvice.h"
#include "ConfigKeys.h"
#include "ConfigLog.h"
#include "ConfigNodeReader.h"
#include "ConfigSchema.h"
#include "KeySuggestion.h"
#include "TrustStore.h"
#include "common/DatabaseLocation.h"
#include "match/Glob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// Every key the schema knows, dotted, for "this key belongs elsewhere" hints: the schema's
// keys without list items and free-form map keys.
QStringList allKeyPaths()
{
    QStringList keys;
    for (const QString& key : configKeyOrder()) {
        if (!key.contains(u"[]") && !key.contains(u'*'))
            keys.append(key);
    }
    return keys;
}

QString joinNames(const QStringList& names)
{
    return names.join(u", "_s);
}

// YAML reads an unquoted {a,b} or [abc] as a map or a list, so patterns get a hint.
const QString kPatternExpectation = u"a pattern (a string; quote it if it starts with *, { or [)"_s;

// Reads a config file as the schema (ConfigSchema.h) describes it: the plain keys by the table,
// the rest (paths, commands, lists, maps) by the readers below.
class Validator : public ConfigNodeReader
{
public:
    Validator(const QString& sourceName, const QString& baseDir)
        : ConfigNodeReader(sourceName, allKeyPaths())
        , m_baseDir(QDir::cleanPath(QDir(baseDir).absolutePath()))
    { }

    ConfigLoadResult load(const QByteArray& yaml);

private:
    // A section's keys as the schema lists them; `schemaPath` is the section's path with list
    // indexes written [] ("rules[]" for "rules[2]").
    YamlSection openSchemaSection(const YamlField& field)
    {
        return openSection(field, configKeyNames(field.path));
    }
    void readPlainKeys(const YamlSection& section, const QString& schemaPath);
    void checkConstraints();

    void readServer(const YamlSection& root);
    void readBuild(const YamlSection& server); // server.build: {command, args}
    void readWatch(const YamlSection& root);
    void readRules(const YamlSection& root);
    void readPlainSection(const YamlSection& root, const QString& name);
    void readProxy(const YamlSection& root);
    void readMetrics(const YamlSection& root);
    // `listen: HOST:PORT` of an endpoint FoxReload serves (port 0: any free port).
    void readListenAddress(const YamlSection& section, const QString& example, QString* out);
    void readNotifications(const YamlSection& root);
    void readDatabase(const YamlSection& root);
    QString commandProblem(QString* command, bool isBuild) const;
    bool checkPattern(const QString& pattern, const QString& path, YamlPosition position);

    QString m_baseDir;
    Config m_config;
    QMap<QString, YamlPosition> m_plainKeysRead; // dotted key -> where its value stands
};

void Validator::readPlainKeys(const YamlSection& section, const QString& schemaPath)
{
    for (const ConfigKeyInfo& key : configSchema()) {
        if (!key.isPlain() || key.parentPath() != schemaPath)
            continue;
        const QString name = key.name();
        const YamlField* field = section.field(name);
        if (!field)
            continue;
        QVariant value;
        switch (key.type) {
        case ConfigType::Int: {
            int number = 0;
            if (readInt(section, name, qint64(key.min), qint64(key.max), key.unit, &number))
                value = number;
            break;
        }
        case ConfigType::Double: {
            double number = 0;
            if (readDouble(section, name, key.min, key.max, &number))
                value = number;
            break;
        }
        case ConfigType::Bool: {
            bool flag = false;
            if (readBool(section, name, &flag))
                value = flag;
            break;
        }
        case ConfigType::Choice: {
            QString text;
            if (readChoice(section, name, key.choices(), &text))
                value = text;
            break;
        }
        default: {
            QString text;
            if (readString(section, name, &text))
                value = text;
            break;
        }
        }
        if (value.isValid()) {
            key.access.set(m_config, value);
            m_plainKeysRead.insert(key.path, field->position());
        }
    }
}

// The rules between keys, reported where the file sets one of them (the rule's own key first).
void Validator::checkConstraints()
{
    for (const ConfigConstraintViolation& violation :
        applyConfigConstraints(m_config, m_plainKeysRead.keys())) {
        const auto at = m_plainKeysRead.contains(violation.key)
            ? m_plainKeysRead.constFind(violation.key)
            : m_plainKeysRead.constFind(violation.otherKey);
        if (at != m_plainKeysRead.cend())
            error(*at, at.key(), violation.message);
    }
}

// What is wrong with the server's or the build's command (empty: nothing). A command with a '/'
// ("./run.sh", "venv/bin/python") is resolved against server.cwd, where the process would look for it.
QString Validator::commandProblem(QString* command, bool isBuild) const
{
    if (command->contains(u'/')) {
        *command = resolveConfigPath(m_config.server.cwd, *command);
        const QFileInfo info(*command);
        if (!isBuild && !info.exists())
            return u"\""_s + *command + u"\" does not exist (yet)"_s;
        if (!info.isFile() || !info.isExecutable())
            return u"\""_s + *command + u"\" is not an executable file; "_s
                + (isBuild ? u"every build will fail"_s : u"the server will not start"_s);
        return {};
    }
    const QStringList searchPaths = m_config.server.env.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts);
    // "command 'nodee' not found on PATH — did you mean node?": the fix, not just the failure.
    if (!isBuild)
        return missingProgramAdvice(u"command"_s, *command, searchPaths);
    // A build tool that is not installed is named now, not at the first reload.
    if (QStandardPaths::findExecutable(*command, searchPaths).isEmpty())
        return u"build tool '"_s + *command
            + u"' not found on PATH — install it, or fix server.build.command"_s;
    return {};
}

void Validator::readBuild(const YamlSection& server)
{
    const YamlField* buildField = server.field(u"build"_s);
    if (!buildField || isNull(buildField->value))
        return;
    if (!buildField->value.IsMap()) {
        error(buildField->position(), buildField->path,
            u"expected a build step like {command: npm, args: [run, build]}, got "_s
                + describe(buildField->value));
        return;
    }
    const YamlSection build = openSchemaSection(*buildField);
    BuildSettings& settings = m_config.server.build;
    if (const auto args = readStringList(build, u"args"_s)) {
        for (const ListItem& item : *args)
            settings.args.append(item.value);
    }
    const YamlField* commandField = build.field(u"command"_s);
    if (!commandField) {
        missing(build, u"command"_s, u"a build step needs its command, e.g. command: npm"_s);
        return;
    }
    if (!readString(build, u"command"_s, &settings.command) || settings.command.isEmpty())
        return;
    if (const QString problem = commandProblem(&settings.command, true); !problem.isEmpty())
        warn(commandField->position(), commandField->path, problem);
}

void Validator::readServer(const YamlSection& root)
{
    const YamlField* serverField = root.field(u"server"_s);
    if (!serverField) {
        missing(root, u"server.command"_s,
            u"FoxReload needs the command that starts your MCP server, e.g. server: {command: python3, args: [main.py]}"_s);
        return;
    }
    const YamlSection server = openSchemaSection(*serverField);
    readPlainKeys(server, u"server"_s);
    ServerSettings& settings = m_config.server;

    if (const auto args = readStringList(server, u"args"_s)) {
        for (const ListItem& item : *args)
            settings.args.append(item.value);
        const YamlField* field = server.field(u"args"_s);
        if (field->value.IsScalar() && settings.args.constFirst().contains(u' '))
            warn(field->position(), field->path,
                u"passed to the server as ONE argument; write a list ([a, b]) to pass several"_s);
    }

    QString cwd;
    if (readString(server, u"cwd"_s, &cwd)) {
        settings.cwd = resolveConfigPath(m_baseDir, cwd);
        if (!QFileInfo(settings.cwd).isDir()) {
            const YamlField* field = server.field(u"cwd"_s);
            error(field->position(), field->path,
                u"expected an existing directory, but \""_s + settings.cwd + u"\" "_s
                    + (QFileInfo::exists(settings.cwd) ? u"is not a directory"_s : u"does not exist"_s));
        }
    }
    readStringMap(server, u"env"_s, &settings.env);

    if (const YamlField* field = server.field(u"command"_s)) {
        if (readString(server, u"command"_s, &settings.command)) {
            if (const QString problem = commandProblem(&settings.command, false); !problem.isEmpty())
                warn(field->position(), field->path, problem);
        }
    } else if (server.present || isNull(serverField->value)) {
        missing(server, u"command"_s,
            u"FoxReload needs the command that starts your MCP server, e.g. command: python3"_s);
    }

    for (const QString& name : { u"hot_reload"_s, u"crash_loop"_s }) {
        if (const YamlField* field = server.field(name))
            readPlainKeys(openSchemaSection(*field), field->path);
    }
    readBuild(server);
    if (readString(server, u"url"_s, &settings.url, false, u"a URL such as http://127.0.0.1:{port}/mcp"_s)) {
        const YamlField* field = server.field(u"url"_s);
        // {port} is not a valid port to QUrl: check the URL with a number in its place.
        const QUrl url(QString(settings.url).replace(u"{port}"_s, u"1"_s), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            error(field->position(), field->path,
                u"expected an http:// URL such as http://127.0.0.1:{port}/mcp, got \""_s + settings.url
                    + u'"');
        else if (settings.transport == ServerTransport::Http && !settings.url.contains(u"{port}"_s)
            && settings.restartMode == RestartMode::BlueGreen)
            warn(field->position(), field->path,
                u"without {port} every server generation listens on the same port, so the new one cannot "
                u"start while the old one serves; use {port}, or restart_mode: stop_start"_s);
    }
}

bool Validator::checkPattern(const QString& pattern, const QString& path, YamlPosition position)
{
    if (pattern.trimmed().isEmpty()) {
        error(position, path, u"expected a pattern, got \"\""_s);
        return false;
    }
    QString problem;
    if (!Glob::compile(pattern, &problem)) {
        error(position, path, u"invalid pattern \""_s + pattern + u"\": "_s + problem);
        return false;
    }
    return true;
}

void Validator::readWatch(const YamlSection& root)
{
    const YamlField* watchField = root.field(u"watch"_s);
    if (!watchField)
        return;
    const YamlSection watch = openSchemaSection(*watchField);
    readPlainKeys(watch, u"watch"_s);
    WatchSettings& settings = m_config.watch;

    if (const auto paths = readStringList(watch, u"paths"_s)) {
        QStringList resolved;
        for (const ListItem& item : *paths) {
            if (item.value.trimmed().isEmpty()) {
                error(item.position, item.path, u"expected a file or directory, got \"\""_s);
                continue;
            }
            const QString absolute = resolveConfigPath(m_baseDir, item.value);
            if (!QFileInfo::exists(absolute)) {
                error(item.position, item.path,
                    u"\""_s + item.value + u"\" does not exist (looked for "_s + absolute + u')');
                continue;
            }
            if (!isPathBelow(absolute, m_config.projectRoot))
                warn(item.position, item.path,
                    u"\""_s + absolute
                        + u"\" lies outside the project root; exclude patterns and rules, which are "
                          u"relative to the root, do not apply to it"_s);
            if (!resolved.contains(absolute))
                resolved.append(absolute);
        }
        if (paths->isEmpty()) {
            const YamlField* field = watch.field(u"paths"_s);
            error(field->position(), field->path,
                u"expected at least one file or directory to watch (leave the key out to watch the project root)"_s);
        }
        settings.paths = resolved;
    }

    if (const auto patterns = readStringList(watch, u"exclude"_s, kPatternExpectation)) {
        settings.exclude.clear();
        for (const ListItem& item : *patterns) {
            if (checkPattern(item.value, item.path, item.position))
                settings.exclude.append(item.value);
        }
    }
}

void Validator::readRules(const YamlSection& root)
{
    const QStringList strategies = configKeyInfo(u"rules[].strategy")->choices();

    const YamlField* rulesField = root.field(u"rules"_s);
    if (!rulesField || isNull(rulesField->value))
        return;
    if (!rulesField->value.IsSequence()) {
        error(rulesField->position(), rulesField->path,
            u"expected a list of rules (- {match: \"tools/**/*.py\", strategy: hot_reload}), got "_s
                + describe(rulesField->value));
        return;
    }
    int index = 0;
    for (const YAML::Node& ruleNode : rulesField->value) {
        const QString path = u"rules["_s + QString::number(index++) + u']';
        const YamlPosition position = positionOf(ruleNode, rulesField->position());
        if (isNull(ruleNode) || !ruleNode.IsMap()) {
            error(position, path,
                u"expected a rule like {match: \"tools/**/*.py\", strategy: hot_reload}, got "_s
                    + describe(ruleNode));
            continue;
        }
        const YamlSection section
            = openSection(path, position, ruleNode, configKeyNames(u"rules[]"), QString());
        Rule rule;
        rule.line = position.line;
        bool valid = true;
        if (const YamlField* match = section.field(u"match"_s)) {
            valid = readString(section, u"match"_s, &rule.match, true, kPatternExpectation)
                && checkPattern(rule.match, match->path, match->position()) && valid;
        } else {
            missing(section, u"match"_s, u"a rule needs a pattern, e.g. match: \"tools/**/*.py\""_s);
            valid = false;
        }
        QString strategy;
        if (section.field(u"strategy"_s)) {
            if (readChoice(section, u"strategy"_s, strategies, &strategy))
                rule.strategy = *strategyFromName(strategy);
            else
                valid = false;
        } else {
            missing(section, u"strategy"_s, u"expected one of "_s + joinNames(strategies));
            valid = false;
        }
        if (const auto components = readStringList(section, u"components"_s)) {
            for (const ListItem& item : *components) {
                if (item.value.trimmed().isEmpty()) {
                    error(item.position, item.path, u"expected a component name, got \"\""_s);
                    valid = false;
                } else {
                    rule.components.append(item.value);
                }
            }
        }
        readBool(section, u"build"_s, &rule.build);
        readBool(section, u"fixed"_s, &rule.fixed);
        if (valid)
            m_config.rules.append(rule);
    }
}

void Validator::readPlainSection(const YamlSection& root, const QString& name)
{
    if (const YamlField* field = root.field(name))
        readPlainKeys(openSchemaSection(*field), name);
}

void Validator::readProxy(const YamlSection& root)
{
    const YamlField* field = root.field(u"proxy"_s);
    if (!field)
        return;
    const YamlSection section = openSchemaSection(*field);
    readPlainKeys(section, u"proxy"_s);
    readListenAddress(section, u"127.0.0.1:8765"_s, &m_config.proxy.listen);
}

void Validator::readListenAddress(const YamlSection& section, const QString& example, QString* out)
{
    QString listen;
    if (!readString(section, u"listen"_s, &listen, false, u"HOST:PORT such as %1"_s.arg(example)))
        return;
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    if (!portOk || port < 0 || port > 65535) {
        const YamlField* listenField = section.field(u"listen"_s);
        error(listenField->position(), listenField->path,
            u"expected HOST:PORT such as %1 (port 0: any free port), got "_s.arg(example)
                + describe(listenField->value));
        return;
    }
    *out = listen.trimmed();
}

void Validator::readMetrics(const YamlSection& root)
{
    const YamlField* field = root.field(u"metrics"_s);
    if (!field)
        return;
    const YamlSection section = openSchemaSection(*field);
    readListenAddress(section, u"127.0.0.1:9464"_s, &m_config.metrics.listen);
}

void Validator::readNotifications(const YamlSection& root)
{
    const YamlField* field = root.field(u"notifications"_s);
    if (!field)
        return;
    const YamlSection section = openSchemaSection(*field);
    const YamlField* hooks = section.field(u"webhooks"_s);
    if (!hooks || isNull(hooks->value))
        return;
    const QString example = u"{url: \"https://hooks.slack.com/services/…\", format: slack}"_s;
    if (!hooks->value.IsSequence()) {
        error(hooks->position(), hooks->path, u"expected a list of webhooks like "_s + example);
        return;
    }
    int index = 0;
    for (const YAML::Node& hookNode : hooks->value) {
        const QString path = hooks->path + u'[' + QString::number(index++) + u']';
        const YamlPosition position = positionOf(hookNode, hooks->position());
        if (isNull(hookNode) || !hookNode.IsMap()) {
            error(position, path, u"expected a webhook like "_s + example);
            continue;
        }
        const YamlSection hook
            = openSection(path, position, hookNode, configKeyNames(u"notifications.webhooks[]"), QString());
        WebhookSettings settings;
        bool valid = true;
        // The URL is a secret: messages name the key, never the value.
        if (const YamlField* url = hook.field(u"url"_s)) {
            const QUrl parsed(url->value.IsScalar() ? scalarText(url->value) : QString(), QUrl::StrictMode);
            if (!url->value.IsScalar() || !parsed.isValid()
                || (parsed.scheme() != u"http" && parsed.scheme() != u"https") || parsed.host().isEmpty()) {
                error(url->position(), url->path,
                    u"expected an http:// or https:// URL (value not shown: it is a secret)"_s);
                valid = false;
            } else {
                settings.url = scalarText(url->value).trimmed();
            }
        } else {
            missing(hook, u"url"_s, u"where to POST, e.g. url: \"https://hooks.slack.com/services/…\""_s);
            valid = false;
        }
        QString format;
        if (hook.field(u"format"_s)) {
            if (readChoice(
                    hook, u"format"_s, configKeyInfo(u"notifications.webhooks[].format")->choices(), &format))
                settings.format = *webhookFormatFromName(format);
            else
                valid = false;
        }
        if (const auto events = readStringList(hook, u"events"_s)) {
            settings.events.clear();
            for (const ListItem& item : *events) {
                if (!webhookEventNames().contains(item.value)) {
                    error(item.position, item.path,
                        withSuggestion(u"expected one of "_s + joinNames(webhookEventNames()) + u", got \""_s
                                + item.value + u'"',
                            closestName(item.value, webhookEventNames())));
                    valid = false;
                } else if (!settings.events.contains(item.value)) {
                    settings.events.append(item.value);
                }
            }
        }
        if (valid)
            m_config.notifications.webhooks.append(settings);
    }
}

void Validator::readDatabase(const YamlSection& root)
{
    QString database;
    // A postgresql:// URL is a shared database server, not a path to resolve.
    if (readString(root, u"database"_s, &database))
        m_config.database = isDatabaseUrl(database) ? database : resolveConfigPath(m_baseDir, database);
}

ConfigLoadResult Validator::load(const QByteArray& yaml)
{
    m_config = Config::defaults(m_baseDir);
    const std::optional<YAML::Node> document = parseDocument(yaml);
    if (!document)
        return { std::nullopt, takeErrors(), takeWarnings() };

    const YamlSection root = openSection(QString(), { 1, 1 }, *document, configKeyNames(u""),
        u"a map of settings (server:, watch:, rules:, ...)"_s);
    if (root.present || isNull(*document)) {
        // cwd must be known before the command is resolved against it.
        readServer(root);
        readWatch(root);
        readRules(root);
        readPlainKeys(root, QString()); // default_strategy
        readPlainSection(root, u"gamification"_s);
        readPlainSection(root, u"history"_s);
        readProxy(root);
        readMetrics(root);
        readPlainSection(root, u"resources"_s);
        readNotifications(root);
        readDatabase(root);
        checkConstraints();
    }
    if (hasErrors())
        return { std::nullopt, takeErrors(), takeWarnings() };
    return { m_config, {}, takeWarnings() };
}

} // namespace

QString resolveConfigPath(const QString& baseDir, const QString& path)
{
    QString expanded = path;
    if (expanded == u"~")
        expanded = QDir::homePath();
    else if (expanded.startsWith(u"~/"))
        expanded = QDir::homePath() + expanded.mid(1);
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(expanded));
}

bool isPathBelow(const QString& path, const QString& root)
{
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

ConfigLoadResult ConfigLoader::parse(
    const QByteArray& yaml, const QString& sourceName, const QString& baseDir)
{
    Validator validator(sourceName, baseDir);
    ConfigLoadResult result = validator.load(yaml);
    if (result.config)
        result.config->sourceFile = QFileInfo(sourceName).isAbsolute() ? sourceName : QString();
    return result;
}

ConfigLoadResult ConfigLoader::loadBytes(const QByteArray& contents, const QString& path)
{
    const QFileInfo info(path);
    ConfigLoadResult result = parse(contents, path, info.absolutePath());
    if (result.config) {
        result.config->sourceFile = QDir::cleanPath(info.absoluteFilePath());
        result.config->sourceSha256 = TrustStore::sha256Hex(contents);
    }
    return result;
}

ConfigLoadResult ConfigLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigError failure { path, 0, 0, QString(),
            u"cannot read the config file: "_s + file.errorString() };
        return { std::nullopt, { failure }, {} };
    }
    ConfigLoadResult result = loadBytes(file.readAll(), path);
    qCDebug(lcConfig) << "loaded" << path << "errors:" << result.errors.size()
                      << "warnings:" << result.warnings.size();
    return result;
}

QString ConfigLoader::findConfigFile(const QString& startDir)
{
    QDir dir(QDir::cleanPath(QDir(startDir).absolutePath()));
    while (true) {
        const QString candidate = dir.filePath(fileName.toString());
        if (QFileInfo(candidate).isFile())
            return candidate;
        if (!dir.cdUp())
            return {};
    }
}

} // namespace foxreload
