// What the HTTP front adds to QtHttpServer 6.4, seen from a raw QTcpSocket: "Expect:
// 100-continue" is answered with 100 Continue before the body is sent (other expectations: 417),
// a header block over the cap is refused with 431 and a body over the cap with 413, both with a
// JSON-RPC error body and before the body is read. RequestHeadGuard's cases fed byte by byte.
#include "HttpFrontFakeServer.h"
#include "net/front/HttpFront.h"
#include "net/front/RequestHeadGuard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::net;
using namespace httpfronttest;

namespace {

const QByteArray kInitialize
    = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}})";

QByteArray postHead(qint64 contentLength, const QByteArray& extra = {})
{
    return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Accept: application/json, text/event-stream\r\nContent-Length: "
        + QByteArray::number(contentLength) + "\r\n" + extra + "\r\n";
}

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// Reads one response (status line, headers, Content-Length body) from the socket into `buffer`.
bool readResponse(QTcpSocket& socket, QByteArray& buffer, RawResponse* response, int timeoutMs = 20000)
{
    return QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QByteArray head = buffer.left(end);
            qint64 length = 0;
            for (const QByteArray& line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                return false;
            response->head = head;
            response->status = head.split(' ').value(1).toInt();
            response->body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            return true;
        },
        timeoutMs);
}

} // namespace

class TestHttpFrontLimits : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HttpFront> m_front;
    std::unique_ptr<FakeServer> m_server;

    void startFront(HttpFront::Options options)
    {
        m_server = std::make_unique<FakeServer>();
        m_front = std::make_unique<HttpFront>(options);
        connect(m_front.get(), &HttpFront::connectionOpened, m_server.get(), &FakeServer::attach);
        QString error;
        QVERIFY2(m_front->listen(&error), qPrintable(error));
    }
    bool connectTo(QTcpSocket& socket)
    {
        socket.connectToHost(u"127.0.0.1"_s, m_front->port());
        return socket.waitForConnected(10000);
    }

