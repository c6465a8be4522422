#include "common/ConfigErrorText.h"
#include "config/ConfigLoader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

bool writeText(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class TestConfigWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void exampleServerConfigRoundTrips();
    void relativePathsInTheFile();
    void absolutePathStyle();
    void writingOutsideTheProjectRootKeepsPathsAbsolute();
    void awkwardStringsSurvive_data();
    void awkwardStringsSurvive();
    void json();

private:
    // Loads yaml as the project's .foxreload.yaml, writes it back and loads the result.
    void checkRoundTrip(const QByteArray& yaml);

    QTemporaryDir m_dir;
    QString m_root;
};

void TestConfigWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = QDir::cleanPath(m_dir.path());
    QDir root(m_root);
    for (const char* dir : { "tools", "services", "protocol", "config", "bin", "~home" })
        QVERIFY(root.mkpath(QString::fromLatin1(dir)));
    QVERIFY(writeText(root.filePath(u"main.py"_s), "print()\n"));
    QVERIFY(writeText(root.filePath(u"bin/serve"_s), "#!/bin/sh\n"));
    QFile::setPermissions(root.filePath(u"bin/serve"_s), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
}

void TestConfigWriter::checkRoundTrip(const QByteArray& yaml)
{
    const QString path = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(path, yaml));
    const ConfigLoadResult first = ConfigLoader::loadFile(path);
    QVERIFY2(first.ok(), qPrintable(test::configErrorText(first)));

    const QByteArray written = ConfigWriter::toYaml(*first.config);
    QVERIFY(writeText(path, written));
    const ConfigLoadResult second = ConfigLoader::loadFile(path);
    QVERIFY2(second.ok(),
        qPrintable(test::configErrorText(second) + u"\n--- written:\n"_s + QString::fromUtf8(written)));
    QVERIFY2(*second.config == *first.config, written.constData());
    // Writing is stable: the second generation is byte for byte the first.
    QCOMPARE(ConfigWriter::toYaml(*second.config), written);

    // The absolute form (what check-config shows) loads to the same config too.
    QVERIFY(writeText(path, ConfigWriter::toYaml(*first.config, ConfigWriter::PathStyle::Absolute)));
    const ConfigLoadResult third = ConfigLoader::loadFile(path);
    QVERIFY2(third.ok(), qPrintable(test::configErrorText(third)));
    QVERIFY(*third.config == *first.config);
}

void TestConfigWriter::roundTrip_data()
{
    QTest::addColumn<QByteArray>("yaml");

    QTest::newRow("minimal") << "server: {command: python3}\n"_ba;
    QTest::newRow("defaults spelled out, no excludes, no rules")
        << "server: {command: python3, args: []}\nwatch: {exclude: []}\nrules: []\n"_ba;
    QTest::newRow("every setting changed") << R"(server:
  command: node
  args: [server.js, --port, "8080", ""]
  cwd: config
  env: {NODE_ENV: development, PORT: 8080, FLAG: "yes"}
  hot_reload: {method: dev/reload, timeout_ms: 1500}
  shutdown_grace_ms: 0
  ready_timeout_ms: 30000
  restart_mode: stop_start
  crash_loop: {limit: 2, window_ms: 5000}
  stderr_tail_lines: 17
watch:
  paths: [tools, main.py, .]
  exclude: ["**/*.log", "build/", "config/**/*.{json,yaml}", "[!a-z]*"]
  respect_gitignore: false
  debounce_ms: 120
  max_wait_ms: 900
  max_reloads_per_minute: 0
  backend: polling
  poll_interval_ms: 250
  follow_imports: false
rules:
  - {match: main.py, strategy: full_restart}
  - {match: "tools/**/*.py", strategy: hot_reload, components: [tool_registry, cache]}
  - {match: "services/**", strategy: service_restart, components: services}
  - {match: "docs/**", strategy: none}
default_strategy: hot_reload
gamification: {enabled: false, xp_multiplier: 0.1, notifications: false}
proxy: {request_grace_ms: 250, max_queued_requests: 3}
database: config/history.sqlite
)"_ba;
    QTest::newRow("paths outside the project root and a home-like directory")
        << "server: {command: python3, cwd: /}\nwatch: {paths: [/tmp, ./~home]}\ndatabase: /tmp/h.sqlite\n"_ba;
    QTest::newRow("a resource budget")
        << "server: {command: python3}\nresources: {enabled: false, max_cpu_percent: 2.5, max_rss_mb: 120}\n"_ba;
    QTest::newRow("a command relative to the server's cwd") << "server: {command: ./serve, cwd: bin}\n"_ba;
    QTest::newRow("an absolute command") << "server: {command: /bin/sh, args: [-c, \"exit 0\"]}\n"_ba;
    QTest::newRow("a build step and a rule that builds")
        << "server: {command: node, build: {command: sh, args: [-c, \"npm run build\"]}, build_timeout_ms: "
           "900}\n"
           "rules: [{match: \"src/**\", strategy: hot_reload, build: true}]\n"_ba;
}

