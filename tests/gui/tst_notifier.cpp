#include "GuiTestSupport.h"
#include "common/DurationText.h"
#include "gui/Notifier.h"

#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

FileChange change(const QString& file, ReloadStrategy strategy)
{
    FileChange change;
    change.relativePath = file;
    change.path = u"/p/"_s + file;
    change.strategy = strategy;
    return change;
}

ReloadResult success(ReloadStrategy strategy, const QString& file, qint64 ms, int tools = -1)
{
    ReloadResult result;
    result.performed = result.requested = strategy;
    result.detectToStartMs = 23;
    result.startToReadyMs = ms;
    result.totalMs = result.detectToStartMs + ms;
    result.toolCount = tools;
    result.plan.strategy = strategy;
    if (!file.isEmpty())
        result.plan.files.append(change(file, strategy));
    return result;
}

ReloadResult failure(const QString& error, const QString& detail)
{
    ReloadResult result = success(ReloadStrategy::HotReload, u"tools/weather.py"_s, 40);
    result.outcome = ReloadOutcome::Failed;
    result.error = error;
    result.errorDetail = detail;
    return result;
}

const QString kSyntaxTraceback = u"Traceback (most recent call last):\n"
                                 "  File \"/p/tools/weather.py\", line 3\n"
                                 "    def broken(\n"
                                 "              ^\n"
                                 "SyntaxError: '(' was never closed\n"_s;

enum class Call { LevelUp, LevelUpWithoutXp, Achievement, Problem, Hint };

} // namespace

Q_DECLARE_METATYPE(Call)

class TestNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(&m_plurals); }
    void reloadWording_data();
    void reloadWording();
    void otherWording_data();
    void otherWording();
    void figureIsTheReloadsOwnDuration();
    void levels_data();
    void levels();
    void burstIsMerged();
    void burstOfOneProjectKeepsItsProject();
    void hintIgnoresLevelAndWindow();
    void startupIsNoNews();

private:
    test::EnglishPlurals m_plurals;
};

