#include "common/ConfigErrorText.h"
#include "config/ConfigLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

// One config value rendered as text, so a data table can say "server.cwd=%ROOT%/srv".
QString fieldValue(const Config& c, const QString& name)
{
    const auto list = [](const QStringList& l) { return l.join(u'|'); };
    const auto flag = [](bool b) { return b ? u"true"_s : u"false"_s; };
    const auto number = [](auto n) { return QString::number(n); };
    if (name == u"server.command")
        return c.server.command;
    if (name == u"server.args")
        return list(c.server.args);
    if (name == u"server.cwd")
        return c.server.cwd;
    if (name.startsWith(u"server.env."))
        return c.server.env.value(name.mid(11), u"<unset>"_s);
    if (name == u"server.env")
        return list(c.server.env.keys());
    if (name == u"server.hot_reload.method")
        return c.server.hotReload.method;
    if (name == u"server.hot_reload.timeout_ms")
        return number(c.server.hotReload.timeoutMs);
    if (name == u"server.shutdown_grace_ms")
        return number(c.server.shutdownGraceMs);
    if (name == u"server.ready_timeout_ms")
        return number(c.server.readyTimeoutMs);
    if (name == u"server.restart_mode")
        return restartModeName(c.server.restartMode);
    if (name == u"server.crash_loop.limit")
        return number(c.server.crashLoopLimit);
    if (name == u"server.crash_loop.window_ms")
        return number(c.server.crashLoopWindowMs);
    if (name == u"server.stderr_tail_lines")
        return number(c.server.stderrTailLines);
    if (name == u"server.transport")
        return serverTransportName(c.server.transport);
    if (name == u"server.url")
        return c.server.url;
    if (name == u"server.build.command")
        return c.server.build.command;
    if (name == u"server.build.args")
        return list(c.server.build.args);
    if (name == u"server.build_timeout_ms")
        return number(c.server.buildTimeoutMs);
    if (name == u"rules.build") {
        QStringList flags;
        for (const Rule& rule : c.rules)
            flags.append(flag(rule.build));
        return flags.join(u'|');
    }
    if (name == u"watch.paths")
        return list(c.watch.paths);
    if (name == u"watch.exclude")
        return list(c.watch.exclude);
    if (name == u"watch.respect_gitignore")
        return flag(c.watch.respectGitignore);
    if (name == u"watch.debounce_ms")
        return number(c.watch.debounceMs);
    if (name == u"watch.max_wait_ms")
        return number(c.watch.maxWaitMs);
    if (name == u"watch.max_reloads_per_minute")
        return number(c.watch.maxReloadsPerMinute);
    if (name == u"watch.backend")
        return c.watch.backend;
    if (name == u"watch.poll_interval_ms")
        return number(c.watch.pollIntervalMs);
    if (name == u"watch.follow_imports")
        return flag(c.watch.followImports);
    if (name == u"rules") {
        QStringList rules;
        for (const Rule& rule : c.rules) {
            rules.append(rule.match + u" -> "_s + strategyName(rule.strategy)
                + (rule.components.isEmpty() ? QString() : u" ["_s + rule.components.join(u',') + u']'));
        }
        return rules.join(u'|');
    }
    if (name == u"rules.lines") {
        QStringList lines;
        for (const Rule& rule : c.rules)
            lines.append(number(rule.line));
        return lines.join(u'|');
    }
    if (name == u"default_strategy")
        return strategyName(c.defaultStrategy);
    if (name == u"gamification.enabled")
        return flag(c.gamification.enabled);
    if (name == u"gamification.xp_multiplier")
        return number(c.gamification.xpMultiplier);
    if (name == u"gamification.notifications")
        return flag(c.gamification.notifications);
    if (name == u"proxy.request_grace_ms")
        return number(c.proxy.requestGraceMs);
    if (name == u"proxy.max_queued_requests")
        return number(c.proxy.maxQueuedRequests);
    if (name == u"resources.enabled")
        return flag(c.resources.enabled);
    if (name == u"resources.max_cpu_percent")
        return number(c.resources.maxCpuPercent);
    if (name == u"resources.max_rss_mb")
        return number(c.resources.maxRssMb);
    if (name == u"history.retention_days")
        return number(c.history.retentionDays);
    if (name == u"history.max_raw_reloads")
        return number(c.history.maxRawReloads);
    if (name == u"database")
        return c.database;
    if (name == u"project_root")
        return c.projectRoot;
    return u"<no such field "_s + name + u'>';
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void validConfig_data();
    void validConfig();
    void brokenConfig_data();
    void brokenConfig();
    void invalidPatternsAreReportedWithTheGlobError_data();
    void invalidPatternsAreReportedWithTheGlobError();
    void warnings_data();
    void warnings();

    void defaultsWithoutConfigFile();
    void errorCarriesPositionAndKey();
    void loadFileResolvesAgainstTheFilesDirectory();
    void loadFileReportsAMissingFile();
    void findConfigFileSearchesUpward();
    void equalityIgnoresWhereSettingsWereRead();

private:
    QString substitute(QString text) const { return text.replace(u"%ROOT%"_s, m_root); }

    QTemporaryDir m_dir;
    QString m_root;
};

void TestConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = QDir::cleanPath(m_dir.path());
    QDir root(m_root);
    for (const char* dir : { "tools", "services", "protocol", "sub/dir", "config", "data" })
        QVERIFY(root.mkpath(QString::fromLatin1(dir)));
    for (const char* file : { "main.py", "tools/weather.py" }) {
        QFile f(root.filePath(QString::fromLatin1(file)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# test\n");
    }
    QFile script(root.filePath(u"sub/dir/run.sh"_s));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexec python3 main.py\n");
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
}

void TestConfig::validConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected"); // "field=value", %ROOT% = the project root

    QTest::newRow("minimal: everything else defaults")
        << R"(server: {command: python3}
)"_ba
        << QStringList {
               u"server.command=python3"_s,
               u"server.args="_s,
               u"server.cwd=%ROOT%"_s,
               u"server.env="_s,
               u"server.hot_reload.method=foxreload/reload"_s,
               u"server.hot_reload.timeout_ms=2000"_s,
               u"server.shutdown_grace_ms=2000"_s,
               u"server.ready_timeout_ms=10000"_s,
               u"server.restart_mode=blue_green"_s,
               u"server.crash_loop.limit=5"_s,
               u"server.crash_loop.window_ms=30000"_s,
               u"server.stderr_tail_lines=200"_s,
               u"server.transport=stdio"_s,
               u"server.url=http://127.0.0.1:{port}/mcp"_s,
               u"watch.paths=%ROOT%"_s,
               u"watch.exclude=**/.*|**/__pycache__/**|**/*.pyc|**/node_modules/**|**/build/**|**/dist/**|"
               u"**/target/**|**/*.swp|**/*~|**/*.tmp"_s,
               u"watch.respect_gitignore=true"_s,
               u"watch.debounce_ms=50"_s,
               u"watch.max_wait_ms=1000"_s,
               u"watch.max_reloads_per_minute=10"_s,
               u"watch.backend=auto"_s,
               u"watch.poll_interval_ms=1000"_s,
               u"watch.follow_imports=true"_s,
               u"rules="_s,
               u"default_strategy=full_restart"_s,
               u"gamification.enabled=true"_s,
               u"gamification.xp_multiplier=1"_s,
               u"gamification.notifications=true"_s,
               u"proxy.request_grace_ms=5000"_s,
               u"proxy.max_queued_requests=1000"_s,
               u"resources.enabled=true"_s,
               u"resources.max_cpu_percent=5"_s,
               u"resources.max_rss_mb=50"_s,
               u"database="_s,
               u"project_root=%ROOT%"_s,
           };

    QTest::newRow("the design's example")
        << R"(server:
  command: python3
  args: [main.py]
  cwd: .
  env: {PYTHONUNBUFFERED: "1"}
  hot_reload: {method: foxreload/reload, timeout_ms: 2000}
  shutdown_grace_ms: 2000
  restart_mode: blue_green   # or stop_start
watch:
  paths: [tools/, services/, protocol/, main.py]
  exclude: ["**/__pycache__/**", "**/tests/**", "**/*.pyc", "**/.*"]
  respect_gitignore: true
  debounce_ms: 50
  max_reloads_per_minute: 10
rules:                       # first match wins
  - {match: main.py, strategy: full_restart}
  - {match: "protocol/**", strategy: full_restart}
  - {match: "tools/**/*.py", strategy: hot_reload, components: [tool_registry]}
  - {match: "services/**/*.py", strategy: service_restart, components: [services]}
  - {match: "config/**/*.{json,yaml}", strategy: hot_reload}
default_strategy: full_restart
gamification: {enabled: true, xp_multiplier: 1.0, notifications: true}
)"_ba
        << QStringList {
               u"server.command=python3"_s,
               u"server.args=main.py"_s,
               u"server.cwd=%ROOT%"_s,
               u"server.env.PYTHONUNBUFFERED=1"_s,
               u"watch.paths=%ROOT%/tools|%ROOT%/services|%ROOT%/protocol|%ROOT%/main.py"_s,
               u"watch.exclude=**/__pycache__/**|**/tests/**|**/*.pyc|**/.*"_s,
               u"rules=main.py -> full_restart|protocol/** -> full_restart|tools/**/*.py -> hot_reload "
               u"[tool_registry]|services/**/*.py -> service_restart [services]|config/**/*.{json,yaml} -> "
               u"hot_reload"_s,
               u"rules.lines=16|17|18|19|20"_s,
               u"default_strategy=full_restart"_s,
           };

    QTest::newRow("a single string where a list is expected")
        << R"(server:
  command: python3
  args: main.py
watch:
  paths: tools
  exclude: "**/*.log"