void TestConfigWriter::roundTrip()
{
    QFETCH(QByteArray, yaml);
    checkRoundTrip(yaml);
}

void TestConfigWriter::exampleServerConfigRoundTrips()
{
    QFile example(QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/examples/reynard-server/.foxreload.yaml"_s);
    // The example ships with the sources: a missing file is a broken checkout, not a reason to skip.
    QVERIFY2(
        example.open(QIODevice::ReadOnly), qPrintable(example.fileName() + u": "_s + example.errorString()));
    const QByteArray yaml = example.readAll();
    for (const char* dir : { "tools", "services", "protocol", "config" })
        QVERIFY(QDir(m_root).mkpath(QString::fromLatin1(dir)));
    checkRoundTrip(yaml);
}

void TestConfigWriter::relativePathsInTheFile()
{
    const ConfigLoadResult loaded = ConfigLoader::parse(
        "server: {command: ./serve, cwd: bin}\nwatch: {paths: [tools, .]}\ndatabase: config/h.sqlite\n"_ba,
        m_root + u"/.foxreload.yaml"_s, m_root);
    QVERIFY2(loaded.ok(), qPrintable(test::configErrorText(loaded)));
    const QString yaml = QString::fromUtf8(ConfigWriter::toYaml(*loaded.config));
    QVERIFY2(yaml.contains(u"\n  command: ./serve\n"_s), qPrintable(yaml));
    QVERIFY2(yaml.contains(u"\n  cwd: bin\n"_s), qPrintable(yaml));
    QVERIFY2(yaml.contains(u"\n  paths:\n    - tools\n    - .\n"_s), qPrintable(yaml));
    QVERIFY2(yaml.contains(u"\ndatabase: config/h.sqlite\n"_s), qPrintable(yaml));
    QVERIFY2(!yaml.contains(m_root), qPrintable(yaml));
}

void TestConfigWriter::absolutePathStyle()
{
    const ConfigLoadResult loaded = ConfigLoader::parse(
        "server: {command: python3}\nwatch: {paths: [tools]}\n"_ba, m_root + u"/.foxreload.yaml"_s, m_root);
    QVERIFY2(loaded.ok(), qPrintable(test::configErrorText(loaded)));
    const QString yaml
        = QString::fromUtf8(ConfigWriter::toYaml(*loaded.config, ConfigWriter::PathStyle::Absolute));
    QVERIFY2(yaml.contains(u"\n  cwd: "_s + m_root + u'\n'), qPrintable(yaml));
    QVERIFY2(yaml.contains(u"\n    - "_s + m_root + u"/tools\n"_s), qPrintable(yaml));
    // Defaults are filled in.
    QVERIFY2(yaml.contains(u"\n  debounce_ms: 50\n"_s), qPrintable(yaml));
    QVERIFY2(yaml.contains(u"\ndefault_strategy: full_restart\n"_s), qPrintable(yaml));
}

void TestConfigWriter::writingOutsideTheProjectRootKeepsPathsAbsolute()
{
    const ConfigLoadResult loaded = ConfigLoader::parse(
        "server: {command: python3}\nwatch: {paths: [tools]}\n"_ba, m_root + u"/.foxreload.yaml"_s, m_root);
    QVERIFY2(loaded.ok(), qPrintable(test::configErrorText(loaded)));
    QTemporaryDir other;
    QVERIFY(other.isValid());
    const QString path = other.filePath(u"copy.yaml"_s);
    QString error;
    QVERIFY2(ConfigWriter::writeFile(*loaded.config, path, &error), qPrintable(error));
    const ConfigLoadResult copy = ConfigLoader::loadFile(path);
    QVERIFY2(copy.ok(), qPrintable(test::configErrorText(copy)));
    QCOMPARE(copy.config->watch.paths, loaded.config->watch.paths);
    QCOMPARE(copy.config->server.cwd, loaded.config->server.cwd);

    QVERIFY(!ConfigWriter::writeFile(*loaded.config, m_root + u"/no/such/dir/x.yaml"_s, &error));
    QVERIFY2(error.startsWith(u"cannot write "_s), qPrintable(error));
}

void TestConfigWriter::awkwardStringsSurvive_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("empty") << QString();
    QTest::newRow("tilde") << u"~"_s;
    QTest::newRow("null") << u"null"_s;
    QTest::newRow("yes") << u"yes"_s;
    QTest::newRow("number") << u"0012"_s;
    QTest::newRow("colon") << u"a: b"_s;
    QTest::newRow("comment") << u"# not a comment"_s;
    QTest::newRow("spaces around") << u"  padded  "_s;
    QTest::newRow("quotes") << u"say \"hi\" and 'bye'"_s;
    QTest::newRow("newline") << u"two\nlines"_s;
    QTest::newRow("unicode") << u"Füchse 🦊"_s;
    QTest::newRow("flow characters") << u"[a, {b}]"_s;
    QTest::newRow("leading star") << u"*.py"_s;
}

