#include "config/ConfigKeys.h"
#include "config/YamlEditor.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace foxreload;

// YamlEditor on the text alone: every case states the whole expected file, so any byte the
// edit should not have touched is checked too.
class TestYamlEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edit_data();
    void edit();
    void refuses_data();
    void refuses();
    void get_data();
    void get();
    void editTimeOnAThousandLines();
};

void TestYamlEdit::edit_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray commented = "# FoxReload config\n"
                                 "server:\n"
                                 "  command: python3   # the interpreter\n"
                                 "  args: [main.py]\n"
                                 "\n"
                                 "# how we watch\n"
                                 "watch:\n"
                                 "  paths:\n"
                                 "    - tools/     # tool code\n"
                                 "    # services come next\n"
                                 "    - main.py\n"
                                 "  debounce_ms: 50 # fast\n";
    QTest::newRow("scalar, trailing comment kept")
        << commented << u"set"_s << u"watch.debounce_ms"_s << "80"_ba
        << QByteArray(commented).replace("debounce_ms: 50 #", "debounce_ms: 80 #");
    QTest::newRow("flow list stays flow") << commented << u"set"_s << u"server.args"_s << "[main.py, -v]"_ba
                                          << QByteArray(commented).replace("[main.py]", "[main.py, -v]");
    QTest::newRow("block list: item inserted, comments between items kept")
        << commented << u"set"_s << u"watch.paths"_s << "[tools/, services/, main.py]"_ba
        << QByteArray(commented).replace(
               "    - tools/     # tool code\n", "    - tools/     # tool code\n    - services/\n");
    QTest::newRow("block list: item removed with its comment")
        << commented << u"set"_s << u"watch.paths"_s << "[tools/]"_ba
        << QByteArray(commented).replace("    # services come next\n    - main.py\n", "");
    QTest::newRow("list item") << commented << u"set"_s << u"watch.paths[1]"_s << "protocol/"_ba
                               << QByteArray(commented).replace("- main.py", "- protocol/");
    QTest::newRow("append by index") << commented << u"set"_s << u"server.args[1]"_s << "-v"_ba
                                     << QByteArray(commented).replace("[main.py]", "[main.py, -v]");
    QTest::newRow("insert item first")
        << commented << u"insert"_s << u"watch.paths[0]"_s << "protocol/"_ba
        << QByteArray(commented).replace("    - tools/", "    - protocol/\n    - tools/");
    QTest::newRow("missing key in schema order")
        << commented << u"set"_s << u"server.cwd"_s << "."_ba
        << QByteArray(commented).replace("  args: [main.py]\n", "  args: [main.py]\n  cwd: .\n");
    QTest::newRow("missing key goes first when it comes first")
        << commented << u"set"_s << u"watch.exclude"_s << "[\"**/*.pyc\"]"_ba
        << QByteArray(commented).replace("    - main.py\n", "    - main.py\n  exclude: [\"**/*.pyc\"]\n");
    QTest::newRow("missing parent map created")
        << commented << u"set"_s << u"gamification.xp_multiplier"_s << "1.5"_ba
        << commented + "gamification:\n  xp_multiplier: 1.5\n";
    QTest::newRow("remove key with its own comment line")
        << commented << u"remove"_s << u"watch.paths"_s << QByteArray()
        << QByteArray(commented).replace(
               "  paths:\n    - tools/     # tool code\n    # services come next\n    - main.py\n", "");
    QTest::newRow("map entry") << commented << u"set"_s << u"server.env.PYTHONUNBUFFERED"_s << "\"1\""_ba
                               << QByteArray(commented).replace("  args: [main.py]\n",
                                      "  args: [main.py]\n  env:\n    PYTHONUNBUFFERED: \"1\"\n");

    const QByteArray quoted
        = "server:\n  command: \"python3\"\n  cwd: 'src'\n  hot_reload: {method: foxreload/reload}\n";
    QTest::newRow("double quotes kept") << quoted << u"set"_s << u"server.command"_s << "node"_ba
                                        << QByteArray(quoted).replace("\"python3\"", "\"node\"");
    QTest::newRow("single quotes kept")
        << quoted << u"set"_s << u"server.cwd"_s << "lib"_ba << QByteArray(quoted).replace("'src'", "'lib'");
    QTest::newRow("quotes added where needed")
        << quoted << u"set"_s << u"server.hot_reload.method"_s << "\"a: b\""_ba
        << QByteArray(quoted).replace("foxreload/reload}", "\"a: b\"}");
    QTest::newRow("flow map gets the key")
        << quoted << u"set"_s << u"server.hot_reload.timeout_ms"_s << "500"_ba
        << QByteArray(quoted).replace("reload}", "reload, timeout_ms: 500}");

    const QByteArray crlf = "server:\r\n  command: python3\r\nwatch:\r\n  debounce_ms: 50\r\n";
    QTest::newRow("CRLF scalar") << crlf << u"set"_s << u"watch.debounce_ms"_s << "5"_ba
                                 << QByteArray(crlf).replace("50", "5");
    QTest::newRow("CRLF new key") << crlf << u"set"_s << u"server.args"_s << "[a]"_ba
                                  << QByteArray(crlf).replace("python3\r\n", "python3\r\n  args: [a]\r\n");

    const QByteArray noNewline = "server:\n  command: python3\nwatch:\n  debounce_ms: 50";
    QTest::newRow("no final newline: set") << noNewline << u"set"_s << u"watch.debounce_ms"_s << "7"_ba
                                           << QByteArray(noNewline).replace("50", "7");
    QTest::newRow("no final newline: append key")
        << noNewline << u"set"_s << u"watch.backend"_s << "polling"_ba << noNewline + "\n  backend: polling";
    QTest::newRow("no final newline: remove last")
        << noNewline << u"remove"_s << u"server.command"_s << QByteArray()
        << "server: {}\nwatch:\n  debounce_ms: 50"_ba;

    QTest::newRow("empty file") << QByteArray() << u"set"_s << u"server.command"_s << "python3"_ba
                                << "server:\n  command: python3\n"_ba;
    QTest::newRow("only comments") << "# nothing yet\n"_ba << u"set"_s << u"server.args"_s << "[main.py]"_ba
                                   << "# nothing yet\nserver:\n  args: [main.py]\n"_ba;
    QTest::newRow("document start") << "---\nserver:\n  command: x\n"_ba << u"set"_s << u"server.command"_s
                                    << "y"_ba
                                    << "---\nserver:\n  command: y\n"_ba;
    QTest::newRow("bare document start") << "---\n"_ba << u"set"_s << u"database"_s << "h.sqlite"_ba
                                         << "---\ndatabase: h.sqlite\n"_ba;
    QTest::newRow("empty parent") << "server:\nwatch: {}\n"_ba << u"set"_s << u"server.command"_s << "x"_ba
                                  << "server:\n  command: x\nwatch: {}\n"_ba;

    const QByteArray wide
        = "server:\n    command: python3\nrules:\n- match: main.py\n  strategy: full_restart\n"
          "- match: tools/**\n  strategy: hot_reload\n";
    QTest::newRow("4 spaces: new key at that indentation")
        << wide << u"set"_s << u"server.args"_s << "[a]"_ba
        << QByteArray(wide).replace("python3\n", "python3\n    args: [a]\n");
    QTest::newRow("unindented list: field of an item")
        << wide << u"set"_s << u"rules[1].strategy"_s << "none"_ba
        << QByteArray(wide).replace("hot_reload", "none");
    QTest::newRow("unindented list: item appended in block style")
        << wide << u"set"_s << u"rules[2]"_s << "{match: x, strategy: none}"_ba
        << wide + "- match: x\n  strategy: none\n";
    QTest::newRow("unindented list: new field in an item")
        << wide << u"set"_s << u"rules[0].components"_s << "[a]"_ba
        << QByteArray(wide).replace("full_restart\n", "full_restart\n  components: [a]\n");
    QTest::newRow("unindented list: first item removed")
        << wide << u"remove"_s << u"rules[0]"_s << QByteArray()
        << "server:\n    command: python3\nrules:\n- match: tools/**\n  strategy: hot_reload\n"_ba;
    QTest::newRow("first key of an item removed")
        << wide << u"remove"_s << u"rules[0].match"_s << QByteArray()
        << QByteArray(wide).replace("- match: main.py\n  strategy", "- strategy");

    const QByteArray flowRules = "rules:\n  - {match: main.py, strategy: full_restart}\n  - {match: "
                                 "\"tools/**\", strategy: hot_reload}\n";
    QTest::newRow("flow item field") << flowRules << u"set"_s << u"rules[1].match"_s << "\"tools/**/*.py\""_ba
                                     << QByteArray(flowRules).replace("\"tools/**\"", "\"tools/**/*.py\"");
    QTest::newRow("flow item removed from block list")
        << flowRules << u"remove"_s << u"rules[0]"_s << QByteArray()
        << "rules:\n  - {match: \"tools/**\", strategy: hot_reload}\n"_ba;
    QTest::newRow("flow list item removed")
        << "a: [x, y, z]\n"_ba << u"remove"_s << u"a[1]"_s << QByteArray() << "a: [x, z]\n"_ba;
    QTest::newRow("flow list last item removed")
        << "a: [x, y]\n"_ba << u"remove"_s << u"a[1]"_s << QByteArray() << "a: [x]\n"_ba;
    QTest::newRow("flow map entry removed")
        << "e: {A: 1, B: 2}\n"_ba << u"remove"_s << u"e.A"_s << QByteArray() << "e: {B: 2}\n"_ba;
    QTest::newRow("map merged key by key")
        << "env:\n  A: \"1\" # one\n  B: 2\n"_ba << u"set"_s << u"env"_s << "{A: \"1\", C: 3}"_ba
        << "env:\n  A: \"1\" # one\n  C: 3\n"_ba;
    QTest::newRow("block list emptied") << "p:\n  - a\nq: 1\n"_ba << u"set"_s << u"p"_s << "[]"_ba
                                        << "p: []\nq: 1\n"_ba;
    QTest::newRow("scalar becomes a list")
        << "args: main.py\n"_ba << u"set"_s << u"args"_s << "[main.py, -v]"_ba
        << "args: [main.py, -v]\n"_ba;
    QTest::newRow("unicode before the edit")
        << "player: \"Zoë ✓\"\nxp: 1.0\n"_ba << u"set"_s << u"xp"_s << "2.5"_ba
        << "player: \"Zoë ✓\"\nxp: 2.5\n"_ba;
    QTest::newRow("unicode value") << "player: zoe\n"_ba << u"set"_s << u"player"_s << "Zoë"_ba
                                   << "player: Zoë\n"_ba;
    QTest::newRow("unchanged value: nothing touched")
        << "x: 1.0   # one\n"_ba << u"set"_s << u"x"_s << "1.0"_ba
        << "x: 1.0   # one\n"_ba;
    QTest::newRow("anchor elsewhere is fine") << "a: &x 1\nb: *x\nc: 2\n"_ba << u"set"_s << u"c"_s << "3"_ba
                                              << "a: &x 1\nb: *x\nc: 3\n"_ba;
}

