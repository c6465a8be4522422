#pragma once

// Real .foxreload.yaml shapes and one edit each, with the whole expected file: shared by
// tst_configfileeditor (ConfigFileEditor::save, what the settings dialog calls) and
// tst_cli_config (`foxreload config set|unset`), which must both give these bytes.

#include "config/Config.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace foxreload::testing {

struct ConfigFileShape
{
    const char* name;
    QByteArray original;
    QStringList cli; // after "foxreload config": set KEY [--] VALUE | unset KEY
    std::function<void(Config&, const QString& root)> change; // the same change, made to the loaded settings
    QByteArray expected;
};

// The files the shapes' configs name, below `root`.
inline bool createShapeProject(const QString& root)
{
    QDir dir(root);
    for (const char* sub : { "tools", "services", "protocol" }) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return false;
    }
    QFile main(dir.filePath(QStringLiteral("main.py")));
    return main.open(QIODevice::WriteOnly) && main.write("print('hi')\n") > 0;
}

// UTF-8 text as a QString, short for the tables below.
inline QString S(const char* text)
{
    return QString::fromUtf8(text);
}

inline QByteArray replaced(QByteArray text, const QByteArray& before, const QByteArray& after)
{
    Q_ASSERT(text.contains(before));
    return text.replace(before, after);
}

inline QList<ConfigFileShape> configFileShapes()
{
    using Root = const QString&;

    const QByteArray commented = "# FoxReload settings for the weather server\n"
                                 "server:\n"
                                 "  command: python3   # the interpreter\n"
                                 "  args: [main.py]\n"
                                 "\n"
                                 "# what to watch\n"
                                 "watch:\n"
                                 "  paths:\n"
                                 "    - tools/     # tool code\n"
                                 "    # the entry point too\n"
                                 "    - main.py\n"
                                 "  debounce_ms: 50 # fast\n"
                                 "gamification:\n"
                                 "  xp_multiplier: 1.0\n";
    const QByteArray flowRules
        = "server: {command: python3, args: [main.py]}\n"
          "rules:\n"
          "  - {match: main.py, strategy: full_restart}\n"
          "  # tools reload in place\n"
          "  - {match: \"tools/**/*.py\", strategy: hot_reload, components: [tool_registry]}\n"
          "default_strategy: full_restart\n";
    const QByteArray wide = "server:\n"
                            "    command: python3\n"
                            "    args:\n"
                            "    - main.py\n"
                            "rules:\n"
                            "- match: main.py\n"
                            "  strategy: full_restart\n"
                            "- match: tools/**\n"
                            "  strategy: hot_reload\n";
    const QByteArray anchored = "server:\n  command: python3\n"
                                "rules:\n"
                                "  - {match: main.py, strategy: &restart full_restart}\n"
                                "  - {match: protocol/**, strategy: *restart}\n"
                                "watch:\n  debounce_ms: 50\n";
    const QByteArray env
        = "server:\n  command: python3\n  env:\n    PYTHONUNBUFFERED: \"1\"   # unbuffered output\n";

    return {
        { "comments above, between items, trailing", commented, { S("set"), S("watch.debounce_ms"), S("80") },
            [](Config& c, Root) { c.watch.debounceMs = 80; },
            replaced(commented, "debounce_ms: 50 #", "debounce_ms: 80 #") },
        { "flow list stays flow", commented, { S("set"), S("server.args"), S("[main.py, --verbose]") },
            [](Config& c, Root) {
                c.server.args = { S("main.py"), S("--verbose") };
            },
            replaced(commented, "[main.py]", "[main.py, --verbose]") },
        { "block list gains an item, its comments and spellings stay", commented,
            { S("set"), S("watch.paths"), S("[tools/, services, main.py]") },
            [](Config& c, Root root) { c.watch.paths.insert(1, root + S("/services")); },
            replaced(commented, "    - tools/     # tool code\n",
                "    - tools/     # tool code\n    - services\n") },
        { "1.0 stays 1.0 when something else changes", commented,
            { S("set"), S("gamification.enabled"), S("false") },
            [](Config& c, Root) { c.gamification.enabled = false; },
            replaced(commented, "gamification:\n", "gamification:\n  enabled: false\n") },
        { "missing section created in schema order", commented,
            { S("set"), S("history.retention_days"), S("30") },
            [](Config& c, Root) { c.history.retentionDays = 30; },
            commented + "history:\n  retention_days: 30\n" },
        { "flow map in a flow map", flowRules, { S("set"), S("server.cwd"), S("protocol") },
            [](Config& c, Root root) { c.server.cwd = root + S("/protocol"); },
            replaced(flowRules, "args: [main.py]}", "args: [main.py], cwd: protocol}") },
        { "plain scalar that now needs quotes", flowRules, { S("set"), S("rules[0].match"), S("\"*.py\"") },
            [](Config& c, Root) { c.rules[0].match = S("*.py"); },
            replaced(flowRules, "{match: main.py,", "{match: \"*.py\",") },
        { "double quotes kept", flowRules, { S("set"), S("rules[1].match"), S("tools/*.py") },
            [](Config& c, Root) { c.rules[1].match = S("tools/*.py"); },
            replaced(flowRules, "\"tools/**/*.py\"", "\"tools/*.py\"") },
        { "rule removed with its comment", flowRules, { S("unset"), S("rules[1]") },
            [](Config& c, Root) { c.rules.removeAt(1); },
            "server: {command: python3, args: [main.py]}\nrules:\n  - {match: main.py, strategy: "
            "full_restart}\n"
            "default_strategy: full_restart\n" },
        { "single quotes kept", "server:\n  command: python3\n  cwd: 'tools'\n",
            { S("set"), S("server.cwd"), S("services") },
            [](Config& c, Root root) { c.server.cwd = root + S("/services"); },
            "server:\n  command: python3\n  cwd: 'services'\n" },
        { "4 spaces, list items not indented under their key", wide,
            { S("set"), S("rules[2]"), S("{match: services/**, strategy: service_restart}") },
            [](Config& c, Root) {
                Rule rule;
                rule.match = S("services/**");
                rule.strategy = ReloadStrategy::ServiceRestart;
                c.rules.append(rule);
            },
            wide + "- match: services/**\n  strategy: service_restart\n" },
        { "unindented block list gains an item", wide,
            { S("set"), S("server.args[1]"), S("--"), S("--debug") },
            [](Config& c, Root) { c.server.args.append(S("--debug")); },
            replaced(wide, "    - main.py\n", "    - main.py\n    - --debug\n") },
        { "CRLF line endings", "server:\r\n  command: python3\r\nwatch:\r\n  debounce_ms: 50\r\n",
            { S("set"), S("watch.max_wait_ms"), S("2000") },
            [](Config& c, Root) { c.watch.maxWaitMs = 2000; },
            "server:\r\n  command: python3\r\nwatch:\r\n  debounce_ms: 50\r\n  max_wait_ms: 2000\r\n" },
        { "no final newline", "server:\n  command: python3\ngamification:\n  enabled: true",
            { S("set"), S("gamification.enabled"), S("false") },
            [](Config& c, Root) { c.gamification.enabled = false; },
            "server:\n  command: python3\ngamification:\n  enabled: false" },
        { "nested map: new environment variable", env, { S("set"), S("server.env.DEBUG"), S("1") },
            [](Config& c, Root) { c.server.env.insert(S("DEBUG"), S("1")); }, env + "    DEBUG: 1\n" },
        { "environment variable removed with the map left empty", env,
            { S("unset"), S("server.env.PYTHONUNBUFFERED") }, [](Config& c, Root) { c.server.env.clear(); },
            "server:\n  command: python3\n  env: {}\n" },
        { "empty file", QByteArray(), { S("set"), S("server.command"), S("python3") },
            [](Config& c, Root) { c.server.command = S("python3"); }, "server:\n  command: python3\n" },
        { "only comments", "# to do: fill this in\n", { S("set"), S("server.command"), S("node") },
            [](Config& c, Root) { c.server.command = S("node"); },
            "# to do: fill this in\nserver:\n  command: node\n" },
        { "anchors and aliases elsewhere", anchored, { S("set"), S("watch.debounce_ms"), S("70") },
            [](Config& c, Root) { c.watch.debounceMs = 70; },
            replaced(anchored, "debounce_ms: 50", "debounce_ms: 70") },
        { "document start", "---\nserver:\n  command: python3\n",
            { S("set"), S("default_strategy"), S("hot_reload") },
            [](Config& c, Root) { c.defaultStrategy = ReloadStrategy::HotReload; },
            "---\nserver:\n  command: python3\ndefault_strategy: hot_reload\n" },
        { "unicode",
            "# Wetterdienst für Zoë ✓\nserver:\n  command: python3\n  env: {GREETING: \"Grüß dich\"}\n",
            { S("set"), S("server.env.GREETING"), S("Hallo Zoë") },
            [](Config& c, Root) { c.server.env[S("GREETING")] = S("Hallo Zoë"); },
            "# Wetterdienst für Zoë ✓\nserver:\n  command: python3\n  env: {GREETING: \"Hallo Zoë\"}\n" },
        { "database removed", "server:\n  command: python3\ndatabase: history.sqlite  # local\n",
            { S("unset"), S("database") }, [](Config& c, Root) { c.database.clear(); },
            "server:\n  command: python3\n" },
    };
}

