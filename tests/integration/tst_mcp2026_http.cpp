// 2026-07-28 subscriptions/listen streams through the HTTP front and its ClientMux, byte by byte:
// each listen POST keeps its response stream open, and what the proxy says about that stream
// (naming it by the mux's id, with relatedRequestId) reaches that POST only, under the client's
// own id (the ack, list_changed, the graceful end's result, a server-side teardown), while
// another client's stream with the same id hears nothing of it. A client closing its stream
// cancels the listen behind the mux. (tst_mcp2026 runs the v2 SDK client through the binary.)

#include "net/front/ClientMux.h"
#include "net/front/HttpFront.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::net;

namespace {

constexpr int kTimeout = 10000;

// Stands where McpProxy stands behind the mux: it acknowledges each listen request on its
// stream and says everything about a stream with relatedRequestId, as the proxy does.
class ListenServer : public QObject
{
public:
    explicit ListenServer(ClientMux* mux)
        : m_mux(mux)
    {
        connect(mux, &ClientConnection::received, this, [this](const jsonrpc::RawMessage& message) {
            if (message.isRequest() && message.method == "subscriptions/listen"_L1) {
                const QByteArray id = message.rawId().toByteArray();
                listens.append(id);
                notify(id, "notifications/subscriptions/acknowledged",
                    R"("notifications":{"toolsListChanged":true},)");
            } else if (message.isNotification() && message.method == "notifications/cancelled"_L1) {
                const QByteArray id = message.view(message.paramsMember({ "requestId" })).toByteArray();
                cancelled.append(id);
                listens.removeAll(id);
            }
        });
    }

    void notify(const QByteArray& listenId, const QByteArray& method, const QByteArray& params = {})
    {
        m_mux->send(R"({"jsonrpc":"2.0","method":")" + method + R"(","params":{)" + params
                + R"("_meta":{"io.modelcontextprotocol/subscriptionId":)" + listenId + "}}}",
            listenId);
    }
    void endGracefully(const QByteArray& listenId)
    {
        listens.removeAll(listenId);
        m_mux->send(R"({"jsonrpc":"2.0","id":)" + listenId
                + R"(,"result":{"resultType":"complete","_meta":{"io.modelcontextprotocol/subscriptionId":)"
                + listenId + "}}}",
            listenId);
    }
    void tearDown(const QByteArray& listenId)
    {
        listens.removeAll(listenId);
        m_mux->send(
            R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":)" + listenId + "}}",
            listenId);
    }

    QList<QByteArray> listens; // the mux ids of the open streams, oldest first
    QList<QByteArray> cancelled;

private:
    ClientMux* m_mux;
};

// One listen POST and what has come on its response stream so far.
struct ListenPost
{
    std::unique_ptr<QNetworkReply> reply;
    QByteArray stream;

    int count(QByteArrayView text) const { return int(stream.count(text)); }
};

} // namespace

class TestMcp2026Http : public QObject
{
    Q_OBJECT

    std::unique_ptr<HttpFront> m_front;
    std::unique_ptr<ClientMux> m_mux;
    std::unique_ptr<ListenServer> m_server;
    QNetworkAccessManager m_network;

    void openListen(ListenPost& post)
    {
        QNetworkRequest request(m_front->url());
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Accept", "application/json, text/event-stream");
        request.setRawHeader("MCP-Protocol-Version", "2026-07-28");
        request.setRawHeader("Mcp-Method", "subscriptions/listen");
        post.reply.reset(m_network.post(request,
            R"({"jsonrpc":"2.0","id":"listen:0","method":"subscriptions/listen","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}},"notifications":{"toolsListChanged":true}}})"_ba));
        connect(post.reply.get(), &QNetworkReply::readyRead, this,
            [&post] { post.stream += post.reply->readAll(); });
    }