rules:
  - match: "tools/**"
    strategy: hot_reload
    components: tool_registry
)"_ba
        << QStringList {
               u"server.args=main.py"_s,
               u"watch.paths=%ROOT%/tools"_s,
               u"watch.exclude=**/*.log"_s,
               u"rules=tools/** -> hot_reload [tool_registry]"_s,
               u"rules.lines=8"_s,
           };

    QTest::newRow("environment values are strings") << R"(server:
  command: python3
  env:
    PORT: 8080
    DEBUG: true
    RATIO: 0.5
    EMPTY: ""
    NAME: fox
)"_ba
                                                    << QStringList {
                                                           u"server.env=DEBUG|EMPTY|NAME|PORT|RATIO"_s,
                                                           u"server.env.PORT=8080"_s,
                                                           u"server.env.DEBUG=true"_s,
                                                           u"server.env.RATIO=0.5"_s,
                                                           u"server.env.EMPTY="_s,
                                                           u"server.env.NAME=fox"_s,
                                                       };

    QTest::newRow("relative paths resolve against the config's directory")
        << R"(server:
  command: ./run.sh
  cwd: sub/dir
watch:
  paths: [./tools/, sub/../services, "%ROOT%/protocol", main.py, tools]
database: data/history.sqlite
)"_ba
        << QStringList {
               u"server.cwd=%ROOT%/sub/dir"_s,
               u"server.command=%ROOT%/sub/dir/run.sh"_s, // relative to cwd, where the process looks for it
               u"watch.paths=%ROOT%/tools|%ROOT%/services|%ROOT%/protocol|%ROOT%/main.py"_s, // duplicate
                                                                                             // dropped
               u"database=%ROOT%/data/history.sqlite"_s,
           };

    QTest::newRow("every scalar setting") << R"(server:
  command: node
  hot_reload:
    method: dev/reload
    timeout_ms: 1
  shutdown_grace_ms: 0
  ready_timeout_ms: 600000
  restart_mode: stop_start
  crash_loop: {limit: 3, window_ms: 1000}
  stderr_tail_lines: 0
  transport: http
  url: http://localhost:{port}/rpc
watch:
  respect_gitignore: no
  debounce_ms: 0
  max_wait_ms: 0
  max_reloads_per_minute: 0
  backend: polling
  poll_interval_ms: 50
  follow_imports: off
  exclude: []
default_strategy: none
gamification: {enabled: off, xp_multiplier: 2.5, notifications: False}
proxy: {request_grace_ms: 0, max_queued_requests: 1000000}
history: {retention_days: 7, max_raw_reloads: 5000}
resources: {enabled: false, max_cpu_percent: 0.5, max_rss_mb: 200}
)"_ba
                                          << QStringList {
                                                 u"server.hot_reload.method=dev/reload"_s,
                                                 u"server.hot_reload.timeout_ms=1"_s,
                                                 u"server.shutdown_grace_ms=0"_s,
                                                 u"server.ready_timeout_ms=600000"_s,
                                                 u"server.restart_mode=stop_start"_s,
                                                 u"server.crash_loop.limit=3"_s,
                                                 u"server.crash_loop.window_ms=1000"_s,
                                                 u"server.stderr_tail_lines=0"_s,
                                                 u"server.transport=http"_s,
                                                 u"server.url=http://localhost:{port}/rpc"_s,
                                                 u"watch.respect_gitignore=false"_s,
                                                 u"watch.debounce_ms=0"_s,
                                                 u"watch.max_wait_ms=0"_s,
                                                 u"watch.max_reloads_per_minute=0"_s,
                                                 u"watch.backend=polling"_s,
                                                 u"watch.poll_interval_ms=50"_s,
                                                 u"watch.follow_imports=false"_s,
                                                 u"watch.exclude="_s,
                                                 u"default_strategy=none"_s,
                                                 u"gamification.enabled=false"_s,
                                                 u"gamification.xp_multiplier=2.5"_s,
                                                 u"gamification.notifications=false"_s,
                                                 u"proxy.request_grace_ms=0"_s,
                                                 u"proxy.max_queued_requests=1000000"_s,
                                                 u"history.retention_days=7"_s,
                                                 u"history.max_raw_reloads=5000"_s,
                                                 u"resources.enabled=false"_s,
                                                 u"resources.max_cpu_percent=0.5"_s,
                                                 u"resources.max_rss_mb=200"_s,
                                             };

    QTest::newRow("a build step, and a rule that asks for it")
        << R"(server:
  command: node
  args: [dist/index.js]
  build: {command: sh, args: [-c, "npm run build"]}
  build_timeout_ms: 1000
rules:
  - {match: "src/tools/**", strategy: hot_reload, build: true}
  - {match: "src/**", strategy: full_restart}
)"_ba
        << QStringList { u"server.build.command=sh"_s, u"server.build.args=-c|npm run build"_s,
               u"server.build_timeout_ms=1000"_s, u"rules.build=true|false"_s };
    QTest::newRow("no build step by default") << R"(server: {command: node}
)"_ba << QStringList { u"server.build.command="_s, u"server.build_timeout_ms=300000"_s };

    QTest::newRow("empty sections keep their defaults")
        << R"(server:
  command: python3
watch:
gamification: {}
rules:
)"_ba
        << QStringList { u"watch.paths=%ROOT%"_s, u"watch.debounce_ms=50"_s, u"rules="_s,
               u"gamification.enabled=true"_s };
}

