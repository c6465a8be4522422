#include "ConfigNodeReader.h"

#include "ConfigText.h"
#include "KeySuggestion.h"

#include <algorithm>
#include <yaml-cpp/depthguard.h>

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

YamlPosition positionOf(const YAML::Node& node, YamlPosition fallback)
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

QString childPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

YamlPosition YamlField::position() const
{
    const YamlPosition keyPosition = positionOf(keyNode);
    return isNull(value) ? keyPosition : positionOf(value, keyPosition);
}

namespace {

QString joinNames(const QStringList& names)
{
    return names.join(u", "_s);
}

bool before(YamlPosition at, const ConfigError& other)
{
    return std::pair(at.line, at.column) < std::pair(other.line, other.column);
}

qsizetype latestIndex(const QList<ConfigError>& list)
{
    qsizetype latest = 0;
    for (qsizetype i = 1; i < list.size(); ++i) {
        if (std::pair(list.at(i).line, list.at(i).column)
            >= std::pair(list.at(latest).line, list.at(latest).column))
            latest = i;
    }
    return latest;
}

void keepFirst(QList<ConfigError>& list, qsizetype* leftOut, ConfigError&& problem)
{
    if (list.size() < ConfigNodeReader::kMaxListed) {
        list.append(std::move(problem));
        return;
    }
    ++*leftOut;
    const qsizetype latest = latestIndex(list);
    if (before({ problem.line, problem.column }, list.at(latest)))
        list[latest] = std::move(problem);
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

} // namespace

ConfigNodeReader::ConfigNodeReader(QString sourceName, QStringList allKeyPaths)
    : m_sourceName(std::move(sourceName))
    , m_allKeyPaths(std::move(allKeyPaths))
{ }

void ConfigNodeReader::error(YamlPosition at, const QString& key, const QString& message)
{
    keepFirst(m_errors, &m_errorsLeftOut, { m_sourceName, at.line, at.column, key, message });
}

void ConfigNodeReader::warn(YamlPosition at, const QString& key, const QString& message)
{
    keepFirst(m_warnings, &m_warningsLeftOut, { m_sourceName, at.line, at.column, key, message });
}

void ConfigNodeReader::missing(const YamlSection& section, const QString& key, const QString& explanation)
{
    error(section.position, childPath(section.path, key), u"missing; "_s + explanation);
}

// Whether a problem at `at` would be listed: lets a costly message be skipped.
bool ConfigNodeReader::wouldList(YamlPosition at) const
{
    return m_errors.size() < kMaxListed || before(at, m_errors.at(latestIndex(m_errors)));
}

void ConfigNodeReader::sortAndSummarize(
    QList<ConfigError>& list, qsizetype leftOut, const QString& what) const
{
    std::stable_sort(list.begin(), list.end(), [](const ConfigError& a, const ConfigError& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    if (leftOut > 0)
        list.append({ m_sourceName, 0, 0, QString(),
            u"… %1 more %2 (only the first %3 are listed)"_s.arg(
                QString::number(leftOut), what, QString::number(kMaxListed)) });
}

QList<ConfigError> ConfigNodeReader::takeErrors()
{
    sortAndSummarize(m_errors, m_errorsLeftOut, u"errors"_s);
    m_errorsLeftOut = 0;
    return std::exchange(m_errors, {});
}

QList<ConfigError> ConfigNodeReader::takeWarnings()
{
    sortAndSummarize(m_warnings, m_warningsLeftOut, u"warnings"_s);
    m_warningsLeftOut = 0;
    return std::exchange(m_warnings, {});
}

std::optional<YAML::Node> ConfigNodeReader::parseDocument(const QByteArray& yaml)
{
    if (const auto fault = findNonTextByte(yaml)) {
        error({ fault->line, fault->column }, QString(), fault->message);
        return std::nullopt;
    }
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(yaml.toStdString());
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own words for this are "bad file".
        const YamlPosition at
            = e.mark.is_null() ? YamlPosition {} : YamlPosition { e.mark.line + 1, e.mark.column + 1 };
        error(at, QString(),
            u"invalid YAML: lists or maps nested more than %1 levels deep (a config needs a handful)"_s.arg(
                kMaxYamlNesting));
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        const YamlPosition at
            = e.mark.is_null() ? YamlPosition {} : YamlPosition { e.mark.line + 1, e.mark.column + 1 };
        const QString message = QString::fromStdString(e.msg);
        error(at, QString(), u"invalid YAML: "_s + message + syntaxHint(message, yaml, at.line));
        return std::nullopt;
    }
    if (documents.size() > 1) {
        error(positionOf(documents.at(1), { 1, 1 }), QString(),
            u"the file holds "_s + QString::number(documents.size())
                + u" YAML documents (separated by ---); FoxReload reads exactly one"_s);
    }
    return documents.empty() ? YAML::Node() : documents.front();
}

YamlSection ConfigNodeReader::openSection(const QString& path, YamlPosition position, const YAML::Node& map,
    const QStringList& known, const QString& expectation)
{
    YamlSection section;
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
        YamlField field { childPath(path, key), keyNode, it->second };
        if (const YamlField* first = section.field(key)) {
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

YamlSection ConfigNodeReader::openSection(const YamlField& field, const QStringList& known)
{
    return openSection(field.path, positionOf(field.keyNode), field.value, known,
        u"a map of settings ("_s + joinNames(known) + u')');
}

void ConfigNodeReader::reportUnknownKey(
    const YamlSection& section, const QString& key, const YamlField& field, const QStringList& known)
{
    const YamlPosition at = positionOf(field.keyNode);
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
    for (const QString& candidate : m_allKeyPaths) {
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

bool ConfigNodeReader::readString(
    const YamlSection& section, const QString& key, QString* out, bool allowEmpty, const QString& what)
{
    const YamlField* field = section.field(key);
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

bool ConfigNodeReader::readInt(
    const YamlSection& section, const QString& key, qint64 min, qint64 max, const QString& unit, int* out)
{
    const YamlField* field = section.field(key);
    if (!field)
        return false;
    const QString expected = u"expected a whole number"_s + (unit.isEmpty() ? QString() : u" of "_s + unit)
        + u" ("_s + QString::number(min) + u"–"_s + QString::number(max) + u"), got "_s
        + describe(field->value);
    if (isNull(field->value) || !field->value.IsScalar()) {
        error(field->position(), field->path, expected);
        return false;
    }
    bool ok = false;
    const qint64 value = scalarText(field->value).trimmed().toLongLong(&ok, 10);
    if (!ok || value < min || value > max) {
        error(field->position(), field->path, expected);
        return false;
    }
    *out = static_cast<int>(value);
    return true;
}

bool ConfigNodeReader::readDouble(
    const YamlSection& section, const QString& key, double min, double max, double* out)
{
    const YamlField* field = section.field(key);
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

bool ConfigNodeReader::readBool(const YamlSection& section, const QString& key, bool* out)
{
    const YamlField* field = section.field(key);
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

bool ConfigNodeReader::readChoice(
    const YamlSection& section, const QString& key, const QStringList& choices, QString* out)
{
    const YamlField* field = section.field(key);
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

std::optional<QList<ConfigNodeReader::ListItem>> ConfigNodeReader::readStringList(
    const YamlSection& section, const QString& key, const QString& what)
{
    const YamlField* field = section.field(key);
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
        const YamlPosition position
            = isNull(element) ? positionOf(field->keyNode) : positionOf(element, field->position());
        if (isNull(element) || !element.IsScalar())
            error(position, path, u"expected "_s + what + u", got "_s + describe(element));
        else
            items.append({ scalarText(element), path, position });
        ++index;
    }
    return items;
}

void ConfigNodeReader::readStringMap(
    const YamlSection& section, const QString& key, QMap<QString, QString>* out)
{
    const YamlField* field = section.field(key);
    if (!field || isNull(field->value))
        return;
    if (!field->value.IsMap()) {
        error(field->position(), field->path,
            u"expected a map of environment variables (NAME: value), got "_s + describe(field->value));
        return;
    }
    QMap<QString, YamlPosition> seen;
    for (auto it = field->value.begin(); it != field->value.end(); ++it) {
        const YAML::Node keyNode = it->first;
        const YAML::Node value = it->second;
        const YamlPosition keyPosition = positionOf(keyNode, field->position());
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

} // namespace foxreload
