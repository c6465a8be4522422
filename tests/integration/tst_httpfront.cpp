// The Streamable HTTP front (foxreload proxy --listen) with real HTTP clients: curl, Python's
// http.client, the official v1 SDK client and the v2 SDK client (2026-07-28 and legacy), in
// front of a small server inside the test that answers through ClientConnection like the
// proxy will: answers on the request's stream, progress and sampling on the request's
// stream, unrelated notifications on the GET stream, resumption with Last-Event-ID.
#include "HttpFrontFakeServer.h"
#include "net/front/ClientMux.h"
#include "net/front/HttpFront.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::net;

using namespace httpfronttest;

class TestHttpFront : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HttpFront> m_front;
    std::unique_ptr<FakeServer> m_server;
    QString m_clients = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/mcp-clients");

    void startFront(HttpFront::Options options = {})
    {
        m_server = std::make_unique<FakeServer>();
        m_front = std::make_unique<HttpFront>(options);
        connect(m_front.get(), &HttpFront::connectionOpened, m_server.get(), &FakeServer::attach);
        QString error;
        QVERIFY2(m_front->listen(&error), qPrintable(error));
    }
    QString url() const { return m_front->url().toString(); }

    // Runs a client while the event loop (and so the front) keeps running.
    Run run(const QString& program, const QStringList& arguments, const QString& workingDirectory = {},
        int timeoutMs = 60000)
    {
        QProcess process;
        if (!workingDirectory.isEmpty())
            process.setWorkingDirectory(workingDirectory);
        process.start(program, arguments);
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    // curl -i: status line, headers, body.
    struct Response
    {
        int status = 0;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    Response curl(
        const QString& method, const QByteArray& body, const QStringList& headers, QString target = {})
    {
        QStringList arguments { u"-s"_s, u"-i"_s, u"-X"_s, method, u"-H"_s, u"Expect:"_s, u"--max-time"_s,
            u"20"_s };
        for (const QString& header : headers)
            arguments << u"-H"_s << header;
        if (!body.isNull())
            arguments << u"--data-binary"_s << QString::fromUtf8(body);
        arguments << (target.isEmpty() ? url() : target);
        const Run ran = run(u"curl"_s, arguments);
        Response response;
        const qsizetype split = ran.out.indexOf("\r\n\r\n");
        const QList<QByteArray> head = ran.out.left(split).split('\n');
        response.body = split < 0 ? QByteArray() : ran.out.mid(split + 4);
        if (!head.isEmpty())
            response.status = head.front().split(' ').value(1).toInt();
        for (const QByteArray& line : head.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        return response;
    }
    QStringList jsonHeaders(const QByteArray& session = {})
    {
        QStringList headers { u"Content-Type: application/json"_s,
            u"Accept: application/json, text/event-stream"_s };
        if (!session.isEmpty())
            headers << u"Mcp-Session-Id: "_s + QString::fromLatin1(session)
                    << u"MCP-Protocol-Version: 2025-11-25"_s;
        return headers;
    }
    QByteArray initialize(const QByteArray& id = "1")
    {
        const Response response = curl(u"POST"_s,
            R"({"jsonrpc":"2.0","id":)" + id
                + R"(,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}})",
            jsonHeaders());
        return response.status == 200 ? response.headers.value("mcp-session-id") : QByteArray();
    }
    bool haveTool(const QString& name) { return !QStandardPaths::findExecutable(name).isEmpty(); }
    bool haveNodeClients()
    {
        return haveTool(u"node"_s) && QFileInfo::exists(m_clients + u"/node_modules"_s);
    }

private Q_SLOTS:
    void init() { startFront(); }
    void cleanup()
    {
        m_front.reset();
        m_server.reset();
    }

    void sessionWithCurl()
    {
        if (!haveTool(u"curl"_s))
            QSKIP("curl is not installed");
        const Response init = curl(u"POST"_s,
            R"({"jsonrpc":"2.0","id":12345678901234567891,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}})",
            jsonHeaders());
        QCOMPARE(init.status, 200);
        QVERIFY(init.headers.value("content-type").startsWith("application/json"));
        const QByteArray session = init.headers.value("mcp-session-id");
        QCOMPARE(session.size(), 32);
        QVERIFY2(init.body.contains(R"("id":12345678901234567891)"), init.body.constData());
        QCOMPARE(m_server->connections.size(), 1);

        const Response initialized = curl(
            u"POST"_s, R"({"jsonrpc":"2.0","method":"notifications/initialized"})", jsonHeaders(session));
        QCOMPARE(initialized.status, 202);
        QVERIFY(initialized.body.isEmpty());
        QTRY_COMPARE(m_server->notificationsSeen, QStringList { u"notifications/initialized"_s });

        // The answer arrives exactly as the server wrote it: key order, big integer, id spelling.
        const Response echo = curl(u"POST"_s,
            // (no raw string: moc 6.4 misreads \" inside one)
            "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
            "\"arguments\":{\"message\":\"h\\u00e9 \\\"x\\\"\"}}}",
            jsonHeaders(session));
        QCOMPARE(echo.status, 200);
        QCOMPARE(echo.body, FakeServer::echoAnswer(R"("e-1")", u"hé \"x\""_s));

        // A pretty-printed body reaches the server as one line, every other byte as sent.
        const QByteArray pretty = "{\n  \"jsonrpc\": \"2.0\",\r\n  \"id\": 3,\n  \"method\": \"ping\"\n}";
        const Response pinged = curl(u"POST"_s, pretty, jsonHeaders(session));
        QCOMPARE(pinged.status, 200);
        QCOMPARE(m_server->lastReceived, QByteArray(pretty).replace('\n', ' ').replace('\r', ' '));

        const Response deleted = curl(u"DELETE"_s, {}, jsonHeaders(session));
        QCOMPARE(deleted.status, 200);
        QTRY_COMPARE(m_server->closedWhy.size(), 1);
        QVERIFY(m_server->closedWhy.front().contains(u"DELETE"_s));
        QCOMPARE(m_front->sessionCount(), 0);
        const Response after
            = curl(u"POST"_s, R"({"jsonrpc":"2.0","id":2,"method":"ping"})", jsonHeaders(session));
        QCOMPARE(after.status, 404);
    }

    // What belongs to no request waits on the GET stream until a GET fetches it, and can be
    // fetched again from an event id (Last-Event-ID).
    void getStreamKeepsWhatNobodyFetched()
    {
        if (!haveTool(u"curl"_s))
            QSKIP("curl is not installed");
        const QByteArray session = initialize();
        QVERIFY(!session.isEmpty());
        for (int i = 0; i < 2; ++i) {
            const Response notified = curl(u"POST"_s,
                R"({"jsonrpc":"2.0","id":)" + QByteArray::number(10 + i)
                    + R"(,"method":"tools/call","params":{"name":"notify","arguments":{}}})",
                jsonHeaders(session));
            QCOMPARE(notified.status, 200);
        }
        const QStringList sse { u"Accept: text/event-stream"_s,
            u"Mcp-Session-Id: "_s + QString::fromLatin1(session) };
        const auto get = [&](const QStringList& headers) {
            QStringList arguments { u"-s"_s, u"-i"_s, u"-N"_s, u"--max-time"_s, u"1"_s };
            for (const QString& header : headers)
                arguments << u"-H"_s << header;
            return run(u"curl"_s, arguments << url()).out;
        };
        const QByteArray first = get(sse);
        QCOMPARE(first.count("data: "), 2);
        QVERIFY2(
            first.contains("\r\n\r\n") && first.contains("id: 0-1\ndata: {") && first.contains("id: 0-2\n"),
            first.constData());
        QVERIFY(first.contains("notifications/message"));
        // Fetched once: a new GET has nothing; from event 0-1 on, the second comes again.
        const QByteArray empty = get(sse);
        QVERIFY2(empty.startsWith("HTTP/1.1 200"), empty.constData()); // open, not refused as a second GET
        QCOMPARE(empty.count("data: "), 0);
        const QByteArray resumed = get(sse + QStringList { u"Last-Event-ID: 0-1"_s });
        QCOMPARE(resumed.count("data: "), 1);
        QVERIFY(resumed.contains("\r\n\r\nid: 0-2\n"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("headers"); // "{session}" becomes a live session id
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("bodyHas");
        const QStringList json { u"Content-Type: application/json"_s,
            u"Accept: application/json, text/event-stream"_s };
        const QStringList withSession = json + QStringList { u"Mcp-Session-Id: {session}"_s };
        const QByteArray ping = R"({"jsonrpc":"2.0","id":5,"method":"ping"})";
        QTest::newRow("no session, not initialize")
            << u"POST"_s << ping << json << 400 << "Mcp-Session-Id"_ba;
        QTest::newRow("unknown session")
            << u"POST"_s << ping << (json + QStringList { u"Mcp-Session-Id: nope"_s }) << 404 << "-32001"_ba;
        QTest::newRow("foreign origin")
            << u"POST"_s << ping << (withSession + QStringList { u"Origin: https://evil.example"_s }) << 403
            << "origin"_ba;
        QTest::newRow("rebinding host")
            << u"POST"_s << ping << (withSession + QStringList { u"Host: evil.example:8765"_s }) << 403
            << "loopback"_ba;
        QTest::newRow("loopback origin")
            << u"POST"_s << ping << (withSession + QStringList { u"Origin: http://localhost:6274"_s }) << 200
            << R"("id":5)"_ba;
        QTest::newRow("not json") << u"POST"_s << "{\"jsonrpc\":"_ba << withSession << 400 << "-32700"_ba;
        QTest::newRow("not JSON-RPC") << u"POST"_s << "[1,2]"_ba << withSession << 400 << "-32600"_ba;
        QTest::newRow("batch") << u"POST"_s << "[" + ping + "]" << withSession << 400 << "batches"_ba;
        QTest::newRow("form body") << u"POST"_s << ping
                                   << QStringList { u"Content-Type: application/x-www-form-urlencoded"_s,
                                          u"Mcp-Session-Id: {session}"_s }
                                   << 415 << "application/json"_ba;
        QTest::newRow("unknown protocol version")
            << u"POST"_s << ping << (withSession + QStringList { u"MCP-Protocol-Version: 1999-01-01"_s })
            << 400 << "1999-01-01"_ba;
        QTest::newRow("GET without session")
            << u"GET"_s << QByteArray() << QStringList { u"Accept: text/event-stream"_s } << 405
            << "Mcp-Session-Id"_ba;
        QTest::newRow("GET unknown session")
            << u"GET"_s << QByteArray()
            << QStringList { u"Accept: text/event-stream"_s, u"Mcp-Session-Id: x"_s } << 404 << "-32001"_ba;
        QTest::newRow("GET wants JSON")
            << u"GET"_s << QByteArray()
            << QStringList { u"Accept: application/json"_s, u"Mcp-Session-Id: {session}"_s } << 406
            << "event-stream"_ba;
        QTest::newRow("DELETE unknown")
            << u"DELETE"_s << QByteArray() << QStringList { u"Mcp-Session-Id: x"_s } << 404 << "-32001"_ba;
        QTest::newRow("PUT") << u"PUT"_s << ping << withSession << 405 << "not allowed"_ba;
        QTest::newRow("modern without Mcp-Method")
            << u"POST"_s
            << R"({"jsonrpc":"2.0","id":"p","method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}})"_ba
            << (json + QStringList { u"MCP-Protocol-Version: 2026-07-28"_s }) << 400 << "-32020"_ba;
        QTest::newRow("modern version mismatch")
            << u"POST"_s
            << R"({"jsonrpc":"2.0","id":"p","method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}})"_ba
            << (json
                   + QStringList { u"MCP-Protocol-Version: 2027-01-01"_s, u"Mcp-Method: server/discover"_s })
            << 400 << "does not match"_ba;
        QTest::newRow("modern notification")
            << u"POST"_s << R"({"jsonrpc":"2.0","method":"notifications/x"})"_ba
            << (json + QStringList { u"MCP-Protocol-Version: 2026-07-28"_s }) << 202 << ""_ba;
        QTest::newRow("modern unknown method is 404")
            << u"POST"_s
            << R"({"jsonrpc":"2.0","id":3,"method":"nope/nope","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}})"_ba
            << (json + QStringList { u"MCP-Protocol-Version: 2026-07-28"_s, u"Mcp-Method: nope/nope"_s })
            << 404 << "-32601"_ba;
    }
    void refusals()
    {
        if (!haveTool(u"curl"_s))
            QSKIP("curl is not installed");
        QFETCH(QString, method);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, headers);
        QFETCH(int, status);
        QFETCH(QByteArray, bodyHas);
        const QByteArray session = initialize();
        QVERIFY(!session.isEmpty());
        for (QString& header : headers)
            header.replace(u"{session}"_s, QString::fromLatin1(session));
        const Response response = curl(method, body, headers);
        QCOMPARE(response.status, status);
        QVERIFY2(response.body.contains(bodyHas), response.body.constData());
    }

    void otherPathsAreNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("root") << u"/"_s;
        QTest::newRow("longer") << u"/mcpx"_s;
        QTest::newRow("below") << u"/mcp/x"_s;
    }
    void otherPathsAreNotFound()
    {
        if (!haveTool(u"curl"_s))
            QSKIP("curl is not installed");
        QFETCH(QString, path);
        QUrl target = m_front->url();
        target.setPath(path);
        const Response response
            = curl(u"POST"_s, R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})", jsonHeaders(),
                target.toString());
        QCOMPARE(response.status, 404);
        QVERIFY(response.body.contains("/mcp"));
        QCOMPARE(m_front->sessionCount(), 0);
    }

    void streamsWithPython()
    {
        if (!haveTool(u"python3"_s))
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(u"client.py"_s);
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QFile source(QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/integration/httpfront_client.py"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        file.write(source.readAll());
        file.close();
        const Run ran = run(u"python3"_s, { script, QString::number(m_front->port()) });
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(ran.out).object();
        QVERIFY2(!out.isEmpty(), ran.out.constData());

        // Unrelated notification: on the GET stream, the call itself answered as plain JSON.
        QCOMPARE(out[u"notifyType"_s].toString(), u"application/json"_s);
        QCOMPARE(out[u"getStream"_s].toString(), u"notifications/message"_s);
        QCOMPARE(out[u"secondGetStatus"_s].toInt(), 409);
        // Progress went on the call's own stream, before the answer, with resumable ids.
        QCOMPARE(out[u"slowType"_s].toString(), u"text/event-stream"_s);
        QCOMPARE(out[u"slow"_s].toArray(),
            (QJsonArray { u"notifications/progress"_s, u"notifications/progress"_s,
                u"notifications/progress"_s, u"result"_s }));
        const QJsonArray ids = out[u"slowIds"_s].toArray();
        QCOMPARE(ids.size(), 4);
        QVERIFY(ids[0].toString().endsWith(u"-1"_s) && ids[3].toString().endsWith(u"-4"_s));
        // The sampling request came on the ask call's stream; its answer completed the call.
        QCOMPARE(out[u"askFirst"_s].toString(), u"sampling/createMessage"_s);
        QCOMPARE(out[u"askAnswerStatus"_s].toInt(), 202);
        QCOMPARE(out[u"askResult"_s].toString(), u"sampled: from python"_s);
        // A stream cut after its first event resumes with Last-Event-ID: exactly the rest.
        QCOMPARE(out[u"resumed"_s].toArray(),
            (QJsonArray { u"notifications/progress"_s, u"notifications/progress"_s, u"result"_s }));
        QCOMPARE(out[u"resumedIds"_s].toArray().first().toString().section(u'-', 1).toInt(), 2);
        QCOMPARE(out[u"deleteStatus"_s].toInt(), 200);
        QCOMPARE(out[u"afterDeleteStatus"_s].toInt(), 404);
    }

    // Runs `count` official v1 SDK clients at once; each lists, calls echo, slow (progress) and
    // ask (a sampling request it answers), then DELETEs its session.
    void runV1Clients(int count)
    {
        QFile script(QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/integration/httpfront_v1client.mjs"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString code = QString::fromUtf8(script.readAll());
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < count; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setWorkingDirectory(m_clients);
            process->start(u"node"_s, { u"--input-type=module"_s, u"-e"_s, code, url() });
            processes.push_back(std::move(process));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(processes.begin(), processes.end(),
                                     [](const auto& p) { return p->state() == QProcess::NotRunning; }),
            90000);
        QSet<QString> sessions;
        for (const auto& process : processes) {
            const QByteArray err = process->readAllStandardError();
            QVERIFY2(process->exitCode() == 0, err.constData());
            const QJsonObject out = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
            QCOMPARE(out[u"echo"_s].toString(), u"hello"_s);
            QCOMPARE(out[u"tools"_s].toArray().size(), 4);
            QCOMPARE(out[u"slow"_s].toString(), u"slow done"_s);
            QCOMPARE(out[u"progress"_s].toInt(), 3);
            QCOMPARE(out[u"ask"_s].toString(), u"sampled: from v1"_s);
            sessions.insert(out[u"session"_s].toString());
        }
        QCOMPARE(sessions.size(), count);
    }

    void officialV1ClientsAtOnce()
    {
        if (!haveNodeClients())
            QSKIP("node or tests/mcp-clients/node_modules missing (npm ci there)");
        constexpr int kClients = 3;
        runV1Clients(kClients);
        QTRY_COMPARE(m_server->closedWhy.size(), kClients); // every client DELETEd its session
        QCOMPARE(m_front->sessionCount(), 0);
        QCOMPARE(m_server->initializeCount, kClients);
    }

    // Through a ClientMux the server sees one client whatever number connect: one handshake,
    // and every client's ids, progress and sampling kept apart.
    void severalClientsShareOneServerSession()
    {
        if (!haveNodeClients())
            QSKIP("node or tests/mcp-clients/node_modules missing (npm ci there)");
        m_front.reset();
        m_server = std::make_unique<FakeServer>();
        m_front = std::make_unique<HttpFront>(HttpFront::Options {});
        ClientMux mux;
        m_server->attach(&mux);
        connect(m_front.get(), &HttpFront::connectionOpened, &mux,
            [&mux](ClientConnection* connection) { mux.addClient(connection); });
        QString error;
        QVERIFY2(m_front->listen(&error), qPrintable(error));
        constexpr int kClients = 4;
        runV1Clients(kClients);
        QCOMPARE(m_server->initializeCount, 1);
        QCOMPARE(m_server->notificationsSeen.count(u"notifications/initialized"_s), 1);
        QTRY_COMPARE(mux.clientCount(), 0);
        QVERIFY(mux.isOpen()); // no primary client: it serves on
    }

    void officialV2Client_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("era");
        QTest::newRow("2026-07-28 pinned") << u"2026-07-28"_s << u"modern"_s;
        QTest::newRow("auto") << u"auto"_s << u"modern"_s;
        QTest::newRow("legacy") << u"legacy"_s << u"legacy"_s;
    }
    void officialV2Client()
    {
        if (!haveNodeClients())
            QSKIP("node or tests/mcp-clients/node_modules missing (npm ci there)");
        QFETCH(QString, version);
        QFETCH(QString, era);
        const Run ran = run(u"node"_s,
            { u"sdk2-client.mjs"_s, u"--version"_s, version, u"--url"_s, url(), u"--list"_s, u"--call"_s,
                u"echo"_s, u"--args"_s, uR"({"message":"über"})"_s, u"--call"_s, u"slow"_s, u"--progress"_s },
            m_clients);
        QVERIFY2(ran.exitCode == 0, QByteArray(ran.out + ran.err).constData());
        QJsonObject summary;
        int progress = 0;
        QString echoed;
        for (const QByteArray& line : ran.out.split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object[u"type"_s] == u"summary"_s)
                summary = object;
            if (object[u"type"_s] == u"progress"_s)
                ++progress;
            if (object[u"type"_s] == u"call"_s && object[u"tool"_s] == u"echo"_s)
                echoed = object[u"text"_s].toString();
        }
        QCOMPARE(summary[u"era"_s].toString(), era);
        QCOMPARE(summary[u"ok"_s].toInt(), 2);
        QCOMPARE(echoed, u"über"_s);
        QCOMPARE(progress, 3);
        if (era == u"modern"_s)
            QCOMPARE(m_front->sessionCount(), 0); // no sessions in 2026-07-28
    }

    void inspectorCli()
    {
        if (!haveNodeClients())
            QSKIP("node or tests/mcp-clients/node_modules missing (npm ci there)");
        // The command docs/proxy.md gives for the Inspector: a URL ending in /mcp is Streamable HTTP.
        const Run ran = run(u"node"_s,
            { u"node_modules/.bin/mcp-inspector"_s, u"--cli"_s, url(), u"--method"_s, u"tools/call"_s,
                u"--tool-name"_s, u"echo"_s, u"--tool-arg"_s, u"message=inspected"_s },
            m_clients);
        QVERIFY2(ran.exitCode == 0, QByteArray(ran.out + ran.err).constData());
        const QJsonObject out = QJsonDocument::fromJson(ran.out).object();
        QCOMPARE(out[u"content"_s].toArray().first()[u"text"_s].toString(), u"inspected"_s);
    }

    void idleSessionsExpire()
    {
        if (!haveTool(u"curl"_s))
            QSKIP("curl is not installed");
        m_front.reset();
        HttpFront::Options options;
        options.sessionIdleMs = 300;
        options.keepAliveMs = 50;
        startFront(options);
        QVERIFY(!initialize().isEmpty());
        QCOMPARE(m_front->sessionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_front->sessionCount(), 0, 10000);
        QCOMPARE(m_server->closedWhy.size(), 1);
    }

    void listenFailsOnABusyPort()
    {
        HttpFront::Options options;
        options.port = m_front->port();
        HttpFront second(options);
        QString error;
        QVERIFY(!second.listen(&error));
        QVERIFY2(error.contains(QString::number(options.port)), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestHttpFront)
#include "tst_httpfront.moc"
