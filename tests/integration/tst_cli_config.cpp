#include "unit/ConfigFileShapes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

bool writeText(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class TestCliConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void checkConfigPrintsTheResolvedConfig();
    void checkConfigFindsTheFileUpwards();
    void checkConfigReportsEveryError();
    void checkConfigJson();
    void checkConfigWithoutAnyConfig();
    void trustAndCheckConfigAgree();
    void trustRefusesABrokenConfig();
    void concurrentTrustsAreAllKept();
    void usageErrors();

    void configSetKeepsTheFile_data();
    void configSetKeepsTheFile();
    void configRefusesAndKeepsTheFile_data();
    void configRefusesAndKeepsTheFile();
    void configGet();
    void configSetWithdrawsTrust();
    void configUsage();

private:
    Result run(const QStringList& arguments, const QString& workingDirectory) const;
    std::unique_ptr<QProcess> start(const QStringList& arguments, const QString& workingDirectory) const;

    std::unique_ptr<QTemporaryDir> m_dataHome; // the trust store lives here, never in the real home
    std::unique_ptr<QTemporaryDir> m_project;
    QString m_root;
};

// After the class: moc would read the "/*" in these raw strings as a comment opener.
namespace {

const QByteArray kGoodConfig = R"(server:
  command: python3
  args: [main.py]
  env: {PYTHONUNBUFFERED: 1}
watch:
  paths: [tools/, main.py]
rules:
  - {match: "tools/**/*.py", strategy: hot_reload, components: [tool_registry]}
)"_ba;

const QByteArray kBadConfig = R"(server:
  comand: python3
watch:
  debounce_ms: "fast"
  paths: [tools, nowhere]
rules:
  - {match: "tools/**", strategy: hot-reload}
)"_ba;

} // namespace

void TestCliConfig::init()
{
    m_dataHome = std::make_unique<QTemporaryDir>();
    m_project = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataHome->isValid() && m_project->isValid());
    m_root = QDir(m_project->path()).canonicalPath();
    QVERIFY(QDir(m_root).mkpath(u"tools/sub"_s));
    QVERIFY(writeText(m_root + u"/main.py"_s, "print('hi')\n"));
    QVERIFY(writeText(m_root + u"/tools/weather.py"_s, "\n"));
}

std::unique_ptr<QProcess> TestCliConfig::start(
    const QStringList& arguments, const QString& workingDirectory) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_dataHome->path());
    process->setProcessEnvironment(environment);
    process->setWorkingDirectory(workingDirectory);
    process->start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
    return process;
}

Result TestCliConfig::run(const QStringList& arguments, const QString& workingDirectory) const
{
    const auto process = start(arguments, workingDirectory);
    Result result;
    if (!process->waitForFinished(60000) || process->exitStatus() != QProcess::NormalExit) {
        result.err = u"did not finish normally: "_s + process->errorString();
        return result;
    }
    result.exitCode = process->exitCode();
    result.out = QString::fromUtf8(process->readAllStandardOutput());
    result.err = QString::fromUtf8(process->readAllStandardError());
    return result;
}

void TestCliConfig::checkConfigPrintsTheResolvedConfig()
{
    const QString config = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(config, kGoodConfig));
    const Result result = run({ u"check-config"_s, config }, QDir::rootPath());
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.err, QString());

    const QStringList lines = result.out.split(u'\n');
    QCOMPARE(lines.value(0), u"# "_s + config + u" (resolved: paths absolute, defaults filled in)"_s);
    QVERIFY2(lines.value(1).startsWith(u"# trusted: no (run `foxreload trust "_s + config),
        qPrintable(lines.value(1)));
    // Paths are absolute, defaults are filled in, env values are strings.
    QVERIFY2(lines.contains(u"  cwd: "_s + m_root), qPrintable(result.out));
    QVERIFY2(lines.contains(u"    - "_s + m_root + u"/tools"_s), qPrintable(result.out));
    QVERIFY2(lines.contains(u"    - "_s + m_root + u"/main.py"_s), qPrintable(result.out));
    QVERIFY2(lines.contains(u"    PYTHONUNBUFFERED: \"1\""_s), qPrintable(result.out));
    QVERIFY2(lines.contains(u"  debounce_ms: 50"_s), qPrintable(result.out));
    QVERIFY2(lines.contains(u"  restart_mode: blue_green"_s), qPrintable(result.out));
    QVERIFY2(lines.contains(u"default_strategy: full_restart"_s), qPrintable(result.out));
    QVERIFY2(
        result.out.contains(u"{match: tools/**/*.py, strategy: hot_reload, components: [tool_registry]}"_s)
            || result.out.contains(
                u"{match: \"tools/**/*.py\", strategy: hot_reload, components: [tool_registry]}"_s),
        qPrintable(result.out));
}

