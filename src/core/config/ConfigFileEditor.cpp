#include "ConfigFileEditor.h"

#include "ConfigKeys.h"
#include "ConfigLoader.h"
#include "ConfigLog.h"
#include "ConfigSchema.h"
#include "YamlEditor.h"
#include "YamlRender.h"
#include "common/DatabaseLocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using KeyEdit = ConfigFileEditor::KeyEdit;

// An unset path stays unset.
QString resolve(const QString& baseDir, const QString& path)
{
    return path.isEmpty() ? path : resolveConfigPath(baseDir, path);
}

// A path as a config file writes it: relative to `base` where below it, absolute elsewhere.
QString spelled(const QString& absolute, const QString& base)
{
    if (absolute.isEmpty() || !isPathBelow(absolute, base))
        return absolute;
    if (absolute == base)
        return u"."_s;
    const QString relative = QDir(base).relativeFilePath(absolute);
    return relative.startsWith(u'~') ? u"./"_s + relative : relative;
}

// Settings as the loader would hold them: relative paths (a caller may pass what a user typed)
// resolved the way the loader resolves them.
Config normalized(Config config, const QString& baseDir)
{
    config.server.cwd = resolve(baseDir, config.server.cwd.isEmpty() ? baseDir : config.server.cwd);
    if (config.server.command.contains(u'/'))
        config.server.command = resolve(config.server.cwd, config.server.command);
    for (QString& path : config.watch.paths)
        path = resolve(baseDir, path);
    if (!isDatabaseUrl(config.database))
        config.database = resolve(baseDir, config.database);
    return config;
}

QByteArray scalar(const QString& value)
{
    return yaml::scalar(value, true);
}

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray boolean(bool value)
{
    return value ? "true"_ba : "false"_ba;
}

// A plain key's value as the file spells it.
QByteArray plainValue(const ConfigKeyInfo& key, const QVariant& value)
{
    switch (key.type) {
    case ConfigType::Int:
        return number(value.toInt());
    case ConfigType::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest).toUtf8();
    case ConfigType::Bool:
        return boolean(value.toBool());
    default:
        return scalar(value.toString());
    }
}

QByteArray flowList(const QStringList& items)
{
    QByteArrayList texts;
    for (const QString& item : items)
        texts.append(scalar(item));
    return '[' + texts.join(", ") + ']';
}

QByteArray flowRule(const Rule& rule)
{
    QByteArray text = "{match: " + scalar(rule.match) + ", strategy: " + scalar(strategyName(rule.strategy));
    if (!rule.components.isEmpty())
        text += ", components: " + flowList(rule.components);
    if (rule.build)
        text += ", build: true";
    if (rule.fixed)
        text += ", fixed: true";
    return text + '}';
}

class EditList
{
public:
    template<typename T>
    void scalarIfChanged(const QString& key, const T& before, const T& after, const QByteArray& text)
    {
        if (before != after)
            m_edits.append({ KeyEdit::Kind::Set, key, text });
    }
    void set(const QString& key, const QByteArray& text)
    {
        m_edits.append({ KeyEdit::Kind::Set, key, text });
    }
    void insert(const QString& key, const QByteArray& text)
    {
        m_edits.append({ KeyEdit::Kind::Insert, key, text });
    }
    void remove(const QString& key) { m_edits.append({ KeyEdit::Kind::Remove, key, {} }); }
    QList<KeyEdit> take() { return std::move(m_edits); }

private:
    QList<KeyEdit> m_edits;
};

