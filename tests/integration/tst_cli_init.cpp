// `foxreload init` end to end: the real binary on project folders of every common shape, the
// files it writes checked by `foxreload check-config`, and MCP client configs it edits.
#include "common/CliProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using Files = QMap<QString, QByteArray>; // relative path -> content; "*x" marks x executable

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

bool writeText(const QString& path, const QByteArray& contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool createFiles(const QString& root, const Files& files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const bool executable = it.key().startsWith(u'*');
        const QString path = root + u'/' + (executable ? it.key().mid(1) : it.key());
        if (!writeText(path, it.value()))
            return false;
        if (executable && !QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner))
            return false;
    }
    return true;
}

// What a client reads: JSON once the comments and trailing commas are gone (for these fixtures).
QJsonObject clientView(const QByteArray& text)
{
    QString json = QString::fromUtf8(text);
    json.remove(QRegularExpression(u"/\\*.*?\\*/"_s, QRegularExpression::DotMatchesEverythingOption));
    json.remove(QRegularExpression(u"//[^\\n]*"_s));
    json.replace(QRegularExpression(u",(\\s*[}\\]])"_s), u"\\1"_s);
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

Q_DECLARE_METATYPE(Files)

class TestCliInit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void writesAConfigThatChecks_data();
    void writesAConfigThatChecks();
    void cannotClassifyAnEmptyFolder();
    void commandGivenAfterDashes();
    void refusesToOverwriteWithoutForce();
    void forceKeepsEveryOldFile();
    void unknownCommandGetsADidYouMean();

    void clientConfigKeepsTheUsersFile();
    void clientConfigCreatedWhenMissing_data();
    void clientConfigCreatedWhenMissing();
    void clientNameTakenLeavesTheFileAlone();
    void clientEntryStartsTheProxy();

private:
    Result run(const QStringList& arguments, const QString& workingDirectory = QDir::rootPath()) const;
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_home; // HOME, XDG dirs and the trust store: never the user's
    std::unique_ptr<QTemporaryDir> m_projects;
    QString m_project; // a folder named like a server, below m_projects
};

void TestCliInit::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_projects = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid() && m_projects->isValid());
    m_project = QDir(m_projects->path()).canonicalPath() + u"/weather-server"_s;
    QVERIFY(QDir().mkpath(m_project));
}

QProcessEnvironment TestCliInit::environment() const
{
    QProcessEnvironment env = foxreload::test::isolatedEnvironment(m_home->path());
    env.insert(u"HOME"_s, m_home->path());
    return env;
}