void TestCliConfig::checkConfigFindsTheFileUpwards()
{
    QVERIFY(writeText(m_root + u"/.foxreload.yaml"_s, kGoodConfig));
    // No argument: search from the working directory upwards.
    Result result = run({ u"check-config"_s }, m_root + u"/tools/sub"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.startsWith(u"# "_s + m_root + u"/.foxreload.yaml "_s));
    // A directory argument: search from there.
    result = run({ u"check-config"_s, m_root + u"/tools"_s }, QDir::rootPath());
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.startsWith(u"# "_s + m_root + u"/.foxreload.yaml "_s));
}

void TestCliConfig::checkConfigReportsEveryError()
{
    QVERIFY(writeText(m_root + u"/.foxreload.yaml"_s, kBadConfig));
    const Result result = run({ u"check-config"_s, u".foxreload.yaml"_s }, m_root);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    const QStringList expected {
        u".foxreload.yaml:1:1: server.command: missing; FoxReload needs the command that starts your MCP "
        u"server, "
        u"e.g. command: python3"_s,
        u".foxreload.yaml:2:3: server.comand: unknown key (did you mean \"command\"?)"_s,
        u".foxreload.yaml:4:16: watch.debounce_ms: expected a whole number of milliseconds (0–60000), got \"fast\""_s,
        u".foxreload.yaml:5:18: watch.paths[1]: \"nowhere\" does not exist (looked for "_s + m_root
            + u"/nowhere)"_s,
        u".foxreload.yaml:7:35: rules[0].strategy: expected one of none, hot_reload, service_restart, "
        u"full_restart, "
        u"got \"hot-reload\" (did you mean \"hot_reload\"?)"_s,
        QString(), // the final newline
    };
    QCOMPARE(result.err.split(u'\n'), expected);
}

void TestCliConfig::checkConfigJson()
{
    const QString config = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(config, kGoodConfig));
    Result result = run({ u"check-config"_s, u"--json"_s, m_root }, QDir::rootPath());
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QJsonParseError parseError;
    QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(result.out));
    QCOMPARE(json.value(u"source_file"_s).toString(), config);
    QCOMPARE(json.value(u"trusted"_s).toBool(), false);
    QCOMPARE(json.value(u"server"_s).toObject().value(u"cwd"_s).toString(), m_root);
    QCOMPARE(json.value(u"server"_s).toObject().value(u"args"_s).toArray(), QJsonArray { u"main.py"_s });
    QCOMPARE(json.value(u"watch"_s).toObject().value(u"paths"_s).toArray(),
        (QJsonArray { QString(m_root + u"/tools"_s), QString(m_root + u"/main.py"_s) }));
    QCOMPARE(json.value(u"rules"_s).toArray().size(), 1);

    QVERIFY(writeText(config, kBadConfig));
    result = run({ u"check-config"_s, u"--json"_s, config }, QDir::rootPath());
    QCOMPARE(result.exitCode, 1);
    json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    const QJsonArray errors = json.value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 5);
    const QJsonObject third = errors.at(2).toObject();
    QCOMPARE(third.value(u"line"_s).toInt(), 4);
    QCOMPARE(third.value(u"column"_s).toInt(), 16);
    QCOMPARE(third.value(u"key"_s).toString(), u"watch.debounce_ms"_s);
    QCOMPARE(third.value(u"file"_s).toString(), config);
}

void TestCliConfig::checkConfigWithoutAnyConfig()
{
    // No .foxreload.yaml here or above (a temporary directory's parents have none).
    const Result result = run({ u"check-config"_s, m_root + u"/tools"_s }, m_root);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err,
        u"foxreload check-config: no .foxreload.yaml in "_s + m_root
            + u"/tools or any directory above it\n"_s);
    const Result missing = run({ u"check-config"_s, u"nope.yaml"_s }, m_root);
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err, u"foxreload check-config: nope.yaml: no such file or directory\n"_s);
}

