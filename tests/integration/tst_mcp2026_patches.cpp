// The byte patches of the 2026-07-28 bridge (server/McpEra.h): what a proxy adds to a message
// (a listen stream's subscriptionId, a legacy result's resultType/ttlMs/cacheScope) lands where
// it must, and every other byte stays as it arrived (key order, number spellings, escapes).

#include "server/McpEra.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestMcp2026Patches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metaMember_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("container");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray id = "io.modelcontextprotocol/subscriptionId";
        QTest::newRow("params with _meta")
            << QByteArray(R"({"method":"n","params":{"uri":"a","_meta":{"x":1e3}},"jsonrpc":"2.0"})")
            << QByteArray("params")
            << QByteArray(R"({"method":"n","params":{"uri":"a","_meta":{")" + id
                   + R"(":"listen:0","x":1e3}},"jsonrpc":"2.0"})");
        QTest::newRow("params, no _meta")
            << QByteArray(R"({"jsonrpc":"2.0","method":"n","params":{"uri":"\u00e9"}})")
            << QByteArray("params")
            << QByteArray(R"({"jsonrpc":"2.0","method":"n","params":{"_meta":{")" + id
                   + R"(":"listen:0"},"uri":"\u00e9"}})");
        QTest::newRow("empty params")
            << QByteArray(R"({"jsonrpc":"2.0","method":"n","params":{ }})") << QByteArray("params")
            << QByteArray(
                   R"({"jsonrpc":"2.0","method":"n","params":{"_meta":{")" + id + R"(":"listen:0"} }})");
        QTest::newRow("no params") << QByteArray(R"({"jsonrpc":"2.0","method":"n"})") << QByteArray("params")
                                   << QByteArray(R"({"params":{"_meta":{")" + id
                                          + R"(":"listen:0"}},"jsonrpc":"2.0","method":"n"})");
        QTest::newRow("replaced in a result")
            << QByteArray(
                   R"({"result":{"_meta":{")" + id + R"(":"ls-7"},"resultType":"complete"},"id":"listen:0"})")
            << QByteArray("result")
            << QByteArray(R"({"result":{"_meta":{")" + id
                   + R"(":"listen:0"},"resultType":"complete"},"id":"listen:0"})");
    }

    void metaMember()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, container);
        QFETCH(QByteArray, expected);
        QCOMPARE(
            mcpera::withMetaMember(message, container, mcpera::kSubscriptionIdKey, "\"listen:0\""), expected);
    }

    void modernResult_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("cacheable");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("call result")
            << QByteArray(R"({"jsonrpc":"2.0","id":12345678901234567891,"result":{"content":[],"z":1.0}})")
            << false
            << QByteArray(
                   R"({"jsonrpc":"2.0","id":12345678901234567891,"result":{"resultType":"complete","content":[],"z":1.0}})");
        QTest::newRow("list result")
            << QByteArray(
                   R"({"result":{"tools":[{"name":"a","inputSchema":{"zip":1,"city":2}}]},"jsonrpc":"2.0","id":1})")
            << true
            << QByteArray(
                   R"({"result":{"resultType":"complete","ttlMs":0,"cacheScope":"private","tools":[{"name":"a","inputSchema":{"zip":1,"city":2}}]},"jsonrpc":"2.0","id":1})");
        QTest::newRow("what is there stays")
            << QByteArray(R"({"result":{"ttlMs":5,"resultType":"input_required"},"jsonrpc":"2.0","id":1})")
            << true
            << QByteArray(
                   R"({"result":{"cacheScope":"private","ttlMs":5,"resultType":"input_required"},"jsonrpc":"2.0","id":1})");
        QTest::newRow("empty result")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{}})") << false
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"resultType":"complete"}})");
        QTest::newRow("an error passes")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no"}})") << true
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no"}})");
    }

    void modernResult()
    {
        QFETCH(QByteArray, response);
        QFETCH(bool, cacheable);
        QFETCH(QByteArray, expected);
        QCOMPARE(mcpera::withModernResult(response, cacheable), expected);
    }

    void versions()
    {
        const auto request = [](const QByteArray& version) {
            return jsonrpc::message(
                R"({"jsonrpc":"2.0","id":0,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":)"
                + version + "}}}");
        };
        QVERIFY(mcpera::isModernRequest(request("\"2026-07-28\"")));
        QVERIFY(mcpera::isServedModernVersion(mcpera::versionToken(request("\"2026-07-28\""))));
        QVERIFY(!mcpera::isServedModernVersion(mcpera::versionToken(request("\"2099-01-01\""))));
        QVERIFY(
            !mcpera::isModernRequest(jsonrpc::message(R"({"jsonrpc":"2.0","id":0,"method":"tools/list"})")));
        QVERIFY(mcpera::isModernRequest(
            jsonrpc::message(R"({"jsonrpc":"2.0","id":0,"method":"server/discover"})")));
    }
};

QTEST_GUILESS_MAIN(TestMcp2026Patches)
#include "tst_mcp2026_patches.moc"