void TestConfig::validConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    const ConfigLoadResult result
        = ConfigLoader::parse(substitute(QString::fromUtf8(yaml)).toUtf8(), u".foxreload.yaml"_s, m_root);
    QVERIFY2(result.ok(), qPrintable(test::configErrorLines(result.errors).join(u'\n')));
    QVERIFY(result.errors.isEmpty());
    for (const QString& expectation : expected) {
        const QString name = expectation.section(u'=', 0, 0);
        const QString value = substitute(expectation.section(u'=', 1));
        QCOMPARE(fieldValue(*result.config, name), value);
    }
}

void TestConfig::brokenConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected"); // every error, in file order

    QTest::newRow("a word for a number")
        << R"(server:
  command: python3
watch:
  paths: [tools]
  exclude: []
  respect_gitignore: true
  debounce_ms: "fast"
)"_ba
        << QStringList { u".foxreload.yaml:7:16: watch.debounce_ms: expected a whole number of milliseconds "
                         u"(0–60000), got \"fast\""_s };

    QTest::newRow("a number out of range")
        << R"(server: {command: python3}
watch: {debounce_ms: 70000}
)"_ba
        << QStringList { u".foxreload.yaml:2:22: watch.debounce_ms: expected a whole number of milliseconds "
                         u"(0–60000), got 70000"_s };

    QTest::newRow("negative, fractional and list values")
        << R"(server:
  command: python3
  shutdown_grace_ms: -1
  ready_timeout_ms: 1.5
  stderr_tail_lines: [1]
  crash_loop: {limit: 0}
)"_ba
        << QStringList {
               u".foxreload.yaml:3:22: server.shutdown_grace_ms: expected a whole number of milliseconds "
               u"(0–600000), got -1"_s,
               u".foxreload.yaml:4:21: server.ready_timeout_ms: expected a whole number of milliseconds "
               u"(100–600000), got 1.5"_s,
               u".foxreload.yaml:5:22: server.stderr_tail_lines: expected a whole number of lines "
               u"(0–100000), "
               u"got a list"_s,
               u".foxreload.yaml:6:23: server.crash_loop.limit: expected a whole number of exits (1–1000), got 0"_s,
           };

    QTest::newRow("an empty file")
        << ""_ba
        << QStringList { u".foxreload.yaml:1:1: server.command: missing; FoxReload needs the command "
                         u"that starts your MCP server, e.g. server: {command: python3, args: [main.py]}"_s };

    QTest::newRow("no command in the server section")
        << R"(watch: {debounce_ms: 10}
server:
  args: [main.py]
)"_ba
        << QStringList { u".foxreload.yaml:2:1: server.command: missing; FoxReload needs the command that "
                         u"starts your MCP server, e.g. command: python3"_s };

    QTest::newRow("an empty command") << R"(server: {command: ""}
)"_ba << QStringList { u".foxreload.yaml:1:19: server.command: expected a non-empty string, got \"\""_s };

    QTest::newRow("the document is a list")
        << R"(- server
- watch
)"_ba
        << QStringList { u".foxreload.yaml:1:1: expected a map of settings (server:, watch:, rules:, ...), "
                         u"got a list"_s };

    QTest::newRow("a misspelt top-level key") << R"(server: {command: python3}
watc:
  paths: [tools]
)"_ba << QStringList { u".foxreload.yaml:2:1: watc: unknown key (did you mean \"watch\"?)"_s };

    QTest::newRow("a misspelt nested key")
        << R"(server:
  comand: python3
)"_ba
        << QStringList {
               u".foxreload.yaml:1:1: server.command: missing; FoxReload needs the command that starts your "
               u"MCP "
               u"server, e.g. command: python3"_s,
               u".foxreload.yaml:2:3: server.comand: unknown key (did you mean \"command\"?)"_s,
           };

    QTest::newRow("camelCase and transposed letters")
        << R"(server:
  command: python3
  shutdownGraceMs: 10
watch:
  debonuce_ms: 10
  debounce: 10
)"_ba
        << QStringList {
               u".foxreload.yaml:3:3: server.shutdownGraceMs: unknown key (did you mean \"shutdown_grace_ms\"?)"_s,
               u".foxreload.yaml:5:3: watch.debonuce_ms: unknown key (did you mean \"debounce_ms\"?)"_s,
               u".foxreload.yaml:6:3: watch.debounce: unknown key (did you mean \"debounce_ms\"?)"_s,
           };

    QTest::newRow("a key under the wrong section")
        << R"(server:
  command: python3
  debounce_ms: 20
)"_ba
        << QStringList {
               u".foxreload.yaml:3:3: server.debounce_ms: unknown key here; \"debounce_ms\" belongs "
               u"under watch: (did you mean watch.debounce_ms?)"_s
           };

    QTest::newRow("a retention of zero days")
        << R"(server: {command: python3}
history: {retention_days: 0}
)"_ba
        << QStringList { u".foxreload.yaml:2:27: history.retention_days: expected a whole number of days "
                         u"(1–36500), got 0"_s };

    QTest::newRow("resource budgets out of range")
        << R"(server: {command: python3}
resources: {max_cpu_percent: five, max_rss_mb: 0}
)"_ba
        << QStringList {
               u".foxreload.yaml:2:30: resources.max_cpu_percent: expected a number (0.1–10000), got \"five\""_s,
               u".foxreload.yaml:2:48: resources.max_rss_mb: expected a whole number of MB (1–1048576), got 0"_s,
           };

    QTest::newRow("an unknown key with no close match")
        << R"(server: {command: python3}
