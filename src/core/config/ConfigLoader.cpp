#include "ConfigLoader.h"

#include "CommandAdvice.h"
#include "ConfigKeys.h"
#include "ConfigLog.h"
#include "ConfigText.h"
#include "KeySuggestion.h"
#include "TrustStore.h"
#include "match/Glob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <limits>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace foxreload {

QString ConfigError::toString() const
{
    QString text = file;
    if (line > 0)
        text += u':' + QString::number(line) + u':' + QString::number(column);
    text += u": "_s;
    if (!key.isEmpty())
        text += key + u": "_s;
    return text + message;
}

namespace {

struct Position
{
    int line = 0;
    int column = 0;
};

Position positionOf(const YAML::Node& node, Position fallback = {})
{
    if (!node.IsDefined())
        return fallback;
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0)
        return fallback;
    return { mark.line + 1, mark.column + 1 };
}

bool isNull(const YAML::Node& node)
{
    return !node.IsDefined() || node.IsNull();
}

QString scalarText(const YAML::Node& node)
{
    return QString::fromStdString(node.Scalar());
}

// How a value reads in a message: strings quoted, plain numbers bare, collections by kind.
QString describe(const YAML::Node& node)
{
    if (isNull(node))
        return u"nothing"_s;
    if (node.IsSequence())
        return u"a list"_s;
    if (node.IsMap())
        return u"a map"_s;
    QString text = scalarText(node);
    bool isNumber = false;
    text.toDouble(&isNumber);
    if (isNumber && node.Tag() == "?")
        return text;
    if (text.size() > 60)
        text = text.left(57) + u"…"_s;
    text.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return u'"' + text + u'"';
}

QString withSuggestion(const QString& message, const QString& suggestion)
{
    if (suggestion.isEmpty())
        return message;
    return message + u" (did you mean \""_s + suggestion + u"\"?)"_s;
}

QString joinNames(const QStringList& names)
{
    return names.join(u", "_s);
}

// One "key: value" of a YAML map, remembered with where it was written.
struct Field
{
    QString path; // dotted key, e.g. "watch.debounce_ms"
    YAML::Node keyNode;
    YAML::Node value;

    // A missing or empty value has no position of its own; its key has.
    Position position() const
    {
        const Position keyPosition = positionOf(keyNode);
        return isNull(value) ? keyPosition : positionOf(value, keyPosition);
    }
};

// The keys of one map, checked against the keys that may appear there.
struct Section
{
    QString path; // "" for the document, "server", "server.hot_reload", "rules[0]"
    Position position; // where the map starts (its key), for "missing key" errors
    QMap<QString, Field> fields;
    bool present = false; // the map exists in the file

    const Field* field(const QString& key) const
    {
        const auto it = fields.constFind(key);
        return it == fields.cend() ? nullptr : &*it;
    }
};

QString childPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

// Every key the schema knows, dotted, for "this key belongs elsewhere" hints: the schema's
// keys without list items and free-form map keys.
const QStringList& allKeyPaths()
{
    static const QStringList paths = [] {
        QStringList keys;
        for (const QString& key : configKeyOrder()) {
            if (!key.contains(u"[]") && !key.contains(u'*'))
                keys.append(key);
        }
        return keys;
    }();
    return paths;
}

// YAML reads an unquoted {a,b} or [abc] as a map or a list, so patterns get a hint.
const QString kPatternExpectation = u"a pattern (a string; quote it if it starts with *, { or [)"_s;

struct IntRange
{
    qint64 min;
    qint64 max;
    QString unit; // "milliseconds", "lines", ... (plural), may be empty
};

class Validator
{
public:
    Validator(QString sourceName, QString baseDir)
        : m_sourceName(std::move(sourceName))
        , m_baseDir(QDir::cleanPath(QDir(baseDir).absolutePath()))
    { }

    ConfigLoadResult load(const QByteArray& yaml);

