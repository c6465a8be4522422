#include "game/GamificationEngine.h"
#include "store/HistoryStore.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

// A store in a temporary directory and an engine on an injected clock.
class Harness
{
public:
    explicit Harness(const QTimeZone& zone = QTimeZone("UTC"),
        const QDateTime& start = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC),
        GamificationSettings settings = {}, const QString& file = {})
        : now(start)
    {
        path = file.isEmpty() ? dir.filePath(u"history.sqlite"_s) : file;
        store.setTimeZone(zone);
        store.setRetention(RetentionSettings { 36500, 1000000 });
        ok = store.open(path);
        engine = std::make_unique<GamificationEngine>(&store, settings);
        engine->setTimeZone(zone);
        engine->setClock([this] { return now; });
    }

    // One reload, recorded as SessionRecorder records it. The clock moves on first
    // (two minutes by default, so the per-minute cap stays out of the way).
    XpAward reload(ReloadStrategy strategy = ReloadStrategy::HotReload, qint64 totalMs = 1000,
        ReloadOutcome outcome = ReloadOutcome::Success, ReloadTrigger trigger = ReloadTrigger::FileChange,
        qint64 advanceSecs = 120)
    {
        now = now.addSecs(advanceSecs);
        ReloadResult result;
        result.id = ++nextId;
        result.trigger = trigger;
        result.requested = strategy;
        result.performed = strategy;
        result.outcome = outcome;
        result.error = outcome == ReloadOutcome::Failed ? u"boom"_s : QString();
        result.totalMs = totalMs;
        result.startToReadyMs = totalMs;
        result.finishedAtUtc = now;
        const qint64 row = store.recordReload(ReloadRecord::fromResult(1, result));
        return engine->handleReload(result, ReloadContext { false, row, 1 });
    }
    void seedReloads(int count, ReloadStrategy strategy, qint64 totalMs, const QDateTime& at)
    {
        QList<ReloadRecord> rows;
        for (int i = 0; i < count; ++i) {
            ReloadRecord record;
            record.sessionId = 1;
            record.atUtc = at.addSecs(i);
            record.performed = strategy;
            record.requested = strategy;
            record.totalMs = totalMs;
            rows.append(record);
        }
        QVERIFY(store.recordReloads(rows));
    }
    void seedXp(int amount)
    {
        XpEventRecord event;
        event.atUtc = now.addDays(-1);
        event.amount = amount;
        event.rule = u"seed"_s;
        QVERIFY(store.recordXp(event) > 0);
    }
    void markDays(int fromOffset, int toOffset) // offsets from today, inclusive
    {
        for (int offset = fromOffset; offset <= toOffset; ++offset)
            store.markActiveDay(engine->today().addDays(offset), now);
    }
    void setLocalTime(const QTime& time) { now = QDateTime(engine->today(), time, store.timeZone()).toUTC(); }

    QTemporaryDir dir;
    QString path;
    HistoryStore store;
    std::unique_ptr<GamificationEngine> engine;
    QDateTime now;
    quint64 nextId = 0;
    bool ok = false;
};

using Step = std::function<void(Harness&)>;

QStringList unlockedIds(const QSignalSpy& spy)
{
    QStringList ids;
    for (const auto& args : spy)
        ids.append(args.first().toString());
    return ids;
}

// The first day from `from` whose daily challenges include `id`.
QDate dayWithChallenge(const QString& id, const QDate& from = QDate(2026, 3, 10))
{
    for (QDate day = from; day < from.addDays(400); day = day.addDays(1)) {
        for (const auto& challenge : GamificationEngine::challengesFor(day)) {
            if (challenge.id == id)
                return day;
        }
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Step)

class TestGamification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xpRules_data();
    void xpRules();
    void noXpWhenDisabledOrUnavailable();
    void perMinuteCap();
    void multiplier();
    void noActivityFromNoXpReloads();
    void levelBoundaries_data();
    void levelBoundaries();
    void levelUpSignal();
    void rulesTablesAreComplete();
    void achievements_data();
    void achievements();
    void cleanDayNeedsNoFailure();
    void streakComputation_data();
    void streakComputation();
    void streakAcrossMidnight();
    void streakAcrossDst_data();
    void streakAcrossDst();
    void streakDependsOnTimeZone_data();
    void streakDependsOnTimeZone();
    void freezeKeepsStreakOverMissedDay();
    void dailyChallengesAreDeterministic();
    void challengeCompletesOnceWithReward();
    void fixerChallenge();
    void stateSurvivesRestart();
    void stateIsSharedBetweenEngines();
};