proxy: {colour: red}
)"_ba
        << QStringList { u".foxreload.yaml:2:9: proxy.colour: unknown key; known keys under proxy: "
                         u"request_grace_ms, max_queued_requests, listen"_s };

    QTest::newRow("a misspelt strategy")
        << R"(server: {command: python3}
rules:
  - {match: "tools/**", strategy: hot-reload}
default_strategy: restart
)"_ba
        << QStringList {
               u".foxreload.yaml:3:35: rules[0].strategy: expected one of none, hot_reload, service_restart, "
               u"full_restart, got \"hot-reload\" (did you mean \"hot_reload\"?)"_s,
               u".foxreload.yaml:4:19: default_strategy: expected one of none, hot_reload, service_restart, "
               u"full_restart, got \"restart\""_s,
           };

    QTest::newRow("build step")
        << R"(server: {command: node, build: "npm run build", build_timeout_ms: 50}
rules: [{match: a, strategy: hot_reload, build: yes please}]
)"_ba
        << QStringList {
               u".foxreload.yaml:1:32: server.build: expected a build step like {command: npm, args: [run, "
               u"build]}, got \"npm run build\""_s,
               u".foxreload.yaml:1:67: server.build_timeout_ms: expected a whole number of milliseconds "
               u"(100–3600000), got 50"_s,
               u".foxreload.yaml:2:49: rules[0].build: expected true or false, got \"yes please\""_s,
           };
    QTest::newRow("build step without its command")
        << R"(server:
  command: node
  build: {args: [run, build]}
)"_ba
        << QStringList {
               u".foxreload.yaml:3:3: server.build.command: missing; a build step needs its command, e.g. "
               u"command: npm"_s,
           };

    QTest::newRow("restart mode and backend")
        << R"(server: {command: python3, restart_mode: bluegreen}
watch: {backend: fsevents}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:42: server.restart_mode: expected one of blue_green, stop_start, got "
               u"\"bluegreen\" (did you mean \"blue_green\"?)"_s,
               u".foxreload.yaml:2:18: watch.backend: expected one of auto, inotify, qt, polling, got "
               u"\"fsevents\""_s,
           };

    QTest::newRow("transport and url")
        << R"(server: {command: python3, transport: sse, url: "ftp://127.0.0.1:{port}/mcp"}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:39: server.transport: expected one of stdio, http, got \"sse\""_s,
               u".foxreload.yaml:1:49: server.url: expected an http:// URL such as "
               u"http://127.0.0.1:{port}/mcp, got \"ftp://127.0.0.1:{port}/mcp\""_s,
           };

    QTest::newRow("not a boolean")
        << R"(server: {command: python3}
watch:
  respect_gitignore: maybe
  follow_imports: graph
gamification: {enabled: 1}
)"_ba
        << QStringList {
               u".foxreload.yaml:3:22: watch.respect_gitignore: expected true or false, got \"maybe\""_s,
               u".foxreload.yaml:4:19: watch.follow_imports: expected true or false, got \"graph\""_s,
               u".foxreload.yaml:5:25: gamification.enabled: expected true or false, got 1"_s,
           };

    QTest::newRow("rules written as a map")
        << R"(server: {command: python3}
rules: {match: main.py, strategy: full_restart}
)"_ba
        << QStringList {
               u".foxreload.yaml:2:8: rules: expected a list of rules (- {match: \"tools/**/*.py\", "
               u"strategy: hot_reload}), got a map"_s
           };

    QTest::newRow("incomplete rules")
        << R"(server: {command: python3}
rules:
  - match: main.py
  - strategy: hot_reload
  - main.py
  - {match: "tools/**", strategy: hot_reload, component: [x]}
)"_ba
        << QStringList {
               u".foxreload.yaml:3:5: rules[0].strategy: missing; expected one of none, hot_reload, "
               u"service_restart, full_restart"_s,
               u".foxreload.yaml:4:5: rules[1].match: missing; a rule needs a pattern, e.g. match: "
               u"\"tools/**/*.py\""_s,
               u".foxreload.yaml:5:5: rules[2]: expected a rule like {match: \"tools/**/*.py\", strategy: "
               u"hot_reload}, got \"main.py\""_s,
               u".foxreload.yaml:6:47: rules[3].component: unknown key (did you mean \"components\"?)"_s,
           };

    QTest::newRow("a watch path that does not exist")
        << R"(server: {command: python3}
watch:
  paths:
    - tools
    - servics/
)"_ba
        << QStringList { u".foxreload.yaml:5:7: watch.paths[1]: \"servics/\" does not exist (looked for "
                         u"%ROOT%/servics)"_s };

    QTest::newRow("a cwd that is not a directory")
        << R"(server: {command: python3, cwd: main.py}