void TestNotifier::reloadWording_data()
{
    QTest::addColumn<ReloadResult>("result");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    QTest::addColumn<Notification::Kind>("kind");

    const QString name = u"reynard-server"_s;
    QTest::newRow("hot reload") << success(ReloadStrategy::HotReload, u"tools/weather.py"_s, 3, 9)
                                << name + u": hot reload done"_s << u"tools/weather.py · 3 ms · 9 tools"_s
                                << Notification::Kind::Reload;
    QTest::newRow("one tool") << success(ReloadStrategy::ServiceRestart, u"services/db.py"_s, 120, 1)
                              << name + u": service restart done"_s << u"services/db.py · 120 ms · 1 tool"_s
                              << Notification::Kind::Reload;
    {
        ReloadResult several = success(ReloadStrategy::FullRestart, u"main.py"_s, 1400);
        several.plan.files.append(change(u"tools/a.py"_s, ReloadStrategy::HotReload));
        several.plan.files.append(change(u"tools/b.py"_s, ReloadStrategy::HotReload));
        QTest::newRow("several files") << several << name + u": full restart done"_s
                                       << u"main.py and 2 more files · 1.4 s"_s << Notification::Kind::Reload;
        several.plan.files.removeLast();
        QTest::newRow("one more file") << several << name + u": full restart done"_s
                                       << u"main.py and 1 more file · 1.4 s"_s << Notification::Kind::Reload;
    }
    {
        ReloadResult manual = success(ReloadStrategy::FullRestart, {}, 310, 9);
        manual.trigger = ReloadTrigger::Manual;
        QTest::newRow("manual restart")
            << manual << name + u": full restart done"_s << u"manual restart · 310 ms · 9 tools"_s
            << Notification::Kind::Reload;
        manual.trigger = ReloadTrigger::CrashRestart;
        manual.startToReadyMs = -1; // not measured: no figure rather than a wrong one
        QTest::newRow("after a crash") << manual << name + u": full restart done"_s
                                       << u"after a crash · 9 tools"_s << Notification::Kind::Reload;
    }
    // What the example server answers to foxreload/reload with a syntax error, as the core reports it.
    QTest::newRow("server's reload error") << failure(
        u"foxreload/reload failed: reload failed: tools/weather.py: SyntaxError: invalid syntax (line 3)"_s,
        u"Traceback (most recent call last):\n  File \"/p/tools/weather.py\", line 3\n    x = (\n"
        "SyntaxError: invalid syntax\n"_s) << name + u": reload failed"_s
                                           << u"SyntaxError: invalid syntax (tools/weather.py, line 3)"_s
                                           << Notification::Kind::Failure;
    QTest::newRow("error only in the traceback")
        << failure(u"hot reload failed: the server answered an error"_s, kSyntaxTraceback)
        << name + u": reload failed"_s << u"SyntaxError: '(' was never closed (tools/weather.py, line 3)"_s
        << Notification::Kind::Failure;
    QTest::newRow("no detail") << failure(u"the server exited during startup (exit code 1)"_s, {})
                               << name + u": reload failed"_s
                               << u"the server exited during startup (exit code 1)"_s
                               << Notification::Kind::Failure;
    QTest::newRow("detail is not an error")
        << failure(u"the server exited during startup (exit code 1)"_s, u"INFO listening\nINFO bye\n"_s)
        << name + u": reload failed"_s << u"the server exited during startup (exit code 1)"_s
        << Notification::Kind::Failure;
    QTest::newRow("node error") << failure(
        u"full restart failed: the server exited during startup (exit code 1)"_s,
        u"node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module 'zod'\n"_s)
                                << name + u": reload failed"_s << u"Error: Cannot find module 'zod'"_s
                                << Notification::Kind::Failure;
    {
        // server.build: the compiler's first error, file:line first (tsc's words, as the core parses them).
        ReloadResult build
            = failure(u"build failed: src/tools.ts:2: TS2322: Type 'number' is not assignable to "
                      u"type 'string'.; the running server (pid 4242) keeps serving"_s,
                u"src/tools.ts(2,33): error TS2322: Type 'number' is not assignable to type 'string'.\n"_s);
        build.pid = 4242;
        build.buildRuns = 1;
        build.buildMs = 1900;
        build.buildOutcome = BuildResult::Outcome::Failed;
        build.buildError = BuildError { u"src/tools.ts"_s, 2, 33,
            u"TS2322: Type 'number' is not assignable to type 'string'."_s, u"tsc"_s };
        QTest::newRow("build failed")
            << build << name + u": build failed"_s
            << u"src/tools.ts:2: TS2322: Type 'number' is not assignable to type 'string'.\n"
               u"The running server keeps serving."_s
            << Notification::Kind::Failure;
        build.buildOutcome = BuildResult::Outcome::TimedOut;
        build.buildError.reset();
        build.error = u"build timed out after 6001 ms (npm run build)"_s;
        build.pid = 0; // nothing was serving (the first start)
        QTest::newRow("build timed out")
            << build << name + u": build failed"_s << build.error << Notification::Kind::Failure;
        ReloadResult built = success(ReloadStrategy::FullRestart, u"src/tools.ts"_s, 345, 2);
        built.buildMs = 2061;
        built.buildRuns = 1;
        built.buildOutcome = BuildResult::Outcome::Succeeded;
        QTest::newRow("built, then restarted")
            << built << name + u": full restart done"_s
            << u"src/tools.ts · 345 ms · built in "_s + durationText(2061) + u" · 2 tools"_s
            << Notification::Kind::Reload;
    }
    QTest::newRow("same error twice")
        << failure(u"ValueError: bad unit"_s, u"Traceback …\nValueError: bad unit\n"_s)
        << name + u": reload failed"_s << u"ValueError: bad unit"_s << Notification::Kind::Failure;
}

