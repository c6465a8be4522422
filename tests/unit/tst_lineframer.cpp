// LineFramer, the stdio framing of every server's stdout and stderr: lines at and around the
// limit, and the oversize path (a line over the limit is skipped up to its newline and reported
// with its length, and the stream stays in step), wherever the reads happen to split it.

#include "server/LineFramer.h"

#include <QTest>

using namespace foxreload;

namespace {
constexpr qsizetype kLimit = 16;

// What a framer reports, one entry per line: the text, or "<oversized N>".
QList<QByteArray> describe(const LineFramer::Lines& lines)
{
    QList<QByteArray> out;
    for (const auto& line : lines) {
        if (line.oversized) {
            out.append("<oversized " + QByteArray::number(line.size) + '>');
            continue;
        }
        if (line.size != line.bytes.size())
            out.append("<size " + QByteArray::number(line.size) + " for " + line.bytes + '>');
        else
            out.append(line.bytes);
    }
    return out;
}

// Feeds `stream` in chunks of `chunk` bytes (0: all at once).
QList<QByteArray> frame(LineFramer& framer, const QByteArray& stream, qsizetype chunk)
{
    QList<QByteArray> out;
    const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(1, stream.size());
    for (qsizetype at = 0; at < stream.size(); at += step)
        out += describe(framer.feed(stream.mid(at, step)));
    return out;
}
} // namespace

class TestLineFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaries_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("expected");

        const QByteArray atLimit(kLimit, 'a');
        const QByteArray overByOne(kLimit + 1, 'b');
        QTest::newRow("one under the limit") << QByteArray(kLimit - 1, 'a') + '\n'
                                             << QList<QByteArray> { QByteArray(kLimit - 1, 'a') };
        QTest::newRow("exactly the limit") << atLimit + '\n' << QList<QByteArray> { atLimit };
        QTest::newRow("one over the limit") << overByOne + '\n' << QList<QByteArray> { "<oversized 17>" };
        QTest::newRow("far over the limit") << QByteArray(100000, 'c') + '\n'
                                            << QList<QByteArray> { "<oversized 100000>" };
        // The limit is on what is buffered, so a carriage return before the newline counts.
        QTest::newRow("the limit plus CR") << atLimit + "\r\n" << QList<QByteArray> { "<oversized 17>" };
        QTest::newRow("one under plus CR") << QByteArray(kLimit - 1, 'a') + "\r\n"
                                           << QList<QByteArray> { QByteArray(kLimit - 1, 'a') };
        QTest::newRow("neighbours of an oversized line are intact") << QByteArray("before\n") + overByOne
                + "\nafter\n" << QList<QByteArray> { "before", "<oversized 17>", "after" };
        QTest::newRow("two oversized lines in a row") << overByOne + '\n' + QByteArray(40, 'd')
                + "\nok\n" << QList<QByteArray> { "<oversized 17>", "<oversized 40>", "ok" };
        QTest::newRow("a line at the limit after an oversized one") << overByOne + '\n' + atLimit
                + '\n' << QList<QByteArray> { "<oversized 17>", atLimit };
        QTest::newRow("empty lines pass")
            << QByteArray("\n\n") << QList<QByteArray> { QByteArray(), QByteArray() };
        QTest::newRow("a lone CR is an empty line")
            << QByteArray("\r\n") << QList<QByteArray> { QByteArray() };
        QTest::newRow("CRLF and LF lines in one read")
            << QByteArray("a\r\nb\nc\r\n") << QList<QByteArray> { "a", "b", "c" };
        QTest::newRow("a CR inside a line stays") << QByteArray("a\rb\n") << QList<QByteArray> { "a\rb" };
    }

    // The same stream, read at once and in every chunk size a pipe might deliver.
    void boundaries()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, expected);
        for (const qsizetype chunk : { qsizetype(0), qsizetype(1), qsizetype(3), kLimit, kLimit + 1 }) {
            LineFramer framer(kLimit);
            QCOMPARE(framer.maxLineBytes(), kLimit);
            const QList<QByteArray> got = frame(framer, stream, chunk);
            QVERIFY2(got == expected,
                qPrintable(
                    QStringLiteral("chunk %1: got %2").arg(chunk).arg(QString::fromUtf8(got.join('|')))));
            QVERIFY(framer.takeRemainder().isEmpty());
        }
    }

    void remainder_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArray>("remainder");
        QTest::addColumn<QByteArray>("nextLine"); // what the next complete line reads as afterwards

        QTest::newRow("a short tail is kept")
            << QByteArray("done\ntail") << QByteArray("tail") << QByteArray("x");
        QTest::newRow("a tail at the limit is kept")
            << QByteArray(kLimit, 'e') << QByteArray(kLimit, 'e') << QByteArray("x");
        // An oversized tail is not held in memory: nothing is left to take, and the framer is
        // back in step for what comes next.
        QTest::newRow("an oversized tail is dropped")
            << QByteArray(kLimit + 1, 'f') << QByteArray() << QByteArray("x");
    }

    void remainder()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, remainder);
        QFETCH(QByteArray, nextLine);
        LineFramer framer(kLimit);
        framer.feed(stream);
        QCOMPARE(framer.takeRemainder(), remainder);
        QCOMPARE(describe(framer.feed(nextLine + '\n')), QList<QByteArray> { nextLine });
    }

    // A runaway writer far over the limit, byte by byte: the skipped size adds up across reads.
    void oversizedAcrossManyReads()
    {
        LineFramer framer(kLimit);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(framer.feed(QByteArray(7, 'g')).isEmpty());
        const auto lines = framer.feed("gg\nnext\n");
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].oversized);
        QVERIFY(lines[0].bytes.isEmpty());
        QCOMPARE(lines[0].size, qsizetype(7002));
        QCOMPARE(lines[1].bytes, QByteArray("next"));
    }
};

QTEST_GUILESS_MAIN(TestLineFramer)
#include "tst_lineframer.moc"