database: ""
)"_ba
        << QStringList {
               u".foxreload.yaml:1:33: server.cwd: expected an existing directory, but \"%ROOT%/main.py\" is "
               u"not a directory"_s,
               u".foxreload.yaml:2:11: database: expected a non-empty string, got \"\""_s,
           };

    QTest::newRow("environment values that are not strings")
        << R"(server:
  command: python3
  env:
    PATHS: [a, b]
    EMPTY:
    "A=B": 1
)"_ba
        << QStringList {
               u".foxreload.yaml:4:12: server.env.PATHS: expected a string value (write \"\" for an empty "
               u"one), "
               u"got a list"_s,
               u".foxreload.yaml:5:5: server.env.EMPTY: expected a string value (write \"\" for an empty "
               u"one), "
               u"got nothing"_s,
               u".foxreload.yaml:6:5: server.env.A=B: expected a variable name without '=', got \"A=B\""_s,
           };

    QTest::newRow("a duplicate key")
        << R"(server:
  command: python3
  command: node
)"_ba
        << QStringList { u".foxreload.yaml:3:3: server.command: duplicate key (first set on line 2; only one "
                         u"may stay)"_s };

    QTest::newRow("wrong shapes")
        << R"(server:
  command: [python3, main.py]
  args: {main: py}
watch: [tools]
gamification: {xp_multiplier: 11}
)"_ba
        << QStringList {
               u".foxreload.yaml:2:12: server.command: expected a string, got a list"_s,
               u".foxreload.yaml:3:9: server.args: expected a list of strings, got a map"_s,
               u".foxreload.yaml:4:8: watch: expected a map of settings (paths, exclude, respect_gitignore, "
               u"debounce_ms, max_wait_ms, settle_ms, max_reloads_per_minute, backend, poll_interval_ms, "
               u"follow_imports), "
               u"got a list"_s,
               u".foxreload.yaml:5:31: gamification.xp_multiplier: expected a number (0–10), got 11"_s,
           };

    QTest::newRow("an empty list item and an empty path")
        << R"(server: {command: python3}
watch:
  paths:
    - ""
    -
    - tools
)"_ba
        << QStringList {
               u".foxreload.yaml:3:3: watch.paths[1]: expected a string, got nothing"_s,
               u".foxreload.yaml:4:7: watch.paths[0]: expected a file or directory, got \"\""_s,
           };

    QTest::newRow("max wait shorter than the debounce")
        << R"(server: {command: python3}
watch: {debounce_ms: 500, max_wait_ms: 100}
)"_ba
        << QStringList { u".foxreload.yaml:2:40: watch.max_wait_ms: watch.max_wait_ms (100) must be at least "
                         u"watch.debounce_ms (500)"_s };

    QTest::newRow("YAML syntax error") << R"(server:
  command: python3
  args: [main.py
watch:
  paths: [tools]
)"_ba << QStringList { u".foxreload.yaml:4:6: invalid YAML: end of sequence flow not found"_s };

    QTest::newRow("an unquoted pattern starting with a star")
        << R"(server: {command: python3}
watch:
  exclude:
    - **/*.pyc
)"_ba
        << QStringList { u".foxreload.yaml:4:7: invalid YAML: the referenced anchor is not defined (a value "
                         u"starting with * is read as a YAML alias; quote patterns like \"**/*.pyc\")"_s };

    QTest::newRow("an unquoted brace pattern")
        << R"(server: {command: python3}
rules:
  - match: {a,b}.py
    strategy: none
)"_ba
        << QStringList {
               u".foxreload.yaml:3:17: invalid YAML: end of map not found (a value starting with { or [ "
               u"is read as a YAML map or list; if it is a pattern like \"{a,b}.py\", quote it)"_s
           };

    QTest::newRow("a brace pattern read as a map")
        << R"(server: {command: python3}
rules:
  - match: {tools}
    strategy: none
)"_ba
        << QStringList {
               u".foxreload.yaml:3:12: rules[0].match: expected a pattern (a string; quote it if it "
               u"starts with *, { or [), got a map"_s
           };

    QTest::newRow("tab indentation")
        << "server:\n  command: python3\nwatch:\n\tpaths: [tools]\n"_ba
        << QStringList { u".foxreload.yaml:4:7: invalid YAML: illegal map value (this line is indented "
                         u"with a tab; YAML indents with spaces only)"_s };

    QTest::newRow("two documents")
        << R"(server: {command: python3}
---
server: {command: node}
)"_ba
        << QStringList {
               u".foxreload.yaml:3:1: the file holds 2 YAML documents (separated by ---); FoxReload "
               u"reads exactly one"_s
           };

    QTest::newRow("a list as a key") << R"(server: {command: python3}
? [a, b]
: c
)"_ba << QStringList { u".foxreload.yaml:2:3: keys must be plain names, got a list as a key"_s };

    QTest::newRow("many mistakes, all reported in file order")
        << R"(watch:
  debounce_ms: soon
  exclude: [[nested]]
server:
  comand: python3
  restart_mode: 3
rules:
  - {match: main.py, strategy: reload}