void TestYamlEdit::edit()
{
    QFETCH(QByteArray, original);
    QFETCH(QString, operation);
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);

    YamlEditor editor(original);
    editor.setKeyOrder(configKeyOrder());
    QString error;
    bool ok = false;
    if (operation == u"set")
        ok = editor.set(key, value, &error);
    else if (operation == u"insert")
        ok = editor.insert(key, value, &error);
    else
        ok = editor.remove(key, &error);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(editor.text(), expected);
    QString problem;
    QVERIFY2(YamlDocument::parse(editor.text(), &problem), qPrintable(problem));
}

void TestYamlEdit::refuses_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");

    QTest::newRow("through an alias")
        << "base: &b {x: 1}\nother: *b\n"_ba << u"other.x"_s << "2"_ba << u"alias"_s;
    QTest::newRow("an anchored value") << "a: &x 1\nb: *x\n"_ba << u"a"_s << "2"_ba << u"anchor"_s;
    QTest::newRow("an alias") << "a: &x 1\nb: *x\n"_ba << u"b"_s << "2"_ba << u"alias"_s;
    QTest::newRow("bad value") << "a: 1\n"_ba << u"a"_s << "[1, 2"_ba << u"invalid value"_s;
    QTest::newRow("index too far") << "a: [1]\n"_ba << u"a[5]"_s << "2"_ba << u"1 item(s)"_s;
    QTest::newRow("key into a list") << "a: [1]\n"_ba << u"a.b"_s << "2"_ba << u"not a map"_s;
    QTest::newRow("bad key") << "a: 1\n"_ba << u"a..b"_s << "2"_ba << u"invalid key"_s;
    QTest::newRow("broken file") << "a: [1\n"_ba << u"a"_s << "2"_ba << u"not valid YAML"_s;
}

