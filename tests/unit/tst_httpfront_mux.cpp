// ClientMux: several MCP clients made into the one client the proxy serves. Each client's ids
// and progress tokens are the proxy's own while they travel, and come back exactly as the
// client spelt them; the first initialize goes through, later ones are answered from it.
#include "net/front/ClientMux.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::net;

namespace {

class FakeClient : public ClientConnection
{
    Q_OBJECT
public:
    struct Sent
    {
        QByteArray bytes;
        QByteArray related;
    };
    QList<Sent> sent;
    bool open = true;

    void say(const QByteArray& bytes)
    {
        const jsonrpc::ReadResult read = jsonrpc::read(bytes);
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        Q_EMIT received(read.messages.front());
    }
    void send(const QByteArray& message, QByteArrayView related = {}) override
    {
        sent.append({ message, related.toByteArray() });
    }
    bool isOpen() const override { return open; }
    QString describe() const override { return u"fake"_s; }
    void close(const QString& why) override
    {
        if (!open)
            return;
        open = false;
        Q_EMIT closed(why);
    }
};

// What the proxy receives from the mux.
struct ProxySide
{
    QList<jsonrpc::RawMessage> messages;
    explicit ProxySide(ClientMux& mux)
    {
        QObject::connect(&mux, &ClientConnection::received,
            [this](const jsonrpc::RawMessage& message) { messages.append(message); });
    }
    QByteArray lastId() const { return messages.last().rawId().toByteArray(); }
};

QByteArray initialize(QByteArrayView id, QByteArrayView version)
{
    return R"({"jsonrpc":"2.0","id":)" + id.toByteArray()
        + R"(,"method":"initialize","params":{"protocolVersion":")" + version.toByteArray()
        + R"(","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})";
}
const QByteArray kInitializeResult
    = R"({"protocolVersion":"2025-11-25","capabilities":{"tools":{"listChanged":true}},"serverInfo":{"name":"s","version":"1"}})";

} // namespace