void TestGamification::xpRules_data()
{
    QTest::addColumn<ReloadTrigger>("trigger");
    QTest::addColumn<ReloadStrategy>("performed");
    QTest::addColumn<bool>("succeeded");
    QTest::addColumn<bool>("identical");
    QTest::addColumn<bool>("crashLoop");
    QTest::addColumn<qint64>("totalMs");
    QTest::addColumn<bool>("afterFailure");
    QTest::addColumn<bool>("firstOfDay");
    QTest::addColumn<int>("xp");
    QTest::addColumn<NoXpReason>("noXp");

    using T = ReloadTrigger;
    using S = ReloadStrategy;
    using N = NoXpReason;
    const T fc = T::FileChange;
    // clang-format off
    QTest::newRow("hot reload")         << fc << S::HotReload << true << false << false << qint64(1000) << false << false << 10 << N::None;
    QTest::newRow("service restart")    << fc << S::ServiceRestart << true << false << false << qint64(1000) << false << false << 8 << N::None;
    QTest::newRow("full restart")       << fc << S::FullRestart << true << false << false << qint64(1000) << false << false << 5 << N::None;
    QTest::newRow("hot under 100 ms")   << fc << S::HotReload << true << false << false << qint64(99) << false << false << 15 << N::None;
    QTest::newRow("hot at 100 ms")      << fc << S::HotReload << true << false << false << qint64(100) << false << false << 12 << N::None;
    QTest::newRow("hot under 500 ms")   << fc << S::HotReload << true << false << false << qint64(499) << false << false << 12 << N::None;
    QTest::newRow("hot at 500 ms")      << fc << S::HotReload << true << false << false << qint64(500) << false << false << 10 << N::None;
    QTest::newRow("full under 100 ms")  << fc << S::FullRestart << true << false << false << qint64(50) << false << false << 10 << N::None;
    QTest::newRow("unknown duration")   << fc << S::HotReload << true << false << false << qint64(-1) << false << false << 10 << N::None;
    QTest::newRow("recovery")           << fc << S::HotReload << true << false << false << qint64(1000) << true << false << 25 << N::None;
    QTest::newRow("first of day")       << fc << S::HotReload << true << false << false << qint64(1000) << false << true << 30 << N::None;
    QTest::newRow("every bonus")        << fc << S::HotReload << true << false << false << qint64(20) << true << true << 50 << N::None;
    QTest::newRow("manual")             << T::Manual << S::FullRestart << true << false << false << qint64(50) << false << false << 2 << N::None;
    QTest::newRow("manual first of day")<< T::Manual << S::FullRestart << true << false << false << qint64(50) << true << true << 2 << N::None;
    QTest::newRow("content identical")  << fc << S::HotReload << true << true << false << qint64(20) << true << true << 0 << N::ContentIdentical;
    QTest::newRow("crash restart")      << T::CrashRestart << S::FullRestart << true << false << false << qint64(20) << true << true << 0 << N::CrashRestart;
    QTest::newRow("crash restart failed") << T::CrashRestart << S::FullRestart << false << false << false << qint64(20) << false << false << 0 << N::CrashRestart;
    QTest::newRow("crash loop")         << fc << S::FullRestart << true << false << true << qint64(20) << false << true << 0 << N::CrashLoop;
    QTest::newRow("manual in crash loop") << T::Manual << S::FullRestart << true << false << true << qint64(20) << false << false << 0 << N::CrashLoop;
    QTest::newRow("startup")            << T::Startup << S::FullRestart << true << false << false << qint64(20) << false << true << 0 << N::Startup;
    QTest::newRow("failed")             << fc << S::HotReload << false << false << false << qint64(20) << true << true << 0 << N::Failed;
    QTest::newRow("failed by hand")     << T::Manual << S::FullRestart << false << false << false << qint64(20) << false << false << 0 << N::Failed;
    QTest::newRow("nothing performed")  << fc << S::None << true << false << false << qint64(0) << false << true << 0 << N::NoReload;
    // clang-format on
}

