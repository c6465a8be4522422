// The proxy's bookkeeping without processes: the in-flight ledger, the id mapping
// of server-to-client requests and the list diff that decides list_changed.

#include "proxy/Handshake.h"
#include "proxy/IdMapper.h"
#include "proxy/ListChangeTracker.h"
#include "proxy/ListenStreams.h"
#include "proxy/RequestLedger.h"
#include "server/JsonRpc.h"
#include "server/RawMessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {
QJsonObject request(const QJsonValue& id, const QString& method, const QJsonObject& params = {})
{
    return { { "jsonrpc"_L1, "2.0"_L1 }, { "id"_L1, id }, { "method"_L1, method }, { "params"_L1, params } };
}

RequestLedger::Entry entry(
    quint64 seq, const QJsonValue& id, const QString& method, const QJsonObject& params = {})
{
    return RequestLedger::entryFor(seq, jsonrpc::message(jsonrpc::encode(request(id, method, params))));
}

// The key of an id as a client would spell it in JSON.
QByteArray key(QByteArrayView token)
{
    return jsonrpc::tokenKey(token);
}

QJsonObject tool(const QString& name, const QString& description = u"d"_s)
{
    return { { "name"_L1, name }, { "description"_L1, description },
        { "inputSchema"_L1, QJsonObject { { "type"_L1, "object"_L1 } } } };
}
} // namespace

class TestProxyLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idKeys_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("number and string differ") << "1"_ba
                                                  << "\"1\""_ba << false;
        QTest::newRow("1 and 1.0 are one id") << "1"_ba
                                              << "1.0"_ba << true;
        QTest::newRow("1 and 1e0 are one id") << "1"_ba
                                              << "1e0"_ba << true;
        QTest::newRow("10 and 1E1 are one id") << "10"_ba
                                               << "1E+1"_ba << true;
        QTest::newRow("0.5 and 5e-1 are one id") << "0.5"_ba
                                                 << "5e-1"_ba << true;
        QTest::newRow("-0 and 0 are one id") << "-0"_ba
                                             << "0"_ba << true;
        QTest::newRow("strings") << "\"a\""_ba
                                 << "\"a\""_ba << true;
        QTest::newRow("escaped string") << "\"\\u0061\""_ba
                                        << "\"a\""_ba << true;
        QTest::newRow("large numbers stay apart") << "9007199254740991"_ba
                                                  << "9007199254740990"_ba << false;
        QTest::newRow("beyond 2^64 stay apart") << "12345678901234567891"_ba
                                                << "12345678901234567890"_ba << false;
        QTest::newRow("beyond 2^64 meet themselves") << "12345678901234567891"_ba
                                                     << "12345678901234567891.0"_ba << true;
        QTest::newRow("negative") << "-1"_ba
                                  << "1"_ba << false;
        QTest::newRow("0.1 and 0.10") << "0.1"_ba
                                      << "0.10"_ba << true;
        QTest::newRow("-12 and -1.20e1 are one id") << "-12"_ba
                                                    << "-1.20e1"_ba << true;
        QTest::newRow("123 and 12300e-2 are one id") << "123"_ba
                                                     << "12300e-2"_ba << true;
        QTest::newRow("12 and 120e-1 are one id") << "120e-1"_ba
                                                  << "12"_ba << true;
        QTest::newRow("12 and 21 differ") << "12"_ba
                                          << "21"_ba << false;
    }
    void idKeys()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, same);
        QCOMPARE(key(a) == key(b), same);
    }

    // The proxy's own ids (requests "px-", server-to-client "fx-", listen streams "ls-") are
    // read back by one rule: exactly "<prefix>N" with N all digits, up to 19 of them.
    void numberedIds_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<quint64>("px");
        QTest::addColumn<quint64>("fx");
        QTest::addColumn<quint64>("ls");
        QTest::newRow("px") << "\"px-12\""_ba << quint64(12) << quint64(0) << quint64(0);
        QTest::newRow("fx") << "\"fx-3\""_ba << quint64(0) << quint64(3) << quint64(0);
        QTest::newRow("ls") << "\"ls-4\""_ba << quint64(0) << quint64(0) << quint64(4);
        QTest::newRow("19 digits") << "\"ls-9999999999999999999\""_ba << quint64(0) << quint64(0)
                                   << quint64(9999999999999999999ULL);
        QTest::newRow("20 digits") << "\"ls-10000000000000000000\""_ba << quint64(0) << quint64(0)
                                   << quint64(0);
        QTest::newRow("no digits") << "\"fx-\""_ba << quint64(0) << quint64(0) << quint64(0);
        QTest::newRow("a space") << "\"ls- 5\""_ba << quint64(0) << quint64(0) << quint64(0);
        QTest::newRow("a sign") << "\"ls-+5\""_ba << quint64(0) << quint64(0) << quint64(0);
        QTest::newRow("not closed") << "\"px-5"_ba << quint64(0) << quint64(0) << quint64(0);
        QTest::newRow("a number id") << "5"_ba << quint64(0) << quint64(0) << quint64(0);
    }
    void numberedIds()
    {
        QFETCH(QByteArray, raw);
        QFETCH(quint64, px);
        QFETCH(quint64, fx);
        QFETCH(quint64, ls);
        QCOMPARE(RequestLedger::proxyNumber(raw), px);
        QCOMPARE(IdMapper::number(raw), fx);
        QCOMPARE(ListenStreams::number(raw), ls);
        if (px)
            QCOMPARE(RequestLedger::proxyIdToken(px), raw);
        if (fx)
            QCOMPARE(IdMapper::token(fx), raw);
        if (ls)
            QCOMPARE(ListenStreams::token(ls), raw);
    }

    void idempotentMethods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("idempotent");
        QTest::newRow("tools/list") << u"tools/list"_s << true;
        QTest::newRow("prompts/list") << u"prompts/list"_s << true;
        QTest::newRow("resources/list") << u"resources/list"_s << true;
        QTest::newRow("resources/read") << u"resources/read"_s << true;
        QTest::newRow("prompts/get") << u"prompts/get"_s << true;
        QTest::newRow("ping") << u"ping"_s << true;
        QTest::newRow("tools/call") << u"tools/call"_s << false;
        QTest::newRow("completion/complete") << u"completion/complete"_s << false;
        QTest::newRow("unknown") << u"x/y"_s << false;
    }
    void idempotentMethods()
    {
        QFETCH(QString, method);
        QFETCH(bool, idempotent);
        QCOMPARE(RequestLedger::isIdempotent(method), idempotent);
    }

    void ledgerRoutesAnswersBackToClientIds()
    {
        RequestLedger ledger;
        QObject serverA;
        QObject serverB;
        const quint64 p1 = ledger.add(entry(1, 7, u"tools/call"_s), &serverA);
        const quint64 p2 = ledger.add(entry(2, u"7"_s, u"tools/list"_s), &serverA);
        const quint64 p3 = ledger.add(entry(3, 8, u"ping"_s), &serverB);
        QVERIFY(p1 != p2 && p2 != p3);
        QCOMPARE(RequestLedger::proxyNumber(RequestLedger::proxyIdToken(p1)), p1);
        QCOMPARE(RequestLedger::proxyNumber("\"fr-1\""), 0u);
        QCOMPARE(RequestLedger::proxyNumber("1"), 0u);
        QCOMPARE(RequestLedger::proxyNumber("\"px-\""), 0u);
        QCOMPARE(RequestLedger::proxyNumber("\"px-1x\""), 0u);
        QCOMPARE(ledger.size(), 3);
        QCOMPARE(ledger.countOn(&serverA), 2);
        QCOMPARE(ledger.countOn(&serverB), 1);

        // The number 7 and the string "7" are different requests.
        QCOMPARE(ledger.findByClientKey(key("7"))->proxyNumber, p1);
        QCOMPARE(ledger.findByClientKey(key("\"7\""))->proxyNumber, p2);

        const auto answered = ledger.take(p1);
        QVERIFY(answered);
        QCOMPARE(answered->clientId().toByteArray(), "7"_ba);
        QCOMPARE(answered->attempts, 1);
        QVERIFY(!ledger.take(p1)); // exactly once
        QVERIFY(!ledger.findByClientKey(key("7")));
        QCOMPARE(ledger.size(), 2);
    }

    void ledgerTakesAServersRequestsInArrivalOrder()
    {
        RequestLedger ledger;
        QObject oldServer;
        QObject newServer;
        ledger.add(entry(5, 50, u"tools/call"_s), &oldServer);
        ledger.add(entry(2, 20, u"tools/list"_s), &oldServer);
        ledger.add(entry(9, 90, u"tools/call"_s), &newServer);
        ledger.add(entry(3, 30, u"resources/read"_s), &oldServer);
        const auto taken = ledger.takeAllOn(&oldServer);
        QCOMPARE(taken.size(), 3);
        QCOMPARE(taken[0].seq, 2u);
        QCOMPARE(taken[1].seq, 3u);
        QCOMPARE(taken[2].seq, 5u);
        QCOMPARE(ledger.size(), 1);
        QCOMPARE(ledger.countOn(&oldServer), 0);
        QVERIFY(!ledger.findByClientKey(key("20")));
        QVERIFY(ledger.findByClientKey(key("90")));

        // A retried request keeps counting its attempts.
        RequestLedger::Entry retry = taken[0];
        const quint64 again = ledger.add(retry, &newServer);
        QCOMPARE(ledger.find(again)->attempts, 2);
        QCOMPARE(ledger.find(again)->seq, 2u);
    }

    void ledgerFindsProgressTokensPerServer()
    {
        RequestLedger ledger;
        QObject serverA;
        QObject serverB;
        ledger.add(entry(1, 1, u"tools/call"_s,
                       { { "_meta"_L1, QJsonObject { { "progressToken"_L1, u"tok"_s } } } }),
            &serverA);
        QVERIFY(ledger.hasProgressToken(key("\"tok\""), &serverA));
        QVERIFY(!ledger.hasProgressToken(key("\"tok\""), &serverB));
        QVERIFY(!ledger.hasProgressToken(key("\"other\""), &serverA));
        QVERIFY(!ledger.hasProgressToken(key(""), &serverA));
        ledger.takeByClientKey(key("1"));
        QVERIFY(!ledger.hasProgressToken(key("\"tok\""), &serverA));
    }

    void idMapperKeepsServersApart()
    {
        IdMapper mapper;
        QObject serverA;
        QObject serverB;
        // Both servers use id 0 for their first request to the client.
        const quint64 a = mapper.map(&serverA, "0", u"roots/list"_s);
        const quint64 b = mapper.map(&serverB, "0", u"sampling/createMessage"_s);
        QVERIFY(a != b);
        QCOMPARE(mapper.outwardFor(&serverA, key("0")), a);
        QCOMPARE(mapper.outwardFor(&serverB, key("0.0")), b);
        QCOMPARE(mapper.outwardFor(&serverB, key("1")), 0u);
        QCOMPARE(IdMapper::number(IdMapper::token(b)), b);
        QCOMPARE(IdMapper::number("\"px-1\""), 0u);

        const auto origin = mapper.take(b);
        QVERIFY(origin);
        QCOMPARE(origin->server.data(), &serverB);
        QCOMPARE(origin->id, "0"_ba);
        QCOMPARE(origin->method, u"sampling/createMessage"_s);
        QVERIFY(!mapper.take(b));
        QVERIFY(!mapper.take(42)); // a number the mapper never gave out

        // The server's id comes back exactly as it spelt it.
        const quint64 a2 = mapper.map(&serverA, "\"x\\u0079\"", u"elicitation/create"_s);
        QCOMPARE(mapper.outwardFor(&serverA, key("\"xy\"")), a2);
        QCOMPARE(mapper.takeAllFrom(&serverA), (QList<quint64> { a, a2 }));
        QCOMPARE(mapper.size(), 0);
    }

    void listDiff_data()
    {
        QTest::addColumn<QJsonArray>("before");
        QTest::addColumn<QJsonArray>("after");
        QTest::addColumn<QStringList>("added");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QStringList>("changed");
        const QJsonArray ab { tool(u"a"_s), tool(u"b"_s) };
        QTest::newRow("same") << ab << ab << QStringList {} << QStringList {} << QStringList {};
        QTest::newRow("order only") << ab << QJsonArray { tool(u"b"_s), tool(u"a"_s) } << QStringList {}
                                    << QStringList {} << QStringList {};
        QTest::newRow("added") << ab << QJsonArray { tool(u"a"_s), tool(u"b"_s), tool(u"c"_s) }
                               << QStringList { u"c"_s } << QStringList {} << QStringList {};
        QTest::newRow("removed") << ab << QJsonArray { tool(u"b"_s) } << QStringList {}
                                 << QStringList { u"a"_s } << QStringList {};
        QTest::newRow("renamed") << ab << QJsonArray { tool(u"a"_s), tool(u"b2"_s) }
                                 << QStringList { u"b2"_s } << QStringList { u"b"_s } << QStringList {};
        QTest::newRow("description edited") << ab << QJsonArray { tool(u"a"_s, u"new words"_s), tool(u"b"_s) }
                                            << QStringList {} << QStringList {} << QStringList { u"a"_s };
        QTest::newRow("to empty") << ab << QJsonArray {} << QStringList {} << QStringList { u"a"_s, u"b"_s }
                                  << QStringList {};
    }
    void listDiff()
    {
        QFETCH(QJsonArray, before);
        QFETCH(QJsonArray, after);
        QFETCH(QStringList, added);
        QFETCH(QStringList, removed);
        QFETCH(QStringList, changed);
        ListChangeTracker tracker;
        QVERIFY(!tracker.hasBaseline(ListKind::Tools));
        QVERIFY(tracker.update(ListKind::Tools, before).isEmpty()); // the baseline is never a change
        QVERIFY(tracker.hasBaseline(ListKind::Tools));
        const auto diff = tracker.update(ListKind::Tools, after);
        QCOMPARE(diff.added, added);
        QCOMPARE(diff.removed, removed);
        QCOMPARE(diff.changed, changed);
        QCOMPARE(diff.isEmpty(), added.isEmpty() && removed.isEmpty() && changed.isEmpty());
        // What the client saw is now `after`: the same list again is no change.
        QVERIFY(tracker.update(ListKind::Tools, after).isEmpty());
    }

    void listsAreTrackedSeparately()
    {
        ListChangeTracker tracker;
        tracker.update(ListKind::Tools, { tool(u"a"_s) });
        tracker.update(
            ListKind::Resources, { QJsonObject { { "uri"_L1, u"file:///x"_s }, { "name"_L1, u"x"_s } } });
        const auto diff = tracker.update(
            ListKind::Resources, { QJsonObject { { "uri"_L1, u"file:///y"_s }, { "name"_L1, u"x"_s } } });
        QCOMPARE(diff.added, QStringList { u"file:///y"_s }); // resources are keyed by URI
        QCOMPARE(diff.removed, QStringList { u"file:///x"_s });
        QVERIFY(!tracker.hasBaseline(ListKind::Prompts));
        QCOMPARE(tracker.names(ListKind::Tools), QStringList { u"a"_s });
        QCOMPARE(ListChangeTracker::notification(ListKind::Prompts), u"notifications/prompts/list_changed"_s);
        QCOMPARE(ListChangeTracker::method(ListKind::Resources), u"resources/list"_s);
    }

    void handshakeAdvertisesListChanged()
    {
        const QJsonObject result { { "protocolVersion"_L1, u"2025-06-18"_s },
            { "capabilities"_L1,
                QJsonObject { { "tools"_L1, QJsonObject {} },
                    { "resources"_L1, QJsonObject { { "subscribe"_L1, true } } },
                    { "logging"_L1, QJsonObject {} } } } };
        const QJsonObject shown = handshake::advertiseListChanged(result);
        const QJsonObject caps = shown.value("capabilities"_L1).toObject();
        QCOMPARE(caps.value("tools"_L1).toObject().value("listChanged"_L1), QJsonValue(true));
        QCOMPARE(caps.value("resources"_L1).toObject().value("listChanged"_L1), QJsonValue(true));
        QCOMPARE(caps.value("resources"_L1).toObject().value("subscribe"_L1), QJsonValue(true));
        QVERIFY(!caps.contains("prompts"_L1)); // not invented for a server without prompts
        QVERIFY(caps.value("logging"_L1).toObject().isEmpty());
        QCOMPARE(shown.value("protocolVersion"_L1), result.value("protocolVersion"_L1));
    }

    void handshakeIncompatibilities()
    {
        const QJsonObject first { { "protocolVersion"_L1, u"2025-11-25"_s },
            { "capabilities"_L1,
                QJsonObject { { "tools"_L1, QJsonObject {} }, { "prompts"_L1, QJsonObject {} } } } };
        QVERIFY(handshake::incompatibilities(first, first).isEmpty());
        QJsonObject next = first;
        next.insert("protocolVersion"_L1, u"2025-06-18"_s);
        next.insert("capabilities"_L1, QJsonObject { { "tools"_L1, QJsonObject {} } });
        const QStringList problems = handshake::incompatibilities(first, next);
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems[0].contains(u"2025-06-18"_s));
        QVERIFY(problems[1].contains(u"\"prompts\""_s));
    }

    void handshakeOpenings()
    {
        QCOMPARE(handshake::classify(request(1, u"initialize"_s)), handshake::Opening::Initialize);
        QCOMPARE(handshake::classify(request(1, u"server/discover"_s)), handshake::Opening::Stateless);
        QCOMPARE(
            handshake::classify(request(1, u"tools/list"_s,
                { { "_meta"_L1,
                    QJsonObject { { "io.modelcontextprotocol/protocolVersion"_L1, u"2026-07-28"_s } } } })),
            handshake::Opening::Stateless);
        QCOMPARE(handshake::classify(request(1, u"tools/list"_s)), handshake::Opening::Premature);
    }
};

QTEST_GUILESS_MAIN(TestProxyLedger)
#include "tst_proxyledger.moc"
