// The transport rules of the HTTP front that need no socket: DNS-rebinding checks, the
// 2026-07-28 request headers, SSE framing, event ids and the --listen address syntax.
#include "net/front/HttpFront.h"
#include "net/front/McpHttpRules.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::net;

namespace {
jsonrpc::RawMessage message(const QByteArray& bytes)
{
    const jsonrpc::ReadResult read = jsonrpc::read(bytes);
    return read.messages.value(0);
}

// What an SSE client reassembles from an event's data lines.
QByteArray reassembled(const QByteArray& event)
{
    QByteArrayList data;
    for (const QByteArray& line : event.split('\n'))
        if (line.startsWith("data: "))
            data.append(line.mid(6));
    return data.join('\n');
}
} // namespace

class TestHttpFrontRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void host_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<bool>("ok");
        const QStringList none;
        QTest::newRow("127.0.0.1 with port") << "127.0.0.1:8765"_ba << u"127.0.0.1"_s << none << true;
        QTest::newRow("localhost") << "localhost:8765"_ba << u"127.0.0.1"_s << none << true;
        QTest::newRow("LOCALHOST no port") << "LOCALHOST"_ba << u"127.0.0.1"_s << none << true;
        QTest::newRow("[::1]") << "[::1]:8765"_ba << u"::1"_s << none << true;
        QTest::newRow("127.0.0.2") << "127.0.0.2:1"_ba << u"127.0.0.1"_s << none << true;
        QTest::newRow("rebinding name") << "evil.example:8765"_ba << u"127.0.0.1"_s << none << false;
        QTest::newRow("name that starts like localhost")
            << "localhost.evil.example"_ba << u"127.0.0.1"_s << none << false;
        QTest::newRow("public address") << "192.168.1.2:8765"_ba << u"127.0.0.1"_s << none << false;
        QTest::newRow("listed name") << "dev.box:8765"_ba << u"127.0.0.1"_s << QStringList { u"dev.box"_s }
                                     << true;
        QTest::newRow("star") << "any.where"_ba << u"127.0.0.1"_s << QStringList { u"*"_s } << true;
        QTest::newRow("public bind, no list") << "dev.box"_ba << u"0.0.0.0"_s << none << true;
        QTest::newRow("public bind, other name")
            << "x.box"_ba << u"0.0.0.0"_s << QStringList { u"dev.box"_s } << false;
        QTest::newRow("empty") << QByteArray() << u"127.0.0.1"_s << none << false;
    }
    void host()
    {
        QFETCH(QByteArray, host);
        QFETCH(QString, listen);
        QFETCH(QStringList, allowed);
        QFETCH(bool, ok);
        QCOMPARE(mcphttp::isAllowedHost(host, QHostAddress(listen), allowed), ok);
    }

    void origin_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<bool>("ok");
        QTest::newRow("absent") << QByteArray() << QStringList() << true;
        QTest::newRow("loopback http") << "http://localhost:6274"_ba << QStringList() << true;
        QTest::newRow("loopback ip") << "http://127.0.0.1:3000"_ba << QStringList() << true;
        QTest::newRow("v6") << "http://[::1]:3000"_ba << QStringList() << true;
        QTest::newRow("foreign") << "https://evil.example"_ba << QStringList() << false;
        QTest::newRow("null") << "null"_ba << QStringList() << false;
        QTest::newRow("file") << "file://"_ba << QStringList() << false;
        QTest::newRow("listed") << "https://app.example"_ba << QStringList { u"https://app.example"_s }
                                << true;
        QTest::newRow("listed other")
            << "https://app2.example"_ba << QStringList { u"https://app.example"_s } << false;
    }
    void origin()
    {
        QFETCH(QByteArray, origin);
        QFETCH(QStringList, allowed);
        QFETCH(bool, ok);
        QCOMPARE(mcphttp::isAllowedOrigin(origin, allowed), ok);
    }

    void modernHeaders_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("name"); // "-" = header absent
        QTest::addColumn<QString>("problem"); // a word of the problem, empty = accepted
        const QByteArray meta = R"("_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"})";
        const QByteArray call
            = R"({"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"echo",)" + meta + "}}";
        const QByteArray discover
            = R"({"jsonrpc":"2.0","id":"p","method":"server/discover","params":{)" + meta + "}}";
        QTest::newRow("discover ok") << discover << "2026-07-28"_ba
                                     << "server/discover"_ba
                                     << "-"_ba << QString();
        QTest::newRow("version missing") << discover << ""_ba
                                         << "server/discover"_ba
                                         << "-"_ba << u"missing"_s;
        QTest::newRow("version differs") << discover << "2026-08-01"_ba
                                         << "server/discover"_ba
                                         << "-"_ba << u"does not match"_s;
        QTest::newRow("method missing") << discover << "2026-07-28"_ba
                                        << ""_ba
                                        << "-"_ba << u"Mcp-Method"_s;
        QTest::newRow("method differs") << discover << "2026-07-28"_ba
                                        << "tools/list"_ba
                                        << "-"_ba << u"Mcp-Method"_s;
        QTest::newRow("call ok") << call << "2026-07-28"_ba
                                 << "tools/call"_ba
                                 << "echo"_ba << QString();
        QTest::newRow("call name base64") << call << "2026-07-28"_ba
                                          << "tools/call"_ba
                                          << "=?base64?ZWNobw==?="_ba << QString();
        QTest::newRow("call name missing") << call << "2026-07-28"_ba
                                           << "tools/call"_ba
                                           << "-"_ba << u"Mcp-Name"_s;
        QTest::newRow("call name differs") << call << "2026-07-28"_ba
                                           << "tools/call"_ba
                                           << "other"_ba << u"Mcp-Name"_s;
        const QByteArray read
            = R"({"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"file:///é",)" + meta
            + "}}";
        QTest::newRow("read uri base64 utf8")
            << read << "2026-07-28"_ba
            << "resources/read"_ba
            << "=?base64?" + QByteArray("file:///é").toBase64() + "?=" << QString();
        const QByteArray noMeta = R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})";
        QTest::newRow("no _meta in body") << noMeta << "2026-07-28"_ba
                                          << "tools/list"_ba
                                          << "-"_ba << u"none"_s;
    }
    void modernHeaders()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, version);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, name);
        QFETCH(QString, problem);
        const mcphttp::ModernHeaders headers { version, method, name == "-" ? QByteArray() : name,
            name != "-" };
        const QString found = mcphttp::checkModernHeaders(headers, message(body));
        if (problem.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }

    void sseFraming_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("one line") << R"({"a":1})"_ba;
        QTest::newRow("pretty printed") << "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}"_ba;
        QTest::newRow("crlf") << "{\r\n\"a\":1}"_ba;
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("data: inside a string") << R"({"x":"data: \n id: 3"})"_ba;
    }
    void sseFraming()
    {
        QFETCH(QByteArray, data);
        const QByteArray event = mcphttp::sseEvent("4-2", data);
        QVERIFY(event.startsWith("id: 4-2\n"));
        QVERIFY(event.endsWith("\n\n"));
        QByteArray expected = data;
        expected.replace("\r\n", "\n");
        QCOMPARE(reassembled(event), expected);
    }

    void eventIds_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("expectedStream");
        QTest::addColumn<quint64>("expectedSequence");
        QTest::newRow("plain") << "3-17"_ba << true << quint64(3) << quint64(17);
        QTest::newRow("get stream") << "0-1"_ba << true << quint64(0) << quint64(1);
        QTest::newRow("spaces") << " 2-5 "_ba << true << quint64(2) << quint64(5);
        QTest::newRow("no dash") << "17"_ba << false << quint64(0) << quint64(0);
        QTest::newRow("leading dash") << "-3"_ba << false << quint64(0) << quint64(0);
        QTest::newRow("letters") << "a-b"_ba << false << quint64(0) << quint64(0);
        QTest::newRow("foreign id") << "evt_01HZX"_ba << false << quint64(0) << quint64(0);
    }
    void eventIds()
    {
        QFETCH(QByteArray, id);
        QFETCH(bool, ok);
        QFETCH(quint64, expectedStream);
        QFETCH(quint64, expectedSequence);
        quint64 stream = 0;
        quint64 sequence = 0;
        QCOMPARE(mcphttp::parseEventId(id, &stream, &sequence), ok);
        if (ok) {
            QCOMPARE(stream, expectedStream);
            QCOMPARE(sequence, expectedSequence);
            QCOMPARE(mcphttp::eventId(stream, sequence), id.trimmed());
        }
    }

    void listenAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << u"127.0.0.1:8765"_s << true << u"127.0.0.1"_s << 8765;
        QTest::newRow("localhost") << u"localhost:0"_s << true << u"127.0.0.1"_s << 0;
        QTest::newRow("port only") << u"8765"_s << true << u"127.0.0.1"_s << 8765;
        QTest::newRow("colon port") << u":9000"_s << true << u"127.0.0.1"_s << 9000;
        QTest::newRow("ipv6") << u"[::1]:9000"_s << true << u"::1"_s << 9000;
        QTest::newRow("all interfaces") << u"0.0.0.0:80"_s << true << u"0.0.0.0"_s << 80;
        QTest::newRow("port too big") << u"127.0.0.1:65536"_s << false << QString() << 0;
        QTest::newRow("no port") << u"127.0.0.1:"_s << false << QString() << 0;
        QTest::newRow("name") << u"example.com:80"_s << false << QString() << 0;
        QTest::newRow("v6 without brackets port") << u"[::1"_s << false << QString() << 0;
    }
    void listenAddress()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, address);
        QFETCH(int, port);
        QHostAddress parsed;
        quint16 parsedPort = 0;
        QString error;
        QCOMPARE(HttpFront::parseListenAddress(text, &parsed, &parsedPort, &error), ok);
        if (ok) {
            QCOMPARE(parsed, QHostAddress(address));
            QCOMPARE(int(parsedPort), port);
        } else {
            QVERIFY(error.contains(text));
        }
    }

    void modernErrorStatus()
    {
        QCOMPARE(mcphttp::statusForModernError(-32601), 404);
        QCOMPARE(mcphttp::statusForModernError(-32022), 400);
        QCOMPARE(mcphttp::statusForModernError(-32020), 400);
        QCOMPARE(mcphttp::statusForModernError(-32603), 200);
        QCOMPARE(
            mcphttp::errorCode(message(R"({"jsonrpc":"2.0","id":1,"error":{"message":"x","code":-32601}})")),
            -32601);
        QCOMPARE(mcphttp::errorCode(message(R"({"jsonrpc":"2.0","id":1,"result":{}})")), 0);
    }

    void versions()
    {
        QVERIFY(mcphttp::isKnownProtocolVersion("2025-06-18"));
        QVERIFY(!mcphttp::isKnownProtocolVersion("2025-06-19"));
        QVERIFY(mcphttp::isModernProtocolVersion("2026-07-28"));
        QVERIFY(mcphttp::isModernProtocolVersion("2027-01-01"));
        QVERIFY(!mcphttp::isModernProtocolVersion("2025-11-25"));
        QVERIFY(!mcphttp::isModernProtocolVersion("garbage-xx"));
    }
};

QTEST_GUILESS_MAIN(TestHttpFrontRules)
#include "tst_httpfront_rules.moc"