void TestGamification::xpRules()
{
    QFETCH(ReloadTrigger, trigger);
    QFETCH(ReloadStrategy, performed);
    QFETCH(bool, succeeded);
    QFETCH(bool, identical);
    QFETCH(bool, crashLoop);
    QFETCH(qint64, totalMs);
    QFETCH(bool, afterFailure);
    QFETCH(bool, firstOfDay);
    QFETCH(int, xp);
    QFETCH(NoXpReason, noXp);

    ReloadResult result;
    result.trigger = trigger;
    result.requested = performed;
    result.performed = performed;
    result.outcome = succeeded ? ReloadOutcome::Success : ReloadOutcome::Failed;
    result.contentIdentical = identical;
    result.totalMs = totalMs;
    const XpAward award = GamificationEngine::evaluateRules(
        result, ReloadContext { crashLoop, 0, 0 }, afterFailure, firstOfDay);
    QCOMPARE(award.amount, xp);
    QCOMPARE(award.noXp, noXp);
    int sum = 0;
    for (const auto& part : award.parts)
        sum += part.xp;
    QCOMPARE(sum, xp);
    QVERIFY(!award.reason.isEmpty());
}

void TestGamification::noXpWhenDisabledOrUnavailable()
{
    Harness off(QTimeZone("UTC"), QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC),
        GamificationSettings { false, 1.0, true, {}, {} });
    QVERIFY(off.ok);
    QSignalSpy xpOff(off.engine.get(), &GamificationEngine::xpAwarded);
    QCOMPARE(off.reload().noXp, NoXpReason::Disabled);
    QCOMPARE(xpOff.count(), 0);
    QCOMPARE(off.store.totalXp(), 0);
    QCOMPARE(off.store.totals().reloads, 1); // history is still kept

    Harness closed;
    QVERIFY(closed.ok);
    closed.store.close();
    QSignalSpy xpClosed(closed.engine.get(), &GamificationEngine::xpAwarded);
    QCOMPARE(closed.reload().noXp, NoXpReason::Disabled);
    QCOMPARE(xpClosed.count(), 0);
}

void TestGamification::perMinuteCap()
{
    Harness h;
    QVERIFY(h.ok);
    QCOMPARE(h.reload().amount, 30); // 10 + first of the day
    QCOMPARE(h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 5)
                 .amount,
        10);
    QCOMPARE(h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 5)
                 .amount,
        10);
    const XpAward partial
        = h.reload(ReloadStrategy::HotReload, 50, ReloadOutcome::Success, ReloadTrigger::FileChange, 5);
    QCOMPARE(partial.amount, 10); // 15 earned, 10 left under the cap of 60
    QVERIFY(partial.capped);
    QCOMPARE(partial.noXp, NoXpReason::None);
    const XpAward capped
        = h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 5);
    QCOMPARE(capped.amount, 0);
    QCOMPARE(capped.noXp, NoXpReason::MinuteCap);
    QCOMPARE(h.store.totalXp(), GamificationEngine::kXpPerMinuteCap);
    // A minute after the first award, XP flows again.
    QCOMPARE(h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 61)
                 .amount,
        10);
}

void TestGamification::multiplier()
{
    Harness h(QTimeZone("UTC"), QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC),
        GamificationSettings { true, 1.5, true, {}, {} });
    QVERIFY(h.ok);
    QSignalSpy xp(h.engine.get(), &GamificationEngine::xpAwarded);
    QCOMPARE(h.reload().amount, 45);
    QCOMPARE(xp.count(), 1);
    QCOMPARE(xp.first().at(0).toInt(), 45);
    QCOMPARE(xp.first().at(2).toLongLong(), 45);
    QVERIFY2(xp.first().at(1).toString().startsWith(u"hot reload in 1.0 s"_s),
        qPrintable(xp.first().at(1).toString()));
}

void TestGamification::noActivityFromNoXpReloads()
{
    Harness h;
    QVERIFY(h.ok);
    QSignalSpy xp(h.engine.get(), &GamificationEngine::xpAwarded);
    h.reload(ReloadStrategy::FullRestart, 500, ReloadOutcome::Success, ReloadTrigger::Startup);
    h.reload(ReloadStrategy::FullRestart, 500, ReloadOutcome::Success, ReloadTrigger::CrashRestart);
    h.reload(ReloadStrategy::HotReload, 500, ReloadOutcome::Failed);
    QCOMPARE(xp.count(), 0);
    QCOMPARE(h.engine->streak().days, 0);
    QVERIFY(h.store.activeDays().isEmpty());
    QVERIFY(h.store.achievements().isEmpty());
    // The success after the failure gets the recovery bonus and the day's first.
    QCOMPARE(h.reload().amount, 10 + 15 + 20);
}

