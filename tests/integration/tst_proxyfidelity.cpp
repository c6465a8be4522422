// Byte fidelity through `foxreload proxy`: every message arrives as it was written, byte for
// byte, in both directions, except the ids the proxy must rewrite, which come back exactly as
// the peer spelt them. Key order, number spellings (20-digit integers, 1.0, 1e3, -0), unicode
// escapes against raw UTF-8, surrogate pairs, whitespace between tokens and inside strings, and
// a 5 MB message. The server (tests/fixtures/echo_bytes_server.py) logs the raw lines it reads
// and writes the raw lines the test gives it; nothing on its side re-serialises either.

#include "ProxyDriver.h"
#include "common/ExampleProject.h"

#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kTimeout = 60000;

// A JSON string token holding `text` (the test's own framing, not under test).
QByteArray jsonString(const QByteArray& text)
{
    const QByteArray array
        = QJsonDocument(QJsonArray { QString::fromUtf8(text) }).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

class EchoProject
{
public:
    EchoProject()
    {
        QDir().mkpath(root() + u"/watched"_s);
        const QByteArray yaml = u"server:\n"
                                u"  command: python3\n"
                                u"  args: [\"%1\"]\n"
                                u"  env: {PYTHONUNBUFFERED: \"1\", ECHO_BYTES_LOG: \"%2\"}\n"
                                u"  shutdown_grace_ms: 1000\n"
                                u"watch:\n"
                                u"  paths: [watched/]\n"
                                u"default_strategy: full_restart\n"_s
                                    .arg(sourceDir() + u"/tests/fixtures/echo_bytes_server.py"_s, log())
                                    .toUtf8();
        m_ok = writeFile(root() + u"/.foxreload.yaml"_s, yaml);
    }
    bool isValid() const { return m_ok && m_dir.isValid(); }
    QString home() const { return m_dir.path() + u"/home"_s; }
    QString root() const { return m_dir.path() + u"/project"_s; }
    QString log() const { return root() + u"/received.log"_s; }
    QStringList arguments() const { return { u"--config"_s, root() + u"/.foxreload.yaml"_s, u"--trust"_s }; }

    // What the server read: (its id as JSON, the line), in order.
    QList<QPair<QByteArray, QByteArray>> received() const
    {
        QList<QPair<QByteArray, QByteArray>> lines;
        for (const auto& line : readFile(log()).split('\n')) {
            const qsizetype tab = line.indexOf('\t');
            if (tab > 0)
                lines.append({ line.left(tab), line.mid(tab + 1) });
        }
        return lines;
    }
    // The last line the server read that contains `marker`.
    QPair<QByteArray, QByteArray> lastWith(const QByteArray& marker) const
    {
        const auto lines = received();
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->second.contains(marker))
                return *it;
        }
        return {};
    }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

// The index of the line the client received that equals `bytes`, -1 when none did.
qsizetype lineIndex(const ProxyDriver& proxy, const QByteArray& bytes)
{
    return proxy.rawLines().indexOf(bytes);
}

QByteArray bigString(qsizetype size)
{
    QByteArray text;
    text.reserve(size);
    const QByteArray chunk = "0123456789 \\u00e9\\ud83d\\ude00 \xc3\xa9\xf0\x9f\x98\x80 \\\"{}[],:\\t"_ba;
    while (text.size() < size)
        text.append(chunk);
    return text;
}
} // namespace

class TestProxyFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is needed for the fixture server");
    }

    // A client request and the server's answer (with notifications before it).
    void requestAndAnswer_data()
    {
        QTest::addColumn<QByteArray>("clientId"); // the id token exactly as the client writes it
        QTest::addColumn<QByteArray>("envelope"); // the request; @ID@ = the id, @TAIL@ = end of params
        QTest::addColumn<QByteArray>("answer"); // the server's reply; @ID@ = the id it received
        QTest::addColumn<QList<QByteArray>>("before"); // server notifications sent before the reply

        const QByteArray plain
            = "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"method\":\"fidelity/echo\",\"params\":{\"x\":1@TAIL@}}"_ba;
        QTest::newRow("key order both ways")
            << "1"_ba
            << "{\"params\":{\"zip\":\"8000\",\"street\":\"Main\",\"city\":\"Z\"@TAIL@},\"method\":\"fidelity/echo\",\"id\":@ID@,\"jsonrpc\":\"2.0\"}"_ba
            << "{\"result\":{\"tools\":[{\"name\":\"addr\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"zip\":{},\"street\":{},\"city\":{}},\"required\":[\"zip\",\"street\"]}}]},\"id\":@ID@,\"jsonrpc\":\"2.0\"}"_ba
            << QList<QByteArray> {};
        QTest::newRow("integer id beyond 2^64")
            << "12345678901234567891"_ba << plain << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("integer id beyond 2^53")
            << "9007199254740993"_ba << plain << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("big integer id as a string")
            << "\"12345678901234567891\""_ba << plain << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("id 1.0 stays 1.0")
            << "1.0"_ba << plain << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("id 1e3 stays 1e3")
            << "1e3"_ba << plain << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("id with escapes")
            << "\"a\\u00e9\\\"b\""_ba << plain << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("number spellings")
            << "7"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"method\":\"fidelity/echo\",\"params\":{\"a\":1.0,\"b\":1e3,\"c\":-0,\"d\":1E+2,\"e\":0.10,\"f\":123456789012345678901234567890@TAIL@}}"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{\"a\":1.0,\"b\":1e3,\"c\":-0,\"d\":2.50E-7,\"f\":123456789012345678901234567890}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("unicode escapes and raw UTF-8")
            << "\"u\""_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"method\":\"fidelity/echo\",\"params\":{\"esc\":\"caf\\u00e9 \\ud83d\\ude00 \\/\",\"raw\":\"caf\xc3\xa9 \xf0\x9f\x98\x80 /\",\"upper\":\"\\u00E9\"@TAIL@}}"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"caf\\u00e9 \xc3\xa9 \\ud83d\\ude00 \xf0\x9f\x98\x80 \\u2028\"}]}}"_ba
            << QList<QByteArray> {};
        QTest::newRow("whitespace between tokens and inside strings")
            << "\"w s\""_ba
            << " {  \"jsonrpc\" : \"2.0\" ,\t\"id\" :  @ID@ , \"method\":\"fidelity/echo\" , \"params\" : { \"s\" : \"  two  spaces\\t\\n tab \" @TAIL@ } }  "_ba
            << "{ \"jsonrpc\" : \"2.0\" , \"result\" : { \"s\" : \"  a  b  \" } , \"id\" : @ID@ }"_ba
            << QList<QByteArray> {};
        QTest::newRow("notifications before the answer")
            << "3"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"method\":\"fidelity/echo\",\"params\":{\"_meta\":{\"progressToken\":12345678901234567891}@TAIL@}}"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{}}"_ba
            << QList<QByteArray> {
                   "{\"method\":\"notifications/progress\",\"params\":{\"progressToken\":12345678901234567891,\"progress\":1.0,\"total\":1e1},\"jsonrpc\":\"2.0\"}"_ba,
                   "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":{\"z\":1,\"a\":\"\\u00e9\"}}}"_ba,
               };
        const QByteArray big = bigString(5 * 1024 * 1024);
        QTest::newRow("5 MB both ways")
            << "12345678901234567891"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"method\":\"fidelity/echo\",\"params\":{\"big\":\"" + big
                + "\"@TAIL@}}"
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{\"big\":\"" + big + "\",\"n\":1.0}}"
            << QList<QByteArray> {};
    }
    void requestAndAnswer()
    {
        QFETCH(QByteArray, clientId);
        QFETCH(QByteArray, envelope);
        QFETCH(QByteArray, answer);
        QFETCH(QList<QByteArray>, before);

        EchoProject project;
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(proxy.waitForStarted());
        QVERIFY(!proxy.initialize().isEmpty());

        QByteArray tail = ",\"answer\":" + jsonString(answer) + ",\"before\":[";
        for (qsizetype i = 0; i < before.size(); ++i)
            tail += (i ? "," : "") + jsonString(before[i]);
        tail += "]";
        // The id first, so that an @ID@ inside the embedded answer is left for the server.
        const QByteArray withTail = QByteArray(envelope).replace("@ID@", "\x01").replace("@TAIL@", tail);
        proxy.sendRaw(QByteArray(withTail).replace('\x01', clientId) + '\n');

        // Server → client: the answer with the client's id exactly as it was spelt.
        const QByteArray expectedAnswer = QByteArray(answer).replace("@ID@", clientId);
        QTRY_VERIFY_WITH_TIMEOUT(lineIndex(proxy, expectedAnswer) >= 0, kTimeout);
        qsizetype previous = -1;
        for (const auto& notification : before) {
            const qsizetype at = lineIndex(proxy, notification);
            QVERIFY2(at > previous, notification.constData()); // unchanged, and in order
            previous = at;
        }
        QVERIFY(lineIndex(proxy, expectedAnswer) > previous);
        QCOMPARE(proxy.rawLines().count(expectedAnswer), 1);

        // Client → server: the same bytes, with the proxy's id where the client's was.
        // (The server logs a line before it answers it, so the log is complete by now.)
        const QPair<QByteArray, QByteArray> atServer = project.lastWith("fidelity/echo");
        QVERIFY2(QRegularExpression(u"^\"px-\\d+\"$"_s).match(QString::fromUtf8(atServer.first)).hasMatch(),
            atServer.first.constData());
        const QByteArray expectedAtServer = QByteArray(withTail).replace('\x01', atServer.first);
        QCOMPARE(atServer.second.size(), expectedAtServer.size());
        QVERIFY(atServer.second == expectedAtServer);
    }

    // A server's request to the client (sampling, elicitation) and the client's answer.
    void serverRequestAndClientAnswer_data()
    {
        QTest::addColumn<QByteArray>("serverId");
        QTest::addColumn<QByteArray>("request"); // @SID@ = the server's id
        QTest::addColumn<QByteArray>("clientAnswer"); // @ID@ = the id the client was shown

        QTest::newRow("elicitation with ordered fields, 20-digit id")
            << "12345678901234567891"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@SID@,\"method\":\"elicitation/create\",\"params\":{\"message\":\"Who?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"number\",\"minimum\":0.0},\"city\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}"_ba
            << "{\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Z\\u00e9\",\"age\":4.20e1,\"city\":\" x \"}},\"id\":@ID@,\"jsonrpc\":\"2.0\"}"_ba;
        QTest::newRow("sampling with a string id with escapes")
            << "\"s\\u0041mpling\\/1\""_ba
            << " { \"method\" : \"sampling/createMessage\" , \"id\" : @SID@ , \"jsonrpc\" : \"2.0\" , \"params\" : { \"messages\" : [ { \"role\" : \"user\" , \"content\" : { \"type\" : \"text\" , \"text\" : \"hi \\ud83d\\ude00\" } } ] , \"maxTokens\" : 1e2 } } "_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"\xc3\xa9\"},\"model\":\"m\",\"stopReason\":\"endTurn\"}}"_ba;
    }
    void serverRequestAndClientAnswer()
    {
        QFETCH(QByteArray, serverId);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, clientAnswer);

        EchoProject project;
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(proxy.waitForStarted());
        QVERIFY(!proxy
                     .initialize(u"2025-11-25"_s,
                         { { "sampling"_L1, QJsonObject {} }, { "elicitation"_L1, QJsonObject {} } })
                     .isEmpty());

        const QByteArray done = "{\"jsonrpc\":\"2.0\",\"id\":@ID@,\"result\":{\"done\":true}}"_ba;
        proxy.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"fidelity/ask\",\"params\":{\"server_id\":"
            + jsonString(serverId) + ",\"request\":" + jsonString(request) + ",\"answer\":" + jsonString(done)
            + "}}\n");

        // The request reaches the client unchanged except for its id: "fx-N", a proxy id.
        QByteArray shownId;
        const QByteArray method
            = request.contains("elicitation") ? "elicitation/create" : "sampling/createMessage";
        QTRY_VERIFY_WITH_TIMEOUT(!proxy.messages(QString::fromLatin1(method)).isEmpty(), kTimeout);
        shownId = jsonString(
            proxy.messages(QString::fromLatin1(method)).first().value("id"_L1).toString().toUtf8());
        QVERIFY2(shownId.startsWith("\"fx-"), shownId.constData());
        QVERIFY(lineIndex(proxy, QByteArray(request).replace("@SID@", shownId)) >= 0);

        // The client's answer reaches the server unchanged except for the id: its own, as it spelt it.
        const QByteArray answer = QByteArray(clientAnswer).replace("@ID@", shownId);
        proxy.sendRaw(answer + '\n');
        QTRY_VERIFY_WITH_TIMEOUT(proxy.rawLines().contains(QByteArray(done).replace("@ID@", "41")), kTimeout);
        const auto atServer = project.lastWith("\"result\"");
        QCOMPARE(atServer.second, QByteArray(clientAnswer).replace("@ID@", serverId));
    }

    void clientNotificationUnchanged()
    {
        EchoProject project;
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.home());
        proxy.start(project.arguments(), project.root());
        QVERIFY(proxy.waitForStarted());
        QVERIFY(!proxy.initialize().isEmpty());
        const QByteArray notification
            = " {\"params\":{\"z\":1.0,\"a\":\"\\u00e9 \xc3\xa9\",\"n\":12345678901234567891},\"method\":\"notifications/roots/list_changed\",\"jsonrpc\":\"2.0\"} "_ba;
        proxy.sendRaw(notification + '\n');
        QTRY_COMPARE_WITH_TIMEOUT(project.lastWith("roots/list_changed").second, notification, kTimeout);
        QCOMPARE(project.lastWith("roots/list_changed").first, "-"_ba);
    }
};

QTEST_GUILESS_MAIN(TestProxyFidelity)
#include "tst_proxyfidelity.moc"