    // A file of a million wrong keys must not take a gigabyte and print a hundred
    // megabytes: the first kMaxListed problems (by position) are kept, the rest counted.
    static constexpr int kMaxListed = 50;

private:
    void error(Position at, const QString& key, const QString& message)
    {
        keepFirst(m_errors, &m_errorsLeftOut, { m_sourceName, at.line, at.column, key, message });
    }
    void warn(Position at, const QString& key, const QString& message)
    {
        keepFirst(m_warnings, &m_warningsLeftOut, { m_sourceName, at.line, at.column, key, message });
    }
    // Whether a problem at `at` would be listed: lets a costly message be skipped.
    bool wouldList(Position at) const
    {
        return m_errors.size() < kMaxListed || before(at, m_errors.at(latestIndex(m_errors)));
    }
    static bool before(Position at, const ConfigError& other)
    {
        return std::pair(at.line, at.column) < std::pair(other.line, other.column);
    }
    static qsizetype latestIndex(const QList<ConfigError>& list)
    {
        qsizetype latest = 0;
        for (qsizetype i = 1; i < list.size(); ++i) {
            if (std::pair(list.at(i).line, list.at(i).column)
                >= std::pair(list.at(latest).line, list.at(latest).column))
                latest = i;
        }
        return latest;
    }
    static void keepFirst(QList<ConfigError>& list, qsizetype* leftOut, ConfigError&& problem)
    {
        if (list.size() < kMaxListed) {
            list.append(std::move(problem));
            return;
        }
        ++*leftOut;
        const qsizetype latest = latestIndex(list);
        if (before({ problem.line, problem.column }, list.at(latest)))
            list[latest] = std::move(problem);
    }
    void sortAndSummarize(QList<ConfigError>& list, qsizetype leftOut, const QString& what) const
    {
        std::stable_sort(list.begin(), list.end(), [](const ConfigError& a, const ConfigError& b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
        if (leftOut > 0)
            list.append({ m_sourceName, 0, 0, QString(),
                u"… %1 more %2 (only the first %3 are listed)"_s.arg(leftOut).arg(what).arg(kMaxListed) });
    }

    Section openSection(const QString& path, Position position, const YAML::Node& map,
        const QStringList& known, const QString& expectation);
    Section openSection(const Field& field, const QStringList& known);
    void reportUnknownKey(
        const Section& section, const QString& key, const Field& field, const QStringList& known);

    // Typed readers: on success they store the value and return true; on a wrong value they
    // record an error and leave the default in place. A key that is absent is not an error.
    // `what` names the expected value in messages ("a string", "a pattern ...").
    bool readString(const Section& section, const QString& key, QString* out, bool allowEmpty = false,
        const QString& what = u"a string"_s);
    bool readInt(const Section& section, const QString& key, const IntRange& range, int* out);
    bool readDouble(const Section& section, const QString& key, double min, double max, double* out);
    bool readBool(const Section& section, const QString& key, bool* out);
    bool readChoice(const Section& section, const QString& key, const QStringList& choices, QString* out);

    struct ListItem
    {
        QString value;
        QString path; // "watch.paths[1]", or "watch.paths" when written as a single string
        Position position;
    };
    std::optional<QList<ListItem>> readStringList(
        const Section& section, const QString& key, const QString& what = u"a string"_s);
    void readEnv(const Section& section, QMap<QString, QString>* out);

    void readServer(const Section& root);
    void readBuild(const Section& server); // server.build: {command, args}
    void readWatch(const Section& root);
    void readRules(const Section& root);
    void readGamification(const Section& root);
    void readHistory(const Section& root);
    void readProxy(const Section& root);
    void readMetrics(const Section& root);
    void readResources(const Section& root);
    // `listen: HOST:PORT` of an endpoint FoxReload serves (port 0: any free port).
    void readListenAddress(const Section& section, const QString& example, QString* out);
    void readNotifications(const Section& root);
    void readDatabase(const Section& root);
    void checkCommand(const Field& field);
    bool checkPattern(const QString& pattern, const QString& path, Position position);

    void missing(const Section& section, const QString& key, const QString& explanation)
    {
        error(section.position, childPath(section.path, key), u"missing; "_s + explanation);
    }

    QString m_sourceName;
    QString m_baseDir;
    Config m_config;
    QList<ConfigError> m_errors;
    QList<ConfigError> m_warnings;
    qsizetype m_errorsLeftOut = 0;
    qsizetype m_warningsLeftOut = 0;
};

Section Validator::openSection(const QString& path, Position position, const YAML::Node& map,
    const QStringList& known, const QString& expectation)
{
    Section section;
    section.path = path;
    section.position = position;
    if (isNull(map))
        return section;
    if (!map.IsMap()) {
        error(positionOf(map, position), path, u"expected "_s + expectation + u", got "_s + describe(map));
        return section;
    }
    section.present = true;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node keyNode = it->first;
        if (!keyNode.IsScalar()) {
            error(positionOf(keyNode, position), path,
                u"keys must be plain names, got "_s + describe(keyNode) + u" as a key"_s);
            continue;
        }
        const QString key = scalarText(keyNode);
        Field field { childPath(path, key), keyNode, it->second };
        if (const Field* first = section.field(key)) {
            error(positionOf(keyNode), field.path,
                u"duplicate key (first set on line "_s + QString::number(positionOf(first->keyNode).line)
                    + u"; only one may stay)"_s);
            continue;
        }
        if (!known.contains(key)) {
            reportUnknownKey(section, key, field, known);
            continue;
        }
        section.fields.insert(key, field);
    }
    return section;
}

Section Validator::openSection(const Field& field, const QStringList& known)
{
    return openSection(field.path, positionOf(field.keyNode), field.value, known,
        u"a map of settings ("_s + joinNames(known) + u')');
}

void Validator::reportUnknownKey(
    const Section& section, const QString& key, const Field& field, const QStringList& known)
{
    const Position at = positionOf(field.keyNode);
    if (!wouldList(at)) {
        ++m_errorsLeftOut; // counted, without working out a message no one will read
        return;
    }
    const QString nearby = closestName(key, known);
    if (!nearby.isEmpty()) {
        error(at, field.path, withSuggestion(u"unknown key"_s, nearby));
        return;
    }
    // A real key written under the wrong parent, e.g. debounce_ms under server:.
    for (const QString& candidate : allKeyPaths()) {
        const QString leaf = candidate.section(u'.', -1);
        if (normalizedName(leaf) == normalizedName(key) && candidate != field.path) {
            error(at, field.path,
                u"unknown key here; \""_s + leaf + u"\" belongs under "_s
                    + (candidate.contains(u'.') ? candidate.section(u'.', 0, -2) + u':' : u"the top level"_s)
                    + u" (did you mean "_s + candidate + u"?)"_s);
            return;
        }
    }
    const QString where = section.path.isEmpty() ? u"at the top level"_s : u"under "_s + section.path + u':';
    error(at, field.path, u"unknown key; known keys "_s + where + u' ' + joinNames(known));
}

bool Validator::readString(
    const Section& section, const QString& key, QString* out, bool allowEmpty, const QString& what)
{
    const Field* field = section.field(key);
    if (!field)
        return false;
    if (isNull(field->value) || !field->value.IsScalar()) {
        error(field->position(), field->path, u"expected "_s + what + u", got "_s + describe(field->value));
        return false;
    }
    const QString text = scalarText(field->value);
    if (!allowEmpty && text.trimmed().isEmpty()) {
        error(field->position(), field->path, u"expected a non-empty string, got \"\""_s);
        return false;
    }
    *out = text;
    return true;
}

bool Validator::readInt(const Section& section, const QString& key, const IntRange& range, int* out)
{
    const Field* field = section.field(key);
    if (!field)
        return false;
    const QString expected = u"expected a whole number"_s
        + (range.unit.isEmpty() ? QString() : u" of "_s + range.unit) + u" ("_s + QString::number(range.min)
        + u"–"_s + QString::number(range.max) + u"), got "_s + describe(field->value);
    if (isNull(field->value) || !field->value.IsScalar()) {
        error(field->position(), field->path, expected);
        return false;
    }
    bool ok = false;
    const qint64 value = scalarText(field->value).trimmed().toLongLong(&ok, 10);
    if (!ok || value < range.min || value > range.max) {
        error(field->position(), field->path, expected);
        return false;
    }
    *out = static_cast<int>(value);
    return true;
}

bool Validator::readDouble(const Section& section, const QString& key, double min, double max, double* out)
{
    const Field* field = section.field(key);
    if (!field)
        return false;
    const QString expected = u"expected a number ("_s + QString::number(min) + u"–"_s + QString::number(max)
        + u"), got "_s + describe(field->value);
    if (isNull(field->value) || !field->value.IsScalar()) {
        error(field->position(), field->path, expected);
        return false;
    }
    bool ok = false;
    const double value = scalarText(field->value).trimmed().toDouble(&ok);
    if (!ok || !(value >= min && value <= max)) {
        error(field->position(), field->path, expected);
        return false;
    }
    *out = value;
    return true;
}

bool Validator::readBool(const Section& section, const QString& key, bool* out)
{
    const Field* field = section.field(key);
    if (!field)
        return false;
    if (!isNull(field->value) && field->value.IsScalar()) {
        const QString text = scalarText(field->value).trimmed().toLower();
        if (text == u"true" || text == u"yes" || text == u"on") {
            *out = true;
            return true;
        }
        if (text == u"false" || text == u"no" || text == u"off") {
            *out = false;
            return true;
        }
    }
    error(field->position(), field->path, u"expected true or false, got "_s + describe(field->value));
    return false;
}

bool Validator::readChoice(
    const Section& section, const QString& key, const QStringList& choices, QString* out)
{
    const Field* field = section.field(key);
    if (!field)
        return false;
    if (!isNull(field->value) && field->value.IsScalar()) {
        const QString text = scalarText(field->value).trimmed();
        if (choices.contains(text)) {
            *out = text;
            return true;
        }
        error(field->position(), field->path,
            withSuggestion(u"expected one of "_s + joinNames(choices) + u", got "_s + describe(field->value),
                closestName(text, choices)));
        return false;
    }
    error(field->position(), field->path,
        u"expected one of "_s + joinNames(choices) + u", got "_s + describe(field->value));
    return false;
}

std::optional<QList<Validator::ListItem>> Validator::readStringList(
    const Section& section, const QString& key, const QString& what)
{
    const Field* field = section.field(key);
    if (!field)
        return std::nullopt;
    QList<ListItem> items;
    if (isNull(field->value))
        return items;
    if (field->value.IsScalar()) {
        // A single string where a list is expected is a list of one.
        items.append({ scalarText(field->value), field->path, field->position() });
        return items;
    }
    if (!field->value.IsSequence()) {
        error(field->position(), field->path, u"expected a list of strings, got "_s + describe(field->value));
        return std::nullopt;
    }
    // Bad items are reported and skipped; the good ones are still checked further.
    int index = 0;
    for (const YAML::Node& element : field->value) {
        const QString path = field->path + u'[' + QString::number(index) + u']';
        // yaml-cpp places an empty item at the token after it; the list's key is less misleading.
        const Position position
            = isNull(element) ? positionOf(field->keyNode) : positionOf(element, field->position());
        if (isNull(element) || !element.IsScalar())
            error(position, path, u"expected "_s + what + u", got "_s + describe(element));
        else
            items.append({ scalarText(element), path, position });
        ++index;
    }
    return items;
}

void Validator::readEnv(const Section& section, QMap<QString, QString>* out)
{
    const Field* field = section.field(u"env"_s);
    if (!field || isNull(field->value))
        return;
    if (!field->value.IsMap()) {
        error(field->position(), field->path,
            u"expected a map of environment variables (NAME: value), got "_s + describe(field->value));
        return;
    }
    QMap<QString, Position> seen;
    for (auto it = field->value.begin(); it != field->value.end(); ++it) {
        const YAML::Node keyNode = it->first;
        const YAML::Node value = it->second;
        const Position keyPosition = positionOf(keyNode, field->position());
        if (!keyNode.IsScalar()) {
            error(keyPosition, field->path, u"expected a variable name as key, got "_s + describe(keyNode));
            continue;
        }
        const QString name = scalarText(keyNode);
        const QString path = field->path + u'.' + name;
        if (name.isEmpty() || name.contains(u'=') || name.contains(QChar(0))) {
            error(keyPosition, path, u"expected a variable name without '=', got "_s + describe(keyNode));
            continue;
        }
        if (seen.contains(name)) {
            error(keyPosition, path,
                u"duplicate key (first set on line "_s + QString::number(seen.value(name).line)
                    + u"; only one may stay)"_s);
            continue;
        }
        seen.insert(name, keyPosition);
        // Numbers and booleans are accepted as written: the environment only holds strings.
        if (isNull(value) || !value.IsScalar()) {
            error(isNull(value) ? keyPosition : positionOf(value, keyPosition), path,
                u"expected a string value (write \"\" for an empty one), got "_s + describe(value));
            continue;
        }
        out->insert(name, scalarText(value));
    }
}

void Validator::checkCommand(const Field& field)
{
    QString& command = m_config.server.command;
    if (command.contains(u'/')) {
        // "./run.sh" or "venv/bin/python": relative to the server's working directory,
        // which is also where the process would look for it.
        command = resolveConfigPath(m_config.server.cwd, command);
        const QFileInfo info(command);
        if (!info.exists())
            warn(field.position(), field.path, u"\""_s + command + u"\" does not exist (yet)"_s);
        else if (!info.isFile() || !info.isExecutable())
            warn(field.position(), field.path,
                u"\""_s + command + u"\" is not an executable file; the server will not start"_s);
        return;
    }
    QStringList searchPaths;
    const auto pathVariable = m_config.server.env.constFind(u"PATH"_s);
    if (pathVariable != m_config.server.env.cend())
        searchPaths = pathVariable->split(u':', Qt::SkipEmptyParts);
    // "command 'nodee' not found on PATH — did you mean node?": the fix, not just the failure.
    if (const QString advice = missingProgramAdvice(u"command"_s, command, searchPaths); !advice.isEmpty())
        warn(field.position(), field.path, advice);
}

void Validator::readBuild(const Section& server)
{
    const Field* buildField = server.field(u"build"_s);
    if (!buildField || isNull(buildField->value))
        return;
    if (!buildField->value.IsMap()) {
        error(buildField->position(), buildField->path,
            u"expected a build step like {command: npm, args: [run, build]}, got "_s
                + describe(buildField->value));
        return;
    }
    const Section build = openSection(*buildField, { u"command"_s, u"args"_s });
    BuildSettings& settings = m_config.server.build;
    if (const auto args = readStringList(build, u"args"_s)) {
        for (const ListItem& item : *args)
            settings.args.append(item.value);
    }
    const Field* commandField = build.field(u"command"_s);
    if (!commandField) {
        missing(build, u"command"_s, u"a build step needs its command, e.g. command: npm"_s);
        return;
    }
    if (!readString(build, u"command"_s, &settings.command) || settings.command.isEmpty())
        return;
    // A build tool that is not installed is named now, not at the first reload.
    QString& command = settings.command;
    if (command.contains(u'/')) {
        command = resolveConfigPath(m_config.server.cwd, command);
        if (!QFileInfo(command).isExecutable())
            warn(commandField->position(), commandField->path,
                u"\""_s + command + u"\" is not an executable file; every build will fail"_s);
        return;
    }
    QStringList searchPaths;
    const auto pathVariable = m_config.server.env.constFind(u"PATH"_s);
    if (pathVariable != m_config.server.env.cend())
        searchPaths = pathVariable->split(u':', Qt::SkipEmptyParts);
    if (QStandardPaths::findExecutable(command, searchPaths).isEmpty())
        warn(commandField->position(), commandField->path,
            u"build tool '"_s + command + u"' not found on PATH — install it, or fix server.build.command"_s);
}

void Validator::readServer(const Section& root)
{
    const Field* serverField = root.field(u"server"_s);
    if (!serverField) {
        missing(root, u"server.command"_s,
            u"FoxReload needs the command that starts your MCP server, e.g. server: {command: python3, args: [main.py]}"_s);
        return;
    }
    const Section server = openSection(*serverField,
        { u"command"_s, u"args"_s, u"cwd"_s, u"env"_s, u"hot_reload"_s, u"shutdown_grace_ms"_s,
            u"ready_timeout_ms"_s, u"restart_mode"_s, u"crash_loop"_s, u"stderr_tail_lines"_s, u"transport"_s,
            u"url"_s, u"build"_s, u"build_timeout_ms"_s });
    ServerSettings& settings = m_config.server;

    if (const auto args = readStringList(server, u"args"_s)) {
        for (const ListItem& item : *args)
            settings.args.append(item.value);
        const Field* field = server.field(u"args"_s);
        if (field->value.IsScalar() && settings.args.constFirst().contains(u' '))
            warn(field->position(), field->path,
                u"passed to the server as ONE argument; write a list ([a, b]) to pass several"_s);
    }

    QString cwd;
    if (readString(server, u"cwd"_s, &cwd)) {
        settings.cwd = resolveConfigPath(m_baseDir, cwd);
        if (!QFileInfo(settings.cwd).isDir()) {
            const Field* field = server.field(u"cwd"_s);
            error(field->position(), field->path,
                u"expected an existing directory, but \""_s + settings.cwd + u"\" "_s
                    + (QFileInfo::exists(settings.cwd) ? u"is not a directory"_s : u"does not exist"_s));
        }
    }
    readEnv(server, &settings.env);

    if (const Field* field = server.field(u"command"_s)) {
        if (readString(server, u"command"_s, &settings.command))
            checkCommand(*field);
    } else if (server.present || isNull(serverField->value)) {
        missing(server, u"command"_s,
            u"FoxReload needs the command that starts your MCP server, e.g. command: python3"_s);
    }

    if (const Field* field = server.field(u"hot_reload"_s)) {
        const Section hotReload = openSection(*field, { u"method"_s, u"timeout_ms"_s });
        readString(hotReload, u"method"_s, &settings.hotReload.method);
        readInt(hotReload, u"timeout_ms"_s, { 1, 600000, u"milliseconds"_s }, &settings.hotReload.timeoutMs);
    }
    readBuild(server);
    readInt(server, u"build_timeout_ms"_s, { 100, 3600000, u"milliseconds"_s }, &settings.buildTimeoutMs);
    readInt(server, u"shutdown_grace_ms"_s, { 0, 600000, u"milliseconds"_s }, &settings.shutdownGraceMs);
    readInt(server, u"ready_timeout_ms"_s, { 100, 600000, u"milliseconds"_s }, &settings.readyTimeoutMs);
    QString restartMode;
    if (readChoice(server, u"restart_mode"_s, { u"blue_green"_s, u"stop_start"_s }, &restartMode))
        settings.restartMode = *restartModeFromName(restartMode);
    if (const Field* field = server.field(u"crash_loop"_s)) {
        const Section crashLoop = openSection(*field, { u"limit"_s, u"window_ms"_s });
        readInt(crashLoop, u"limit"_s, { 1, 1000, u"exits"_s }, &settings.crashLoopLimit);
        readInt(crashLoop, u"window_ms"_s, { 1000, 3600000, u"milliseconds"_s }, &settings.crashLoopWindowMs);
    }
    readInt(server, u"stderr_tail_lines"_s, { 0, 100000, u"lines"_s }, &settings.stderrTailLines);
    QString transport;
    if (readChoice(server, u"transport"_s, { u"stdio"_s, u"http"_s }, &transport))
        settings.transport = *serverTransportFromName(transport);
    if (readString(server, u"url"_s, &settings.url, false, u"a URL such as http://127.0.0.1:{port}/mcp"_s)) {
        const Field* field = server.field(u"url"_s);
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

bool Validator::checkPattern(const QString& pattern, const QString& path, Position position)
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

void Validator::readWatch(const Section& root)
{
    const Field* watchField = root.field(u"watch"_s);
    if (!watchField)
        return;
    const Section watch = openSection(*watchField,
        { u"paths"_s, u"exclude"_s, u"respect_gitignore"_s, u"debounce_ms"_s, u"max_wait_ms"_s,
            u"max_reloads_per_minute"_s, u"backend"_s, u"poll_interval_ms"_s, u"follow_imports"_s });
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
            const Field* field = watch.field(u"paths"_s);
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

    readBool(watch, u"respect_gitignore"_s, &settings.respectGitignore);
    const bool debounceRead
        = readInt(watch, u"debounce_ms"_s, { 0, 60000, u"milliseconds"_s }, &settings.debounceMs);
    const bool maxWaitRead
        = readInt(watch, u"max_wait_ms"_s, { 0, 600000, u"milliseconds"_s }, &settings.maxWaitMs);
    if ((debounceRead || maxWaitRead) && settings.maxWaitMs < settings.debounceMs) {
        const Field* field = watch.field(maxWaitRead ? u"max_wait_ms"_s : u"debounce_ms"_s);
        error(field->position(), field->path,
            u"watch.max_wait_ms ("_s + QString::number(settings.maxWaitMs)
                + u") must be at least watch.debounce_ms ("_s + QString::number(settings.debounceMs) + u')');
    }
    readInt(watch, u"max_reloads_per_minute"_s, { 0, 6000, u"reloads (0: no limit)"_s },
        &settings.maxReloadsPerMinute);
    readChoice(watch, u"backend"_s, watchBackendNames(), &settings.backend);
    readInt(watch, u"poll_interval_ms"_s, { 50, 3600000, u"milliseconds"_s }, &settings.pollIntervalMs);
    readBool(watch, u"follow_imports"_s, &settings.followImports);
}

void Validator::readRules(const Section& root)
{
    const QStringList strategies = { u"none"_s, u"hot_reload"_s, u"service_restart"_s, u"full_restart"_s };
    QString defaultStrategy;
    if (readChoice(root, u"default_strategy"_s, strategies, &defaultStrategy))
        m_config.defaultStrategy = *strategyFromName(defaultStrategy);

    const Field* rulesField = root.field(u"rules"_s);
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
        const Position position = positionOf(ruleNode, rulesField->position());
        if (isNull(ruleNode) || !ruleNode.IsMap()) {
            error(position, path,
                u"expected a rule like {match: \"tools/**/*.py\", strategy: hot_reload}, got "_s
                    + describe(ruleNode));
            continue;
        }
        const Section section = openSection(
            path, position, ruleNode, { u"match"_s, u"strategy"_s, u"components"_s, u"build"_s }, QString());
        Rule rule;
        rule.line = position.line;
        bool valid = true;
        if (const Field* match = section.field(u"match"_s)) {
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
        if (valid)
            m_config.rules.append(rule);
    }
}

void Validator::readGamification(const Section& root)
{
    const Field* field = root.field(u"gamification"_s);
    if (!field)
        return;
    const Section section = openSection(*field, { u"enabled"_s, u"xp_multiplier"_s, u"notifications"_s });
    GamificationSettings& settings = m_config.gamification;
    readBool(section, u"enabled"_s, &settings.enabled);
    readDouble(section, u"xp_multiplier"_s, 0.0, 10.0, &settings.xpMultiplier);
    readBool(section, u"notifications"_s, &settings.notifications);
}

void Validator::readHistory(const Section& root)
{
    const Field* field = root.field(u"history"_s);
    if (!field)
        return;
    const Section section = openSection(*field, { u"retention_days"_s, u"max_raw_reloads"_s });
    readInt(section, u"retention_days"_s, { 1, 36500, u"days"_s }, &m_config.history.retentionDays);
    readInt(
        section, u"max_raw_reloads"_s, { 1000, 100000000, u"reloads"_s }, &m_config.history.maxRawReloads);
}

void Validator::readProxy(const Section& root)
{
    const Field* field = root.field(u"proxy"_s);
    if (!field)
        return;
    const Section section
        = openSection(*field, { u"request_grace_ms"_s, u"max_queued_requests"_s, u"listen"_s });
    readInt(section, u"request_grace_ms"_s, { 0, 600000, u"milliseconds"_s }, &m_config.proxy.requestGraceMs);
    readInt(
        section, u"max_queued_requests"_s, { 0, 1000000, u"requests"_s }, &m_config.proxy.maxQueuedRequests);
    readListenAddress(section, u"127.0.0.1:8765"_s, &m_config.proxy.listen);
}

void Validator::readListenAddress(const Section& section, const QString& example, QString* out)
{
    QString listen;
    if (!readString(section, u"listen"_s, &listen, false, u"HOST:PORT such as %1"_s.arg(example)))
        return;
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    if (!portOk || port < 0 || port > 65535) {
        const Field* listenField = section.field(u"listen"_s);
        error(listenField->position(), listenField->path,
            u"expected HOST:PORT such as %1 (port 0: any free port), got "_s.arg(example)
                + describe(listenField->value));
        return;
    }
    *out = listen.trimmed();
}

void Validator::readMetrics(const Section& root)
{
    const Field* field = root.field(u"metrics"_s);
    if (!field)
        return;
    const Section section = openSection(*field, { u"listen"_s });
    readListenAddress(section, u"127.0.0.1:9464"_s, &m_config.metrics.listen);
}

void Validator::readResources(const Section& root)
{
    const Field* field = root.field(u"resources"_s);
    if (!field)
        return;
    const Section section = openSection(*field, { u"enabled"_s, u"max_cpu_percent"_s, u"max_rss_mb"_s });
    readBool(section, u"enabled"_s, &m_config.resources.enabled);
    readDouble(section, u"max_cpu_percent"_s, 0.1, 10000.0, &m_config.resources.maxCpuPercent);
    readInt(section, u"max_rss_mb"_s, { 1, 1048576, u"MB"_s }, &m_config.resources.maxRssMb);
}

void Validator::readNotifications(const Section& root)
{
    const Field* field = root.field(u"notifications"_s);
    if (!field)
        return;
    const Section section = openSection(*field, { u"webhooks"_s });
    const Field* hooks = section.field(u"webhooks"_s);
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
        const Position position = positionOf(hookNode, hooks->position());
        if (isNull(hookNode) || !hookNode.IsMap()) {
            error(position, path, u"expected a webhook like "_s + example);
            continue;
        }
        const Section hook
            = openSection(path, position, hookNode, { u"url"_s, u"format"_s, u"events"_s }, QString());
        WebhookSettings settings;
        bool valid = true;
        // The URL is a secret: messages name the key, never the value.
        if (const Field* url = hook.field(u"url"_s)) {
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
            if (readChoice(hook, u"format"_s, { u"slack"_s, u"discord"_s, u"generic"_s }, &format))
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

void Validator::readDatabase(const Section& root)
{
    QString database;
    if (readString(root, u"database"_s, &database))
        m_config.database = resolveConfigPath(m_baseDir, database);
}

// yaml-cpp's messages are terse; for the traps this file's users fall into, say what happened.
QString syntaxHint(const QString& message, const QByteArray& yaml, int line)
{
    if (message.contains(u"anchor"_s))
        return u" (a value starting with * is read as a YAML alias; quote patterns like \"**/*.pyc\")"_s;
    const QList<QByteArray> lines = yaml.split('\n');
    if (line < 1 || line > lines.size())
        return {};
    const QByteArray& text = lines.at(line - 1);
    const qsizetype firstVisible = std::find_if(text.cbegin(), text.cend(), [](char c) {
        return c != ' ' && c != '\t';
    }) - text.cbegin();
    if (text.left(firstVisible).contains('\t'))
        return u" (this line is indented with a tab; YAML indents with spaces only)"_s;
    if (message.startsWith(u"end of"_s) && (text.contains('{') || text.contains('[')))
        return u" (a value starting with { or [ is read as a YAML map or list; if it is a pattern like "
               u"\"{a,b}.py\", quote it)"_s;
    return {};
}

ConfigLoadResult Validator::load(const QByteArray& yaml)
{
    m_config = Config::defaults(m_baseDir);

    if (const auto fault = findNonTextByte(yaml)) {
        error({ fault->line, fault->column }, QString(), fault->message);
        return { std::nullopt, m_errors, m_warnings };
    }
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(yaml.toStdString());
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own words for this are "bad file".
        const Position at = e.mark.is_null() ? Position {} : Position { e.mark.line + 1, e.mark.column + 1 };
        error(at, QString(),
            u"invalid YAML: lists or maps nested more than %1 levels deep (a config needs a handful)"_s.arg(
                kMaxYamlNesting));
        return { std::nullopt, m_errors, m_warnings };
    } catch (const YAML::Exception& e) {
        const Position at = e.mark.is_null() ? Position {} : Position { e.mark.line + 1, e.mark.column + 1 };
        const QString message = QString::fromStdString(e.msg);
        error(at, QString(), u"invalid YAML: "_s + message + syntaxHint(message, yaml, at.line));
        return { std::nullopt, m_errors, m_warnings };
    }
    if (documents.size() > 1) {
        error(positionOf(documents.at(1), { 1, 1 }), QString(),
            u"the file holds "_s + QString::number(documents.size())
                + u" YAML documents (separated by ---); FoxReload reads exactly one"_s);
    }
    const YAML::Node document = documents.empty() ? YAML::Node() : documents.front();

    const Section root = openSection(QString(), { 1, 1 }, document,
        { u"server"_s, u"watch"_s, u"rules"_s, u"default_strategy"_s, u"gamification"_s, u"history"_s,
            u"proxy"_s, u"metrics"_s, u"resources"_s, u"notifications"_s, u"database"_s },
        u"a map of settings (server:, watch:, rules:, ...)"_s);
    if (root.present || isNull(document)) {
        // cwd must be known before the command is resolved against it.
        readServer(root);
        readWatch(root);
        readRules(root);
        readGamification(root);
        readHistory(root);
        readProxy(root);
        readMetrics(root);
        readResources(root);
        readNotifications(root);
        readDatabase(root);
    }

    sortAndSummarize(m_errors, m_errorsLeftOut, u"errors"_s);
    sortAndSummarize(m_warnings, m_warningsLeftOut, u"warnings"_s);
    if (!m_errors.isEmpty())
        return { std::nullopt, m_errors, m_warnings };
    return { m_config, {}, m_warnings };
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
