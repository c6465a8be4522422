#include "gui/MonitoredSession.h"
#include "gui/PathTester.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

// PathTester on its own: which rule (by its number in the list) decides a path, what an
// exclude or no rule says, the note for a path outside every watch path, and that a new
// config is applied to the path already typed.
class TestPathTester : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void describesPath_data();
    void describesPath();
    void newConfigRedoesTheAnswer();
    void emptyPathAsksForOne();

private:
    Config config() const;
    QTemporaryDir m_dir;
};

void TestPathTester::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(u"src/tools"_s));
    QVERIFY(QDir(m_dir.path()).mkpath(u"docs"_s));
}

Config TestPathTester::config() const
{
    Config config;
    config.projectRoot = m_dir.path();
    config.watch.paths = { m_dir.filePath(u"src"_s) };
    config.watch.exclude = { u"**/*.tmp"_s };
    config.rules = {
        Rule { u"src/tools/**"_s, ReloadStrategy::HotReload, {}, 0 },
        Rule { u"src/**/*.json"_s, ReloadStrategy::None, {}, 0 },
    };
    config.defaultStrategy = ReloadStrategy::FullRestart;
    return config;
}

void TestPathTester::describesPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("start");
    QTest::addColumn<ReloadStrategy>("strategy");
    QTest::addColumn<bool>("watched");
    QTest::newRow("first rule") << u"src/tools/weather.py"_s << u"Rule 1 (src/tools/**)"_s
                                << ReloadStrategy::HotReload << true;
    QTest::newRow("second rule") << u"src/data/cities.json"_s << u"Rule 2 (src/**/*.json)"_s
                                 << ReloadStrategy::None << true;
    QTest::newRow("no rule") << u"src/main.py"_s << u"No rule matches"_s << ReloadStrategy::FullRestart
                             << true;
    QTest::newRow("excluded") << u"src/tools/x.tmp"_s << u"Excluded: changes to src/tools/x.tmp"_s
                              << ReloadStrategy::None << true;
    QTest::newRow("outside the watch paths")
        << u"docs/index.md"_s << u"No rule matches"_s << ReloadStrategy::FullRestart << false;
    QTest::newRow("a sibling sharing the prefix")
        << u"src2/a.py"_s << u"No rule matches"_s << ReloadStrategy::FullRestart << false;
}

void TestPathTester::describesPath()
{
    QFETCH(QString, path);
    QFETCH(QString, start);
    QFETCH(ReloadStrategy, strategy);
    QFETCH(bool, watched);
    PathTester tester;
    tester.setConfig(config());
    tester.pathEdit()->setText(path);
    const QString shown = tester.resultText();
    QVERIFY2(shown.startsWith(start), qPrintable(shown));
    QVERIFY2(shown.contains(MonitoredSession::strategyText(strategy)), qPrintable(shown));
    QCOMPARE(shown.contains(u"not inside any watch path"_s), !watched);
    QCOMPARE(shown, PathTester::describe(config(), path));
}

void TestPathTester::newConfigRedoesTheAnswer()
{
    PathTester tester;
    tester.setConfig(config());
    tester.pathEdit()->setText(u"src/tools/weather.py"_s);
    QVERIFY2(tester.resultText().startsWith(u"Rule 1 "_s), qPrintable(tester.resultText()));
    Config edited = config();
    edited.rules.removeFirst();
    tester.setConfig(edited);
    QVERIFY2(tester.resultText().startsWith(u"No rule matches"_s), qPrintable(tester.resultText()));
}

void TestPathTester::emptyPathAsksForOne()
{
    PathTester tester;
    tester.setConfig(config());
    tester.pathEdit()->setText(u"   "_s);
    QVERIFY2(tester.resultText().startsWith(u"Type a path"_s), qPrintable(tester.resultText()));
    QCOMPARE(tester.focusProxy(), tester.pathEdit());
}

QTEST_MAIN(TestPathTester)
#include "tst_pathtester.moc"