void TestNotifier::reloadWording()
{
    QFETCH(ReloadResult, result);
    QFETCH(QString, title);
    QFETCH(QString, body);
    QFETCH(Notification::Kind, kind);
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.reloadFinished(u"reynard-server"_s, result);
    QCOMPARE(spy.size(), 1);
    const auto n = spy.at(0).at(0).value<Notification>();
    QCOMPARE(n.title, title);
    QCOMPARE(n.body, body);
    QCOMPARE(n.kind, kind);
    QCOMPARE(n.project, u"reynard-server"_s);
    QCOMPARE(n.severity,
        kind == Notification::Kind::Failure ? Notification::Severity::Critical
                                            : Notification::Severity::Information);
    QVERIFY2(!n.body.contains(u"failed"_s), "the title says it failed; the body says why");
}

void TestNotifier::otherWording_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    QTest::addColumn<Notification::Kind>("kind");
    QTest::newRow("level up") << Call::LevelUp << u"Level 2 reached"_s << u"You now have 1,120 XP."_s
                              << Notification::Kind::Reward;
    QTest::newRow("level up, XP unknown")
        << Call::LevelUpWithoutXp << u"Level 3 reached"_s << QString() << Notification::Kind::Reward;
    QTest::newRow("achievement") << Call::Achievement << u"Achievement unlocked: Centurion"_s
                                 << u"100 reloads"_s << Notification::Kind::Reward;
    QTest::newRow("problem") << Call::Problem << u"reynard-server: needs attention"_s
                             << u"the server keeps crashing; restarting in 8 s"_s
                             << Notification::Kind::Problem;
    QTest::newRow("hint") << Call::Hint << u"FoxReload keeps running in the tray"_s
                          << u"Quit it from the tray icon's menu."_s << Notification::Kind::Hint;
}

void TestNotifier::otherWording()
{
    QFETCH(Call, call);
    QFETCH(QString, title);
    QFETCH(QString, body);
    QFETCH(Notification::Kind, kind);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notify);
    switch (call) {
    case Call::LevelUp:
        notifier.levelUp({}, 2, 1120);
        break;
    case Call::LevelUpWithoutXp:
        notifier.levelUp({}, 3);
        break;
    case Call::Achievement:
        notifier.achievementUnlocked(u"Centurion"_s, u"100 reloads"_s);
        break;
    case Call::Problem:
        notifier.sessionProblem(u"reynard-server"_s, u"the server keeps crashing; restarting in 8 s"_s);
        break;
    case Call::Hint:
        notifier.keepsRunningHint();
        break;
    }
    QCOMPARE(spy.size(), 1);
    const auto n = spy.at(0).at(0).value<Notification>();
    QCOMPARE(n.title, title);
    QCOMPARE(n.body, body);
    QCOMPARE(n.kind, kind);
}

void TestNotifier::figureIsTheReloadsOwnDuration()
{
    // 11 s paused before the reload, 23 ms debounce, 3 ms of reload: the user reads 3 ms, as in the terminal.
    ReloadResult result = success(ReloadStrategy::HotReload, u"tools/weather.py"_s, 3, 9);
    result.heldMs = 11'000;
    result.totalMs = 26;
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.reloadFinished(u"p"_s, result);
    QCOMPARE(spy.size(), 1);
    const QString body = spy.at(0).at(0).value<Notification>().body;
    QVERIFY2(body.contains(durationText(result.startToReadyMs)), qPrintable(body));
    QVERIFY2(!body.contains(u"26"_s) && !body.contains(u"11"_s), qPrintable(body));
}

void TestNotifier::levels_data()
{
    QTest::addColumn<NotificationLevel>("level");
    QTest::addColumn<int>("expected"); // of: success, failure, level-up, achievement, problem
    QTest::newRow("all") << NotificationLevel::All << 5;
    QTest::newRow("failures and rewards") << NotificationLevel::FailuresAndRewards << 4;
    QTest::newRow("off") << NotificationLevel::Off << 0;
}

