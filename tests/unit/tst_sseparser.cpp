// The SSE parser of the HTTP transport: every stream is also fed split at every byte and one
// byte at a time, since a network read can end anywhere (inside a CRLF, a UTF-8 character,
// a field name or the byte order mark).
#include "net/SseParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using foxreload::net::SseEvent;
using foxreload::net::SseParser;

namespace {
SseEvent sse(const QByteArray& data, const QByteArray& id = {}, const QByteArray& type = "message")
{
    SseEvent e;
    e.type = type;
    e.data = data;
    e.id = id;
    return e;
}

QByteArray describe(const QList<SseEvent>& events)
{
    QByteArray text;
    for (const auto& e : events)
        text += '[' + e.type + '|' + e.data.toPercentEncoding() + '|' + e.id + ']';
    return text;
}
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void resetDropsHalfEvent();
};

void TestSseParser::parse_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");
    QTest::addColumn<QByteArray>("lastId");
    QTest::addColumn<int>("retry"); // -1: none

    const QByteArray json = R"({"jsonrpc":"2.0","id":1,"result":{}})";
    QTest::newRow("one message") << "event: message\ndata: " + json + "\n\n"
                                 << QList { sse(json) } << QByteArray() << -1;
    QTest::newRow("no space after colon") << "data:" + json + "\n\n"
                                          << QList { sse(json) } << QByteArray() << -1;
    QTest::newRow("only the first space is dropped")
        << QByteArray("data:  two\n\n") << QList { sse(" two") } << QByteArray() << -1;
    QTest::newRow("multi-line data") << QByteArray("data: {\"a\":\ndata: 1}\n\n")
                                     << QList { sse("{\"a\":\n1}") } << QByteArray() << -1;
    QTest::newRow("empty data line keeps its newline")
        << QByteArray("data: a\ndata\ndata: b\n\n") << QList { sse("a\n\nb") } << QByteArray() << -1;
    QTest::newRow("CRLF") << QByteArray("id: 4\r\ndata: x\r\n\r\n") << QList { sse("x", "4") }
                          << QByteArray("4") << -1;
    QTest::newRow("CR only") << QByteArray("data: x\r\rdata: y\r\r") << QList { sse("x"), sse("y") }
                             << QByteArray() << -1;
    QTest::newRow("mixed endings") << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n")
                                   << QList { sse("a\nb\nc") } << QByteArray() << -1;
    QTest::newRow("two events and an id that persists")
        << QByteArray("id: 1\ndata: a\n\ndata: b\n\n") << QList { sse("a", "1"), sse("b", "1") }
        << QByteArray("1") << -1;
    QTest::newRow("event type") << QByteArray("event: ping\ndata: p\n\ndata: q\n\n")
                                << QList { sse("p", {}, "ping"), sse("q") } << QByteArray() << -1;
    QTest::newRow("comments are keep-alives") << QByteArray(": keep-alive\n\n:\n\ndata: x\n: inside\n\n")
                                              << QList { sse("x") } << QByteArray() << -1;
    QTest::newRow("an event without data is not dispatched, its id counts")
        << QByteArray("id: 9\nevent: nothing\n\ndata: z\n\n") << QList { sse("z", "9") } << QByteArray("9")
        << -1;
    QTest::newRow("a priming event with an id and empty data")
        << QByteArray("id: p-1\ndata:\n\n") << QList { sse("", "p-1") } << QByteArray("p-1") << -1;
    QTest::newRow("an empty id resets the last id")
        << QByteArray("id: 3\ndata: a\n\nid\ndata: b\n\n") << QList { sse("a", "3"), sse("b", "") }
        << QByteArray() << -1;
    QTest::newRow("an id with NUL is ignored")
        << QByteArray("id: 2\n\nid: a") + '\0' + QByteArray("b\ndata: c\n\n") << QList { sse("c", "2") }
        << QByteArray("2") << -1;
    QTest::newRow("unterminated event is not dispatched")
        << QByteArray("data: done\n\ndata: half\n") << QList { sse("done") } << QByteArray() << -1;
    QTest::newRow("unknown fields ignored")
        << QByteArray("foo: bar\ndata: x\nbaz\n\n") << QList { sse("x") } << QByteArray() << -1;
    QTest::newRow("retry") << QByteArray("retry: 1500\ndata: r\n\nretry: soon\n\n") << QList { sse("r") }
                           << QByteArray() << 1500;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "data: b\n\n")
                                     << QList { sse("b") } << QByteArray() << -1;
    QTest::newRow("only one byte order mark is dropped") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                                       "data: b\n\n")
                                                         << QList<SseEvent> {} << QByteArray() << -1;
    QTest::newRow("something like a BOM is text") << QByteArray("\xEF\xBB"
                                                                "data: b\n\ndata: c\n\n")
                                                  << QList { sse("c") } << QByteArray() << -1;
    const QByteArray utf8 = u"{\"text\":\"Füchsin 🦊\"}"_s.toUtf8();
    QTest::newRow("UTF-8 kept as bytes") << "data: " + utf8 + "\n\n"
                                         << QList { sse(utf8) } << QByteArray() << -1;
    QTest::newRow("empty stream") << QByteArray() << QList<SseEvent> {} << QByteArray() << -1;
    QByteArray big(200000, 'x');
    QTest::newRow("a large event") << "data: " + big + "\n\n" << QList { sse(big) } << QByteArray() << -1;
}

void TestSseParser::parse()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    QFETCH(QByteArray, lastId);
    QFETCH(int, retry);

    const auto check = [&](SseParser& parser, const QList<SseEvent>& got, const QByteArray& how) {
        if (got != expected)
            QFAIL(
                QByteArray(how + ": got " + describe(got) + ", expected " + describe(expected)).constData());
        QCOMPARE(parser.lastEventId(), lastId);
        QCOMPARE(parser.retryMs().value_or(-1), retry);
    };

    {
        SseParser parser;
        check(parser, parser.feed(stream), "in one piece");
    }
    if (stream.size() > 5000)
        return; // the split positions of a large body teach nothing the small ones do not
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        SseParser parser;
        QList<SseEvent> got = parser.feed(QByteArrayView(stream).first(split));
        got += parser.feed(QByteArrayView(stream).sliced(split));
        check(parser, got, "split at " + QByteArray::number(split));
    }
    SseParser parser;
    QList<SseEvent> got;
    for (const char c : std::as_const(stream))
        got += parser.feed(QByteArrayView(&c, 1));
    check(parser, got, "byte by byte");
}

void TestSseParser::resetDropsHalfEvent()
{
    SseParser parser;
    QVERIFY(parser.feed("id: 5\ndata: half").isEmpty());
    parser.reset();
    const QList<SseEvent> got = parser.feed("data: whole\n\n");
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().data, QByteArray("whole"));
    QCOMPARE(got.first().id, QByteArray("5")); // the last event id survives a reconnect
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
