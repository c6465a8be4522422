#include "gui/Notifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

ReloadResult success(ReloadStrategy strategy, const QString& file, qint64 ms)
{
    ReloadResult result;
    result.performed = result.requested = strategy;
    result.totalMs = ms;
    FileChange change;
    change.relativePath = file;
    change.path = u"/p/"_s + file;
    change.strategy = strategy;
    result.plan.strategy = strategy;
    result.plan.files.append(change);
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

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void successSaysStrategyFileAndTime();
    void failureSaysReasonAndErrorLine();
    void levels_data();
    void levels();
    void burstIsMerged();
    void startupIsNoNews();
};

void TestNotifier::successSaysStrategyFileAndTime()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.reloadFinished(u"reynard"_s, success(ReloadStrategy::HotReload, u"tools/weather.py"_s, 21));
    QCOMPARE(spy.size(), 1);
    const auto n = spy.at(0).at(0).value<Notification>();
    QCOMPARE(n.title, u"reynard reloaded"_s);
    QCOMPARE(n.body, u"hot reload · tools/weather.py · 21 ms"_s);
    QCOMPARE(n.severity, Notification::Severity::Information);
}

void TestNotifier::failureSaysReasonAndErrorLine()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notify);
    notifier.reloadFinished(u"reynard"_s,
        failure(u"hot reload failed: the server answered an error"_s,
            u"Traceback (most recent call last):\n  File \"tools/weather.py\", line 3\n    def broken(\n              ^\nSyntaxError: '(' was never closed\n"_s));
    QCOMPARE(spy.size(), 1);
    const auto n = spy.at(0).at(0).value<Notification>();
    QCOMPARE(n.title, u"reynard: reload failed"_s);
    QCOMPARE(n.body, u"hot reload failed: the server answered an error\nSyntaxError: '(' was never closed"_s);
    QCOMPARE(n.severity, Notification::Severity::Critical);
}

void TestNotifier::levels_data()
{
    QTest::addColumn<NotificationLevel>("level");
    QTest::addColumn<int>("expected"); // of: success, failure, level-up, achievement
    QTest::newRow("all") << NotificationLevel::All << 4;
    QTest::newRow("failures and rewards") << NotificationLevel::FailuresAndRewards << 3;
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
    offer([&] { notifier.levelUp(u"p"_s, 5); });
    offer([&] { notifier.achievementUnlocked(u"Centurion"_s, u"100 reloads"_s); });
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
    notifier.reloadFinished(u"p"_s, failure(u"boom"_s, u"ValueError: bad"_s));
    QCOMPARE(spy.size(), 1); // held in the window
    QTRY_COMPARE(spy.size(), 2);
    const auto merged = spy.at(1).at(0).value<Notification>();
    QCOMPARE(merged.eventCount, 5);
    QCOMPARE(merged.severity, Notification::Severity::Critical); // the failure leads
    QVERIFY2(merged.title.startsWith(u"p: reload failed"_s), qPrintable(merged.title));
    QVERIFY2(merged.title.contains(u"+4 more"_s), qPrintable(merged.title));
    QTest::qWait(600);
    QCOMPARE(spy.size(), 2); // nothing more was pending
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
