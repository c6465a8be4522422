// findNonTextByte(): the bytes YAML does not allow in a config file, found before yaml-cpp reads
// them (it mangled NUL and invalid UTF-8 into a different command), with their line and column.
// And YamlDocument's nesting limit, which keeps libyaml from its quadratic scan of deep nesting.
#include "config/ConfigText.h"
#include "config/YamlDocument.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestConfigText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("ASCII, tab, CR, LF") << "a: 1\r\n\tb: \"x\"\n"_ba;
        QTest::newRow("BOM") << "\xEF\xBB\xBFserver: {}\n"_ba;
        QTest::newRow("two-byte (é)") << "name: caf\xC3\xA9\n"_ba;
        QTest::newRow("three-byte (€, U+FFFD)") << "a: \xE2\x82\xAC \xEF\xBF\xBD\n"_ba;
        QTest::newRow("four-byte (U+1F98A, U+10FFFF)") << "fox: \xF0\x9F\xA6\x8A \xF4\x8F\xBF\xBF\n"_ba;
        QTest::newRow("NEL (U+0085) is a YAML line break") << "a: 1\xC2\x85"_ba;
        QTest::newRow("U+00A0, first printable after C1") << "a: \xC2\xA0\n"_ba;
    }
    void text()
    {
        QFETCH(QByteArray, bytes);
        const auto fault = findNonTextByte(bytes);
        QVERIFY2(!fault, fault ? qPrintable(fault->message) : "");
    }

    void notText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("says");
        QTest::newRow("NUL") << "a: 1\nb: x\0y\n"_ba << 2 << 5 << u"control character \\x00"_s;
        QTest::newRow("ESC") << "a: \x1b[2J\n"_ba << 1 << 4 << u"control character \\x1b"_s;
        QTest::newRow("DEL") << "a: \x7f\n"_ba << 1 << 4 << u"control character \\x7f"_s;
        QTest::newRow("form feed") << "a: 1\n\x0c"_ba << 2 << 1 << u"control character \\x0c"_s;
        QTest::newRow("C1 CSI (U+009B)") << "a: \xC2\x9B"_ba << 1 << 4 << u"U+009B"_s;
        QTest::newRow("Latin-1 é") << "a: caf\xE9\n"_ba << 1 << 7 << u"not valid UTF-8 (byte \\xe9)"_s;
        QTest::newRow("column counts characters") << "\xC3\xA9\xC3\xA9 \xFF"_ba << 1 << 4 << u"\\xff"_s;
        QTest::newRow("BOM takes no column") << "\xEF\xBB\xBF\x01"_ba << 1 << 1 << u"\\x01"_s;
        QTest::newRow("lone continuation byte") << "a: \x80\n"_ba << 1 << 4 << u"\\x80"_s;
        QTest::newRow("overlong NUL (C0 80)") << "a: \xC0\x80"_ba << 1 << 4 << u"\\xc0"_s;
        QTest::newRow("overlong slash (E0 80 AF)") << "a: \xE0\x80\xAF"_ba << 1 << 4 << u"\\xe0"_s;
        QTest::newRow("surrogate (ED A0 80)") << "a: \xED\xA0\x80"_ba << 1 << 4 << u"\\xed"_s;
        QTest::newRow("above U+10FFFF (F4 90 80 80)") << "a: \xF4\x90\x80\x80"_ba << 1 << 4 << u"\\xf4"_s;
        QTest::newRow("F5 lead byte") << "a: \xF5\x80\x80\x80"_ba << 1 << 4 << u"\\xf5"_s;
        QTest::newRow("truncated at the end") << "a: \xE2\x82"_ba << 1 << 4 << u"\\xe2"_s;
        QTest::newRow("continuation missing") << "a: \xE2\x82x\n"_ba << 1 << 4 << u"\\xe2"_s;
    }
    void notText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, says);
        const auto fault = findNonTextByte(bytes);
        QVERIFY(fault);
        QCOMPARE(fault->line, line);
        QCOMPARE(fault->column, column);
        QVERIFY2(fault->message.contains(says), qPrintable(fault->message));
    }

    void deepNestingStopsEarly_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("parses");
        QTest::newRow("2000 levels") << QByteArray(2000, '[') + QByteArray(2000, ']') << true;
        QTest::newRow("2001 levels") << QByteArray(2001, '[') + QByteArray(2001, ']') << false;
        QTest::newRow("100,000 lists") << QByteArray(100000, '[') + QByteArray(100000, ']') << false;
        QTest::newRow("100,000 maps, unclosed") << QByteArray("{a: ").repeated(100000) << false;
        QTest::newRow("deep in a second document")
            << "a: 1\n---\n" + QByteArray(100000, '[') + QByteArray(100000, ']') << false;
    }
    void deepNestingStopsEarly()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, parses);
        QString error;
        QElapsedTimer clock;
        clock.start();
        const auto document = YamlDocument::parse(yaml, &error);
        const qint64 elapsedMs = clock.elapsed();
        QCOMPARE(document.has_value(), parses);
        if (!parses)
            QVERIFY2(error.contains(u"nested more than 2000 levels deep"_s), qPrintable(error));
        // Without the limit 100,000 levels took minutes.
        QVERIFY2(elapsedMs < 3000, qPrintable(u"%1 ms"_s.arg(elapsedMs)));
    }
};

QTEST_GUILESS_MAIN(TestConfigText)
#include "tst_configtext.moc"
