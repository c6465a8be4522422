// `foxreload config get|set|unset KEY [VALUE]`: reads and edits one setting of a
// .foxreload.yaml. Edits go through YamlEditor, so only the edited value's bytes change;
// the result must load (ConfigLoader) before it is written, atomically, with a .bak.

#include "Commands.h"
#include "ConfigArgument.h"
#include "common/DatabaseLocation.h"
#include "config/ConfigFileEditor.h"
#include "config/ConfigKeys.h"
#include "config/ConfigLoader.h"
#include "config/TrustStore.h"
#include "config/YamlEditor.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

int fail(const QString& message)
{
    printVisible(stderr, u"foxreload config: "_s + message + u'\n');
    return ExitFailure;
}

std::optional<QByteArray> readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + displayPath(path) + u": "_s + file.errorString();
        return std::nullopt;
    }
    return file.readAll();
}

// The database URL's password stays in the file.
QString shownValue(const QString& key, const QString& value)
{
    return key == u"database"_s ? redactedDatabase(value) : value;
}

int get(const QString& path, const QString& key)
{
    QString error;
    const auto contents = readFile(path, &error);
    if (!contents)
        return fail(error);
    const YamlEditor inFile(*contents);
    if (const auto value = inFile.get(key, &error)) {
        printVisible(stdout, shownValue(key, QString::fromUtf8(*value)) + u'\n');
        return ExitOk;
    }
    if (!error.isEmpty())
        return fail(displayPath(path) + u": "_s + error);
    // Not in the file: what FoxReload uses instead, as the resolved config writes it.
    const QString directory = QFileInfo(path).absolutePath();
    const ConfigLoadResult loaded = ConfigLoader::parse(*contents, displayPath(path), directory);
    const Config effective = loaded.ok() ? *loaded.config : Config::defaults(directory);
    const YamlEditor resolved(ConfigWriter::toYaml(effective));
    const auto value = resolved.get(key, &error);
    const QString notSet = key + u" is not set in "_s + displayPath(path);
    if (!value) {
        const bool item = key.contains(u'[');
        printVisible(
            stderr, notSet + (item ? u" (no such item)\n"_s : u"; FoxReload uses its built-in default\n"_s));
        return item ? ExitFailure : ExitOk;
    }
    printVisible(stderr, notSet + u"; this is the default\n"_s);
    printVisible(stdout, shownValue(key, QString::fromUtf8(*value)) + u'\n');
    return ExitOk;
}

int edit(const QString& path, const QString& key, const std::optional<QByteArray>& value)
{
    QString error;
    const auto contents = readFile(path, &error);
    if (!contents)
        return fail(error);
    YamlEditor editor(*contents);
    editor.setKeyOrder(configKeyOrder());
    const bool edited = value ? editor.set(key, *value, &error) : editor.remove(key, &error);
    if (!edited)
        return fail(displayPath(path) + u": "_s + error + u"; the file was not changed"_s);
    if (editor.text() == *contents) {
        printVisible(stdout,
            displayPath(path) + u": "_s + key + (value ? u" already has this value"_s : u" is not set"_s)
                + u"; nothing changed\n"_s);
        return ExitOk;
    }
    // The edited file must load as a config: the loader's messages say what is wrong and where.
    const ConfigLoadResult result
        = ConfigLoader::parse(editor.text(), displayPath(path), QFileInfo(path).absolutePath());
    if (!result.ok()) {
        for (const ConfigError& problem : result.errors)
            printVisible(stderr, problem.toString() + u'\n');
        return fail(u"not changed: with this edit "_s + displayPath(path) + u" would not load (see above)"_s);
    }
    const TrustStore store;
    const bool wasTrusted = store.status(path) == TrustStore::Status::Trusted;
    if (!ConfigFileEditor::writeKeepingBackup(path, editor.text(), &error))
        return fail(error);
    printVisible(stdout,
        displayPath(path) + u": "_s
            + (value ? QString(key + u" set to "_s + QString::fromUtf8(value->trimmed()))
                     : key + u" removed"_s)
            + u" (previous version: "_s + displayPath(path) + u".bak)\n"_s);
    if (wasTrusted)
        printVisible(stdout,
            displayPath(path)
                + u" changed, so it is no longer trusted: FoxReload will not start its server until you run "
                  u"'foxreload trust' again\n"_s);
    return ExitOk;
}

} // namespace

int configCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Reads or changes one setting of a .foxreload.yaml, keeping every other byte of the file.\n"
        u"KEY is dotted: watch.debounce_ms, server.args, server.args[0], server.env.NAME, "
        u"rules[1].strategy.\n"
        u"VALUE is YAML: 80, main.py, \"a b\", [main.py, -v], {match: \"tools/**\", strategy: hot_reload}.\n"
        u"A VALUE starting with '-' goes after --:  foxreload config set server.args[1] -- -v\n"
        u"set and unset write the file atomically and keep the previous version as .foxreload.yaml.bak;\n"
        u"an unknown key or an invalid value changes nothing and exits with 1."_s);
    parser.addHelpOption();
    const QCommandLineOption config({ u"c"_s, u"config"_s },
        u"The config file, or a directory to search upwards from (default: the current directory)."_s,
        u"file"_s);
    parser.addOption(config);
    parser.addPositionalArgument(u"action"_s, u"get KEY | set KEY VALUE | unset KEY"_s);
    parser.addPositionalArgument(u"key"_s, u"The setting, e.g. watch.debounce_ms."_s);
    parser.addPositionalArgument(u"value"_s, u"For set: the new value, as YAML."_s, u"[value]"_s);
    if (const std::optional<int> done = parseCommandLine(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const qsizetype wanted = action == u"set" ? 3 : 2;
    if ((action != u"get" && action != u"set" && action != u"unset") || positional.size() != wanted) {
        printVisible(stderr,
            u"foxreload config: expected 'get KEY', 'set KEY VALUE' or 'unset KEY', got '"_s
                + positional.join(u' ') + u"' (see foxreload config --help)\n"_s);
        return ExitUsage;
    }
    const QString key = positional.at(1);
    if (const QString problem = checkConfigKey(key); !problem.isEmpty())
        return fail(problem);
    QString error;
    const QString path = locateConfigFile(parser.value(config), &error);
    if (path.isEmpty())
        return fail(error);
    if (action == u"get")
        return get(path, key);
    return edit(path, key, action == u"set" ? std::optional(positional.at(2).toUtf8()) : std::nullopt);
}

} // namespace foxreload::cli
