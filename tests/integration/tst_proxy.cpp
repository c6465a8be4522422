// `foxreload proxy` as a real process, driven by raw JSON-RPC lines: the handshake
// replay, the in-flight ledger across crashes and planned restarts, cancellation and
// server-to-client requests across the id mapping, garbage from both sides, the
// event socket and the shutdown. The server is tests/fixtures/proxy_fixture.py.

#include "ProxyDriver.h"
#include "common/ExampleProject.h"
#include "ipc/EventClient.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kAnswerTimeout = 30000;

QString fixturePath()
{
    return sourceDir() + u"/tests/fixtures/proxy_fixture.py"_s;
}

struct FixtureOptions
{
    int graceMs = 1500;
    int maxQueued = 1000;
    int startupDelayMs = 0;
    QString restartMode = u"blue_green"_s;
    QString script; // default: the proxy fixture
};

// A project whose server is the fixture; any change below watched/ restarts it.
class FixtureProject
{
public:
    explicit FixtureProject(const FixtureOptions& options = {})
    {
        QDir().mkpath(watched());
        writeFile(watched() + u"/dummy.txt"_s, "0\n");
        const QByteArray yaml
            = u"server:\n"
              u"  command: python3\n"
              u"  args: [\"%1\"]\n"
              u"  env: {PYTHONUNBUFFERED: \"1\", PROXY_FIXTURE_LOG: \"%2\", PROXY_FIXTURE_CRASH_LIST: "
              u"\"%3\", "
              u"PROXY_FIXTURE_STARTUP_DELAY_MS: \"%4\", PROXY_FIXTURE_PROTOCOL_FILE: \"%8\"}\n"
              u"  shutdown_grace_ms: 1000\n"
              u"  restart_mode: %5\n"
              u"watch:\n"
              u"  paths: [watched/]\n"
              u"  debounce_ms: 20\n"
              u"  max_reloads_per_minute: 1000\n"
              u"proxy:\n"
              u"  request_grace_ms: %6\n"
              u"  max_queued_requests: %7\n"
              u"default_strategy: full_restart\n"_s
                  .arg(options.script.isEmpty() ? fixturePath() : options.script, serverLog(), crashMarker())
                  .arg(options.startupDelayMs)
                  .arg(options.restartMode)
                  .arg(options.graceMs)
                  .arg(options.maxQueued)
                  .arg(protocolOverride())
                  .toUtf8();
        m_ok = writeFile(root() + u"/.foxreload.yaml"_s, yaml);
    }
    bool isValid() const { return m_ok && m_dir.isValid(); }
    QString home() const { return m_dir.path() + u"/home"_s; }
    QString root() const { return m_dir.path() + u"/project"_s; }
    QString watched() const { return root() + u"/watched"_s; }
    QString serverLog() const { return root() + u"/server-log.jsonl"_s; }
    QString crashMarker() const { return root() + u"/crash-list"_s; }
    QString protocolOverride() const { return root() + u"/protocol-override"_s; }
    QStringList arguments() const { return { u"--config"_s, root() + u"/.foxreload.yaml"_s, u"--trust"_s }; }

    // What the servers received: {"pid", "message"} per line.
    QList<QJsonObject> received() const
    {
        QList<QJsonObject> entries;
        for (const auto& line : readFile(serverLog()).split('\n')) {
            if (!line.trimmed().isEmpty())
                entries.append(QJsonDocument::fromJson(line).object());
        }
        return entries;
    }
    QList<qint64> serverPids() const
    {
        QList<qint64> pids;
        for (const auto& entry : received()) {
            const qint64 pid = entry.value("pid"_L1).toInteger();
            if (!pids.contains(pid))
                pids.append(pid);
        }
        return pids;
    }
    QList<QJsonObject> receivedWithMethod(const QString& method) const
    {
        QList<QJsonObject> found;
        for (const auto& entry : received()) {
            if (entry.value("message"_L1).toObject().value("method"_L1) == method)
                found.append(entry);
        }
        return found;
    }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

bool allDead(const QList<qint64>& pids)
{
    return std::none_of(pids.cbegin(), pids.cend(), [](qint64 pid) { return processAlive(pid); });
}

bool everyLineIsJsonRpc(const ProxyDriver& driver)
{
    for (const auto& value : driver.received()) {
        if (value.isArray())
            continue;
        if (value.toObject().value("jsonrpc"_L1) != "2.0"_L1)
            return false;
    }
    return true;
}
} // namespace

class TestProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is needed for the fixture server");
    }

    void handshakeIsTheClientsAndHappensOnce()
    {
        FixtureProject project;
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(proxy.waitForStarted());

        const QJsonObject result = proxy.initialize(u"2025-06-18"_s, { { "roots"_L1, QJsonObject {} } });
        QCOMPARE(result.value("protocolVersion"_L1).toString(), u"2025-06-18"_s);
        QCOMPARE(result.value("serverInfo"_L1).toObject().value("name"_L1).toString(), u"proxy-fixture"_s);
        // The fixture does not advertise listChanged; the proxy does, because it sends them.
        QCOMPARE(
            result.value("capabilities"_L1).toObject().value("tools"_L1).toObject().value("listChanged"_L1),
            QJsonValue(true));

        proxy.callTool(1, u"echo"_s, { { "message"_L1, u"hello"_s } });
        const QJsonObject echoed = proxy.answer(1, kAnswerTimeout);
        QCOMPARE(resultText(echoed), u"hello"_s);
        QCOMPARE(echoed.value("id"_L1), QJsonValue(1)); // the client's own id, restored

        // The server saw the client's own initialize params, under a FoxReload id, then
        // initialized, and the client's call under a proxy id.
        const auto initializes = project.receivedWithMethod(u"initialize"_s);
        QCOMPARE(initializes.size(), 1);
        const QJsonObject init = initializes.first().value("message"_L1).toObject();
        QVERIFY(init.value("id"_L1).toString().startsWith(u"fr-"_s));
        const QJsonObject params = init.value("params"_L1).toObject();
        QCOMPARE(params.value("clientInfo"_L1).toObject().value("name"_L1).toString(), u"tst_proxy"_s);
        QCOMPARE(params.value("protocolVersion"_L1).toString(), u"2025-06-18"_s);
        QVERIFY(params.value("capabilities"_L1).toObject().contains("roots"_L1));
        QCOMPARE(project.receivedWithMethod(u"notifications/initialized"_s).size(), 1);
        const auto calls = project.receivedWithMethod(u"tools/call"_s);
        QCOMPARE(calls.size(), 1);
        QVERIFY(calls.first().value("message"_L1).toObject().value("id"_L1).toString().startsWith(u"px-"_s));

        // A second initialize from the client is refused, not forwarded.
        proxy.request(u"again"_s, u"initialize"_s,
            { { "protocolVersion"_L1, u"2025-06-18"_s }, { "capabilities"_L1, QJsonObject {} },
                { "clientInfo"_L1, QJsonObject { { "name"_L1, u"x"_s }, { "version"_L1, u"1"_s } } } });
        QCOMPARE(errorCode(proxy.answer(u"again"_s)), -32600);
        QCOMPARE(project.receivedWithMethod(u"initialize"_s).size(), 1);
        QVERIFY(everyLineIsJsonRpc(proxy));
    }

    void requestsBeforeInitialize()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        proxy.request(1, u"ping"_s);
        QCOMPARE(proxy.answer(1).value("result"_L1), QJsonValue(QJsonObject {}));
        proxy.request(2, u"tools/list"_s);
        QCOMPARE(errorCode(proxy.answer(2)), -32600);
        // A handshake-free opening (2026-07-28, tst_mcp2026) naming a revision FoxReload does not
        // serve is refused with -32022 and the revisions it does serve.
        proxy.request(3, u"server/discover"_s,
            { { "_meta"_L1,
                QJsonObject { { "io.modelcontextprotocol/protocolVersion"_L1, u"2099-01-01"_s },
                    { "io.modelcontextprotocol/clientCapabilities"_L1, QJsonObject {} } } } });
        const QJsonObject refused = proxy.answer(3);
        QCOMPARE(errorCode(refused), -32022);
        QCOMPARE(refused.value("error"_L1).toObject().value("data"_L1).toObject().value("supported"_L1),
            QJsonValue(QJsonArray { u"2026-07-28"_s }));
        // No server was started for them: it starts with the client's initialize.
        QVERIFY(project.received().isEmpty());
        QVERIFY(!proxy.initialize().isEmpty());
    }

    void crashDuringToolsListIsRetried()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        QVERIFY(writeFile(project.crashMarker(), "crash the next tools/list\n"));

        proxy.request(2, u"tools/list"_s);
        const QJsonObject listed = proxy.answer(2, kAnswerTimeout);
        QVERIFY2(listed.contains("result"_L1), QJsonDocument(listed).toJson().constData());
        QCOMPARE(listed.value("result"_L1).toObject().value("tools"_L1).toArray().size(), 5);
        QCOMPARE(proxy.answersTo(2), 1);
        QVERIFY(!QFile::exists(project.crashMarker()));
        QCOMPARE(project.serverPids().size(), 2); // it crashed one server and was answered by the next
        QCOMPARE(proxy.answersTo(u"init"_s), 1); // the client never saw the replayed handshake
        QCOMPARE(project.receivedWithMethod(u"initialize"_s).size(), 2);
    }

    void crashDuringToolsCallIsOneErrorThenTheNextCallWorks()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());

        proxy.callTool(3, u"crash"_s);
        const QJsonObject crashed = proxy.answer(3, kAnswerTimeout);
        QCOMPARE(errorCode(crashed), -32002);
        const QJsonObject data = crashed.value("error"_L1).toObject().value("data"_L1).toObject();
        QCOMPARE(data.value("reason"_L1).toString(), u"interrupted"_s);
        QCOMPARE(data.value("interruptedBy"_L1).toString(), u"crash"_s);
        QCOMPARE(data.value("retried"_L1), QJsonValue(false));

        proxy.callTool(4, u"echo"_s, { { "message"_L1, u"still here"_s } });
        QCOMPARE(resultText(proxy.answer(4, kAnswerTimeout)), u"still here"_s);
        QCOMPARE(proxy.answersTo(3), 1);
        QCOMPARE(project.receivedWithMethod(u"tools/call"_s).size(), 2); // never sent again
    }

    void plannedRestartLetsInFlightRequestsFinish()
    {
        FixtureOptions options;
        options.graceMs = 1500;
        FixtureProject project(options);
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        const qint64 firstPid = project.serverPids().value(0);

        EventClient events;
        QSignalSpy hello(&events, &EventClient::helloReceived);
        QSignalSpy received(&events, &EventClient::eventReceived);
        events.connectTo(proxy.socketPath());
        QTRY_COMPARE_WITH_TIMEOUT(hello.size(), 1, 10000);
        QCOMPARE(events.hello().value("mode"_L1).toString(), u"proxy"_s);
        QCOMPARE(events.hello().value("pid"_L1).toInteger(), proxy.pid());

        // Finishes within the grace: answered by the old server.
        proxy.callTool(10, u"slow"_s, { { "message"_L1, u"made it"_s }, { "delay_ms"_L1, 400 } });
        // Cannot finish within the grace: the documented error.
        proxy.callTool(11, u"slow"_s, { { "message"_L1, u"too slow"_s }, { "delay_ms"_L1, 20000 } });
        QTRY_COMPARE_WITH_TIMEOUT(project.receivedWithMethod(u"tools/call"_s).size(), 2, 10000);
        events.sendCommand(u"restart"_s);

        QCOMPARE(resultText(proxy.answer(10, kAnswerTimeout)), u"made it"_s);
        const QJsonObject interrupted = proxy.answer(11, kAnswerTimeout);
        QCOMPARE(errorCode(interrupted), -32002);
        QCOMPARE(interrupted.value("error"_L1)
                     .toObject()
                     .value("data"_L1)
                     .toObject()
                     .value("interruptedBy"_L1)
                     .toString(),
            u"reload"_s);

        proxy.callTool(12, u"echo"_s, { { "message"_L1, u"new server"_s } });
        QCOMPARE(resultText(proxy.answer(12, kAnswerTimeout)), u"new server"_s);
        const auto calls = project.receivedWithMethod(u"tools/call"_s);
        QVERIFY(calls.last().value("pid"_L1).toInteger() != firstPid);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(firstPid), 10000);
        QCOMPARE(proxy.answersTo(11), 1);

        const auto hasEvent = [&](const QString& type) {
            return std::any_of(received.cbegin(), received.cend(), [&](const QList<QVariant>& args) {
                return args.first().toJsonObject().value("event"_L1) == type;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(u"reload_finished"_s), 10000);
        QVERIFY(hasEvent(u"command_result"_s));
        QVERIFY(hasEvent(u"drain_started"_s));
        QVERIFY(hasEvent(u"requests_interrupted"_s));
    }

    void cancellationCrossesTheIdMapping()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());

        proxy.callTool(u"long"_s, u"slow"_s, { { "message"_L1, u"never"_s }, { "delay_ms"_L1, 5000 } });
        QTRY_COMPARE_WITH_TIMEOUT(project.receivedWithMethod(u"tools/call"_s).size(), 1, 10000);
        const QString proxyId = project.receivedWithMethod(u"tools/call"_s)
                                    .first()
                                    .value("message"_L1)
                                    .toObject()
                                    .value("id"_L1)
                                    .toString();
        proxy.notify(
            u"notifications/cancelled"_s, { { "requestId"_L1, u"long"_s }, { "reason"_L1, u"user"_s } });
        QTRY_COMPARE_WITH_TIMEOUT(project.receivedWithMethod(u"notifications/cancelled"_s).size(), 1, 10000);
        const QJsonObject cancel
            = project.receivedWithMethod(u"notifications/cancelled"_s).first().value("message"_L1).toObject();
        QCOMPARE(cancel.value("params"_L1).toObject().value("requestId"_L1).toString(), proxyId);
        QCOMPARE(cancel.value("params"_L1).toObject().value("reason"_L1).toString(), u"user"_s);

        // The id is free again, and the cancelled request is never answered.
        proxy.callTool(u"long"_s, u"echo"_s, { { "message"_L1, u"reused"_s } });
        QCOMPARE(resultText(proxy.answer(u"long"_s)), u"reused"_s);
        QTest::qWait(300);
        QCOMPARE(proxy.answersTo(u"long"_s), 1);
    }

    void serverRequestsReachTheClient()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize(u"2025-11-25"_s, { { "roots"_L1, QJsonObject {} } }).isEmpty());

        proxy.callTool(30, u"ask_roots"_s);
        QTRY_COMPARE_WITH_TIMEOUT(proxy.messages(u"roots/list"_s).size(), 1, kAnswerTimeout);
        const QJsonObject asked = proxy.messages(u"roots/list"_s).first();
        const QJsonValue outwardId = asked.value("id"_L1);
        QVERIFY(outwardId.isString()); // the server used 0; the client sees a proxy id
        proxy.send({ { "jsonrpc"_L1, "2.0"_L1 }, { "id"_L1, outwardId },
            { "result"_L1,
                QJsonObject { { "roots"_L1,
                    QJsonArray { QJsonObject {
                        { "uri"_L1, u"file:///home/fox"_s }, { "name"_L1, u"den"_s } } } } } } });
        QVERIFY(resultText(proxy.answer(30, kAnswerTimeout)).contains(u"file:///home/fox"_s));
        // The server got its answer under its own id.
        const auto answers = project.received();
        QVERIFY(std::any_of(answers.cbegin(), answers.cend(), [](const QJsonObject& entry) {
            const QJsonObject message = entry.value("message"_L1).toObject();
            return !message.contains("method"_L1) && message.value("id"_L1) == QJsonValue(0);
        }));
    }

    void garbageFromTheClientIsAnsweredAndSurvived()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        const auto countNullIdErrors = [&](int code) {
            int count = 0;
            for (const auto& value : proxy.received()) {
                const QJsonObject object = value.toObject();
                if (object.value("id"_L1).isNull() && object.contains("id"_L1) && errorCode(object) == code)
                    ++count;
            }
            return count;
        };

        proxy.sendRaw("{this is not json\n");
        QTRY_COMPARE_WITH_TIMEOUT(countNullIdErrors(-32700), 1, 10000);
        proxy.sendRaw(QByteArray(10 * 1024 * 1024, 'x') + '\n'); // 10 MB of garbage on one line
        QTRY_COMPARE_WITH_TIMEOUT(countNullIdErrors(-32700), 2, 20000);
        // 10 MB of valid JSON is a request like any other.
        proxy.request(u"big"_s, u"ping"_s, { { "padding"_L1, QString(10 * 1024 * 1024, u'p') } });
        QCOMPARE(proxy.answer(u"big"_s).value("result"_L1), QJsonValue(QJsonObject {}));
        proxy.sendRaw("42\n");
        QTRY_COMPARE_WITH_TIMEOUT(countNullIdErrors(-32600), 1, 10000);
        proxy.sendRaw(R"({"jsonrpc":"1.0","id":5,"method":"tools/list"})"
                      "\n");
        QCOMPARE(errorCode(proxy.answer(5)), -32600);
        // A request without id is a notification: forwarded, never answered.
        proxy.notify(u"tools/call"_s, { { "name"_L1, u"echo"_s }, { "arguments"_L1, QJsonObject {} } });
        // A batch: one array with an error per request in it.
        proxy.sendRaw(
            R"([{"jsonrpc":"2.0","id":"b1","method":"ping"},{"jsonrpc":"2.0","method":"notifications/x"},{"jsonrpc":"2.0","id":"b2","method":"tools/list"}])"
            "\n");
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(proxy.received().cbegin(), proxy.received().cend(),
                                     [](const QJsonValue& value) { return value.isArray(); }),
            10000);
        const auto batch = std::find_if(proxy.received().cbegin(), proxy.received().cend(),
            [](const QJsonValue& value) { return value.isArray(); });
        const QJsonArray batchAnswer = batch->toArray();
        QCOMPARE(batchAnswer.size(), 2);
        QCOMPARE(batchAnswer[0].toObject().value("id"_L1).toString(), u"b1"_s);
        QCOMPARE(errorCode(batchAnswer[1].toObject()), -32600);

        proxy.callTool(6, u"echo"_s, { { "message"_L1, u"unharmed"_s } });
        QCOMPARE(resultText(proxy.answer(6)), u"unharmed"_s);
        QTRY_COMPARE_WITH_TIMEOUT(project.receivedWithMethod(u"tools/call"_s).size(), 2, 10000);
        QVERIFY(!project.receivedWithMethod(u"tools/call"_s)
                     .first()
                     .value("message"_L1)
                     .toObject()
                     .contains("id"_L1));
        QCOMPARE(project.serverPids().size(), 1); // nothing restarted the server
        QVERIFY(everyLineIsJsonRpc(proxy));
    }

    void garbageFromTheServerIsLoggedAndDropped()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        proxy.callTool(7, u"garbage"_s);
        QCOMPARE(resultText(proxy.answer(7)), u"ok"_s);
        proxy.callTool(8, u"echo"_s, { { "message"_L1, u"fine"_s } });
        QCOMPARE(resultText(proxy.answer(8)), u"fine"_s);
        QTRY_VERIFY_WITH_TIMEOUT(proxy.stderrText().contains("this line is not JSON-RPC"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(proxy.stderrText().contains("nobody-asked-this"), 10000);
        // Neither reached the client.
        for (const auto& line : proxy.rawLines())
            QVERIFY(!line.contains("nobody-asked-this") && !line.contains("not JSON-RPC"));
        QVERIFY(everyLineIsJsonRpc(proxy));
    }

    void closingStdinStopsTheServerAndExits()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        const QList<qint64> pids = project.serverPids();
        QCOMPARE(pids.size(), 1);
        QVERIFY(processAlive(pids.first()));
        QVERIFY(QFile::exists(proxy.socketPath()));
        const QString socket = proxy.socketPath();

        proxy.process().closeWriteChannel();
        QVERIFY(proxy.process().waitForFinished(20000));
        QCOMPARE(proxy.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(proxy.process().exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(allDead(pids), 5000);
        QVERIFY(!QFile::exists(socket));
    }

    void heldRequestsKeepTheirOrderAndTheQueueIsBounded()
    {
        // A crash and a slow start: no server for a while, requests wait for one.
        FixtureOptions options;
        options.maxQueued = 3;
        options.startupDelayMs = 1500;
        FixtureProject project(options);
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        const qint64 firstPid = project.serverPids().value(0);
        proxy.callTool(99, u"crash"_s);
        QCOMPARE(errorCode(proxy.answer(99, kAnswerTimeout)), -32002);

        for (int i = 0; i < 5; ++i)
            proxy.callTool(100 + i, u"echo"_s, { { "message"_L1, u"m%1"_s.arg(100 + i) } });
        // Beyond max_queued_requests: refused at once, never silently.
        const QJsonObject refused = proxy.answer(103, 5000);
        QCOMPARE(errorCode(refused), -32001);
        QCOMPARE(
            refused.value("error"_L1).toObject().value("data"_L1).toObject().value("reason"_L1).toString(),
            u"queue_full"_s);
        QCOMPARE(errorCode(proxy.answer(104, 5000)), -32001);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(resultText(proxy.answer(100 + i, kAnswerTimeout)), u"m%1"_s.arg(100 + i));
        // The new server got them in the order the client sent them.
        QStringList order;
        for (const auto& entry : project.receivedWithMethod(u"tools/call"_s)) {
            const QJsonObject params = entry.value("message"_L1).toObject().value("params"_L1).toObject();
            if (params.value("name"_L1) != "echo"_L1)
                continue; // the crash call that took the first server away
            QCOMPARE(entry.value("pid"_L1).toInteger() == firstPid, false);
            order.append(entry.value("message"_L1)
                             .toObject()
                             .value("params"_L1)
                             .toObject()
                             .value("arguments"_L1)
                             .toObject()
                             .value("message"_L1)
                             .toString());
        }
        QCOMPARE(order, (QStringList { u"m100"_s, u"m101"_s, u"m102"_s }));
    }

    void progressCrossesTheProxy()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        proxy.request(40, u"tools/call"_s,
            { { "name"_L1, u"slow"_s },
                { "arguments"_L1, QJsonObject { { "message"_L1, u"done"_s }, { "delay_ms"_L1, 400 } } },
                { "_meta"_L1, QJsonObject { { "progressToken"_L1, u"tok-40"_s } } } });
        QCOMPARE(resultText(proxy.answer(40, kAnswerTimeout)), u"done"_s);
        const auto progress = proxy.messages(u"notifications/progress"_s);
        QVERIFY(progress.size() >= 2);
        for (const auto& notification : progress)
            QCOMPARE(
                notification.value("params"_L1).toObject().value("progressToken"_L1).toString(), u"tok-40"_s);
    }

    void clientSettingsAreToldToNewServers()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(!proxy.initialize().isEmpty());
        proxy.request(50, u"logging/setLevel"_s, { { "level"_L1, u"debug"_s } });
        QCOMPARE(proxy.answer(50).value("result"_L1), QJsonValue(QJsonObject {}));
        QVERIFY(appendToFile(project.watched() + u"/dummy.txt"_s, "restart\n"));
        QTRY_COMPARE_WITH_TIMEOUT(project.serverPids().size(), 2, kAnswerTimeout);
        const qint64 newPid = project.serverPids().last();
        const auto toldAgain = [&project, newPid] {
            const QList<QJsonObject> entries = project.received();
            return std::any_of(entries.cbegin(), entries.cend(), [newPid](const QJsonObject& entry) {
                const QJsonObject message = entry.value("message"_L1).toObject();
                return entry.value("pid"_L1).toInteger() == newPid
                    && message.value("method"_L1) == "logging/setLevel"_L1
                    && message.value("params"_L1).toObject().value("level"_L1) == "debug"_L1;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(toldAgain(), kAnswerTimeout);
        QCOMPARE(proxy.answersTo(50), 1); // the replay's answer is FoxReload's, not the client's
    }

    void aServerThatNeverStartsAnswersInitialize()
    {
        FixtureOptions options;
        options.script = u"/nonexistent/foxreload-test-server.py"_s;
        FixtureProject project(options);
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        proxy.request(u"init"_s, u"initialize"_s,
            { { "protocolVersion"_L1, u"2025-11-25"_s }, { "capabilities"_L1, QJsonObject {} },
                { "clientInfo"_L1,
                    QJsonObject { { "name"_L1, u"tst_proxy"_s }, { "version"_L1, u"1"_s } } } });
        const QJsonObject answer = proxy.answer(u"init"_s, kAnswerTimeout);
        QCOMPARE(errorCode(answer), -32001);
        const QJsonObject data = answer.value("error"_L1).toObject().value("data"_L1).toObject();
        QCOMPARE(data.value("reason"_L1).toString(), u"startup_failed"_s);
        QVERIFY(data.value("detail"_L1).toString().contains(u"foxreload-test-server.py"_s));
        proxy.process().closeWriteChannel();
        QVERIFY(proxy.process().waitForFinished(20000));
        QCOMPARE(proxy.process().exitCode(), 0);
    }

    void aNewServerThatDiffersIsReported()
    {
        FixtureProject project;
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QCOMPARE(proxy.initialize(u"2025-11-25"_s).value("protocolVersion"_L1).toString(), u"2025-11-25"_s);
        EventClient events;
        QSignalSpy hello(&events, &EventClient::helloReceived);
        QSignalSpy received(&events, &EventClient::eventReceived);
        events.connectTo(proxy.socketPath());
        QTRY_COMPARE_WITH_TIMEOUT(hello.size(), 1, 10000);

        // The next server answers another protocol version than the client negotiated.
        QVERIFY(writeFile(project.protocolOverride(), "2025-06-18\n"));
        QVERIFY(appendToFile(project.watched() + u"/dummy.txt"_s, "restart\n"));
        const auto warning = [&] {
            for (const auto& args : received) {
                const QJsonObject event = args.first().toJsonObject();
                if (event.value("event"_L1) == "protocol_warning"_L1)
                    return event.value("message"_L1).toString();
            }
            return QString {};
        };
        QTRY_VERIFY_WITH_TIMEOUT(!warning().isEmpty(), kAnswerTimeout);
        QVERIFY(warning().contains(u"2025-06-18"_s));
        QTRY_VERIFY_WITH_TIMEOUT(proxy.stderrText().contains("2025-06-18"), 10000);
        // The session goes on: the client is not made to initialize again.
        proxy.callTool(60, u"echo"_s, { { "message"_L1, u"same session"_s } });
        QCOMPARE(resultText(proxy.answer(60, kAnswerTimeout)), u"same session"_s);
        QCOMPARE(proxy.answersTo(u"init"_s), 1);
    }

    void aDeadParentStopsTheServer()
    {
        // The client dies but its stdin pipe stays open (a grandchild holds it): the
        // proxy notices its parent is gone, stops the server and exits with 3.
        FixtureProject project;
        QProcess shell;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_RUNTIME_DIR"_s, project.home() + u"/run"_s);
        env.insert(u"XDG_DATA_HOME"_s, project.home() + u"/data"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, project.home() + u"/config"_s);
        QDir().mkpath(project.home() + u"/run"_s);
        shell.setProcessEnvironment(env);
        shell.setWorkingDirectory(project.root());
        const QString init
            = uR"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}})"_s;
        const QString fifo = project.root() + u"/client-pipe"_s;
        const QString script
            = u"mkfifo '%4'; (printf '%s\\n' '%1'; exec sleep 60) > '%4' & echo $!; "
              u"\"%2\" proxy %3 < '%4' > /dev/null 2>&1 & echo $!; wait"_s.arg(
                  init, QStringLiteral(FOXRELOAD_EXECUTABLE), project.arguments().join(u' '), fifo);
        shell.setProcessChannelMode(QProcess::SeparateChannels);
        shell.start(u"sh"_s, { u"-c"_s, script });
        QVERIFY(shell.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(shell.canReadLine() || shell.waitForReadyRead(100), 10000);
        const qint64 holderPid = shell.readLine().trimmed().toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(shell.canReadLine() || shell.waitForReadyRead(100), 10000);
        const qint64 proxyPid = shell.readLine().trimmed().toLongLong();
        QVERIFY(holderPid > 0 && proxyPid > 0);
        const auto cleanup = qScopeGuard([holderPid] { ::kill(pid_t(holderPid), SIGKILL); });
        QTRY_COMPARE_WITH_TIMEOUT(project.serverPids().size(), 1, kAnswerTimeout);
        const QList<qint64> pids = project.serverPids();
        QVERIFY(processAlive(proxyPid));
        shell.kill(); // the "client" dies without closing the pipe
        shell.waitForFinished(5000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(proxyPid), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(allDead(pids), 5000);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