void TestGamification::levelBoundaries_data()
{
    QTest::addColumn<qint64>("xp");
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("next");
    QTest::addColumn<double>("progress");
    QTest::newRow("0") << qint64(0) << 1 << qint64(0) << qint64(50) << 0.0;
    QTest::newRow("49") << qint64(49) << 1 << qint64(0) << qint64(50) << 0.98;
    QTest::newRow("50") << qint64(50) << 2 << qint64(50) << qint64(150) << 0.0;
    QTest::newRow("149") << qint64(149) << 2 << qint64(50) << qint64(150) << 0.99;
    QTest::newRow("150") << qint64(150) << 3 << qint64(150) << qint64(300) << 0.0;
    QTest::newRow("300") << qint64(300) << 4 << qint64(300) << qint64(500) << 0.0;
    QTest::newRow("340") << qint64(340) << 4 << qint64(300) << qint64(500) << 0.2;
    QTest::newRow("499") << qint64(499) << 4 << qint64(300) << qint64(500) << 0.995;
    QTest::newRow("500") << qint64(500) << 5 << qint64(500) << qint64(750) << 0.0;
    QTest::newRow("2250") << qint64(2250) << 10 << qint64(2250) << qint64(2750) << 0.0;
    QTest::newRow("negative") << qint64(-5) << 1 << qint64(0) << qint64(50) << 0.0;
}

void TestGamification::levelBoundaries()
{
    QFETCH(qint64, xp);
    QFETCH(int, level);
    QFETCH(qint64, start);
    QFETCH(qint64, next);
    QFETCH(double, progress);
    const LevelInfo info = GamificationEngine::levelForXp(xp);
    QCOMPARE(info.level, level);
    QCOMPARE(info.levelStartXp, start);
    QCOMPARE(info.nextLevelXp, next);
    QVERIFY2(qAbs(info.progress - progress) < 1e-9, qPrintable(QString::number(info.progress)));
    // The curve grows: every level needs more XP than the one before.
    QVERIFY(GamificationEngine::xpForLevel(level + 2) - GamificationEngine::xpForLevel(level + 1)
        > GamificationEngine::xpForLevel(level + 1) - GamificationEngine::xpForLevel(level));
}

void TestGamification::levelUpSignal()
{
    Harness h;
    QVERIFY(h.ok);
    QSignalSpy levels(h.engine.get(), &GamificationEngine::levelUp);
    h.reload(); // 30
    h.reload(); // 40
    QCOMPARE(levels.count(), 0);
    h.reload(); // 50: level 2
    QCOMPARE(levels.count(), 1);
    QCOMPARE(levels.first().first().toInt(), 2);
    h.reload();
    QCOMPARE(levels.count(), 1);
    QCOMPARE(h.engine->level().level, 2);
    QCOMPARE(h.engine->level().totalXp, 60);
}

void TestGamification::rulesTablesAreComplete()
{
    QVERIFY(GamificationEngine::achievementDefs().size() >= 15);
    QSet<QString> ids;
    for (const auto& def : GamificationEngine::achievementDefs()) {
        QVERIFY2(!ids.contains(def.id), qPrintable(def.id));
        ids.insert(def.id);
        QVERIFY(!def.title.isEmpty() && !def.description.isEmpty() && !def.icon.isEmpty());
        QVERIFY(def.threshold >= 1);
        QCOMPARE(GamificationEngine::findAchievement(def.id), &def);
    }
    QVERIFY(ids.contains(u"first_100_xp"_s));
    QVERIFY(ids.contains(u"week_streak"_s));
    QSet<QString> challenges;
    for (const auto& def : GamificationEngine::challengePool()) {
        QVERIFY(!challenges.contains(def.id));
        challenges.insert(def.id);
        QVERIFY(def.target >= 1 && def.xpReward > 0);
    }
    QVERIFY(challenges.size() > GamificationEngine::kChallengesPerDay);
    QVERIFY(!GamificationEngine::xpRules().empty());
}