// Edits that must be refused, leaving the file byte for byte as it was: {file, cli arguments,
// a part of the message}. The change functions are for ConfigFileEditor::save (null: CLI only).
struct RefusedEdit
{
    const char* name;
    QByteArray original;
    QStringList cli;
    std::function<void(Config&)> change;
    QString message;
};

inline QList<RefusedEdit> refusedEdits()
{
    const QByteArray plain = "server:\n  command: python3   # keep me\nwatch:\n  debounce_ms: 50\n";
    const QByteArray anchored = "server:\n  command: python3\n"
                                "rules:\n"
                                "  - {match: main.py, strategy: &restart full_restart}\n"
                                "  - {match: protocol/**, strategy: *restart}\n";
    return {
        { "unknown key", plain, { S("set"), S("watch.debounce"), S("80") }, nullptr,
            S("did you mean \"watch.debounce_ms\"") },
        { "value out of range", plain, { S("set"), S("watch.debounce_ms"), S("99999") },
            [](Config& c) { c.watch.debounceMs = 99999; },
            S(":4:16: watch.debounce_ms: expected a whole number") },
        { "value of the wrong kind", plain, { S("set"), S("watch.debounce_ms"), S("[1, 2]") }, nullptr,
            S("watch.debounce_ms: expected a whole number") },
        { "not YAML", plain, { S("set"), S("server.args"), S("[main.py") }, nullptr, S("invalid value") },
        { "a path that does not exist", plain, { S("set"), S("watch.paths"), S("[nowhere]") },
            [](Config& c) { c.watch.paths = { S("/nowhere/at/all") }; }, S("does not exist") },
        { "through an alias", anchored, { S("set"), S("rules[1].strategy"), S("hot_reload") },
            [](Config& c) { c.rules[1].strategy = ReloadStrategy::HotReload; }, S("alias") },
        { "an anchored value", anchored, { S("set"), S("rules[0].strategy"), S("none") },
            [](Config& c) { c.rules[0].strategy = ReloadStrategy::None; }, S("anchor") },
    };
}

} // namespace foxreload::testing