Result TestCliInit::run(const QStringList& arguments, const QString& workingDirectory) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
    Result result;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        result.err = u"did not finish normally: "_s + process.errorString();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCliInit::writesAConfigThatChecks_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("lines"); // each must be a line of the written file
    QTest::addColumn<QStringList>("absent"); // none may appear in it
    QTest::addColumn<QString>("warning"); // must appear on stderr ("" : nothing on stderr)

    const QByteArray sdk = R"("dependencies": {"@modelcontextprotocol/sdk": "1.32.2"})";
    const bool tscInstalled = !QStandardPaths::findExecutable(u"tsc"_s).isEmpty();
    QTest::newRow("typescript with a build script")
        << Files { { u"package.json"_s,
                       R"({"name": "weather", "type": "module", "main": "dist/index.js",
                           "scripts": {"build": "tsc"}, )"
                           + sdk + "}" },
               { u"tsconfig.json"_s, R"({"compilerOptions": {"outDir": "dist"}})" },
               { u"src/index.ts"_s, "" } }
        << QStringList { u"  command: node"_s, u"  args: [dist/index.js]"_s,
               u"  build: {command: npm, args: [run, build]}"_s,
               u"#   - depends on @modelcontextprotocol/sdk: an MCP server built with the official SDK"_s }
        << QStringList { u"--silent"_s }
        << (tscInstalled ? QString() : u"build tool 'tsc' is not installed"_s);
    QTest::newRow("typescript with a compiled build tool installed")
        << Files { { u"package.json"_s,
                       R"({"main": "build/main.js", "scripts": {"build": "tsc"}, )" + sdk + "}" },
               { u"tsconfig.json"_s, R"({"compilerOptions": {"outDir": "build"}})" },
               { u"*node_modules/.bin/tsc"_s, "#!/bin/sh\n" } }
        << QStringList { u"  args: [build/main.js]"_s, u"  build: {command: npm, args: [run, build]}"_s }
        << QStringList() << QString();
    QTest::newRow("typescript without a build script")
        << Files { { u"package.json"_s, R"({"scripts": {"start": "tsx src/index.ts"}, )" + sdk + "}" },
               { u"tsconfig.json"_s, "{}" } }
        << QStringList { u"  command: npm"_s, u"  args: [--silent, start]"_s,
               u"#   - no \"build\" script: nothing is compiled before the server starts"_s }
        << QStringList { u"build:"_s } << QString();
    QTest::newRow("javascript ES module")
        << Files { { u"package.json"_s, R"({"type": "module", "main": "server.mjs", )" + sdk + "}" },
               { u"server.mjs"_s, "" } }
        << QStringList { u"  command: node"_s, u"  args: [server.mjs]"_s,
               u"#   - package.json says \"type\": \"module\": an ES module package"_s }
        << QStringList { u"build:"_s } << QString();
    QTest::newRow("javascript CommonJS")
        << Files { { u"package.json"_s, R"({"bin": {"weather": "bin/weather.js"}})" },
               { u"bin/weather.js"_s, "" } }
        << QStringList { u"  args: [bin/weather.js]"_s,
               u"#   - a CommonJS package (package.json has no \"type\": \"module\")"_s,
               u"#   - no MCP SDK among its dependencies: check that this is the server's folder"_s }
        << QStringList() << QString();
    QTest::newRow("python package in a venv")
        << Files { { u"pyproject.toml"_s,
                       "[project]\nname = \"weather\"\n\n[project.scripts]\nweather-server = "
                       "\"weather.server:main\"\n" },
               { u"src/weather/server.py"_s, "" }, { u"*.venv/bin/python"_s, "#!/bin/sh\n" },
               { u"*.venv/bin/weather-server"_s, "#!/bin/sh\n" } }
        << QStringList { u"  command: .venv/bin/weather-server"_s, u"  env: {PYTHONUNBUFFERED: \"1\"}"_s }
        << QStringList { u"args:"_s } << QString();
    const bool uvInstalled = !QStandardPaths::findExecutable(u"uv"_s).isEmpty();
    QTest::newRow("uv project") << Files { { u"pyproject.toml"_s, "[project]\nname = \"weather\"\n" },
        { u"uv.lock"_s, "" }, { u"server.py"_s, "" } }
                                << QStringList { u"  command: uv"_s, u"  args: [run, server.py]"_s }
                                << QStringList()
                                << (uvInstalled ? QString()
                                                : u"command 'uv' not found on PATH — install uv"_s);
    QTest::newRow("plain main.py") << Files { { u"main.py"_s, "print()\n" },
        { u"tools/__pycache__/x.pyc"_s, "" } }
                                   << QStringList { u"  command: python3"_s, u"  args: [main.py]"_s,
                                          u"    - \"**/__pycache__/**\"   # Python's bytecode cache"_s,
                                          u"    - \"**/node_modules/**\"   # installed packages"_s,
                                          u"default_strategy: full_restart"_s }
                                   << QStringList() << QString();
}

void TestCliInit::writesAConfigThatChecks()
{
    QFETCH(Files, files);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, absent);
    QFETCH(QString, warning);

    QVERIFY(createFiles(m_project, files));
    const Result result = run({ u"init"_s, m_project });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    if (warning.isEmpty())
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    else
        QVERIFY2(result.err.contains(warning), qPrintable(result.err));
    // The next steps: check, trust, run, and the client snippet with the proxy.
    const QString config = m_project + u"/.foxreload.yaml"_s;
    QVERIFY2(result.out.startsWith(u"Wrote "_s + config), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"foxreload trust "_s + config), qPrintable(result.out));
    QVERIFY2(
        result.out.contains(u"\"weather-server\": {\"command\": \""_s + QStringLiteral(FOXRELOAD_EXECUTABLE)
            + u"\", \"args\": [\"proxy\", \"--config\", \""_s + config + u"\"]}"_s),
        qPrintable(result.out));

    const QString text = QString::fromUtf8(readAll(config));
    const QStringList written = text.split(u'\n');
    for (const QString& line : lines)
        QVERIFY2(written.contains(line), qPrintable(line + u"\nnot in:\n"_s + text));
    for (const QString& part : absent)
        QVERIFY2(!text.contains(part), qPrintable(part + u"\nin:\n"_s + text));
    // Each value is explained: the header lists what init found.
    QVERIFY2(text.contains(u"# What init found:\n#   - "_s), qPrintable(text));

    const Result check = run({ u"check-config"_s, config });
    QVERIFY2(check.exitCode == 0, qPrintable(check.err + check.out));
    QVERIFY2(check.out.contains(u"  cwd: "_s + m_project + u'\n'), qPrintable(check.out));
}