// The texts of a list's items in the file, by what they resolve to, so an unchanged item
// keeps its spelling ("tools/" stays "tools/", not "tools").
QHash<QString, QString> spellingsInFile(const QByteArray& yaml, const QString& key, const QString& baseDir)
{
    QHash<QString, QString> spellings;
    QString ignored;
    const auto document = YamlDocument::parse(yaml, &ignored);
    const auto steps = YamlEditor::parsePath(key, &ignored);
    if (!document || !steps || document->root() < 0)
        return spellings;
    int node = document->root();
    for (const YamlPathStep& step : *steps) {
        node = document->mappingValue(node, step.key);
        if (node < 0)
            return spellings;
    }
    const YamlNode& list = document->node(node);
    const QList<int> items = list.kind == YamlNode::Kind::Sequence ? list.children : QList<int> { node };
    for (int item : items) {
        const YamlNode& itemNode = document->node(item);
        if (itemNode.kind == YamlNode::Kind::Scalar && !spellings.contains(resolve(baseDir, itemNode.value)))
            spellings.insert(resolve(baseDir, itemNode.value), itemNode.value);
    }
    return spellings;
}

void ruleEdits(const QList<Rule>& before, const QList<Rule>& after, EditList* edits)
{
    if (before == after)
        return;
    if (before.isEmpty()) {
        QByteArray block;
        for (const Rule& rule : after)
            block += "- " + flowRule(rule) + '\n';
        edits->set(u"rules"_s, after.isEmpty() ? "[]"_ba : block);
        return;
    }
    // Equal rules at both ends stay untouched; the middle is edited field by field.
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (
        suffix < n - prefix && suffix < m - prefix && before.at(n - 1 - suffix) == after.at(m - 1 - suffix))
        ++suffix;
    const qsizetype oldMiddle = n - prefix - suffix;
    const qsizetype newMiddle = m - prefix - suffix;
    for (qsizetype i = 0; i < std::min(oldMiddle, newMiddle); ++i) {
        const Rule& from = before.at(prefix + i);
        const Rule& to = after.at(prefix + i);
        const QString key = u"rules["_s + QString::number(prefix + i) + u"]."_s;
        edits->scalarIfChanged(key + u"match"_s, from.match, to.match, scalar(to.match));
        edits->scalarIfChanged(
            key + u"strategy"_s, from.strategy, to.strategy, scalar(strategyName(to.strategy)));
        if (from.components != to.components) {
            if (to.components.isEmpty())
                edits->remove(key + u"components"_s);
            else
                edits->set(key + u"components"_s, flowList(to.components));
        }
        if (from.build != to.build) {
            if (to.build)
                edits->set(key + u"build"_s, "true");
            else
                edits->remove(key + u"build"_s);
        }
        if (from.fixed != to.fixed) {
            if (to.fixed)
                edits->set(key + u"fixed"_s, "true");
            else
                edits->remove(key + u"fixed"_s);
        }
    }
    for (qsizetype i = oldMiddle - 1; i >= newMiddle; --i)
        edits->remove(u"rules["_s + QString::number(prefix + i) + u']');
    for (qsizetype i = oldMiddle; i < newMiddle; ++i)
        edits->insert(u"rules["_s + QString::number(prefix + i) + u']', flowRule(after.at(prefix + i)));
}

// Every setting as "dotted.key" -> JSON value, for comparing two configs setting by setting.
QHash<QString, QJsonValue> flatten(const Config& config)
{
    QHash<QString, QJsonValue> leaves;
    std::function<void(const QString&, const QJsonValue&)> walk
        = [&](const QString& key, const QJsonValue& value) {
              if (value.isObject() && key != u"server.env") {
                  const QJsonObject object = value.toObject();
                  for (auto it = object.begin(); it != object.end(); ++it) {
                      if (it.key() != u"line" && it.key() != u"source_file" && it.key() != u"project_root")
                          walk(key.isEmpty() ? it.key() : key + u'.' + it.key(), it.value());
                  }
              } else if (value.isArray() && key == u"rules") {
                  const QJsonArray array = value.toArray();
                  leaves.insert(u"rules.count"_s, array.size());
                  for (qsizetype i = 0; i < array.size(); ++i)
                      walk(key + u'[' + QString::number(i) + u']', array.at(i));
              } else {
                  leaves.insert(key, value);
              }
          };
    walk(QString(), ConfigWriter::toJson(config));
    return leaves;
}

} // namespace