void TestGamification::achievements_data()
{
    QTest::addColumn<Step>("before"); // leaves the condition just unmet
    QTest::addColumn<Step>("trigger"); // meets it

    auto reloads = [](int n) {
        return Step([n](Harness& h) {
            for (int i = 0; i < n; ++i)
                h.reload();
        });
    };
    auto seededReloads = [](int seeded) {
        return Step([seeded](Harness& h) {
            h.seedReloads(seeded, ReloadStrategy::HotReload, 1000, h.now.addDays(-1));
            h.reload();
        });
    };
    auto seededXp = [](int seed) {
        return Step([seed](Harness& h) {
            h.seedXp(seed);
            h.reload(); // +30 (first of the day)
        });
    };
    const Step one = reloads(1);
    const Step nothing = [](Harness&) {};
    const Step nextDay = [](Harness& h) {
        h.now = h.now.addDays(1);
        h.reload();
    };

    QTest::newRow("first_reload") << Step([](Harness& h) {
        h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Failed);
    }) << one;
    QTest::newRow("reloads_10") << seededReloads(8) << one;
    QTest::newRow("reloads_100") << seededReloads(98) << one;
    QTest::newRow("reloads_1000") << seededReloads(998) << one;
    QTest::newRow("first_100_xp") << seededXp(69) << one;
    QTest::newRow("xp_1000") << seededXp(969) << one;
    QTest::newRow("level_5") << seededXp(469) << one;
    QTest::newRow("level_10") << seededXp(2219) << one;
    QTest::newRow("week_streak") << Step([](Harness& h) {
        h.markDays(-5, -1);
        h.reload();
    }) << nextDay;
    QTest::newRow("month_streak") << Step([](Harness& h) {
        h.markDays(-28, -1);
        h.reload();
    }) << nextDay;
    QTest::newRow("quick_paws") << Step([](Harness& h) {
        h.seedReloads(8, ReloadStrategy::HotReload, 30, h.now.addDays(-1));
        h.seedReloads(5, ReloadStrategy::HotReload, 50, h.now.addDays(-1)); // not under 50 ms
        h.reload(ReloadStrategy::HotReload, 30);
        h.reload(ReloadStrategy::FullRestart, 30);
    }) << Step([](Harness& h) { h.reload(ReloadStrategy::HotReload, 49); });
    QTest::newRow("quick_fix") << Step([](Harness& h) {
        h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Failed);
        h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Failed, ReloadTrigger::FileChange, 200);
        h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Success, ReloadTrigger::FileChange,
            200); // 6:40 later
    }) << Step([](Harness& h) {
        h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Failed);
        h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Success, ReloadTrigger::FileChange, 290);
    });
    QTest::newRow("clean_day") << Step([](Harness& h) {
        h.setLocalTime(QTime(8, 0));
        h.seedReloads(28, ReloadStrategy::HotReload, 1000, h.now);
        h.reload();
    }) << one;
    QTest::newRow("night_fox") << Step([](Harness& h) {
        h.setLocalTime(QTime(4, 0));
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
        h.setLocalTime(QTime(2, 0));
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Failed, ReloadTrigger::FileChange, 0);
    }) << Step([](Harness& h) {
        h.setLocalTime(QTime(3, 59));
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
    });
    QTest::newRow("early_bird") << Step([](Harness& h) {
        h.setLocalTime(QTime(4, 59));
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
        h.setLocalTime(QTime(7, 0));
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
    }) << Step([](Harness& h) {
        h.setLocalTime(QTime(5, 30));
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
    });
    QTest::newRow("challenger") << Step([](Harness& h) {
        h.now = QDateTime(dayWithChallenge(u"warm_up"_s), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < 4; ++i)
            h.reload();
    }) << one;
    QTest::newRow("challenges_10") << Step([](Harness& h) {
        for (int i = 1; i <= 9; ++i)
            h.store.saveChallengeProgress({ QDate(2025, 1, i), u"warm_up"_s, 5, 5, h.now.addDays(-400) });
        h.reload();
    }) << Step([](Harness& h) {
        h.store.saveChallengeProgress({ QDate(2025, 2, 1), u"warm_up"_s, 5, 5, h.now.addDays(-400) });
        h.reload();
    });
    QTest::newRow("all_strategies") << Step([](Harness& h) {
        h.reload(ReloadStrategy::HotReload);
        h.reload(ReloadStrategy::ServiceRestart);
        h.reload(ReloadStrategy::FullRestart, 1000, ReloadOutcome::Failed);
        h.reload(ReloadStrategy::FullRestart, 1000, ReloadOutcome::Success, ReloadTrigger::CrashRestart);
    }) << Step([](Harness& h) { h.reload(ReloadStrategy::FullRestart); });
    Q_UNUSED(nothing)
}

void TestGamification::achievements()
{
    QFETCH(Step, before);
    QFETCH(Step, trigger);
    const QString id = QString::fromUtf8(QTest::currentDataTag());
    QVERIFY(GamificationEngine::findAchievement(id));

    Harness h;
    QVERIFY(h.ok);
    QSignalSpy unlocked(h.engine.get(), &GamificationEngine::achievementUnlocked);
    before(h);
    QVERIFY2(!unlockedIds(unlocked).contains(id), qPrintable(unlockedIds(unlocked).join(u", "_s)));
    trigger(h);
    QCOMPARE(unlockedIds(unlocked).count(id), 1);
    trigger(h);
    QCOMPARE(unlockedIds(unlocked).count(id), 1);

    bool found = false;
    for (const auto& status : h.engine->achievements()) {
        if (status.def.id == id) {
            found = true;
            QVERIFY(status.unlocked);
            QVERIFY(status.unlockedAtUtc.isValid());
        }
    }
    QVERIFY(found);
}