private Q_SLOTS:
    void init()
    {
        m_front = std::make_unique<HttpFront>(HttpFront::Options {});
        m_mux = std::make_unique<ClientMux>();
        m_server = std::make_unique<ListenServer>(m_mux.get());
        ClientMux* mux = m_mux.get();
        connect(m_front.get(), &HttpFront::connectionOpened, mux,
            [mux](ClientConnection* connection) { mux->addClient(connection); });
        QString error;
        QVERIFY2(m_front->listen(&error), qPrintable(error));
    }
    void cleanup()
    {
        m_front.reset();
        m_server.reset();
        m_mux.reset();
    }

    void eachStreamHearsOnlyItself_data()
    {
        QTest::addColumn<QString>("ending");
        QTest::newRow("server ends it gracefully") << u"graceful"_s;
        QTest::newRow("server tears it down") << u"teardown"_s;
        QTest::newRow("client closes it") << u"client"_s;
    }
    void eachStreamHearsOnlyItself()
    {
        QFETCH(QString, ending);
        const QByteArray ownId = R"("io.modelcontextprotocol/subscriptionId":"listen:0")";
        ListenPost first;
        ListenPost second;
        openListen(first);
        QTRY_COMPARE_WITH_TIMEOUT(first.count("notifications/subscriptions/acknowledged"), 1, kTimeout);
        openListen(second);
        QTRY_COMPARE_WITH_TIMEOUT(second.count("notifications/subscriptions/acknowledged"), 1, kTimeout);
        QCOMPARE(m_server->listens.size(), 2);
        QVERIFY(m_server->listens.front() != m_server->listens.back()); // the mux told them apart
        QVERIFY2(first.count(ownId) == 1 && second.count(ownId) == 1,
            QByteArray(first.stream + second.stream).constData());
        QCOMPARE(first.reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"text/event-stream"_s);

        m_server->notify(m_server->listens.back(), "notifications/tools/list_changed");
        QTRY_COMPARE_WITH_TIMEOUT(second.count("notifications/tools/list_changed"), 1, kTimeout);
        QTest::qWait(200); // a misdelivered copy would come now
        QCOMPARE(first.count("notifications/tools/list_changed"), 0);
        QCOMPARE(second.count(ownId), 2);

        const QByteArray firstMuxId = m_server->listens.front();
        if (ending == "graceful"_L1) {
            m_server->endGracefully(firstMuxId);
            QTRY_VERIFY_WITH_TIMEOUT(first.reply->isFinished(), kTimeout);
            const QByteArray answer
                = R"({"jsonrpc":"2.0","id":"listen:0","result":{"resultType":"complete","_meta":{)" + ownId
                + "}}";
            QVERIFY2(first.stream.contains(answer), first.stream.constData());
        } else if (ending == "teardown"_L1) {
            m_server->tearDown(firstMuxId);
            QTRY_VERIFY_WITH_TIMEOUT(first.reply->isFinished(), kTimeout);
            QVERIFY2(
                first.stream.contains(
                    R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"listen:0"}})"),
                first.stream.constData());
        } else {
            first.reply->abort();
            QTRY_COMPARE_WITH_TIMEOUT(m_server->cancelled, QList<QByteArray> { firstMuxId }, kTimeout);
        }
        QCOMPARE(first.reply->error(),
            ending == "client"_L1 ? QNetworkReply::OperationCanceledError : QNetworkReply::NoError);
        QCOMPARE(m_server->listens, QList<QByteArray> { m_server->listens.back() });
        QCOMPARE(second.count("notifications/subscriptions/acknowledged"), 1);
        QVERIFY(!second.reply->isFinished());
        // The first client is gone from the mux; the second one's stream is all there is.
        QTRY_COMPARE_WITH_TIMEOUT(m_mux->clientCount(), 1, kTimeout);
        if (ending != "client"_L1) // the server ended it: no cancellation comes back
            QCOMPARE(m_server->cancelled, QList<QByteArray> {});
        m_server->notify(m_server->listens.back(), "notifications/tools/list_changed");
        QTRY_COMPARE_WITH_TIMEOUT(second.count("notifications/tools/list_changed"), 2, kTimeout);
        QCOMPARE(first.count("notifications/tools/list_changed"), 0);
    }
};

QTEST_GUILESS_MAIN(TestMcp2026Http)
#include "tst_mcp2026_http.moc"