QList<KeyEdit> ConfigFileEditor::edits(
    const Config& beforeGiven, const Config& afterGiven, const QByteArray& yaml, const QString& path)
{
    const QString baseDir = QDir::cleanPath(QFileInfo(path).absolutePath());
    const Config before = normalized(beforeGiven, baseDir);
    const Config after = normalized(afterGiven, baseDir);
    EditList edits;

    const ServerSettings& a = before.server;
    const ServerSettings& b = after.server;
    // A command with a '/' is resolved against cwd, so a new cwd may need it written anew.
    if (a.command != b.command || (a.cwd != b.cwd && b.command.contains(u'/'))) {
        const QString command
            = QFileInfo(b.command).isAbsolute() && isPathBelow(b.command, b.cwd) && b.command != b.cwd
            ? u"./"_s + QDir(b.cwd).relativeFilePath(b.command)
            : b.command;
        edits.set(u"server.command"_s, scalar(command));
    }
    edits.scalarIfChanged(u"server.args"_s, a.args, b.args, flowList(b.args));
    edits.scalarIfChanged(u"server.cwd"_s, a.cwd, b.cwd, scalar(spelled(b.cwd, baseDir)));
    if (a.env != b.env) {
        // As a map: the editor changes it name by name, and names may hold any character.
        QByteArrayList entries;
        for (auto it = b.env.cbegin(); it != b.env.cend(); ++it)
            entries.append(scalar(it.key()) + ": " + scalar(it.value()));
        edits.set(u"server.env"_s, '{' + entries.join(", ") + '}');
    }
    edits.scalarIfChanged(u"server.url"_s, a.url, b.url, scalar(b.url));
    if (a.build != b.build) {
        if (b.build.enabled())
            edits.set(u"server.build"_s,
                "{command: " + scalar(b.build.command) + ", args: " + flowList(b.build.args) + '}');
        else
            edits.remove(u"server.build"_s);
    }

    const WatchSettings& w = before.watch;
    const WatchSettings& x = after.watch;
    if (w.paths != x.paths) {
        const QHash<QString, QString> spellings = spellingsInFile(yaml, u"watch.paths"_s, baseDir);
        QStringList texts;
        for (const QString& watched : x.paths)
            texts.append(spellings.value(watched, spelled(watched, baseDir)));
        edits.set(u"watch.paths"_s, flowList(texts));
    }
    edits.scalarIfChanged(u"watch.exclude"_s, w.exclude, x.exclude, flowList(x.exclude));

    ruleEdits(before.rules, after.rules, &edits);
    // The plain keys, as the schema lists them: each one that changed is set to its new value.
    for (const ConfigKeyInfo& key : configSchema()) {
        if (key.isPlain() && key.access.get(before) != key.access.get(after))
            edits.set(key.path, plainValue(key, key.access.get(after)));
    }

    if (before.proxy.listen != after.proxy.listen) {
        if (after.proxy.listen.isEmpty())
            edits.remove(u"proxy.listen"_s);
        else
            edits.set(u"proxy.listen"_s, scalar(after.proxy.listen));
    }
    if (before.metrics.listen != after.metrics.listen) {
        if (after.metrics.listen.isEmpty())
            edits.remove(u"metrics.listen"_s);
        else
            edits.set(u"metrics.listen"_s, scalar(after.metrics.listen));
    }
    if (before.notifications.webhooks != after.notifications.webhooks) {
        QByteArrayList hooks;
        for (const WebhookSettings& hook : after.notifications.webhooks)
            hooks.append("{url: " + scalar(hook.url) + ", format: " + scalar(webhookFormatName(hook.format))
                + ", events: " + flowList(hook.events) + '}');
        edits.set(u"notifications.webhooks"_s, '[' + hooks.join(", ") + ']');
    }
    if (before.database != after.database) {
        if (after.database.isEmpty())
            edits.remove(u"database"_s);
        else
            edits.set(u"database"_s, scalar(spelled(after.database, baseDir)));
    }
    return edits.take();
}

