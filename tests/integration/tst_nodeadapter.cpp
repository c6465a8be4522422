// adapters/node (foxreload-hot) with the real official SDKs: an SDK v1 McpServer and an SDK v2
// server enable hot reload in one line and run behind `foxreload proxy`, driven by an SDK client.
// Editing a tool module hot reloads it (same server PID, the new text in tools/call, a
// list_changed); editing a helper that only the tool imports hot reloads the tool through the
// import graph, with the helper re-read too. examples/ts-server runs as shipped (tsc build step,
// hot reload of a tool and of a helper). Skips when node or tests/mcp-clients/node_modules is
// missing.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;
constexpr int kCallTimeout = 15000;

QString clientsModules()
{
    return QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/tests/mcp-clients/node_modules"_s;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
}

const char* const kServerV1 = R"JS(import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { enableHotReload } from 'foxreload-hot';

const server = new McpServer({ name: 'adapter-v1', version: '1.0.0' });
await enableHotReload(server, { modules: ['./tools/echo.EXT', './tools/clock.EXT'], base: import.meta.url });
await server.connect(new StdioServerTransport());
)JS";

const char* const kServerV2 = R"JS(import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createHotReload } from 'foxreload-hot';

const hot = await createHotReload({ modules: ['./tools/echo.EXT', './tools/clock.EXT'], base: import.meta.url });
const handle = serveStdio(() => hot.attach(new McpServer({ name: 'adapter-v2', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } } })));
process.stdin.on('end', () => handle.close().finally(() => process.exit(0)));
)JS";

QByteArray echoTool(const QByteArray& word, const QByteArray& ext)
{
    const QByteArray body = "    server.registerTool('echo', { description: 'echo " + word
        + "' }, async () =>\n        ({ content: [{ type: 'text', text: decorate('" + word
        + " pid=' + process.pid) }] }));\n";
    if (ext == "cjs")
        return "const { decorate } = require('../lib/text.cjs');\nexports.register = (server) => {\n" + body
            + "};\n";
    return "import { decorate } from '../lib/text.mjs';\nexport function register(server) {\n" + body + "}\n";
}

QByteArray helper(const QByteArray& left, const QByteArray& right, const QByteArray& ext)
{
    const QByteArray function = "(text) => '" + left + "' + text + '" + right + "';\n";
    return (ext == "cjs" ? "exports.decorate = " : "export const decorate = ") + function;
}

// A second module that stays untouched: a hot reload of echo must leave it registered.
QByteArray clockTool(const QByteArray& ext)
{
    return (ext == "cjs" ? "exports.register = " : "export const register = ")
        + QByteArray("(server) => server.registerTool('clock', { description: 'pid' }, async () =>\n"
                     "    ({ content: [{ type: 'text', text: 'clock pid=' + process.pid }] }));\n");
}

const char* const kConfig = R"YAML(server:
  command: node
  args: [server.mjs]
  hot_reload: {method: foxreload/reload, timeout_ms: 10000}
watch:
  paths: [tools/, lib/, server.mjs]
  exclude: ["**/node_modules/**"]
  debounce_ms: 50
rules:
  - {match: server.mjs, strategy: full_restart}
  - {match: "tools/**/*.{mjs,cjs}", strategy: hot_reload}
default_strategy: full_restart
)YAML";