private Q_SLOTS:
    void init()
    {
        HttpFront::Options options;
        options.maxHeaderBytes = 4096;
        options.maxBodyBytes = 64 * 1024;
        startFront(options);
    }
    void cleanup()
    {
        m_front.reset();
        m_server.reset();
    }

    // The client sends its head, waits for 100 Continue, then sends the body and gets the answer.
    void expectContinueIsAnswered()
    {
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        socket.write(postHead(kInitialize.size(), "Expect: 100-continue\r\n"));
        QByteArray buffer;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         buffer += socket.readAll();
                         return buffer.contains("\r\n\r\n");
                     },
                     10000),
            buffer.constData());
        QVERIFY2(buffer.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), buffer.constData());
        buffer.remove(0, qsizetype(strlen("HTTP/1.1 100 Continue\r\n\r\n")));
        socket.write(kInitialize);
        RawResponse response;
        QVERIFY2(readResponse(socket, buffer, &response), buffer.constData());
        QCOMPARE(response.status, 200);
        QVERIFY2(response.head.toLower().contains("mcp-session-id:"), response.head.constData());
        QCOMPARE(m_server->initializeCount, 1);
    }

    // A body sent along with the head anyway: no 100 owed, one answer.
    void expectContinueWithTheBodyAlreadySent()
    {
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        socket.write(postHead(kInitialize.size(), "Expect: 100-continue\r\n") + kInitialize);
        QByteArray buffer;
        RawResponse response;
        QVERIFY2(readResponse(socket, buffer, &response), buffer.constData());
        QCOMPARE(response.status, 200);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("unknown expectation") << postHead(kInitialize.size(), "Expect: something-else\r\n")
                + kInitialize << 417 << u"Expect: 100-continue"_s;
        QTest::newRow("header block over the cap")
            << postHead(2, "X-Filler: " + QByteArray(5000, 'a') + "\r\n") + "{}" << 431 << u"4096 bytes"_s;
        // Only the head is sent: the 413 comes before the client has sent a byte of its body.
        QTest::newRow("Content-Length over the cap") << postHead(10 * 1024 * 1024) << 413 << u"65536"_s;
        QTest::newRow("chunked body over the cap")
            << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n20000\r\n"
                + QByteArray(1000, ' ')
            << 413 << u"65536"_s;
    }
    void refusals()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, messageContains);
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        socket.write(request);
        QByteArray buffer;
        RawResponse response;
        QVERIFY2(readResponse(socket, buffer, &response), buffer.constData());
        QCOMPARE(response.status, status);
        QVERIFY2(response.head.contains("Content-Type: application/json"), response.head.constData());
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(body[u"jsonrpc"_s].toString(), u"2.0"_s);
        QVERIFY(body[u"id"_s].isNull());
        QCOMPARE(body[u"error"_s][u"code"_s].toInt(), -32000);
        QVERIFY2(
            body[u"error"_s][u"message"_s].toString().contains(messageContains), response.body.constData());
        // The connection is closed after the refusal, and nothing reached the server.
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(m_server->initializeCount, 0);
    }

    // Right under the caps: served as usual.
    void atTheCapsIsServed()
    {
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        const qsizetype bare = postHead(kInitialize.size(), "X-Filler: \r\n").size();
        const QByteArray head
            = postHead(kInitialize.size(), "X-Filler: " + QByteArray(4096 - bare, 'a') + "\r\n");
        QCOMPARE(head.size(), 4096);
        socket.write(head + kInitialize);
        QByteArray buffer;
        RawResponse response;
        QVERIFY2(readResponse(socket, buffer, &response), buffer.constData());
        QCOMPARE(response.status, 200);
    }

    // The guard alone, every request fed whole, then byte by byte: same verdicts.
    void guardVerdicts_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("continues");
        QTest::addColumn<int>("status");
        const QByteArray get = "GET /mcp HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("two plain requests") << get + postHead(2) + "{}" + get << 0 << 0;
        QTest::newRow("expect, head only") << postHead(2, "Expect: 100-Continue\r\n") << 1 << 0;
        QTest::newRow("expect without a body") << postHead(0, "Expect: 100-continue\r\n") << 0 << 0;
        QTest::newRow("chunked, then the next request")
            << "POST /mcp HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-T: 1\r\n\r\n"
                + postHead(70000)
            << 0 << 413;
        const QByteArray headLikeBody = "POST / HTTP/1.1\r\nExpect: nonsense\r\n\r\n";
        QTest::newRow("a body that looks like a head is skipped")
            << postHead(headLikeBody.size()) + headLikeBody + get << 0 << 0;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST /mcp HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n") << 0 << 400;
        QTest::newRow("malformed length")
            << QByteArray("POST /mcp HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 0 << 400;
        QTest::newRow("bare LF line ends")
            << QByteArray("POST /mcp HTTP/1.1\nContent-Length: 70000\n\n") << 0 << 413;
        QTest::newRow("long head") << "GET /mcp HTTP/1.1\r\nX: " + QByteArray(5000, 'x') << 0 << 431;
    }
    void guardVerdicts()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, continues);
        QFETCH(int, status);
        const RequestHeadGuard::Limits limits { 4096, 64 * 1024 };
        RequestHeadGuard whole(limits);
        const RequestHeadGuard::Result all = whole.feed(stream);
        QCOMPARE(all.refusal.status, status);
        QCOMPARE(all.continues, continues);
        RequestHeadGuard bytewise(limits);
        int continuesSeen = 0;
        RequestHeadGuard::Result last;
        for (char byte : std::as_const(stream)) {
            last = bytewise.feed(QByteArrayView(&byte, 1));
            continuesSeen += last.continues;
        }
        QCOMPARE(last.refusal.status, status);
        QCOMPARE(continuesSeen, continues);
    }
};

QTEST_GUILESS_MAIN(TestHttpFrontLimits)
#include "tst_httpfront_limits.moc"