std::optional<QByteArray> ConfigFileEditor::apply(
    const QByteArray& yaml, const QList<KeyEdit>& edits, QString* errorMessage)
{
    YamlEditor editor(yaml);
    editor.setKeyOrder(configKeyOrder());
    for (const KeyEdit& edit : edits) {
        QString error;
        bool ok = false;
        switch (edit.kind) {
        case KeyEdit::Kind::Set:
            ok = editor.set(edit.key, edit.value, &error);
            break;
        case KeyEdit::Kind::Insert:
            ok = editor.insert(edit.key, edit.value, &error);
            break;
        case KeyEdit::Kind::Remove:
            ok = editor.remove(edit.key, &error);
            break;
        }
        if (!ok) {
            if (errorMessage)
                *errorMessage = error;
            return std::nullopt;
        }
    }
    return editor.text();
}

bool ConfigFileEditor::save(
    const QString& path, const Config& before, const Config& after, QString* errorMessage)
{
    auto fail = [&](const QString& message) {
        if (errorMessage)
            *errorMessage = message;
        qCWarning(lcConfig) << "not saved:" << message;
        return false;
    };
    QFile file(path);
    if (!file.exists())
        return ConfigWriter::writeFile(after, path, errorMessage);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read "_s + path + u": "_s + file.errorString());
    const QByteArray original = file.readAll();
    file.close();

    const QString baseDir = QDir::cleanPath(QFileInfo(path).absolutePath());
    const QList<KeyEdit> changes = edits(before, after, original, path);
    if (changes.isEmpty())
        return true;
    QString error;
    const auto edited = apply(original, changes, &error);
    if (!edited)
        return fail(path + u": "_s + error);

    // The edited text must load, and give the settings asked for.
    const ConfigLoadResult reloaded = ConfigLoader::parse(*edited, path, baseDir);
    if (!reloaded.ok()) {
        QStringList messages;
        for (const ConfigError& problem : reloaded.errors)
            messages.append(problem.toString());
        return fail(messages.join(u'\n'));
    }
    const ConfigLoadResult current = ConfigLoader::parse(original, path, baseDir);
    const QHash<QString, QJsonValue> wanted = flatten(normalized(after, baseDir));
    const QHash<QString, QJsonValue> was = flatten(normalized(before, baseDir));
    const QHash<QString, QJsonValue> got = flatten(*reloaded.config);
    const QHash<QString, QJsonValue> kept = current.ok() ? flatten(*current.config) : was;
    QStringList keys = wanted.keys() + got.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString& key : keys) {
        // A setting that changed must now read as asked; one that did not, as the file had it
        // (it may have been edited by hand since `before` was loaded).
        const QJsonValue expected = was.value(key) != wanted.value(key) ? wanted.value(key) : kept.value(key);
        if (got.value(key) != expected)
            return fail(path + u": "_s + key + u" would not read back as set; the file was left unchanged"_s);
    }
    return writeKeepingBackup(path, *edited, errorMessage);
}

bool ConfigFileEditor::writeKeepingBackup(
    const QString& path, const QByteArray& contents, QString* errorMessage)
{
    auto fail = [&](const QString& what, const QFileDevice& device) {
        if (errorMessage)
            *errorMessage = u"cannot write "_s + what + u": "_s + device.errorString();
        return false;
    };
    QFile current(path);
    const bool exists = current.exists();
    const QFileDevice::Permissions permissions = exists ? current.permissions() : QFileDevice::Permissions();
    if (exists) {
        if (!current.open(QIODevice::ReadOnly))
            return fail(path, current);
        const QByteArray previous = current.readAll();
        current.close();
        QSaveFile backup(path + u".bak"_s);
        if (!backup.open(QIODevice::WriteOnly))
            return fail(backup.fileName(), backup);
        backup.setPermissions(permissions);
        backup.write(previous);
        if (!backup.commit())
            return fail(backup.fileName(), backup);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(path, file);
    if (exists)
        file.setPermissions(permissions);
    file.write(contents);
    if (!file.commit())
        return fail(path, file);
    return true;
}

} // namespace foxreload