class TestHttpFrontMux : public QObject
{
    Q_OBJECT
private:
    // Two clients through their handshakes; the proxy has seen A's initialize only.
    void handshake(ClientMux& mux, ProxySide& proxy, FakeClient& a, FakeClient& b)
    {
        mux.addClient(&a, true);
        mux.addClient(&b);
        a.say(initialize("1", "2025-11-25"));
        b.say(initialize("1", "2025-06-18")); // waits for A's
        QCOMPARE(proxy.messages.size(), 1);
        mux.send(R"({"jsonrpc":"2.0","id":)" + proxy.lastId() + R"(,"result":)" + kInitializeResult + "}");
        a.say(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        b.say(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    }

private Q_SLOTS:
    void laterClientsAreAnsweredFromTheFirstHandshake()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        handshake(mux, proxy, a, b);
        QCOMPARE(a.sent.size(), 1);
        QCOMPARE(b.sent.size(), 1);
        QVERIFY(a.sent[0].bytes.contains(R"("protocolVersion":"2025-11-25")"));
        QVERIFY(a.sent[0].bytes.startsWith(R"({"jsonrpc":"2.0","id":1,"result":{"protocolVersion")"));
        // B asked for 2025-06-18 and gets it, with everything else the server said.
        QCOMPARE(b.sent[0].bytes,
            QByteArray(
                R"({"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{"listChanged":true}},"serverInfo":{"name":"s","version":"1"}}})"));
        // Only the client whose handshake reached the server tells it "initialized".
        QCOMPARE(proxy.messages.size(), 2);
        QCOMPARE(proxy.messages[1].method, u"notifications/initialized"_s);
        // A third client, after the fact: answered at once.
        FakeClient c;
        mux.addClient(&c);
        c.say(initialize("\"c\"", "2099-01-01"));
        QCOMPARE(c.sent.size(), 1);
        QVERIFY(c.sent[0].bytes.contains(R"("protocolVersion":"2025-11-25")")); // unknown: the server's own
        QCOMPARE(proxy.messages.size(), 2);
    }

    void idsComeBackAsSpelt_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::newRow("small integer") << "7"_ba;
        QTest::newRow("beyond 2^64") << "12345678901234567891"_ba;
        QTest::newRow("1.0") << "1.0"_ba;
        QTest::newRow("string") << R"("req-\u00e9")"_ba;
        QTest::newRow("negative exponent") << "-1e3"_ba;
    }
    void idsComeBackAsSpelt()
    {
        QFETCH(QByteArray, id);
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        handshake(mux, proxy, a, b);
        const QByteArray call
            = R"({"params":{"name":"echo","arguments":{"z":1,"a":[1.0,1e3]}},"method":"tools/call","id":)"
            + id + R"(,"jsonrpc":"2.0"})";
        a.say(call);
        const QByteArray idOfA = proxy.lastId();
        b.say(call); // the same id from another client
        const QByteArray idOfB = proxy.lastId();
        QVERIFY(idOfA != idOfB);
        // Only the id changed, nothing else.
        QCOMPARE(proxy.messages.last().bytes,
            QByteArray(call).replace(QByteArray("\"id\":" + id), QByteArray("\"id\":" + idOfB)));
        mux.send(R"({"jsonrpc":"2.0","id":)" + idOfB + R"(,"result":{"b":1}})");
        mux.send(R"({"jsonrpc":"2.0","id":)" + idOfA + R"(,"result":{"a":1}})");
        QCOMPARE(a.sent.last().bytes, R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{"a":1}})");
        QCOMPARE(b.sent.last().bytes, R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{"b":1}})");
    }

    void progressGoesToItsClient()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        handshake(mux, proxy, a, b);
        const QByteArray call
            = R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"slow","_meta":{"progressToken":1}}})";
        a.say(call);
        const jsonrpc::RawMessage toServerA = proxy.messages.last();
        b.say(call);
        const jsonrpc::RawMessage toServerB = proxy.messages.last();
        QVERIFY(!toServerA.bytes.contains(R"("progressToken":1)"));
        QVERIFY(toServerA.bytes != toServerB.bytes);
        const auto tokenOf = [](const QByteArray& bytes) {
            const qsizetype at = bytes.indexOf("\"progressToken\":") + 16;
            return bytes.mid(at, bytes.indexOf('}', at) - at);
        };
        const QByteArray progressB
            = R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":)"
            + tokenOf(toServerB.bytes) + R"(,"progress":1}})";
        mux.send(progressB);
        QCOMPARE(a.sent.size(), 1); // only its handshake
        QCOMPARE(b.sent.last().bytes,
            QByteArray(
                R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1}})"));
        QCOMPARE(b.sent.last().related, "5"_ba); // on the stream of B's request 5
        // After the answer, its token means nothing any more.
        mux.send(R"({"jsonrpc":"2.0","id":)" + toServerB.rawId().toByteArray() + R"(,"result":{}})");
        const qsizetype before = b.sent.size();
        mux.send(progressB);
        QCOMPARE(b.sent.size(), before);
    }

    void serverRequestsGoToTheRunningRequestsClient()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        handshake(mux, proxy, a, b);
        b.say(R"({"jsonrpc":"2.0","id":"ask","method":"tools/call","params":{"name":"ask"}})");
        const QByteArray muxIdOfAsk = proxy.lastId();
        const QByteArray sampling
            = R"({"jsonrpc":"2.0","id":"fx-1","method":"sampling/createMessage","params":{}})";
        mux.send(sampling);
        QCOMPARE(b.sent.last().bytes, sampling);
        QCOMPARE(b.sent.last().related, R"("ask")"_ba);
        QCOMPARE(a.sent.size(), 1);
        const QByteArray answer = R"({"jsonrpc":"2.0","id":"fx-1","result":{"model":"m"}})";
        b.say(answer);
        QCOMPARE(proxy.messages.last().bytes, answer);
        // Named by the proxy, the older request's client is asked, not the newest one's.
        a.say(R"({"jsonrpc":"2.0","id":"a1","method":"tools/call","params":{"name":"ask"}})");
        const QByteArray muxIdOfA = proxy.lastId();
        b.say(R"({"jsonrpc":"2.0","id":"b2","method":"tools/call","params":{"name":"ask"}})");
        const QByteArray muxIdOfB2 = proxy.lastId();
        mux.send(R"({"jsonrpc":"2.0","id":"fx-9","method":"elicitation/create","params":{}})", muxIdOfA);
        QVERIFY(a.sent.last().bytes.contains("fx-9"));
        QCOMPARE(a.sent.last().related, R"("a1")"_ba);
        mux.send(R"({"jsonrpc":"2.0","id":)" + muxIdOfA + R"(,"result":{}})");
        mux.send(R"({"jsonrpc":"2.0","id":)" + muxIdOfB2 + R"(,"result":{}})");
        // Nothing running: the primary client is asked.
        mux.send(R"({"jsonrpc":"2.0","id":)" + muxIdOfAsk + R"(,"result":{}})");
        mux.send(R"({"jsonrpc":"2.0","id":"fx-2","method":"roots/list"})");
        QVERIFY(a.sent.last().bytes.contains("roots/list"));
    }

    void notificationsReachEveryInitializedClient()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        FakeClient fresh; // connected, never initialized (a session-less request, say)
        handshake(mux, proxy, a, b);
        mux.addClient(&fresh);
        const QByteArray changed = R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})";
        mux.send(changed);
        QCOMPARE(a.sent.last().bytes, changed);
        QCOMPARE(b.sent.last().bytes, changed);
        QVERIFY(fresh.sent.isEmpty());
    }

    void cancellationIsMapped()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        handshake(mux, proxy, a, b);
        b.say(R"({"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"slow"}})");
        const QByteArray muxId = proxy.lastId();
        b.say(
            R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":9,"reason":"x"}})");
        QCOMPARE(proxy.messages.last().bytes,
            R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":)" + muxId
                + R"(,"reason":"x"}})");
        // A cancelling an id it never used reaches nobody.
        const qsizetype before = proxy.messages.size();
        a.say(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":9}})");
        QCOMPARE(proxy.messages.size(), before);
    }

    void aClientThatLeavesHasItsRequestsCancelled()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        handshake(mux, proxy, a, b);
        b.say(R"({"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"slow"}})");
        const QByteArray muxId = proxy.lastId();
        QSignalSpy muxClosed(&mux, &ClientConnection::closed);
        b.close(u"gone"_s);
        QCOMPARE(proxy.messages.last().method, u"notifications/cancelled"_s);
        QVERIFY(proxy.messages.last().bytes.contains(QByteArray(R"("requestId":)" + muxId)));
        QCOMPARE(muxClosed.size(), 0); // B was not the primary client
        mux.send(R"({"jsonrpc":"2.0","id":)" + muxId + R"(,"result":{}})"); // a late answer: dropped
        QCOMPARE(mux.clientCount(), 1);
        a.close(u"stdin closed"_s);
        QCOMPARE(muxClosed.size(), 1);
        QCOMPARE(muxClosed.front().front().toString(), u"stdin closed"_s);
    }

    void theFirstInitializerLeavingStillOpensTheSession()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        mux.addClient(&a);
        mux.addClient(&b);
        a.say(initialize("1", "2025-11-25"));
        b.say(initialize("2", "2025-11-25"));
        a.close(u"gone"_s);
        mux.send(R"({"jsonrpc":"2.0","id":)" + proxy.lastId() + R"(,"result":)" + kInitializeResult + "}");
        QCOMPARE(b.sent.size(), 1);
        QVERIFY(b.sent[0].bytes.startsWith(R"({"jsonrpc":"2.0","id":2,"result":{"protocolVersion")"));
        // B's handshake never reached the server, but the proxy's session is open: B's
        // "initialized" has nothing to add.
        b.say(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        QCOMPARE(proxy.messages.size(), 1);
    }

    void aFailedFirstHandshakeLetsTheNextTry()
    {
        ClientMux mux;
        ProxySide proxy(mux);
        FakeClient a;
        FakeClient b;
        mux.addClient(&a);
        mux.addClient(&b);
        a.say(initialize("1", "2025-11-25"));
        b.say(initialize("1", "2025-11-25"));
        mux.send(R"({"jsonrpc":"2.0","id":)" + proxy.lastId()
            + R"(,"error":{"code":-32001,"message":"startup failed"}})");
        QVERIFY(a.sent.last().bytes.contains("startup failed"));
        QCOMPARE(proxy.messages.size(), 2); // B's initialize went to the proxy now
        QCOMPARE(proxy.messages.last().method, u"initialize"_s);
        QVERIFY(b.sent.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpFrontMux)
#include "tst_httpfront_mux.moc"
