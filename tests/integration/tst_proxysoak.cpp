// Real MCP peers through `foxreload proxy`: a client on the official TypeScript SDK
// (tests/mcp-clients/proxy-soak.mjs) calls a tool every 20 ms for at least 20 s while
// the test forces 10 full restarts and 10 hot reloads (example server) or 20 restarts
// (server-everything: file edits and event-socket restarts). Every call must succeed
// or fail with the documented interrupted error, the session must never initialize
// twice, tools/list_changed must come exactly for the tool additions and removals,
// and no server process may be left behind. Also: the MCP Inspector CLI lists and
// calls tools through the proxy.
//
// The npm packages come from tests/mcp-clients (npm ci); without node or without them
// the tests skip, saying so.

#include "common/ExampleProject.h"
#include "ipc/EventClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kReloadTimeout = 30000;
constexpr int kSoakMinSeconds = 20;

QString clientsDir()
{
    return sourceDir() + u"/tests/mcp-clients"_s;
}

QString everythingServer()
{
    return clientsDir() + u"/node_modules/@modelcontextprotocol/server-everything/dist/index.js"_s;
}

QString inspectorCli()
{
    return clientsDir() + u"/node_modules/@modelcontextprotocol/inspector/cli/build/cli.js"_s;
}

// The soak client as a child process; its JSON lines are collected as they come.
class SoakClient
{
public:
    SoakClient(const QStringList& proxyArguments, const QString& cwd, const QStringList& callArguments = {})
    {
        m_process.setWorkingDirectory(cwd);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            while (m_process.canReadLine())
                m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] {
            const QByteArray chunk = m_process.readAllStandardError();
            m_stderr += chunk;
            if (m_stderr.size() > 4 * 1024 * 1024)
                m_stderr = m_stderr.right(2 * 1024 * 1024);
        });
        m_process.start(u"node"_s,
            QStringList { clientsDir() + u"/proxy-soak.mjs"_s, u"--interval-ms"_s, u"20"_s, u"--min-s"_s,
                QString::number(kSoakMinSeconds), u"--max-s"_s, u"240"_s }
                + callArguments + QStringList { u"--"_s, QStringLiteral(FOXRELOAD_EXECUTABLE), u"proxy"_s }
                + proxyArguments);
    }
    ~SoakClient()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess& process() { return m_process; }
    QList<QJsonObject> linesOfType(const QString& type) const
    {
        QList<QJsonObject> found;
        for (const auto& line : m_lines) {
            if (line.value("type"_L1) == type)
                found.append(line);
        }
        return found;
    }
    // Stops the calls (after the minimum duration) and returns the summary.
    QJsonObject finish()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished((kSoakMinSeconds + 120) * 1000))
            return {};
        m_process.waitForReadyRead(100);
        while (m_process.canReadLine())
            m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
        const auto summaries = linesOfType(u"summary"_s);
        return summaries.isEmpty() ? QJsonObject {} : summaries.last();
    }
    QByteArray stderrTail() const { return m_stderr.right(4000); }

private:
    QProcess m_process;
    QList<QJsonObject> m_lines;
    QByteArray m_stderr;
};

// The proxy's event socket, found among this user's sessions (the test's own runtime dir).
class SessionEvents
{
public:
    // Not for QTRY_*: it connects (those macros evaluate their condition once more).
    bool connectToTheOnlySession()
    {
        if (!QTest::qWaitFor([] { return EventClient::runningSessions().size() == 1; }, 10000))
            return false;
        const auto sessions = EventClient::runningSessions();
        if (sessions.size() != 1)
            return false;
        QSignalSpy hello(&m_client, &EventClient::helloReceived);
        QObject::connect(&m_client, &EventClient::eventReceived,
            [this](const QJsonObject& event) { m_events.append(event); });
        m_client.connectTo(sessions.first().path);
        return hello.wait(10000) || !m_client.hello().isEmpty();
    }
    EventClient& client() { return m_client; }
    QList<QJsonObject> reloads() const
    {
        QList<QJsonObject> found;
        for (const auto& event : m_events) {
            if (event.value("event"_L1) == "reload_finished"_L1)
                found.append(event);
        }
        return found;
    }
    QList<qint64> serverPids() const
    {
        QList<qint64> pids { m_client.hello().value("serverPid"_L1).toInteger() };
        for (const auto& reload : reloads()) {
            pids.append(reload.value("pid"_L1).toInteger());
            pids.append(reload.value("previousPid"_L1).toInteger());
        }
        pids.removeAll(0);
        return pids;
    }

private:
    EventClient m_client;
    QList<QJsonObject> m_events;
};

