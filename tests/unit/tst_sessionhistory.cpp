// SessionHistory: the one wiring of history and game for a session, as `run`, `proxy` and the
// desktop app use it. Each session's engine follows its own project's gamification.*; a store
// shared by several projects keeps the most generous history.*.
#include "game/GamificationEngine.h"
#include "session/SessionHistory.h"
#include "session/SessionRecorder.h"
#include "store/HistoryStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::HistorySettings)

namespace {

GamificationSettings makeGame(bool enabled, double xpMultiplier, bool notifications)
{
    GamificationSettings settings;
    settings.enabled = enabled;
    settings.xpMultiplier = xpMultiplier;
    settings.notifications = notifications;
    return settings;
}

HistorySettings makeHistory(int retentionDays, int maxRawReloads)
{
    HistorySettings settings;
    settings.retentionDays = retentionDays;
    settings.maxRawReloads = maxRawReloads;
    return settings;
}

ReloadResult hotReload()
{
    ReloadResult result;
    result.id = 1;
    result.trigger = ReloadTrigger::FileChange;
    result.plan.strategy = ReloadStrategy::HotReload;
    result.requested = ReloadStrategy::HotReload;
    result.performed = ReloadStrategy::HotReload;
    result.startToReadyMs = 30;
    result.totalMs = 80;
    result.finishedAtUtc = QDateTime::currentDateTimeUtc();
    return result;
}

// The XP one hot reload earns in a fresh database of its own.
int xpOfOneReload(const GamificationSettings& settings)
{
    QTemporaryDir dir;
    HistoryStore store;
    if (!store.open(dir.filePath(u"history.sqlite"_s)))
        return -1;
    Config config = Config::defaults(dir.path());
    config.gamification = settings;
    SessionHistory history(nullptr, &store, config, u"run"_s);
    if (!history.engine())
        return -1;
    QSignalSpy awarded(history.engine(), &GamificationEngine::xpAwarded);
    history.recorder()->recordReload(hotReload());
    return awarded.isEmpty() ? 0 : awarded.first().at(0).toInt();
}

} // namespace

class TestSessionHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gameFollowsTheProject_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("notifications");
        QTest::addColumn<bool>("engine");
        QTest::addColumn<bool>("notifies");
        QTest::newRow("on, notifications on") << true << true << true << true;
        QTest::newRow("on, notifications off") << true << false << true << false;
        QTest::newRow("off: no engine, nothing to notify") << false << true << false << false;
    }

    void gameFollowsTheProject()
    {
        QFETCH(bool, enabled);
        QFETCH(bool, notifications);
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
        Config config = Config::defaults(dir.path());
        config.gamification = makeGame(enabled, 2.5, notifications);
        SessionHistory history(nullptr, &store, config, u"gui"_s);
        QTEST(history.engine() != nullptr, "engine");
        QTEST(history.notifiesRewards(), "notifies");
        QCOMPARE(history.gameSettings(), config.gamification);
        // History is kept either way.
        QVERIFY(history.recorder());
        QVERIFY(history.recorder()->sessionId() > 0);
    }

    // Two projects, two multipliers: each session's XP follows its own project.
    void eachEngineAwardsWithItsProjectsMultiplier()
    {
        const int single = xpOfOneReload(makeGame(true, 1.0, true));
        QVERIFY2(single > 0, "a hot reload earns XP");
        QCOMPARE(xpOfOneReload(makeGame(true, 0.5, true)), int(std::lround(single * 0.5)));
        QCOMPARE(xpOfOneReload(makeGame(true, 0.0, false)), 0);
    }

    void retentionOfASharedStore_data()
    {
        QTest::addColumn<QList<HistorySettings>>("projects");
        QTest::addColumn<int>("rawDays");
        QTest::addColumn<int>("maxRawReloads");
        QTest::newRow("no project: the defaults") << QList<HistorySettings> {} << 90 << 200000;
        QTest::newRow("one project: its own")
            << QList<HistorySettings> { makeHistory(30, 5000) } << 30 << 5000;
        QTest::newRow("two: the most generous of each")
            << QList<HistorySettings> { makeHistory(30, 900000), makeHistory(400, 5000) } << 400 << 900000;
    }

    void retentionOfASharedStore()
    {
        QFETCH(QList<HistorySettings>, projects);
        const RetentionSettings retention = SessionHistory::retentionFor(projects);
        QTEST(retention.rawDays, "rawDays");
        QTEST(retention.maxRawReloads, "maxRawReloads");
    }

    // The CLI's store: the project's history.* and its database file.
    void openForAppliesTheProjectsHistory()
    {
        QTemporaryDir dir;
        Config config = Config::defaults(dir.path());
        config.database = dir.filePath(u"own.sqlite"_s);
        config.history = makeHistory(12, 3456);
        HistoryStore store;
        QVERIFY(SessionHistory::openFor(store, config));
        QCOMPARE(store.retention().rawDays, 12);
        QCOMPARE(store.retention().maxRawReloads, 3456);
        QVERIFY(QFileInfo::exists(config.database));
    }
};

QTEST_GUILESS_MAIN(TestSessionHistory)
#include "tst_sessionhistory.moc"