void TestGamification::cleanDayNeedsNoFailure()
{
    Harness h;
    QVERIFY(h.ok);
    QSignalSpy unlocked(h.engine.get(), &GamificationEngine::achievementUnlocked);
    h.setLocalTime(QTime(8, 0));
    h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Failed);
    h.seedReloads(35, ReloadStrategy::HotReload, 1000, h.now);
    h.reload();
    QVERIFY(!unlockedIds(unlocked).contains(u"clean_day"_s));
}

void TestGamification::streakComputation_data()
{
    QTest::addColumn<QList<int>>("offsets"); // active days relative to today
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("freezes");
    QTest::addColumn<int>("used");
    QTest::addColumn<bool>("activeToday");

    auto range = [](int from, int to) {
        QList<int> list;
        for (int i = from; i <= to; ++i)
            list.append(i);
        return list;
    };
    QTest::newRow("nothing") << QList<int> {} << 0 << 0 << 0 << false;
    QTest::newRow("today") << QList<int> { 0 } << 1 << 0 << 0 << true;
    QTest::newRow("yesterday: still alive") << QList<int> { -1 } << 1 << 0 << 0 << false;
    QTest::newRow("two days ago: gone") << QList<int> { -2 } << 0 << 0 << 0 << false;
    QTest::newRow("three in a row") << range(-2, 0) << 3 << 0 << 0 << true;
    QTest::newRow("a week earns a freeze") << range(-7, -1) << 7 << 1 << 0 << false;
    QTest::newRow("freeze covers yesterday") << range(-8, -2) << 7 << 0 << 1 << false;
    QTest::newRow("freeze bridges a gap") << range(-8, -2) + QList<int> { 0 } << 8 << 0 << 1 << true;
    QTest::newRow("one freeze, two missed") << range(-9, -3) + QList<int> { 0 } << 1 << 0 << 0 << true;
    QTest::newRow("two freezes, two missed") << range(-16, -3) + QList<int> { 0 } << 15 << 0 << 2 << true;
    QTest::newRow("freezes are capped") << range(-21, -1) << 21 << 2 << 0 << false;
    QTest::newRow("no freeze before a week") << range(-7, -2) + QList<int> { 0 } << 1 << 0 << 0 << true;
    QTest::newRow("future days ignored") << QList<int> { -1, 0, 1 } << 2 << 0 << 0 << true;
}

void TestGamification::streakComputation()
{
    QFETCH(QList<int>, offsets);
    QFETCH(int, days);
    QFETCH(int, freezes);
    QFETCH(int, used);
    QFETCH(bool, activeToday);
    const QDate today(2026, 3, 10);
    QList<QDate> active;
    for (const int offset : offsets)
        active.append(today.addDays(offset));
    const StreakInfo info = GamificationEngine::computeStreak(active, today);
    QCOMPARE(info.days, days);
    QCOMPARE(info.freezes, freezes);
    QCOMPARE(info.freezesUsed, used);
    QCOMPARE(info.activeToday, activeToday);
}

void TestGamification::streakAcrossMidnight()
{
    const QTimeZone berlin("Europe/Berlin");
    Harness h(berlin, QDateTime(QDate(2026, 3, 10), QTime(23, 48), berlin).toUTC());
    QVERIFY(h.ok);
    QSignalSpy streak(h.engine.get(), &GamificationEngine::streakChanged);
    h.reload(); // 23:50 Berlin
    QCOMPARE(h.engine->streak().days, 1);
    h.reload(
        ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 20 * 60); // 00:10
    QCOMPARE(h.engine->today(), QDate(2026, 3, 11));
    QCOMPARE(h.engine->streak().days, 2);
    QCOMPARE(streak.count(), 2);
    QCOMPARE(streak.at(0).first().toInt(), 1);
    QCOMPARE(streak.at(1).first().toInt(), 2);
    // A second reload the same day changes nothing.
    h.reload();
    QCOMPARE(streak.count(), 2);
}