QByteArray toolSource(const QString& name)
{
    return u"DESCRIPTION = \"Soak tool %1.\"\n"
           u"INPUT_SCHEMA = {\"type\": \"object\", \"properties\": {}}\n"
           u"NAME = \"%1\"\n\n"
           u"def call(arguments, context):\n"
           u"    return \"%1\"\n"_s.arg(name)
               .toUtf8();
}

void checkSummary(const QJsonObject& summary, int expectedListChanged)
{
    QVERIFY2(!summary.isEmpty(), "the soak client printed no summary");
    const int calls = summary.value("calls"_L1).toInt();
    const int ok = summary.value("ok"_L1).toInt();
    const int interrupted = summary.value("interrupted"_L1).toInt();
    qInfo().noquote() << "soak:" << QJsonDocument(summary).toJson(QJsonDocument::Compact);
    QVERIFY(calls >= 500); // 20 s every 20 ms, with generous slack for a loaded machine
    QCOMPARE(ok + interrupted, calls);
    QCOMPARE(summary.value("otherErrors"_L1).toInt(), 0);
    QCOMPARE(summary.value("toolErrors"_L1).toInt(), 0);
    QCOMPARE(summary.value("initializeResponses"_L1).toInt(), 1);
    QCOMPARE(summary.value("unknownResponses"_L1).toInt(), 0);
    QCOMPARE(summary.value("closed"_L1).toBool(), false);
    QCOMPARE(summary.value("listChanged"_L1).toInt(), expectedListChanged);
    // Prompts and resources did not change either: none of their notifications.
    const QJsonObject notifications = summary.value("notifications"_L1).toObject();
    QCOMPARE(notifications.value("notifications/prompts/list_changed"_L1).toInt(), 0);
    QCOMPARE(notifications.value("notifications/resources/list_changed"_L1).toInt(), 0);
}

bool allDead(const QList<qint64>& pids)
{
    return std::none_of(pids.cbegin(), pids.cend(), [](qint64 pid) { return processAlive(pid); });
}
} // namespace