void TestYamlEdit::refuses()
{
    QFETCH(QByteArray, original);
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    YamlEditor editor(original);
    QString error;
    QVERIFY(!editor.set(key, value, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(editor.text(), original);
}

void TestYamlEdit::get_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("scalar as written") << u"server.command"_s << "\"python3\""_ba;
    QTest::newRow("block list as flow") << u"watch.paths"_s << "[tools/, main.py]"_ba;
    QTest::newRow("item") << u"watch.paths[1]"_s << "main.py"_ba;
    QTest::newRow("map") << u"server.env"_s << "{A: \"1\"}"_ba;
}

void TestYamlEdit::get()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, expected);
    const YamlEditor editor(
        "server:\n  command: \"python3\"\n  env: {A: \"1\"}\nwatch:\n  paths:\n    - tools/\n    - main.py\n"_ba);
    QString error;
    const auto value = editor.get(key, &error);
    QVERIFY2(value, qPrintable(error));
    QCOMPARE(*value, expected);
    QVERIFY(!editor.get(u"watch.nothing"_s, &error));
}

void TestYamlEdit::editTimeOnAThousandLines()
{
    QByteArray text = "server:\n  command: python3\n  env:\n";
    for (int i = 0; i < 990; ++i)
        text += "    VAR_" + QByteArray::number(i) + ": \"value " + QByteArray::number(i) + "\"  # note\n";
    text += "watch:\n  debounce_ms: 50\n";
    QCOMPARE(text.count('\n'), 995);
    constexpr int kRounds = 200;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRounds; ++i) {
        YamlEditor editor(text);
        QString error;
        QVERIFY(editor.set(u"watch.debounce_ms"_s, QByteArray::number(60 + i % 2), &error));
    }
    const double perEdit = double(timer.nsecsElapsed()) / kRounds / 1e6;
    timer.restart();
    for (int i = 0; i < kRounds; ++i) {
        QString error;
        QVERIFY(YamlDocument::parse(text, &error));
    }
    const double perParse = double(timer.nsecsElapsed()) / kRounds / 1e6;
    qInfo("one edit of a 1,000-line config: %.3f ms (parse + locate + replace; the parse alone %.3f ms)",
        perEdit, perParse);
    QVERIFY2(perEdit < 20.0, "far slower than expected");
}

QTEST_GUILESS_MAIN(TestYamlEdit)
#include "tst_yamledit.moc"