gamificaton: {}
)"_ba
        << QStringList {
               u".foxreload.yaml:2:16: watch.debounce_ms: expected a whole number of milliseconds (0–60000), "
               u"got \"soon\""_s,
               u".foxreload.yaml:3:13: watch.exclude[0]: expected a pattern (a string; quote it if it starts "
               u"with *, { "
               u"or [), got a list"_s,
               u".foxreload.yaml:4:1: server.command: missing; FoxReload needs the command that starts your "
               u"MCP "
               u"server, e.g. command: python3"_s,
               u".foxreload.yaml:5:3: server.comand: unknown key (did you mean \"command\"?)"_s,
               u".foxreload.yaml:6:17: server.restart_mode: expected one of blue_green, stop_start, got 3"_s,
               u".foxreload.yaml:8:32: rules[0].strategy: expected one of none, hot_reload, service_restart, "
               u"full_restart, got \"reload\" (did you mean \"hot_reload\"?)"_s,
               u".foxreload.yaml:9:1: gamificaton: unknown key (did you mean \"gamification\"?)"_s,
           };
}

void TestConfig::brokenConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    const ConfigLoadResult result = ConfigLoader::parse(yaml, u".foxreload.yaml"_s, m_root);
    QVERIFY(!result.ok());
    QStringList wanted;
    for (const QString& line : expected)
        wanted.append(substitute(line));
    QCOMPARE(test::configErrorLines(result.errors), wanted);
}

void TestConfig::invalidPatternsAreReportedWithTheGlobError_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expectedPrefix");

    QTest::newRow("unclosed bracket in a rule") << R"(server: {command: python3}
rules:
  - {match: "tools/[a-", strategy: hot_reload}
)"_ba << u".foxreload.yaml:3:13: rules[0].match: invalid pattern \"tools/[a-\": "_s;
    QTest::newRow("unclosed brace in an exclude") << R"(server: {command: python3}
watch:
  exclude: ["**/*.pyc", "config/*.{json,yaml"]
)"_ba << u".foxreload.yaml:3:25: watch.exclude[1]: invalid pattern \"config/*.{json,yaml\": "_s;
    QTest::newRow("a parent directory in a pattern") << R"(server: {command: python3}