void TestGamification::streakAcrossDst_data()
{
    QTest::addColumn<QList<QDateTime>>("localTimes"); // Europe/Berlin wall clock
    QTest::addColumn<int>("days");
    const QTimeZone berlin("Europe/Berlin");
    auto at
        = [&](int m, int d, int hh, int mm) { return QDateTime(QDate(2026, m, d), QTime(hh, mm), berlin); };
    // Clocks go 02:00 → 03:00 on 29 March (a 23-hour day), 03:00 → 02:00 on 25 October (25 hours).
    QTest::newRow("spring forward") << QList<QDateTime> { at(3, 28, 23, 30), at(3, 29, 3, 30),
        at(3, 30, 0, 15) } << 3;
    QTest::newRow("spring, late evenings")
        << QList<QDateTime> { at(3, 28, 23, 59), at(3, 29, 23, 59), at(3, 30, 23, 59) } << 3;
    QTest::newRow("fall back") << QList<QDateTime> { at(10, 24, 23, 59), at(10, 25, 23, 59),
        at(10, 26, 0, 1) } << 3;
    QTest::newRow("fall back, 24 h apart is not a new day")
        << QList<QDateTime> { at(10, 25, 0, 30), at(10, 25, 0, 30).addSecs(24 * 3600) } << 1;
    QTest::newRow("spring, 24 h apart skips a day")
        << QList<QDateTime> { at(3, 28, 23, 30), at(3, 28, 23, 30).addSecs(24 * 3600) } << 1;
}

void TestGamification::streakAcrossDst()
{
    QFETCH(QList<QDateTime>, localTimes);
    QFETCH(int, days);
    const QTimeZone berlin("Europe/Berlin");
    Harness h(berlin, localTimes.first().toUTC());
    QVERIFY(h.ok);
    for (const auto& time : localTimes) {
        h.now = time.toUTC();
        h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
    }
    QCOMPARE(h.engine->streak().days, days);
    QVERIFY(h.engine->streak().activeToday);
}

void TestGamification::streakDependsOnTimeZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("days");
    // The same two instants: 22:30 UTC on 1 June and 21:00 UTC on 2 June.
    QTest::newRow("UTC") << QByteArray("UTC") << 2;
    QTest::newRow("Berlin: both on 2 June") << QByteArray("Europe/Berlin") << 1;
    QTest::newRow("Los Angeles") << QByteArray("America/Los_Angeles") << 2;
    QTest::newRow("Tokyo: 2 and 3 June") << QByteArray("Asia/Tokyo") << 2;
}

void TestGamification::streakDependsOnTimeZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, days);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    Harness h(tz, QDateTime(QDate(2026, 6, 1), QTime(22, 30), Qt::UTC));
    QVERIFY(h.ok);
    h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
    h.now = QDateTime(QDate(2026, 6, 2), QTime(21, 0), Qt::UTC);
    h.reload(ReloadStrategy::HotReload, 1000, ReloadOutcome::Success, ReloadTrigger::FileChange, 0);
    QCOMPARE(h.engine->streak().days, days);
}

void TestGamification::freezeKeepsStreakOverMissedDay()
{
    Harness h;
    QVERIFY(h.ok);
    for (int day = 0; day < 7; ++day) {
        h.reload();
        h.now = h.now.addDays(1);
    }
    QCOMPARE(h.engine->streak().days, 7);
    h.now = h.now.addDays(1); // a day off
    QCOMPARE(h.engine->streak().days, 7);
    QCOMPARE(h.engine->streak().freezesUsed, 1);
    h.reload();
    QCOMPARE(h.engine->streak().days, 8);
    QCOMPARE(h.engine->streak().freezes, 0);
    h.now = h.now.addDays(2); // two days off, no freeze left
    QCOMPARE(h.engine->streak().days, 0);
    h.reload();
    QCOMPARE(h.engine->streak().days, 1);
    QCOMPARE(h.engine->streak().longest, 8);
}

void TestGamification::dailyChallengesAreDeterministic()
{
    auto ids = [](const QDate& day) {
        QStringList list;
        for (const auto& challenge : GamificationEngine::challengesFor(day))
            list.append(challenge.id);
        return list;
    };
    QSet<QString> pairs;
    QSet<QString> seen;
    for (QDate day(2026, 1, 1); day < QDate(2027, 1, 1); day = day.addDays(1)) {
        const QStringList today = ids(day);
        QCOMPARE(today.size(), GamificationEngine::kChallengesPerDay);
        QCOMPARE(ids(day), today);
        QVERIFY(today.at(0) != today.at(1));
        pairs.insert(today.join(u'+'));
        for (const auto& id : today) {
            QVERIFY(GamificationEngine::findChallenge(id));
            seen.insert(id);
        }
    }
    QCOMPARE(seen.size(), qsizetype(GamificationEngine::challengePool().size())); // every one comes up
    QVERIFY(pairs.size() > 20);
    // Pinned: a change to the selection would give users other challenges for a day
    // they already played, and processes of different versions would disagree.
    QCOMPARE(ids(QDate(2026, 3, 10)), (QStringList { u"fixer"_s, u"service_desk"_s }));
    QCOMPARE(ids(QDate(2027, 12, 31)), (QStringList { u"speed_run"_s, u"clean_sheet"_s }));
}