void TestCliConfig::trustAndCheckConfigAgree()
{
    const QString config = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(config, kGoodConfig));

    Result result = run({ u"trust"_s }, m_root + u"/tools"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(u"trusted "_s + config + u" (sha256 "_s), qPrintable(result.out));
    // trustSummary(): the same labelled lines as the desktop app's prompt.
    QVERIFY2(result.out.contains(u"  command:      python3 main.py\n"_s), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"  directory:    "_s + m_root + u'\n'), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"  environment:  PYTHONUNBUFFERED=1\n"_s), qPrintable(result.out));

    result = run({ u"check-config"_s, config }, m_root);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out.section(u'\n', 1, 1), u"# trusted: yes"_s);

    result = run({ u"trust"_s, u"--list"_s }, m_root);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(u"trusted "_s) && result.out.endsWith(u" UTC  "_s + config + u'\n'),
        qPrintable(result.out));

    // An edit withdraws the trust.
    QVERIFY(writeText(config, kGoodConfig + "# edited\n"));
    result = run({ u"check-config"_s, config }, m_root);
    QVERIFY2(
        result.out.section(u'\n', 1, 1).startsWith(u"# trusted: no, the file changed since it was trusted"_s),
        qPrintable(result.out));
    result = run({ u"trust"_s, u"--list"_s }, m_root);
    QVERIFY2(result.out.startsWith(u"changed "_s), qPrintable(result.out));

    // Trusted again, then revoked.
    QCOMPARE(run({ u"trust"_s, config }, m_root).exitCode, 0);
    QCOMPARE(run({ u"check-config"_s, config }, m_root).out.section(u'\n', 1, 1), u"# trusted: yes"_s);
    result = run({ u"trust"_s, u"--revoke"_s, config }, m_root);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(u"revoked "_s + config), qPrintable(result.out));
    QVERIFY(
        run({ u"check-config"_s, config }, m_root).out.section(u'\n', 1, 1).startsWith(u"# trusted: no ("_s));
    result = run({ u"trust"_s, u"--revoke"_s, config }, m_root);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(u"was not trusted"_s), qPrintable(result.out));
    result = run({ u"trust"_s, u"--list"_s }, m_root);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.startsWith(u"no config file is trusted yet"_s), qPrintable(result.err));
}

void TestCliConfig::trustRefusesABrokenConfig()
{
    const QString config = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(config, kBadConfig));
    const Result result = run({ u"trust"_s, config }, m_root);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.contains(u".foxreload.yaml:2:3: server.comand: unknown key"_s), qPrintable(result.err));
    QVERIFY2(result.err.endsWith(u"foxreload trust: not trusted; fix the errors above first\n"_s),
        qPrintable(result.err));
    QVERIFY(run({ u"check-config"_s, config }, m_root).exitCode == 1);
    QVERIFY(writeText(config, kGoodConfig));
    QVERIFY(
        run({ u"check-config"_s, config }, m_root).out.section(u'\n', 1, 1).startsWith(u"# trusted: no ("_s));
}

void TestCliConfig::concurrentTrustsAreAllKept()
{
    // Several FoxReload processes change the store at the same time; none loses another's entry.
    constexpr int kProjects = 8;
    QStringList configs;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < kProjects; ++i) {
        const QString dir = m_root + u"/p%1"_s.arg(i);
        QVERIFY(QDir().mkpath(dir));
        configs.append(dir + u"/.foxreload.yaml"_s);
        QVERIFY(writeText(configs.last(), "server: {command: python3}\n# " + QByteArray::number(i) + '\n'));
    }
    for (const QString& config : configs)
        processes.push_back(start({ u"trust"_s, config }, m_root));
    for (const auto& process : processes) {
        QVERIFY(process->waitForFinished(60000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    const Result list = run({ u"trust"_s, u"--list"_s }, m_root);
    for (const QString& config : configs)
        QVERIFY2(list.out.contains(u"  "_s + config + u'\n'), qPrintable(list.out));
    QCOMPARE(list.out.count(u'\n'), kProjects);
}

void TestCliConfig::usageErrors()
{
    QCOMPARE(run({ u"check-config"_s, u"--frobnicate"_s }, m_root).exitCode, 2);
    QCOMPARE(run({ u"check-config"_s, u"a"_s, u"b"_s }, m_root).exitCode, 2);
    QCOMPARE(run({ u"trust"_s, u"--list"_s, u"x"_s }, m_root).exitCode, 2);
    const Result help = run({ u"check-config"_s, u"--help"_s }, m_root);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"--json"_s));
}

void TestCliConfig::configSetKeepsTheFile_data()
{
    QTest::addColumn<int>("index");
    const QList<foxreload::testing::ConfigFileShape> shapes = foxreload::testing::configFileShapes();
    QVERIFY(shapes.size() >= 15);
    for (qsizetype i = 0; i < shapes.size(); ++i)
        QTest::newRow(shapes.at(i).name) << int(i);
}

void TestCliConfig::configSetKeepsTheFile()
{
    QFETCH(int, index);
    const foxreload::testing::ConfigFileShape shape = foxreload::testing::configFileShapes().at(index);
    QVERIFY(foxreload::testing::createShapeProject(m_root));
    const QString path = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(path, shape.original));

    const Result result = run(QStringList { u"config"_s, u"--config"_s, path } + shape.cli, m_root);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), shape.expected);
    QFile backup(path + u".bak"_s);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), shape.original);
    QVERIFY2(result.out.contains(u".foxreload.yaml.bak"_s), qPrintable(result.out));
    // What was set reads back.
    if (shape.cli.constFirst() == u"set") {
        const Result get = run({ u"config"_s, u"get"_s, shape.cli.at(1) }, m_root);
        QCOMPARE(get.exitCode, 0);
        QVERIFY(!get.out.isEmpty());
    }
}