watch:
  exclude: ../other/**
)"_ba << u".foxreload.yaml:3:12: watch.exclude: invalid pattern \"../other/**\": "_s;
}

void TestConfig::invalidPatternsAreReportedWithTheGlobError()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expectedPrefix);

    const ConfigLoadResult result = ConfigLoader::parse(yaml, u".foxreload.yaml"_s, m_root);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 1);
    const QString message = result.errors.constFirst().toString();
    QVERIFY2(message.startsWith(expectedPrefix), qPrintable(message));
    // The glob's own explanation follows.
    QVERIFY2(message.size() > expectedPrefix.size() + 3, qPrintable(message));
}

void TestConfig::warnings_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("arguments in one string")
        << R"(server: {command: python3, args: "main.py --port 8080"}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:34: server.args: passed to the server as ONE argument; write a list "
               u"([a, b]) to pass several"_s
           };
    QTest::newRow("a command that is not on PATH")
        << R"(server: {command: no-such-program-foxreload}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:19: server.command: command 'no-such-program-foxreload' not found on "
               u"PATH — install it, or give its full path"_s
           };
    // A typo of a usual launcher is corrected, even where that launcher is not installed either.
    QTest::newRow("a misspelt command")
        << R"(server: {command: nodee, env: {PATH: /nonexistent-foxreload}}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:19: server.command: command 'nodee' not found on PATH — did you mean "
               u"node? (not installed either: install Node.js (https://nodejs.org) or put its bin "
               u"directory on PATH)"_s
           };
    QTest::newRow("a script that does not exist")
        << R"(server: {command: ./missing.sh}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:19: server.command: \"%ROOT%/missing.sh\" does not exist (yet)"_s
           };
    QTest::newRow("a watch path outside the project root")
        << R"(server: {command: python3}
watch: {paths: [tools, /]}
)"_ba
        << QStringList {
               u".foxreload.yaml:2:24: watch.paths[1]: \"/\" lies outside the project root; exclude "
               u"patterns and rules, which are relative to the root, do not apply to it"_s
           };
    QTest::newRow("an HTTP server on a fixed port, restarted blue/green")
        << R"(server: {command: python3, transport: http, url: "http://127.0.0.1:8080/mcp"}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:50: server.url: without {port} every server generation listens on the "
               u"same "
               u"port, so the new one cannot start while the old one serves; use {port}, or restart_mode: "
               u"stop_start"_s
           };
    QTest::newRow("a build tool that is not installed")
        << R"(server: {command: sh, build: {command: no-such-build-tool-foxreload, args: [build]}}
)"_ba
        << QStringList {
               u".foxreload.yaml:1:40: server.build.command: build tool 'no-such-build-tool-foxreload' not "
               u"found on PATH — install it, or fix server.build.command"_s,
           };
    QTest::newRow("none") << R"(server: {command: sh, args: [-c, "echo hi"]}
)"_ba << QStringList {};
}

void TestConfig::warnings()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    const ConfigLoadResult result = ConfigLoader::parse(yaml, u".foxreload.yaml"_s, m_root);
    QVERIFY2(result.ok(), qPrintable(test::configErrorLines(result.errors).join(u'\n')));
    QStringList wanted;
    for (const QString& line : expected)
        wanted.append(substitute(line));
    QCOMPARE(test::configErrorLines(result.warnings), wanted);
}

void TestConfig::defaultsWithoutConfigFile()
{
    const Config config = Config::defaults(m_root + u"/sub/../"_s);
    QCOMPARE(config.projectRoot, m_root);
    QCOMPARE(config.server.cwd, m_root);
    QCOMPARE(config.watch.paths, QStringList { m_root });
    QCOMPARE(config.watch.exclude, Config::defaultExcludes());
    QVERIFY(config.rules.isEmpty());
    QCOMPARE(config.defaultStrategy, ReloadStrategy::FullRestart);
    QVERIFY(config.sourceFile.isEmpty());
    // Test directories are not hidden by default: the server may import them.
    for (const QString& pattern : Config::defaultExcludes())
        QVERIFY2(!pattern.contains(u"test"_s), qPrintable(pattern));
}

void TestConfig::errorCarriesPositionAndKey()
{
    const ConfigLoadResult result = ConfigLoader::parse(
        "server:\n  command: python3\nwatch:\n  debounce_ms: fast\n"_ba, u"/x/.foxreload.yaml"_s, m_root);
    QCOMPARE(result.errors.size(), 1);
    const ConfigError& error = result.errors.constFirst();
    QCOMPARE(error.file, u"/x/.foxreload.yaml"_s);
    QCOMPARE(error.line, 4);
    QCOMPARE(error.column, 16);
    QCOMPARE(error.key, u"watch.debounce_ms"_s);
    QCOMPARE(error.message, u"expected a whole number of milliseconds (0–60000), got \"fast\""_s);
}

void TestConfig::loadFileResolvesAgainstTheFilesDirectory()
{
    QTemporaryDir project;
    QVERIFY(project.isValid());
    QVERIFY(QDir(project.path()).mkpath(u"src/tools"_s));
    const QString path = project.filePath(u".foxreload.yaml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("server: {command: python3, cwd: src}\nwatch: {paths: [src/tools]}\n");
    file.close();

    // Loaded from elsewhere: the file's directory anchors the paths, not the current directory.
    const ConfigLoadResult result = ConfigLoader::loadFile(path);
    QVERIFY2(result.ok(), qPrintable(test::configErrorLines(result.errors).join(u'\n')));
    const QString root = QDir::cleanPath(project.path());
    QCOMPARE(result.config->sourceFile, QDir::cleanPath(path));
    QCOMPARE(result.config->projectRoot, root);
    QCOMPARE(result.config->server.cwd, root + u"/src"_s);
    QCOMPARE(result.config->watch.paths, QStringList { root + u"/src/tools"_s });
}

void TestConfig::loadFileReportsAMissingFile()
{
    const QString path = m_root + u"/nowhere/.foxreload.yaml"_s;
    const ConfigLoadResult result = ConfigLoader::loadFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.constFirst().line, 0);
    QVERIFY2(result.errors.constFirst().toString().startsWith(path + u": cannot read the config file: "_s),
        qPrintable(result.errors.constFirst().toString()));
}

void TestConfig::findConfigFileSearchesUpward()
{
    QTemporaryDir project;
    QVERIFY(project.isValid());
    QVERIFY(QDir(project.path()).mkpath(u"a/b/c"_s));
    const QString root = QDir::cleanPath(project.path());
    QCOMPARE(
        ConfigLoader::findConfigFile(root + u"/a/b/c"_s), QString()); // none yet (unless a parent has one)

    QFile top(root + u"/.foxreload.yaml"_s);
    QVERIFY(top.open(QIODevice::WriteOnly));
    top.close();
    QCOMPARE(ConfigLoader::findConfigFile(root + u"/a/b/c"_s), root + u"/.foxreload.yaml"_s);

    QFile nearer(root + u"/a/b/.foxreload.yaml"_s);
    QVERIFY(nearer.open(QIODevice::WriteOnly));
    nearer.close();
    QCOMPARE(ConfigLoader::findConfigFile(root + u"/a/b/c"_s), root + u"/a/b/.foxreload.yaml"_s);
    QCOMPARE(ConfigLoader::findConfigFile(root + u"/a/b"_s), root + u"/a/b/.foxreload.yaml"_s);
    QCOMPARE(ConfigLoader::findConfigFile(root + u"/a"_s), root + u"/.foxreload.yaml"_s);
}

void TestConfig::equalityIgnoresWhereSettingsWereRead()
{
    Config a = Config::defaults(m_root);
    Config b = a;
    b.sourceFile = u"/elsewhere/.foxreload.yaml"_s;
    a.rules.append({ u"main.py"_s, ReloadStrategy::FullRestart, {}, 3 });
    b.rules.append({ u"main.py"_s, ReloadStrategy::FullRestart, {}, 9 });
    QVERIFY(a == b);
    b.rules.last().components = { u"x"_s };
    QVERIFY(a != b);
    b = a;
    b.server.env.insert(u"A"_s, u"1"_s);
    QVERIFY(a != b);
    b = a;
    b.gamification.xpMultiplier = 1.5;
    QVERIFY(a != b);
    b = a;
    b.projectRoot = u"/other"_s;
    QVERIFY(a != b);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