class Project
{
public:
    // The fixture server on `server` (its module paths end in EXT), tool modules and helper as
    // ES modules (mjs) or CommonJS (cjs).
    bool create(QByteArray server, const QByteArray& ext)
    {
        m_ext = ext;
        const QString modules = m_dir.path() + u"/node_modules"_s;
        return m_dir.isValid() && QDir().mkpath(modules + u"/@modelcontextprotocol"_s)
            && QFile::link(
                clientsModules() + u"/@modelcontextprotocol/sdk"_s, modules + u"/@modelcontextprotocol/sdk"_s)
            && QFile::link(clientsModules() + u"/@modelcontextprotocol/server"_s,
                modules + u"/@modelcontextprotocol/server"_s)
            && QFile::link(
                QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/adapters/node"_s, modules + u"/foxreload-hot"_s)
            && QFile::copy(
                QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/tests/integration/nodeadapter_client.mjs"_s,
                path(u"client.mjs"_s))
            && writeFile(path(u"package.json"_s), R"({"type": "module", "private": true})")
            && writeFile(path(u"server.mjs"_s), server.replace("EXT", ext))
            && writeFile(tool(u"echo"_s), echoTool("one", ext)) && writeFile(tool(u"clock"_s), clockTool(ext))
            && writeFile(helperPath(), helper("<", ">", ext))
            && writeFile(path(u".foxreload.yaml"_s), kConfig);
    }
    QString tool(const QString& name) const { return path(u"tools/%1.%2"_s.arg(name, QLatin1String(m_ext))); }
    QString helperPath() const { return path(u"lib/text."_s + QLatin1String(m_ext)); }
    QByteArray ext() const { return m_ext; }

    // examples/ts-server as it is in the repository, its packages linked from tests/mcp-clients.
    bool createExample()
    {
        const QString example = QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/examples/ts-server"_s;
        for (const QString& file :
            { u".foxreload.yaml"_s, u"package.json"_s, u"tsconfig.json"_s, u"src/server.ts"_s,
                u"src/lib/text.ts"_s, u"src/tools/greet.ts"_s, u"src/tools/wordcount.ts"_s }) {
            if (!QDir().mkpath(QFileInfo(path(file)).path())
                || !QFile::copy(example + u'/' + file, path(file)))
                return false;
        }
        const QString modules = m_dir.path() + u"/node_modules"_s;
        bool linked = QDir().mkpath(modules + u"/@modelcontextprotocol"_s)
            && QDir().mkpath(modules + u"/@types"_s) && QDir().mkpath(modules + u"/.bin"_s)
            && QFile::link(
                QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/adapters/node"_s, modules + u"/foxreload-hot"_s)
            && QFile::copy(
                QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/tests/integration/nodeadapter_client.mjs"_s,
                path(u"client.mjs"_s));
        for (const QString& package :
            { u"@modelcontextprotocol/sdk"_s, u"@types/node"_s, u"typescript"_s, u"zod"_s, u".bin/tsc"_s })
            linked = linked && QFile::link(clientsModules() + u'/' + package, modules + u'/' + package);
        return m_dir.isValid() && linked;
    }
    QString path(const QString& relative) const { return m_dir.filePath(relative); }

private:
    QTemporaryDir m_dir;
    QByteArray m_ext;
};

// The SDK client (client.mjs) in front of `foxreload proxy`, fed commands on stdin.
class Client
{
public:
    explicit Client(const Project& project)
        : m_project(project)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_RUNTIME_DIR"_s, project.path(u"run"_s));
        env.insert(u"XDG_DATA_HOME"_s, project.path(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, project.path(u"config"_s));
        QDir().mkpath(project.path(u"run"_s));
        QFile::setPermissions(
            project.path(u"run"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        m_process.setProcessEnvironment(env);
        m_process.setWorkingDirectory(project.path(QString()));
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_stdout += m_process.readAllStandardOutput();
            for (qsizetype end = m_stdout.indexOf('\n'); end >= 0; end = m_stdout.indexOf('\n')) {
                m_lines.append(QJsonDocument::fromJson(m_stdout.left(end)).object());
                m_stdout.remove(0, end + 1);
            }
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
            [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~Client()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    void start()
    {
        m_process.start(u"node"_s,
            { m_project.path(u"client.mjs"_s), u"--"_s, QStringLiteral(FOXRELOAD_EXECUTABLE), u"proxy"_s,
                u"--trust"_s, u"--no-game"_s, u"--no-socket"_s, u"--db"_s, m_project.path(u"h.sqlite"_s),
                u"--config"_s, m_project.path(u".foxreload.yaml"_s) });
    }
    bool connected()
    {
        return QTest::qWaitFor([this] { return count(u"connected"_s) > 0; }, kTimeout);
    }
    // Calls the tool and returns its text, "" when no answer came.
    QString call(const QString& tool, const QByteArray& arguments = "{}")
    {
        const int before = count(u"call"_s);
        m_process.write("call " + tool.toUtf8() + ' ' + arguments + '\n');
        if (!QTest::qWaitFor([&] { return count(u"call"_s) > before; }, kCallTimeout))
            return {};
        return last(u"call"_s).value("text"_L1).toString();
    }
    int count(const QString& type, const QString& method = {}) const
    {
        int n = 0;
        for (const auto& line : m_lines)
            n += line.value("type"_L1) == type && (method.isEmpty() || line.value("method"_L1) == method);
        return n;
    }
    QJsonObject last(const QString& type) const
    {
        for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
            if (it->value("type"_L1) == type)
                return *it;
        }
        return {};
    }
    QString diagnostics() const { return QString::fromUtf8(m_stderr.right(4000)); }

private:
    const Project& m_project;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QList<QJsonObject> m_lines;
};

QString pidIn(const QString& text)
{
    return QRegularExpression(u"pid=(\\d+)"_s).match(text).captured(1);
}
} // namespace

class TestNodeAdapter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not installed");
        if (!QFileInfo::exists(clientsModules() + u"/@modelcontextprotocol/sdk/package.json"_s)
            || !QFileInfo::exists(clientsModules() + u"/@modelcontextprotocol/server/package.json"_s))
            QSKIP("tests/mcp-clients/node_modules is missing: run `npm ci` there");
    }

    void hotReloadThroughProxy_data()
    {
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<QByteArray>("ext");
        QTest::newRow("SDK v1 McpServer, ES modules") << QByteArray(kServerV1) << "mjs"_ba;
        QTest::newRow("SDK v2 McpServer (serveStdio), ES modules") << QByteArray(kServerV2) << "mjs"_ba;
        QTest::newRow("SDK v1 McpServer, CommonJS modules") << QByteArray(kServerV1) << "cjs"_ba;
    }
    void hotReloadThroughProxy()
    {
        QFETCH(QByteArray, server);
        QFETCH(QByteArray, ext);
        Project project;
        QVERIFY(project.create(server, ext));
        Client client(project);
        client.start();
        QVERIFY2(client.connected(), qPrintable(client.diagnostics()));

        const QString first = client.call(u"echo"_s);
        QVERIFY2(first.startsWith(u"<one pid="_s), qPrintable(first + client.diagnostics()));
        const QString pid = pidIn(first);
        QVERIFY(!pid.isEmpty());
        QCOMPARE(client.call(u"clock"_s), u"clock pid="_s + pid);

        // A tool edit: the rule says hot reload; the same process answers with the new code, and
        // the new description reaches the client as a list_changed (the proxy passes one on only
        // when the list really changed).
        const int listChangedBefore = client.count(u"notification"_s, u"notifications/tools/list_changed"_s);
        QVERIFY(writeFile(project.tool(u"echo"_s), echoTool("two", ext)));
        QString text;
        QTRY_VERIFY2_WITH_TIMEOUT((text = client.call(u"echo"_s)).startsWith(u"<two"_s),
            qPrintable(text + client.diagnostics()), kTimeout);
        QCOMPARE(pidIn(text), pid);
        QTRY_VERIFY_WITH_TIMEOUT(
            client.count(u"notification"_s, u"notifications/tools/list_changed"_s) > listChangedBefore,
            kTimeout);
        QCOMPARE(client.call(u"clock"_s), u"clock pid="_s + pid); // the other module still serves

        // A helper edit: no rule names lib/, the import graph sends it to tools/echo (hot
        // reload), and the re-imported tool sees the helper's new text.
        QVERIFY(writeFile(project.helperPath(), helper("[", "]", ext)));
        QTRY_VERIFY2_WITH_TIMEOUT((text = client.call(u"echo"_s)).startsWith(u"[two"_s),
            qPrintable(text + client.diagnostics()), kTimeout);
        QCOMPARE(pidIn(text), pid);
        QVERIFY2(!client.diagnostics().contains(u"full restart"_s, Qt::CaseInsensitive),
            qPrintable(client.diagnostics()));

        // A tool that fails to import keeps the previous version serving.
        QVERIFY(writeFile(project.tool(u"echo"_s), "function register( {\n"));
        QTRY_VERIFY_WITH_TIMEOUT(client.diagnostics().contains(u"reload failed"_s), kTimeout);
        QCOMPARE(client.call(u"echo"_s), u"[two pid="_s + pid + u"]"_s);

        // The entry point is a full restart: a new process.
        QVERIFY(writeFile(project.tool(u"echo"_s), echoTool("three", ext)));
        QTRY_VERIFY_WITH_TIMEOUT(client.call(u"echo"_s).startsWith(u"[three"_s), kTimeout);
        QVERIFY(writeFile(project.path(u"server.mjs"_s), server.replace("EXT", ext) + "\n// touched\n"));
        QTRY_VERIFY_WITH_TIMEOUT(
            pidIn(text = client.call(u"echo"_s)) != pid && !pidIn(text).isEmpty(), kTimeout);
        QVERIFY2(text.startsWith(u"[three"_s), qPrintable(text));
    }

    // The example as shipped: npm run build (tsc) before the start and before the tool's hot
    // reload; a helper edit hot reloads both tools that import it; the server process stays.
    void exampleTsServer()
    {
        if (QStandardPaths::findExecutable(u"npm"_s).isEmpty())
            QSKIP("npm is not installed (the example builds with npm run build)");
        Project project;
        QVERIFY(project.createExample());
        Client client(project);
        client.start();
        QVERIFY2(client.connected(), qPrintable(client.diagnostics()));
        const QByteArray ada = R"({"name": "ada lovelace"})";
        QCOMPARE(client.call(u"greet"_s, ada), u"Hello, Ada Lovelace!"_s);
        const QString session
            = QRegularExpression(u"server pid (\\d+)"_s).match(client.diagnostics()).captured(1);
        QVERIFY2(!session.isEmpty(), qPrintable(client.diagnostics()));

        QFile greet(project.path(u"src/tools/greet.ts"_s));
        QVERIFY(greet.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(greet.fileName(), greet.readAll().replace("Hello", "Howdy")));
        QString text;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (text = client.call(u"greet"_s, ada)) == u"Howdy, Ada Lovelace!"_s, qPrintable(text), kTimeout);
        QVERIFY2(client.diagnostics().contains(u"src/tools/greet.ts modified → hot reload"_s),
            qPrintable(client.diagnostics()));

        QFile helper(project.path(u"src/lib/text.ts"_s));
        QVERIFY(helper.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(helper.fileName(), helper.readAll().replace(R"(.join(" "))", R"(.join("_"))")));
        QTRY_VERIFY2_WITH_TIMEOUT(
            (text = client.call(u"greet"_s, ada)) == u"Howdy, Ada_Lovelace!"_s, qPrintable(text), kTimeout);
        QVERIFY2(client.diagnostics().contains(u"reloaded dist/tools/greet.js, dist/tools/wordcount.js"_s),
            qPrintable(client.diagnostics()));
        QCOMPARE(client.call(u"wordcount"_s, R"({"text": "one two three"})"), u"3"_s);
        // One server process all along: no second session was opened.
        QCOMPARE(client.diagnostics().count(u"server pid "_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestNodeAdapter)
#include "tst_nodeadapter.moc"
