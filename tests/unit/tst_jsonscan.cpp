// The message path's JSON scanner: strict validation (it decides what is "invalid JSON" for the
// proxy, so it must agree with QJsonDocument, which decided before), byte spans of members
// without a tree, and the raw-message view the proxy routes by: ids kept as spelt.

#include "server/JsonRpc.h"
#include "server/JsonScan.h"
#include "server/RawMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {
bool scans(const QByteArray& text)
{
    jsonscan::Value root;
    jsonscan::Error error;
    return jsonscan::validate(text, &root, &error);
}

bool qtAccepts(const QByteArray& text)
{
    QJsonParseError error;
    QJsonDocument::fromJson(text, &error);
    return error.error == QJsonParseError::NoError;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}
} // namespace

class TestJsonScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("problem"); // a word of the error, for invalid rows

        QTest::newRow("empty object") << "{}"_ba << true << ""_ba;
        QTest::newRow("empty array") << "[]"_ba << true << ""_ba;
        QTest::newRow("whitespace around") << " \t\r\n{ \"a\" : [ 1 , 2 ] }\n "_ba << true << ""_ba;
        QTest::newRow("nothing") << ""_ba << false << "no JSON"_ba;
        QTest::newRow("only whitespace") << "  \n"_ba << false << "no JSON"_ba;
        QTest::newRow("unterminated object") << "{\"a\":1"_ba << false << "end"_ba;
        QTest::newRow("unterminated string") << "{\"a\":\"abc}"_ba << false << "unterminated"_ba;
        QTest::newRow("unterminated key") << "{\"abc"_ba << false << "unterminated"_ba;
        QTest::newRow("string ends in a backslash") << "{\"a\":\"abc\\"_ba << false << "unterminated"_ba;
        QTest::newRow("escaped quote does not end") << "{\"a\":\"\\\"}"_ba << false << "unterminated"_ba;
        QTest::newRow("escaped backslash then quote") << "{\"a\":\"\\\\\"}"_ba << true << ""_ba;
        QTest::newRow("every escape")
            << "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\"]"_ba << true << ""_ba;
        QTest::newRow("unknown escape") << "[\"\\x41\"]"_ba << false << "escape"_ba;
        QTest::newRow("short \\u") << "[\"\\u12\"]"_ba << false << "\\u"_ba;
        QTest::newRow("non-hex \\u") << "[\"\\u12G4\"]"_ba << false << "\\u"_ba;
        QTest::newRow("surrogate pair escape") << "[\"\\ud83d\\ude00\"]"_ba << true << ""_ba;
        QTest::newRow("raw tab in a string") << "[\"a\tb\"]"_ba << false << "control"_ba;
        QTest::newRow("raw newline in a string") << "[\"a\nb\"]"_ba << false << "control"_ba;
        QTest::newRow("NUL in a string") << QByteArray("[\"a\0b\"]", 7) << false << "control"_ba;
        QTest::newRow("NUL outside") << QByteArray("[1,\0 2]", 7) << false << "unexpected"_ba;
        QTest::newRow("utf-8 2 bytes") << "[\"\xc3\xa9\"]"_ba << true << ""_ba;
        QTest::newRow("utf-8 3 bytes") << "[\"\xe2\x82\xac\"]"_ba << true << ""_ba;
        QTest::newRow("utf-8 4 bytes") << "[\"\xf0\x9f\x98\x80\"]"_ba << true << ""_ba;
        QTest::newRow("utf-8 U+10FFFF") << "[\"\xf4\x8f\xbf\xbf\"]"_ba << true << ""_ba;
        QTest::newRow("byte 0xff") << "[\"\xff\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("lone continuation") << "[\"\x80\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("overlong slash") << "[\"\xc0\xaf\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("overlong 3 bytes") << "[\"\xe0\x80\xaf\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("encoded surrogate") << "[\"\xed\xa0\x80\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("above U+10FFFF") << "[\"\xf4\x90\x80\x80\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("truncated sequence") << "[\"\xe2\x82\"]"_ba << false << "UTF-8"_ba;
        QTest::newRow("truncated at the end") << "[\"\xe2"_ba << false << "UTF-8"_ba;
        QTest::newRow("non-ASCII outside strings") << "[\xc3\xa9]"_ba << false << "unexpected"_ba;
        QTest::newRow("-0") << "[-0]"_ba << true << ""_ba;
        QTest::newRow("1.0 1e3 1E+3 2.5e-7") << "[1.0,1e3,1E+3,2.5e-7]"_ba << true << ""_ba;
        QTest::newRow("huge integer") << "[123456789012345678901234567890]"_ba << true << ""_ba;
        QTest::newRow("leading zero") << "[01]"_ba << false << "expected"_ba;
        QTest::newRow("no fraction digit") << "[1.]"_ba << false << "number"_ba;
        QTest::newRow("no integer digit") << "[.5]"_ba << false << "unexpected"_ba;
        QTest::newRow("plus sign") << "[+1]"_ba << false << "unexpected"_ba;
        QTest::newRow("bare minus") << "[-]"_ba << false << "number"_ba;
        QTest::newRow("empty exponent") << "[1e]"_ba << false << "exponent"_ba;
        QTest::newRow("signed empty exponent") << "[1e+]"_ba << false << "exponent"_ba;
        QTest::newRow("literals") << "[true,false,null]"_ba << true << ""_ba;
        QTest::newRow("short literal") << "[tru]"_ba << false << "literal"_ba;
        QTest::newRow("capital literal") << "[True]"_ba << false << "unexpected"_ba;
        QTest::newRow("trailing comma in array") << "[1,]"_ba << false << "unexpected"_ba;
        QTest::newRow("trailing comma in object") << "{\"a\":1,}"_ba << false << "key"_ba;
        QTest::newRow("missing colon") << "{\"a\" 1}"_ba << false << "':'"_ba;
        QTest::newRow("number as key") << "{1:2}"_ba << false << "key"_ba;
        QTest::newRow("missing comma") << "[1 2]"_ba << false << "expected"_ba;
        QTest::newRow("mismatched bracket") << "[1}"_ba << false << "expected"_ba;
        QTest::newRow("trailing garbage") << "{} x"_ba << false << "after"_ba;
        QTest::newRow("two documents") << "{}{}"_ba << false << "after"_ba;
        QTest::newRow("duplicate keys are valid JSON") << "{\"a\":1,\"a\":2}"_ba << true << ""_ba;
        QTest::newRow("1024 levels") << nested(1024) << true << ""_ba;
        QTest::newRow("1025 levels") << nested(1025) << false << "nested"_ba;
        QTest::newRow("10^6 open brackets") << QByteArray(1000000, '[') << false << "nested"_ba;
        QTest::newRow("10^6 open braces")
            << QByteArray(1000000, '{') << false << "key"_ba; // '{' then '{' is no key
        QTest::newRow("scalar document") << "42"_ba << true << ""_ba;
        QTest::newRow("string document") << "\"x\""_ba << true << ""_ba;
    }
    void validate()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, problem);
        jsonscan::Value root;
        jsonscan::Error error;
        const bool ok = jsonscan::validate(text, &root, &error);
        QVERIFY2(ok == valid, error.what);
        if (!valid) {
            QVERIFY2(QByteArray(error.what).contains(problem), error.what);
            QVERIFY(error.offset >= 0 && error.offset <= text.size());
        } else {
            QVERIFY(root.begin >= 0 && root.end <= text.size() && root.begin < root.end);
        }
        // What the scanner accepts as a document, QJsonDocument (the proxy's parser before) accepted
        // too. The reverse does not hold on purpose: QJsonDocument lets through raw control
        // characters in strings, unknown escapes ("\\x41"), "1." and ".5", which RFC 8259 forbids
        // and strict peers (JSON.parse, Python's json) refuse; the proxy answers them as invalid.
        if (ok && (root.type == jsonscan::Type::Object || root.type == jsonscan::Type::Array))
            QVERIFY(qtAccepts(text));
    }

    // Random damage to real messages: the scanner never crashes, never reads past the end (ASan
    // builds check that), accepts nothing QJsonDocument refused, and refuses what QJsonDocument
    // let through only for the RFC 8259 points named in validate().
    void neverLaxerThanQJsonDocument()
    {
        const QList<QByteArray> seeds {
            "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567891,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"h\\u00e9llo \\ud83d\\ude00\",\"n\":1.0,\"e\":1e3,\"z\":-0}}}"_ba,
            "{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"x\\\\y\"}],\"isError\":false}}"_ba,
            "[{\"a\":[1,2,{\"b\":null}]},\"\xc3\xa9\xe2\x82\xac\",true,false]"_ba,
        };
        const QByteArray alphabet = "{}[]\",:\\ u0123456789abcdefeE+-.tnrlsx\t\n\x80\xc3\xa9\xed\xff"_ba;
        QRandomGenerator random(20261202);
        int disagreements = 0;
        int checked = 0;
        int stricter = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray text = seeds[random.bounded(int(seeds.size()))];
            const int edits = 1 + random.bounded(3);
            for (int e = 0; e < edits; ++e) {
                const int at = random.bounded(int(text.size()));
                const char c = alphabet[random.bounded(int(alphabet.size()))];
                switch (random.bounded(3)) {
                case 0:
                    text[at] = c;
                    break;
                case 1:
                    text.insert(at, c);
                    break;
                default:
                    text.remove(at, 1);
                    break;
                }
            }
            const QByteArray trimmed = text.trimmed();
            if (trimmed.isEmpty() || (trimmed.front() != '{' && trimmed.front() != '['))
                continue;
            ++checked;
            jsonscan::Error error;
            const bool scanned = jsonscan::validate(text, nullptr, &error);
            QJsonParseError qtError;
            QJsonDocument::fromJson(text, &qtError);
            const bool qt = qtError.error == QJsonParseError::NoError;
            if (scanned && !qt && qtError.error != QJsonParseError::IllegalNumber) {
                // Numbers beyond double's range (1e999) are JSON; QJsonDocument refuses them.
                if (++disagreements <= 5)
                    qWarning() << "scanner accepts what QJsonDocument refuses:" << text;
            }
            if (!scanned && qt) {
                ++stricter;
                const QByteArray what(error.what);
                const bool leadingDot = what.contains("unexpected character") && text.at(error.offset) == '.';
                if (!(what.contains("control character") || what.contains("escape") || what.contains("number")
                        || leadingDot)) {
                    if (++disagreements <= 5)
                        qWarning() << "scanner refuses" << text << "for" << what;
                }
            }
        }
        qInfo() << checked << "damaged messages," << stricter << "refused only by the strict scanner";
        QVERIFY(checked > 10000);
        QCOMPARE(disagreements, 0);
    }

    void members()
    {
        const QByteArray text
            = " { \"z\" : 1 , \"a\\\"}{\" : \"}{\\\"\" , \"nested\" : { \"id\" : 7 , \"x\" : [ \"]\" ] } , \"id\" : \"last\" } "_ba;
        jsonscan::Value root;
        QVERIFY(jsonscan::validate(text, &root, nullptr));
        QCOMPARE(root.type, jsonscan::Type::Object);
        QList<QByteArray> keys;
        QList<QByteArray> values;
        jsonscan::Members members(text, root);
        QByteArrayView key;
        jsonscan::Value value;
        while (members.next(&key, &value)) {
            keys.append(key.toByteArray());
            values.append(text.sliced(value.begin, value.end - value.begin));
        }
        // In document order, each value exactly as written, nested ids not mixed in.
        QCOMPARE(keys, (QList<QByteArray> { "z", "a\\\"}{", "nested", "id" }));
        QCOMPARE(values,
            (QList<QByteArray> { "1", "\"}{\\\"\"", "{ \"id\" : 7 , \"x\" : [ \"]\" ] }", "\"last\"" }));
        QCOMPARE(jsonscan::member(text, root, "nested").type, jsonscan::Type::Object);
        QVERIFY(!jsonscan::member(text, root, "x").isValid());
    }

    void keysWithEscapes()
    {
        QVERIFY(jsonscan::keyEquals("id", "id"));
        QVERIFY(jsonscan::keyEquals("\\u0069d", "id"));
        QVERIFY(jsonscan::keyEquals("\\u0069\\u0064", "id"));
        QVERIFY(!jsonscan::keyEquals("Id", "id"));
        QVERIFY(!jsonscan::keyEquals("id ", "id"));
        QVERIFY(jsonscan::keyEquals("caf\\u00e9", "caf\xc3\xa9"));
    }

    void decodeString_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << "abc"_ba << u"abc"_s;
        QTest::newRow("utf-8") << "h\xc3\xa9llo"_ba << u"h\u00e9llo"_s;
        QTest::newRow("escaped e-acute") << "h\\u00e9llo"_ba << u"h\u00e9llo"_s;
        QTest::newRow("surrogate pair") << "\\ud83d\\ude00"_ba << QString::fromUtf8("\xf0\x9f\x98\x80");
        QTest::newRow("escapes") << "\\\"\\\\\\/\\b\\f\\n\\r\\t"_ba << u"\"\\/\b\f\n\r\t"_s;
        QTest::newRow("mixed") << "\xc3\xa9\\u00e9\xc3\xa9"_ba << u"\u00e9\u00e9\u00e9"_s;
    }
    void decodeString()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, text);
        QCOMPARE(jsonscan::decodeString(raw), text);
        // The same as QJsonDocument reads it.
        const QJsonDocument document = QJsonDocument::fromJson("[\"" + raw + "\"]");
        QCOMPARE(document.array().at(0).toString(), text);
    }

    void rawMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("rawId");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("params");

        const int request = int(jsonrpc::MessageKind::Request);
        const int notification = int(jsonrpc::MessageKind::Notification);
        const int response = int(jsonrpc::MessageKind::Response);
        const int errorResponse = int(jsonrpc::MessageKind::ErrorResponse);
        const int invalid = int(jsonrpc::MessageKind::Invalid);
        QTest::newRow("request") << "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"_ba << request
                                 << "1"_ba << u"ping"_s << ""_ba;
        QTest::newRow("keys in any order")
            << "{\"params\":{\"b\":1,\"a\":2},\"method\":\"tools/call\",\"id\":\"x\",\"jsonrpc\":\"2.0\"}"_ba
            << request << "\"x\""_ba << u"tools/call"_s << "{\"b\":1,\"a\":2}"_ba;
        QTest::newRow("big id as spelt")
            << "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567891,\"result\":{}}"_ba << response
            << "12345678901234567891"_ba << QString() << ""_ba;
        QTest::newRow("id 1.0 as spelt") << "{\"jsonrpc\":\"2.0\",\"id\":1.0,\"result\":{}}"_ba << response
                                         << "1.0"_ba << QString() << ""_ba;
        QTest::newRow("error")
            << "{\"jsonrpc\":\"2.0\",\"id\":-0,\"error\":{\"code\":1,\"message\":\"m\"}}"_ba << errorResponse
            << "-0"_ba << QString() << ""_ba;
        QTest::newRow("notification")
            << "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\",\"params\":[1]}"_ba << notification
            << ""_ba << u"notifications/x"_s << "[1]"_ba;
        QTest::newRow("escaped method and keys")
            << "{\"\\u006aSONrpc\":\"x\",\"jsonrpc\":\"2\\u002e0\",\"\\u0069d\":2,\"method\":\"a\\/b\"}"_ba
            << request << "2"_ba << u"a/b"_s << ""_ba;
        // Names of the common methods are shared, not decoded: each spelling still reads as decoded.
        const auto requestFor = [](const QByteArray& rawMethod) -> QByteArray {
            return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + rawMethod + "\"}";
        };
        QTest::newRow("escaped common method")
            << requestFor("pi\\u006eg") << request << "1"_ba << u"ping"_s << ""_ba;
        QTest::newRow("a common method's prefix")
            << requestFor("tools/cal") << request << "1"_ba << u"tools/cal"_s << ""_ba;
        QTest::newRow("UTF-8 method as long as a common one")
            << requestFor("tools/l\xc3\xa9t") << request << "1"_ba << u"tools/l\u00e9t"_s << ""_ba;
        QTest::newRow("common notification")
            << "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}"_ba << notification << ""_ba
            << u"notifications/progress"_s << ""_ba;
        QTest::newRow("duplicate id: the last")
            << "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"m\"}"_ba << request << "2"_ba << u"m"_s
            << ""_ba;
        QTest::newRow("nested id does not count")
            << "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"id\":3}}"_ba << notification << ""_ba
            << u"m"_s << "{\"id\":3}"_ba;
        QTest::newRow("whitespace inside")
            << " { \"jsonrpc\" : \"2.0\" , \"id\" : \"a b\" , \"method\" : \"m\" } "_ba << request
            << "\"a b\""_ba << u"m"_s << ""_ba;
        QTest::newRow("jsonrpc 1.0") << "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"m\"}"_ba << invalid
                                     << "1"_ba << QString() << ""_ba;
        QTest::newRow("no jsonrpc") << "{\"id\":1,\"method\":\"m\"}"_ba << invalid << "1"_ba << QString()
                                    << ""_ba;
        QTest::newRow("method not a string")
            << "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"_ba << invalid << "1"_ba << QString() << ""_ba;
        QTest::newRow("neither") << "{\"jsonrpc\":\"2.0\",\"id\":1}"_ba << invalid << "1"_ba << QString()
                                 << ""_ba;
        QTest::newRow("no id, no method")
            << "{\"jsonrpc\":\"2.0\",\"result\":{}}"_ba << invalid << ""_ba << QString() << ""_ba;
    }
    void rawMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        QFETCH(QByteArray, rawId);
        QFETCH(QString, method);
        QFETCH(QByteArray, params);
        const jsonrpc::ReadResult read = jsonrpc::read(bytes);
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.messages.size(), 1);
        const jsonrpc::RawMessage& message = read.messages.first();
        QCOMPARE(message.bytes, bytes);
        QCOMPARE(int(message.kind), kind);
        QCOMPARE(message.rawId().toByteArray(), rawId);
        QCOMPARE(message.method, method);
        QCOMPARE(message.view(message.params).toByteArray(), params);
        // The kind is what jsonrpc::classify() says of the parsed object (its behaviour before).
        QCOMPARE(int(jsonrpc::classify(message.toObject())), kind);
        // Of duplicate ids, the one QJsonDocument keeps.
        if (!rawId.isEmpty()) {
            const QJsonValue parsedId = message.toObject().value("id"_L1);
            const QJsonValue scannedId = QJsonDocument::fromJson("[" + rawId + "]").array().at(0);
            QCOMPARE(scannedId, parsedId);
        }
    }

    void readProblems_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("not JSON") << "{this is not json"_ba << int(jsonrpc::ParseError);
        QTest::newRow("scalar") << "42"_ba << int(jsonrpc::InvalidRequest);
        QTest::newRow("string") << "\"x\""_ba << int(jsonrpc::InvalidRequest);
        QTest::newRow("invalid UTF-8") << "{\"a\":\"\xff\"}"_ba << int(jsonrpc::ParseError);
    }
    void readProblems()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const jsonrpc::ReadResult read = jsonrpc::read(bytes);
        QVERIFY(!read.problem.isEmpty());
        QCOMPARE(read.errorCode, code);
        QVERIFY(read.messages.isEmpty());
    }

    void batch()
    {
        const QByteArray bytes
            = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}, 5, {\"jsonrpc\":\"2.0\",\"method\":\"n\"} ,\"x\"]"_ba;
        const jsonrpc::ReadResult read = jsonrpc::read(bytes);
        QVERIFY(read.problem.isEmpty());
        QVERIFY(read.isBatch);
        QCOMPARE(read.batchSize, 4);
        QCOMPARE(read.messages.size(), 2);
        QCOMPARE(read.messages[0].bytes, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}"_ba);
        QCOMPARE(read.messages[0].rawId(), "1");
        QCOMPARE(read.messages[1].bytes, "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}"_ba);
        QVERIFY(!jsonrpc::read("[]"_ba).messages.size());
        QCOMPARE(jsonrpc::read("[]"_ba).batchSize, 0);
    }

    void splicing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("newId");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("number to string")
            << "{\"b\":1, \"id\" :12345678901234567891,\"jsonrpc\":\"2.0\",\"method\":\"m\",\"a\":1.0}"_ba
            << "\"px-1\""_ba
            << "{\"b\":1, \"id\" :\"px-1\",\"jsonrpc\":\"2.0\",\"method\":\"m\",\"a\":1.0}"_ba;
        QTest::newRow("string back to big number")
            << "{\"jsonrpc\":\"2.0\",\"id\":\"px-1\",\"result\":{\"x\":\"\\u00e9\"}}"_ba
            << "12345678901234567891"_ba
            << "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567891,\"result\":{\"x\":\"\\u00e9\"}}"_ba;
        QTest::newRow("every duplicate id")
            << "{\"id\":1,\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"m\"}"_ba
            << "\"px-9\""_ba
            << "{\"id\":\"px-9\",\"jsonrpc\":\"2.0\",\"id\":\"px-9\",\"method\":\"m\"}"_ba;
        QTest::newRow("nested ids untouched")
            << "{\"jsonrpc\":\"2.0\",\"params\":{\"id\":5},\"id\":5,\"method\":\"m\"}"_ba
            << "6"_ba
            << "{\"jsonrpc\":\"2.0\",\"params\":{\"id\":5},\"id\":6,\"method\":\"m\"}"_ba;
    }
    void splicing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, newId);
        QFETCH(QByteArray, expected);
        QCOMPARE(jsonrpc::withId(jsonrpc::message(bytes), newId), expected);
    }

    void paramsMembers()
    {
        const jsonrpc::RawMessage message = jsonrpc::message(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"_meta\":{\"progressToken\":12345678901234567891},\"requestId\":\"r\"}}"_ba);
        QCOMPARE(message.view(message.paramsMember({ "_meta", "progressToken" })), "12345678901234567891");
        QCOMPARE(message.view(message.paramsMember({ "requestId" })), "\"r\"");
        QVERIFY(!message.paramsMember({ "requestId", "x" }).isValid());
        QVERIFY(!message.paramsMember({ "missing" }).isValid());
        const jsonrpc::RawMessage noParams
            = jsonrpc::message("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"_ba);
        QVERIFY(!noParams.paramsMember({ "_meta" }).isValid());
    }

    void answersForRawIds()
    {
        QCOMPARE(jsonrpc::resultFor("12345678901234567891", QJsonObject {}),
            "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567891,\"result\":{}}"_ba);
        const QByteArray error = jsonrpc::errorFor({}, jsonrpc::ParseError, u"bad"_s);
        QCOMPARE(
            error, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}"_ba);
        QVERIFY(scans(error));
    }

    void largeMessage()
    {
        // 5 MB of string: one pass, the span of params is exact.
        const QByteArray payload(5 * 1024 * 1024, 'x');
        const QByteArray bytes
            = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"m\",\"params\":{\"s\":\"" + payload + "\"}}";
        const jsonrpc::RawMessage message = jsonrpc::message(bytes);
        QCOMPARE(message.kind, jsonrpc::MessageKind::Request);
        QCOMPARE(message.params.size(), payload.size() + 8);
        QCOMPARE(jsonrpc::withId(message, "8").size(), bytes.size());
    }
};

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