void TestGamification::challengeCompletesOnceWithReward()
{
    Harness h;
    QVERIFY(h.ok);
    h.now = QDateTime(dayWithChallenge(u"warm_up"_s), QTime(9, 0), Qt::UTC);
    QSignalSpy completed(h.engine.get(), &GamificationEngine::challengeCompleted);
    QSignalSpy xp(h.engine.get(), &GamificationEngine::xpAwarded);
    for (int i = 0; i < 4; ++i)
        h.reload();
    QCOMPARE(completed.count(), 0);
    ChallengeStatus warmUp;
    for (const auto& status : h.engine->todaysChallenges()) {
        if (status.def.id == u"warm_up"_s)
            warmUp = status;
    }
    QCOMPARE(warmUp.progress, 4);
    QVERIFY(!warmUp.completed);
    h.reload();
    QCOMPARE(completed.count(), 1);
    QCOMPARE(completed.first().first().toString(), u"warm_up"_s);
    QVERIFY2(xp.last().at(1).toString().contains(u"Warm-up"_s), qPrintable(xp.last().at(1).toString()));
    QCOMPARE(xp.last().at(0).toInt(), 20);
    h.reload();
    QCOMPARE(completed.count(), 1);
    for (const auto& status : h.engine->todaysChallenges()) {
        if (status.def.id == u"warm_up"_s) {
            QVERIFY(status.completed);
            QCOMPARE(status.progress, 5);
        }
    }
}

void TestGamification::fixerChallenge()
{
    Harness h;
    QVERIFY(h.ok);
    h.now = QDateTime(dayWithChallenge(u"fixer"_s), QTime(9, 0), Qt::UTC);
    QSignalSpy completed(h.engine.get(), &GamificationEngine::challengeCompleted);
    h.reload();
    h.reload(ReloadStrategy::HotReload, 100, ReloadOutcome::Failed);
    QVERIFY(!completed.count());
    h.reload();
    QCOMPARE(completed.count(), 1);
    QCOMPARE(completed.first().first().toString(), u"fixer"_s);
}

void TestGamification::stateSurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.sqlite"_s);
    const QDateTime start(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    {
        Harness h(QTimeZone("UTC"), start, {}, path);
        QVERIFY(h.ok);
        for (int i = 0; i < 6; ++i)
            h.reload();
        QCOMPARE(h.engine->level().totalXp, 80);
    }
    Harness again(QTimeZone("UTC"), start.addSecs(3600), {}, path);
    QVERIFY(again.ok);
    QCOMPARE(again.engine->level().totalXp, 80);
    QCOMPARE(again.engine->level().level, 2);
    QCOMPARE(again.engine->streak().days, 1);
    QVERIFY(again.engine->achievements().first().unlocked); // first_reload
    QSignalSpy unlocked(again.engine.get(), &GamificationEngine::achievementUnlocked);
    QCOMPARE(again.reload().amount, 10); // not the first of the day any more
    QVERIFY(!unlockedIds(unlocked).contains(u"first_reload"_s));
}

void TestGamification::stateIsSharedBetweenEngines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.sqlite"_s);
    Harness a(QTimeZone("UTC"), QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC), {}, path);
    Harness b(QTimeZone("UTC"), QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC), {}, path);
    QVERIFY(a.ok && b.ok);
    QSignalSpy unlockedB(b.engine.get(), &GamificationEngine::achievementUnlocked);
    QSignalSpy xpB(b.engine.get(), &GamificationEngine::xpAwarded);
    a.reload(); // 30
    QCOMPARE(b.engine->level().totalXp, 30);
    QCOMPARE(b.reload().amount, 10); // a had the first of the day
    QCOMPARE(xpB.first().at(2).toLongLong(), 40);
    QVERIFY(!unlockedIds(unlockedB).contains(u"first_reload"_s));
    QCOMPARE(a.engine->level().totalXp, 40);
}

QTEST_GUILESS_MAIN(TestGamification)
#include "tst_gamification.moc"