void TestConfigWriter::awkwardStringsSurvive()
{
    QFETCH(QString, value);
    Config config = Config::defaults(m_root);
    config.server.command = u"python3"_s;
    config.server.args = { value, u"main.py"_s };
    config.server.env.insert(u"VALUE"_s, value);
    config.server.hotReload.method = value.isEmpty() ? u"x"_s : value;
    config.rules.append(
        { u"tools/**/*.py"_s, ReloadStrategy::HotReload, { value.isEmpty() ? u"x"_s : value }, 0 });

    const QByteArray yaml = ConfigWriter::toYaml(config);
    const ConfigLoadResult loaded = ConfigLoader::parse(yaml, m_root + u"/.foxreload.yaml"_s, m_root);
    QVERIFY2(loaded.ok(),
        qPrintable(test::configErrorText(loaded) + u"\n--- written:\n"_s + QString::fromUtf8(yaml)));
    QCOMPARE(loaded.config->server.args, config.server.args);
    QCOMPARE(loaded.config->server.env.value(u"VALUE"_s), value);
    QVERIFY2(*loaded.config == config, yaml.constData());
}

void TestConfigWriter::json()
{
    const ConfigLoadResult loaded = ConfigLoader::parse(
        "server: {command: python3, env: {A: 1}}\nrules:\n  - {match: main.py, strategy: full_restart}\n"_ba,
        m_root + u"/.foxreload.yaml"_s, m_root);
    QVERIFY2(loaded.ok(), qPrintable(test::configErrorText(loaded)));
    const QJsonObject json = ConfigWriter::toJson(*loaded.config);
    QCOMPARE(json.value(u"source_file"_s).toString(), m_root + u"/.foxreload.yaml"_s);
    QCOMPARE(json.value(u"project_root"_s).toString(), m_root);
    const QJsonObject server = json.value(u"server"_s).toObject();
    QCOMPARE(server.value(u"command"_s).toString(), u"python3"_s);
    QCOMPARE(server.value(u"cwd"_s).toString(), m_root);
    QCOMPARE(server.value(u"env"_s).toObject().value(u"A"_s).toString(), u"1"_s);
    QCOMPARE(server.value(u"restart_mode"_s).toString(), u"blue_green"_s);
    QCOMPARE(json.value(u"watch"_s).toObject().value(u"paths"_s).toArray(), QJsonArray { m_root });
    QCOMPARE(json.value(u"watch"_s).toObject().value(u"debounce_ms"_s).toInt(), 50);
    const QJsonObject rule = json.value(u"rules"_s).toArray().at(0).toObject();
    QCOMPARE(rule.value(u"match"_s).toString(), u"main.py"_s);
    QCOMPARE(rule.value(u"strategy"_s).toString(), u"full_restart"_s);
    QCOMPARE(rule.value(u"line"_s).toInt(), 3);
    QCOMPARE(json.value(u"default_strategy"_s).toString(), u"full_restart"_s);
}

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