void TestCliInit::cannotClassifyAnEmptyFolder()
{
    QVERIFY(writeText(m_project + u"/README.md"_s, "# weather\n"));
    const Result result = run({ u"init"_s, m_project });
    QCOMPARE(result.exitCode, 1);
    // One line: why, and what to do.
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(
        result.err.contains(u"cannot tell how "_s + m_project + u"'s server starts: none of package.json"_s),
        qPrintable(result.err));
    QVERIFY2(result.err.contains(u"Name it: foxreload init "_s + m_project + u" -- COMMAND [ARGS...]"_s),
        qPrintable(result.err));
    QVERIFY(!QFileInfo::exists(m_project + u"/.foxreload.yaml"_s));

    // A project it recognises but cannot find the entry of says which.
    QVERIFY(writeText(m_project + u"/package.json"_s, R"({"name": "weather"})"));
    const Result node = run({ u"init"_s }, m_project);
    QCOMPARE(node.exitCode, 1);
    QVERIFY2(node.err.contains(u"package.json names no \"bin\", \"main\" or \"start\" script"_s),
        qPrintable(node.err));
}

void TestCliInit::commandGivenAfterDashes()
{
    const Result result
        = run({ u"init"_s, m_project, u"--"_s, u"python3"_s, u"-u"_s, u"srv.py"_s, u"--port"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QString text = QString::fromUtf8(readAll(m_project + u"/.foxreload.yaml"_s));
    QVERIFY2(text.contains(u"  command: python3\n  args: [-u, srv.py, --port]\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"#   - the server command was given to init: python3 -u srv.py --port"_s),
        qPrintable(text));
    QCOMPARE(run({ u"check-config"_s, m_project }).exitCode, 0);
}

void TestCliInit::refusesToOverwriteWithoutForce()
{
    const QByteArray mine = "# mine\nserver: {command: python3, args: [mine.py]}\n";
    QVERIFY(createFiles(m_project, { { u"main.py"_s, "" }, { u".foxreload.yaml"_s, mine } }));
    const Result result = run({ u"init"_s, m_project });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.contains(u"already exists and was left as it is; pass --force"_s), qPrintable(result.err));
    QCOMPARE(readAll(m_project + u"/.foxreload.yaml"_s), mine);
    QVERIFY(!QFileInfo::exists(m_project + u"/.foxreload.yaml.bak"_s));
}

void TestCliInit::forceKeepsEveryOldFile()
{
    const QByteArray first = "server: {command: python3, args: [first.py]}\n";
    const QString config = m_project + u"/.foxreload.yaml"_s;
    QVERIFY(createFiles(m_project, { { u"main.py"_s, "" }, { u".foxreload.yaml"_s, first } }));
    Result result = run({ u"init"_s, m_project, u"--force"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(
        result.out.contains(u"The old file is kept as "_s + config + u".bak\n"_s), qPrintable(result.out));
    QCOMPARE(readAll(config + u".bak"_s), first);
    const QByteArray generated = readAll(config);
    QVERIFY(generated.contains("args: [main.py]"));

    // Again: the first backup is not overwritten.
    QVERIFY(writeText(config, "server: {command: python3, args: [second.py]}\n"));
    result = run({ u"init"_s, m_project, u"--force"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(readAll(config + u".bak"_s), first);
    QCOMPARE(readAll(config + u".bak.1"_s), "server: {command: python3, args: [second.py]}\n"_ba);
    QCOMPARE(readAll(config), generated);
}

void TestCliInit::unknownCommandGetsADidYouMean()
{
    QVERIFY(writeText(m_project + u"/.foxreload.yaml"_s, "server: {command: nodee, args: [index.js]}\n"));
    const Result check = run({ u"check-config"_s, m_project });
    QCOMPARE(check.exitCode, 0); // a warning: the program may be installed later
    QVERIFY2(check.err.contains(u"warning: server.command: command 'nodee' not found on "
                                u"PATH — did you mean node?"_s),
        qPrintable(check.err));

    // init warns the same way about what it wrote.
    const Result result = run({ u"init"_s, m_project, u"--force"_s, u"--"_s, u"pyhton3"_s, u"main.py"_s });
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(
        result.err.contains(u"foxreload init: warning: command 'pyhton3' not found on PATH — did you mean "
                            u"python3?"_s),
        qPrintable(result.err));
}

void TestCliInit::clientConfigKeepsTheUsersFile()
{
    QVERIFY(writeText(m_project + u"/main.py"_s, ""));
    const QString claude = m_home->path() + u"/config/Claude/claude_desktop_config.json"_s;
    const QByteArray original
        = "// my servers\n{\n\t\"mcpServers\" :{\n\t\t// the files one\n"
          "\t\t\"files\":   { \"command\": \"npx\", \"args\": [\"-y\", \"server-filesystem\"] },  "
          "/* keep */\n\t\t\"git\": {\"command\":\"uvx\",\"args\":[\"mcp-server-git\"]},\n\t},\n"
          "  \"globalShortcut\": \"Ctrl+Space\"\n}\n";
    QVERIFY(writeText(claude, original));

    const Result result = run({ u"init"_s, m_project, u"--client"_s, u"claude"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(u"Added \"weather-server\" to Claude Desktop's "_s + claude),
        qPrintable(result.out));
    QCOMPARE(readAll(claude + u".bak"_s), original);

    const QByteArray edited = readAll(claude);
    // Every line of the user's file is still there, as it was.
    for (const QByteArray& line : original.split('\n'))
        QVERIFY2(edited.contains(line), line.constData());
    const QJsonObject servers = clientView(edited).value(u"mcpServers"_s).toObject();
    QCOMPARE(servers.keys(), (QStringList { u"files"_s, u"git"_s, u"weather-server"_s }));
    const QJsonObject ours = servers.value(u"weather-server"_s).toObject();
    QCOMPARE(ours.value(u"command"_s).toString(), QStringLiteral(FOXRELOAD_EXECUTABLE));
    QCOMPARE(ours.value(u"args"_s).toArray(),
        (QJsonArray { u"proxy"_s, u"--config"_s, QString(m_project + u"/.foxreload.yaml"_s) }));
    QCOMPARE(clientView(edited).value(u"globalShortcut"_s).toString(), u"Ctrl+Space"_s);

    // A second run finds it and changes nothing, not even the backup.
    const Result again = run({ u"init"_s, m_project, u"--client"_s, u"claude"_s });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.out.contains(u"Using the existing "_s + m_project + u"/.foxreload.yaml"_s),
        qPrintable(again.out));
    QVERIFY2(again.out.contains(u"Claude Desktop already starts this project as \"weather-server\""_s),
        qPrintable(again.out));
    QCOMPARE(readAll(claude), edited);
    QVERIFY(!QFileInfo::exists(claude + u".bak.1"_s));
}

void TestCliInit::clientConfigCreatedWhenMissing_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("file"); // below HOME ("~/") or the project ("./")
    QTest::addColumn<QString>("serversKey");
    QTest::addColumn<QString>("configArgument");
    QTest::newRow("claude") << u"claude"_s << u"~/config/Claude/claude_desktop_config.json"_s
                            << u"mcpServers"_s << QString();
    QTest::newRow("cursor") << u"cursor"_s << u"~/.cursor/mcp.json"_s << u"mcpServers"_s << QString();
    QTest::newRow("vscode") << u"vscode"_s << u"./.vscode/mcp.json"_s << u"servers"_s
                            << u"${workspaceFolder}/.foxreload.yaml"_s;
}

void TestCliInit::clientConfigCreatedWhenMissing()
{
    QFETCH(QString, client);
    QFETCH(QString, file);
    QFETCH(QString, serversKey);
    QFETCH(QString, configArgument);
    QVERIFY(writeText(m_project + u"/server.py"_s, ""));
    const QString path = (file.startsWith(u'~') ? m_home->path() : m_project) + file.mid(1);
    const Result result = run({ u"init"_s, m_project, u"--client"_s, client, u"--name"_s, u"weather"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(path), qPrintable(result.out));
    QVERIFY(!QFileInfo::exists(path + u".bak"_s)); // there was nothing to back up
    const QJsonObject ours
        = clientView(readAll(path)).value(serversKey).toObject().value(u"weather"_s).toObject();
    QCOMPARE(ours.value(u"args"_s).toArray().at(2).toString(),
        configArgument.isEmpty() ? m_project + u"/.foxreload.yaml"_s : configArgument);
    QCOMPARE(ours.value(u"type"_s).toString(), client == u"vscode" ? u"stdio"_s : QString());
    QVERIFY(QFileInfo::exists(m_project + u"/.foxreload.yaml"_s));
}

void TestCliInit::clientNameTakenLeavesTheFileAlone()
{
    QVERIFY(writeText(m_project + u"/main.py"_s, ""));
    const QString cursor = m_home->path() + u"/.cursor/mcp.json"_s;
    const QByteArray original
        = R"({"mcpServers": {"weather-server": {"command": "python3", "args": ["w.py"]}}})";
    QVERIFY(writeText(cursor, original));
    const Result result = run({ u"init"_s, m_project, u"--client"_s, u"cursor"_s });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(
                 u"already has a server named \"weather-server\" that starts something else; left as "
                 u"it is. Pick another name with --name"_s),
        qPrintable(result.err));
    QCOMPARE(readAll(cursor), original);
    QVERIFY(!QFileInfo::exists(cursor + u".bak"_s));

    QVERIFY(writeText(cursor, "{ \"mcpServers\": "));
    const Result broken = run({ u"init"_s, m_project, u"--client"_s, u"cursor"_s });
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(cursor + u": not valid JSON (line 1"_s), qPrintable(broken.err));
    QCOMPARE(readAll(cursor), "{ \"mcpServers\": "_ba);
}

// What the client will do: start the entry's command, speak MCP, get the server's answer.
void TestCliInit::clientEntryStartsTheProxy()
{
    const QString example = QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/examples/reynard-server"_s;
    QDirIterator files(example, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString relative = QDir(example).relativeFilePath(source);
        if (relative.contains(u"__pycache__"_s) || relative.startsWith(u"tests/"_s))
            continue;
        QVERIFY(writeText(m_project + u'/' + relative, readAll(source)));
    }
    Result result = run({ u"init"_s, m_project, u"--client"_s, u"cursor"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    result = run({ u"trust"_s, m_project + u"/.foxreload.yaml"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    const QJsonObject entry = clientView(readAll(m_home->path() + u"/.cursor/mcp.json"_s))
                                  .value(u"mcpServers"_s)
                                  .toObject()
                                  .value(u"weather-server"_s)
                                  .toObject();
    QStringList args;
    for (const QJsonValue& arg : entry.value(u"args"_s).toArray())
        args.append(arg.toString());
    QProcess client;
    client.setProcessEnvironment(environment());
    client.setWorkingDirectory(m_home->path()); // a client's own directory, not the project
    client.start(entry.value(u"command"_s).toString(), args);
    QVERIFY(client.waitForStarted(10000));
    client.write(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
                 R"("capabilities":{},"clientInfo":{"name":"tst_cli_init","version":"1"}}})"
                 "\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += client.readAllStandardOutput()).contains('\n'), 30000);
    const QJsonObject reply = QJsonDocument::fromJson(answer.left(answer.indexOf('\n'))).object();
    QCOMPARE(reply.value(u"id"_s).toInt(), 1);
    QVERIFY2(reply.value(u"result"_s).toObject().contains(u"serverInfo"_s), answer.constData());
    client.closeWriteChannel();
    if (!client.waitForFinished(15000)) {
        client.kill();
        client.waitForFinished(5000);
    }
}

QTEST_GUILESS_MAIN(TestCliInit)
#include "tst_cli_init.moc"