void TestCliConfig::configRefusesAndKeepsTheFile_data()
{
    QTest::addColumn<int>("index");
    const QList<foxreload::testing::RefusedEdit> edits = foxreload::testing::refusedEdits();
    for (qsizetype i = 0; i < edits.size(); ++i)
        QTest::newRow(edits.at(i).name) << int(i);
}

void TestCliConfig::configRefusesAndKeepsTheFile()
{
    QFETCH(int, index);
    const foxreload::testing::RefusedEdit edit = foxreload::testing::refusedEdits().at(index);
    const QString path = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(path, edit.original));
    const Result result = run(QStringList { u"config"_s } + edit.cli, m_root);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(edit.message), qPrintable(result.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), edit.original);
    QVERIFY(!QFile::exists(path + u".bak"_s));
}

void TestCliConfig::configGet()
{
    QVERIFY(writeText(m_root + u"/.foxreload.yaml"_s, kGoodConfig));
    const Result args = run({ u"config"_s, u"get"_s, u"server.args"_s }, m_root + u"/tools"_s);
    QCOMPARE(args.exitCode, 0);
    QCOMPARE(args.out, u"[main.py]\n"_s);
    QVERIFY(args.err.isEmpty());

    const Result rule = run({ u"config"_s, u"get"_s, u"rules[0].match"_s }, m_root);
    QCOMPARE(rule.out, u"\"tools/**/*.py\"\n"_s);

    const Result unset = run({ u"config"_s, u"get"_s, u"watch.debounce_ms"_s }, m_root);
    QCOMPARE(unset.exitCode, 0);
    QCOMPARE(unset.out, u"50\n"_s);
    QVERIFY2(unset.err.contains(u"not set in .foxreload.yaml; this is the default"_s), qPrintable(unset.err));

    const Result typo = run({ u"config"_s, u"get"_s, u"watch.debounse_ms"_s }, m_root);
    QCOMPARE(typo.exitCode, 1);
    QVERIFY2(typo.err.contains(u"did you mean \"watch.debounce_ms\""_s), qPrintable(typo.err));

    const Result missingItem = run({ u"config"_s, u"get"_s, u"rules[3].match"_s }, m_root);
    QCOMPARE(missingItem.exitCode, 1);
    QVERIFY(missingItem.out.isEmpty());
}

void TestCliConfig::configSetWithdrawsTrust()
{
    const QString path = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(path, kGoodConfig));
    QCOMPARE(run({ u"trust"_s }, m_root).exitCode, 0);
    const Result set = run({ u"config"_s, u"set"_s, u"watch.debounce_ms"_s, u"80"_s }, m_root);
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QVERIFY2(set.out.contains(u"no longer trusted"_s), qPrintable(set.out));
    const Result list = run({ u"trust"_s, u"--list"_s }, m_root);
    QVERIFY2(list.out.startsWith(u"changed"_s), qPrintable(list.out));

    // Setting what is already there changes nothing: no .bak, trust untouched.
    QVERIFY(QFile::remove(path + u".bak"_s));
    QCOMPARE(run({ u"trust"_s }, m_root).exitCode, 0);
    const Result again = run({ u"config"_s, u"set"_s, u"watch.debounce_ms"_s, u"80"_s }, m_root);
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(u"nothing changed"_s));
    QVERIFY(!QFile::exists(path + u".bak"_s));
    QVERIFY(run({ u"trust"_s, u"--list"_s }, m_root).out.startsWith(u"trusted"_s));
}

void TestCliConfig::configUsage()
{
    QVERIFY(writeText(m_root + u"/.foxreload.yaml"_s, kGoodConfig));
    QCOMPARE(run({ u"config"_s }, m_root).exitCode, 2);
    QCOMPARE(run({ u"config"_s, u"frob"_s, u"watch.debounce_ms"_s }, m_root).exitCode, 2);
    QCOMPARE(run({ u"config"_s, u"set"_s, u"watch.debounce_ms"_s }, m_root).exitCode, 2);
    QCOMPARE(run({ u"config"_s, u"get"_s, u"server"_s, u"--config"_s, m_root + u"/nowhere.yaml"_s }, m_root)
                 .exitCode,
        1);
    const Result help = run({ u"config"_s, u"--help"_s }, m_root);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"set KEY VALUE"_s));
    const Result usage = run({ u"--help"_s }, m_root);
    QVERIFY2(usage.out.contains(u"  config "_s), qPrintable(usage.out));
}

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