void TestNotifier::levels()
{
    QFETCH(NotificationLevel, level);
    QFETCH(int, expected);
    Notifier notifier;
    notifier.setLevel(level);
    notifier.setCoalesceWindow(0); // every event on its own
    QSignalSpy spy(&notifier, &Notifier::notify);
    const auto offer = [&](auto&& call) {
        call();
        QTest::qWait(20); // let the (zero) window close
    };
    offer([&] { notifier.reloadFinished(u"p"_s, success(ReloadStrategy::FullRestart, u"main.py"_s, 300)); });
    offer([&] { notifier.reloadFinished(u"p"_s, failure(u"boom"_s, {})); });
    offer([&] { notifier.levelUp(u"p"_s, 5, 900); });
    offer([&] { notifier.achievementUnlocked(u"Centurion"_s, u"100 reloads"_s); });
    offer([&] { notifier.sessionProblem(u"p"_s, u"crash loop"_s); });
    QTRY_COMPARE(int(spy.size()), expected);
    QTest::qWait(50);
    QCOMPARE(int(spy.size()), expected);
}

void TestNotifier::burstIsMerged()
{
    Notifier notifier;
    notifier.setCoalesceWindow(400);
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.reloadFinished(u"p"_s, success(ReloadStrategy::HotReload, u"tools/a.py"_s, 20));
    QCOMPARE(spy.size(), 1); // the first one at once
    for (int i = 0; i < 4; ++i)
        notifier.reloadFinished(u"p"_s, success(ReloadStrategy::HotReload, u"tools/b%1.py"_s.arg(i), 20));
    notifier.reloadFinished(u"q"_s, failure(u"boom"_s, u"ValueError: bad"_s));
    QCOMPARE(spy.size(), 1); // held in the window
    QTRY_COMPARE(spy.size(), 2);
    const auto merged = spy.at(1).at(0).value<Notification>();
    QCOMPARE(merged.eventCount, 5);
    QCOMPARE(merged.severity, Notification::Severity::Critical); // the failure leads
    QCOMPARE(merged.kind, Notification::Kind::Failure);
    QCOMPARE(merged.title, u"q: reload failed (+4 more)"_s);
    QCOMPARE(merged.project, QString()); // about two projects
    const QStringList lines = merged.body.split(u'\n');
    QCOMPARE(lines.size(), 5); // the lead's reason, three others, "…"
    QCOMPARE(lines.first(), u"ValueError: bad"_s);
    QCOMPARE(lines.at(1), u"p: hot reload done — tools/b0.py · 20 ms"_s);
    QCOMPARE(lines.last(), u"…"_s);
    QTest::qWait(600);
    QCOMPARE(spy.size(), 2); // nothing more was pending
}

void TestNotifier::burstOfOneProjectKeepsItsProject()
{
    Notifier notifier;
    notifier.setCoalesceWindow(300);
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.reloadFinished(u"p"_s, success(ReloadStrategy::HotReload, u"tools/a.py"_s, 20));
    notifier.reloadFinished(u"p"_s, success(ReloadStrategy::HotReload, u"tools/b.py"_s, 21));
    notifier.reloadFinished(u"p"_s, success(ReloadStrategy::HotReload, u"tools/c.py"_s, 22));
    QTRY_COMPARE(spy.size(), 2);
    const auto merged = spy.at(1).at(0).value<Notification>();
    QCOMPARE(merged.project, u"p"_s); // so the desktop replaces the first notification with it
    QCOMPARE(merged.kind, Notification::Kind::Reload);
    QCOMPARE(merged.title, u"p: hot reload done (+1 more)"_s);
    QCOMPARE(merged.body, u"tools/c.py · 22 ms\np: hot reload done — tools/b.py · 21 ms"_s); // latest leads
}

void TestNotifier::hintIgnoresLevelAndWindow()
{
    Notifier notifier;
    notifier.setLevel(NotificationLevel::Off);
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.keepsRunningHint();
    QCOMPARE(spy.size(), 1);
}

void TestNotifier::startupIsNoNews()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notify);
    ReloadResult startup = success(ReloadStrategy::FullRestart, u"main.py"_s, 500);
    startup.trigger = ReloadTrigger::Startup;
    notifier.reloadFinished(u"p"_s, startup);
    QCOMPARE(spy.size(), 0);
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