class TestProxySoak : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    bool haveNode() const { return !QStandardPaths::findExecutable(u"node"_s).isEmpty(); }
    bool haveClients() const
    {
        return QFile::exists(clientsDir() + u"/node_modules/@modelcontextprotocol/sdk/package.json"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Trust store, history and event sockets of this run stay in a private home; the
        // event socket directory is shared with the proxies the soak client starts.
        QVERIFY(m_home.isValid());
        QDir().mkpath(m_home.path() + u"/run"_s);
        QFile::setPermissions(m_home.path() + u"/run"_s,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_home.path() + u"/run"_s));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.path() + u"/data"_s));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path() + u"/config"_s));
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is needed for the example server");
    }

    void soakExampleServer()
    {
        if (!haveNode())
            QSKIP("node is not installed: the official SDK client cannot run");
        if (!haveClients())
            QSKIP("tests/mcp-clients/node_modules is missing: run `npm ci` in tests/mcp-clients");
        ExampleProject project;
        QVERIFY(project.isValid());
        QByteArray yaml = readFile(project.path(u".foxreload.yaml"_s));
        yaml.replace("max_reloads_per_minute: 10", "max_reloads_per_minute: 1000");
        yaml.replace("shutdown_grace_ms: 2000", "shutdown_grace_ms: 1000");
        yaml.replace("env: {PYTHONUNBUFFERED: \"1\"}",
            "env: {PYTHONUNBUFFERED: \"1\", PYTHONDONTWRITEBYTECODE: \"1\"}");
        QVERIFY(writeFile(project.path(u".foxreload.yaml"_s), yaml));

        // slow_echo takes 100 ms: about five calls are in flight whenever a server is replaced.
        SoakClient soak({ u"--config"_s, project.path(u".foxreload.yaml"_s), u"--trust"_s, u"--quiet"_s },
            project.root(),
            { u"--tool"_s, u"slow_echo"_s, u"--args"_s, uR"({"message":"soak {seq}","delay_ms":100})"_s });
        QTRY_COMPARE_WITH_TIMEOUT(soak.linesOfType(u"connected"_s).size(), 1, kReloadTimeout);
        SessionEvents events;
        QVERIFY(events.connectToTheOnlySession());

        // 10 full restarts (main.py) and 10 hot reloads (tools/), interleaved. Six of
        // the hot reloads add or remove a tool; four only change a tool's code.
        const QStringList hotSteps { u"add a"_s, u"edit"_s, u"remove a"_s, u"edit"_s, u"add b"_s, u"edit"_s,
            u"remove b"_s, u"edit"_s, u"add c"_s, u"remove c"_s };
        int expectedReloads = 0;
        for (int i = 0; i < 20; ++i) {
            if (i % 2 == 0) {
                QVERIFY(appendToFile(
                    project.path(u"main.py"_s), "# soak restart " + QByteArray::number(i) + '\n'));
            } else {
                const QString step = hotSteps[i / 2];
                const QString tool = u"soak_"_s + step.right(1);
                if (step.startsWith(u"add"_s))
                    QVERIFY(writeFile(project.path(u"tools/%1.py"_s.arg(tool)), toolSource(tool)));
                else if (step.startsWith(u"remove"_s))
                    QVERIFY(QFile::remove(project.path(u"tools/%1.py"_s.arg(tool))));
                else
                    QVERIFY(appendToFile(
                        project.path(u"tools/now.py"_s), "# soak edit " + QByteArray::number(i) + '\n'));
            }
            ++expectedReloads;
            QTRY_VERIFY_WITH_TIMEOUT(events.reloads().size() >= expectedReloads, kReloadTimeout);
            expectedReloads = int(events.reloads().size());
            QVERIFY2(events.reloads().last().value("outcome"_L1) == "success"_L1,
                QJsonDocument(events.reloads().last()).toJson().constData());
        }
        int fullRestarts = 0;
        int hotReloads = 0;
        for (const auto& reload : events.reloads()) {
            if (reload.value("strategy"_L1) == "full_restart"_L1)
                ++fullRestarts;
            else if (reload.value("strategy"_L1) == "hot_reload"_L1)
                ++hotReloads;
        }
        QCOMPARE(fullRestarts, 10);
        QCOMPARE(hotReloads, 10);
        const QList<qint64> pids = events.serverPids();
        QVERIFY(pids.size() >= 11);

        const QJsonObject summary = soak.finish();
        QVERIFY2(soak.process().exitCode() == 0, soak.stderrTail().constData());
        checkSummary(summary, 6);
        // The client re-listed after each notification and saw the tool come and go.
        const auto changes = soak.linesOfType(u"list_changed"_s);
        QCOMPARE(changes.size(), 6);
        QVERIFY(changes[0].value("tools"_L1).toArray().contains(u"soak_a"_s));
        QVERIFY(!changes[1].value("tools"_L1).toArray().contains(u"soak_a"_s));
        QTRY_VERIFY_WITH_TIMEOUT(allDead(pids), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(EventClient::runningSessions().isEmpty(), 10000);
    }

    void soakServerEverything()
    {
        if (!haveNode())
            QSKIP("node is not installed: the official SDK client and server-everything cannot run");
        if (!haveClients() || !QFile::exists(everythingServer()))
            QSKIP("tests/mcp-clients/node_modules is missing: run `npm ci` in tests/mcp-clients");
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root + u"/watched/dummy.txt"_s, "0\n"));
        // server-everything has no files of ours: a watched dummy file stands for its code.
        const QByteArray yaml = u"server:\n"
                                u"  command: node\n"
                                u"  args: [\"%1\", stdio]\n"
                                u"  shutdown_grace_ms: 1000\n"
                                u"watch:\n"
                                u"  paths: [watched/]\n"
                                u"  debounce_ms: 20\n"
                                u"  max_reloads_per_minute: 1000\n"
                                u"default_strategy: full_restart\n"_s.arg(everythingServer())
                                    .toUtf8();
        QVERIFY(writeFile(root + u"/.foxreload.yaml"_s, yaml));

        SoakClient soak({ u"--config"_s, root + u"/.foxreload.yaml"_s, u"--trust"_s, u"--quiet"_s }, root);
        QTRY_COMPARE_WITH_TIMEOUT(soak.linesOfType(u"connected"_s).size(), 1, kReloadTimeout);
        SessionEvents events;
        QVERIFY(events.connectToTheOnlySession());
        QCOMPARE(events.client().hello().value("mode"_L1).toString(), u"proxy"_s);

        // 10 restarts by editing the watched file, 10 by the event socket's restart command.
        int expectedReloads = 0;
        for (int i = 0; i < 20; ++i) {
            if (i % 2 == 0)
                QVERIFY(appendToFile(root + u"/watched/dummy.txt"_s, QByteArray::number(i) + '\n'));
            else
                events.client().sendCommand(u"restart"_s);
            ++expectedReloads;
            QTRY_VERIFY_WITH_TIMEOUT(events.reloads().size() >= expectedReloads, kReloadTimeout);
            expectedReloads = int(events.reloads().size());
            QVERIFY(events.reloads().last().value("outcome"_L1) == "success"_L1);
        }
        int manual = 0;
        int fileChange = 0;
        for (const auto& reload : events.reloads()) {
            QCOMPARE(reload.value("strategy"_L1).toString(), u"full_restart"_s);
            manual += reload.value("trigger"_L1) == "manual"_L1 ? 1 : 0;
            fileChange += reload.value("trigger"_L1) == "file_change"_L1 ? 1 : 0;
        }
        QCOMPARE(manual, 10);
        QCOMPARE(fileChange, 10);
        const QList<qint64> pids = events.serverPids();

        const QJsonObject summary = soak.finish();
        QVERIFY2(soak.process().exitCode() == 0, soak.stderrTail().constData());
        checkSummary(summary, 0); // the same server, restarted: its tools never changed
        QTRY_VERIFY_WITH_TIMEOUT(allDead(pids), 10000);
    }

    void inspectorCliThroughTheProxy()
    {
        if (!haveNode())
            QSKIP("node is not installed: the MCP Inspector cannot run");
        if (!QFile::exists(inspectorCli()))
            QSKIP("tests/mcp-clients/node_modules is missing: run `npm ci` in tests/mcp-clients");
        ExampleProject project;
        QVERIFY(project.isValid());
        // The Inspector CLI (0.15.0) mangles a second "--" in the server's arguments: it
        // gets a launcher script whose command line has none.
        const QString launcher = project.path(u"launch-proxy.sh"_s);
        QVERIFY(writeFile(launcher,
            u"#!/bin/sh\nexec \"%1\" proxy --config \"%2\" --trust --quiet\n"_s
                .arg(QStringLiteral(FOXRELOAD_EXECUTABLE), project.path(u".foxreload.yaml"_s))
                .toUtf8()));
        QFile::setPermissions(
            launcher, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        const auto runInspector = [&](const QStringList& arguments, QByteArray* output) {
            QProcess inspector;
            inspector.setWorkingDirectory(clientsDir());
            inspector.start(u"node"_s, QStringList { inspectorCli(), u"--cli"_s, launcher } + arguments);
            if (!inspector.waitForFinished(60000))
                return -1;
            *output = inspector.readAllStandardOutput();
            if (inspector.exitCode() != 0)
                qWarning().noquote() << inspector.readAllStandardError();
            return inspector.exitCode();
        };

        QByteArray listed;
        QCOMPARE(runInspector({ u"--method"_s, u"tools/list"_s }, &listed), 0);
        const QJsonArray tools = QJsonDocument::fromJson(listed).object().value("tools"_L1).toArray();
        QVERIFY(tools.size() >= 5);
        QVERIFY(std::any_of(tools.cbegin(), tools.cend(),
            [](const QJsonValue& tool) { return tool.toObject().value("name"_L1) == "echo"_L1; }));

        QByteArray called;
        QCOMPARE(runInspector({ u"--method"_s, u"tools/call"_s, u"--tool-name"_s, u"echo"_s, u"--tool-arg"_s,
                                  u"message=through the proxy"_s },
                     &called),
            0);
        const QJsonObject result = QJsonDocument::fromJson(called).object();
        QCOMPARE(result.value("content"_L1).toArray().first().toObject().value("text"_L1).toString(),
            u"through the proxy"_s);
        // Each Inspector run closed the proxy's stdin; no session is left.
        QTRY_VERIFY_WITH_TIMEOUT(EventClient::runningSessions().isEmpty(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestProxySoak)
#include "tst_proxysoak.moc"
