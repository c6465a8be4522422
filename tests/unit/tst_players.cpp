// Players sharing one history database: each has a game of its own (XP, achievements,
// challenges, active days, the anti-farming cap), rows from before players belong to whoever
// migrates the file, and the leaderboard ranks everyone.

#include "common/HeldWrites.h"
#include "common/RawDatabase.h"
#include "game/GamificationEngine.h"
#include "platform/SystemInfo.h"
#include "store/HistoryStore.h"
#include "store/StoreSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 3, 11), QTime(12, 0), Qt::UTC); // a Wednesday
const QDate kMonday(2026, 3, 9);

ReloadRecord reload(const QDateTime& at, ReloadStrategy strategy, qint64 totalMs,
    ReloadOutcome outcome = ReloadOutcome::Success, ReloadTrigger trigger = ReloadTrigger::FileChange)
{
    ReloadRecord record;
    record.sessionId = 1;
    record.atUtc = at;
    record.trigger = trigger;
    record.requested = strategy;
    record.performed = strategy;
    record.outcome = outcome;
    record.totalMs = totalMs;
    record.startToReadyMs = totalMs;
    return record;
}

XpEventRecord xp(const QDateTime& at, int amount)
{
    XpEventRecord event;
    event.atUtc = at;
    event.amount = amount;
    event.rule = u"seed"_s;
    return event;
}

// One player's store (and game) on a shared file.
struct Player
{
    Player(const QString& path, const QString& name, const QString& team = QString())
    {
        store.setTimeZone(QTimeZone("UTC"));
        store.setRetention(RetentionSettings { 36500, 1000000 });
        store.setPlayer(name, team);
        ok = store.open(path);
        engine = std::make_unique<GamificationEngine>(&store, GamificationSettings {});
        engine->setTimeZone(QTimeZone("UTC"));
        engine->setClock([this] { return now; });
    }
    // A hot reload by file change `advanceSecs` after the previous one, recorded and scored.
    XpAward hotReload(qint64 advanceSecs, qint64 totalMs = 1000)
    {
        now = now.addSecs(advanceSecs);
        ReloadResult result;
        result.id = ++nextId;
        result.trigger = ReloadTrigger::FileChange;
        result.requested = result.performed = ReloadStrategy::HotReload;
        result.outcome = ReloadOutcome::Success;
        result.totalMs = result.startToReadyMs = totalMs;
        result.finishedAtUtc = now;
        const qint64 row = store.recordReload(ReloadRecord::fromResult(1, result));
        return engine->handleReload(result, ReloadContext { false, row, 1 });
    }

    HistoryStore store;
    std::unique_ptr<GamificationEngine> engine;
    QDateTime now = kBase;
    quint64 nextId = 0;
    bool ok = false;
};

using test::RawDb;

const LeaderboardRow* rowOf(const QList<LeaderboardRow>& rows, const QString& player)
{
    for (const LeaderboardRow& row : rows) {
        if (row.player == player)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestPlayers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void defaultPlayerIsTheLoginName();
    void gameStateIsPerPlayer();
    void minuteCapIsPerPlayer_data();
    void minuteCapIsPerPlayer();
    void leaderboardRanksEveryPlayer();
    void leaderboardKeepsAggregatedDays();
    void migrationGivesOldRowsToTheLocalPlayer();
    void twoProcessesTwoPlayers();

private:
    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPlayers::defaultPlayerIsTheLoginName()
{
    const QString login = platform::loginName();
    QVERIFY(!login.isEmpty());
    HistoryStore store;
    QCOMPARE(store.player(), login);
    store.setPlayer(u"  alice  "_s, u" core "_s);
    QCOMPARE(store.player(), u"alice"_s);
    QCOMPARE(store.team(), u"core"_s);
    store.setPlayer(u"  "_s);
    QCOMPARE(store.player(), login);
    QVERIFY(store.team().isEmpty());
}

void TestPlayers::gameStateIsPerPlayer()
{
    Player alice(dbPath(), u"alice"_s, u"core"_s);
    Player bob(dbPath(), u"bob"_s);
    QVERIFY(alice.ok && bob.ok);
    const QDate day = kBase.date();

    QVERIFY(alice.store.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)) > 0);
    QVERIFY(alice.store.recordXp(xp(kBase, 40)) > 0);
    QVERIFY(alice.store.unlockAchievement(u"first_reload"_s, kBase));
    QVERIFY(alice.store.saveChallengeProgress(ChallengeProgressRecord { day, u"c1"_s, 3, 3, kBase }));
    QVERIFY(alice.store.markActiveDay(day, kBase));

    QCOMPARE(alice.store.totalXp(), 40);
    QCOMPARE(alice.store.totals().xp, 40);
    QCOMPARE(alice.store.achievements().size(), 1);
    QCOMPARE(alice.store.activeDays(), QList<QDate> { day });
    QCOMPARE(alice.store.succeededReloads(), 1);
    QCOMPARE(alice.store.fastHotReloads(50), 1);
    QCOMPARE(alice.store.completedChallenges(), 1);
    QCOMPARE(alice.store.dayCounters(day, 50).hotReloads, 1);
    QCOMPARE(alice.store.dayCounters(day, 50).xp, 40);
    QCOMPARE(alice.store.xpSince(kBase.addSecs(-60)), 40);

    // Bob shares the file, not the game.
    QCOMPARE(bob.store.totalXp(), 0);
    QCOMPARE(bob.store.totals().xp, 0);
    QVERIFY(bob.store.achievements().isEmpty());
    QVERIFY(bob.store.activeDays().isEmpty());
    QCOMPARE(bob.store.succeededReloads(), 0);
    QCOMPARE(bob.store.fastHotReloads(50), 0);
    QCOMPARE(bob.store.completedChallenges(), 0);
    QVERIFY(bob.store.challengeProgress(day).isEmpty());
    QVERIFY(bob.store.strategiesUsed().isEmpty());
    QCOMPARE(bob.store.dayCounters(day, 50).succeeded, 0);
    QCOMPARE(bob.store.dayCounters(day, 50).xp, 0);
    QCOMPARE(bob.store.xpSince(kBase.addSecs(-60)), 0);
    QVERIFY(bob.store.xpCurve(HistoryScope {}).isEmpty());
    QCOMPARE(bob.engine->level().totalXp, 0);

    // ... and earns what Alice already has, once, for himself.
    QVERIFY(bob.store.unlockAchievement(u"first_reload"_s, kBase));
    QVERIFY(!bob.store.unlockAchievement(u"first_reload"_s, kBase));
    QVERIFY(bob.store.markActiveDay(day, kBase));
    QVERIFY(bob.store.saveChallengeProgress(ChallengeProgressRecord { day, u"c1"_s, 3, 3, kBase }));
    QVERIFY(bob.store.recordXp(xp(kBase, 5)) > 0);
    QCOMPARE(bob.store.totalXp(), 5);
    QCOMPARE(alice.store.totalXp(), 40);
    QCOMPARE(alice.store.xpCurve(HistoryScope {}).last().total, 40);
    QCOMPARE(bob.store.playerCount(), 2);
}

void TestPlayers::minuteCapIsPerPlayer_data()
{
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("capped");
    QTest::newRow("another player earns in the same minute") << u"bob"_s << false;
    QTest::newRow("the same player from a second process shares the cap") << u"alice"_s << true;
}

void TestPlayers::minuteCapIsPerPlayer()
{
    QFETCH(QString, second);
    QFETCH(bool, capped);
    Player alice(dbPath(), u"alice"_s);
    Player other(dbPath(), second);
    QVERIFY(alice.ok && other.ok);
    // Alice fills her cap for this minute.
    int earned = 0;
    for (int i = 0; i < 10 && earned < GamificationEngine::kXpPerMinuteCap; ++i)
        earned += alice.hotReload(i == 0 ? 0 : 1).amount;
    QCOMPARE(earned, GamificationEngine::kXpPerMinuteCap);
    QCOMPARE(alice.hotReload(1).noXp, NoXpReason::MinuteCap);

    other.now = alice.now.addSecs(1);
    const XpAward award = other.hotReload(0);
    if (capped) {
        QCOMPARE(award.noXp, NoXpReason::MinuteCap);
        QCOMPARE(award.amount, 0);
        QCOMPARE(alice.store.totalXp(), GamificationEngine::kXpPerMinuteCap);
    } else {
        QCOMPARE(award.noXp, NoXpReason::None);
        QVERIFY(award.amount > 0);
        QCOMPARE(other.store.totalXp(), award.amount);
        // Bob's first reload of the day, though Alice was active today.
        QCOMPARE(other.store.activeDays(), QList<QDate> { kBase.date() });
        QCOMPARE(alice.store.totalXp(), GamificationEngine::kXpPerMinuteCap);
    }
}

void TestPlayers::leaderboardRanksEveryPlayer()
{
    Player alice(dbPath(), u"alice"_s, u"core"_s);
    Player bob(dbPath(), u"bob"_s, u"ops"_s);
    Player carol(dbPath(), u"carol"_s); // never reloaded: on the board with nothing
    QVERIFY(alice.ok && bob.ok && carol.ok);
    QVERIFY(alice.store.recordReload(reload(kBase, ReloadStrategy::HotReload, 12)) > 0);
    QVERIFY(alice.store.recordReload(reload(kBase.addSecs(5), ReloadStrategy::FullRestart, 300)) > 0);
    QVERIFY(alice.store.recordReload(
                reload(kBase.addSecs(6), ReloadStrategy::HotReload, 3, ReloadOutcome::Failed))
        > 0);
    QVERIFY(alice.store.recordReload(reload(kBase.addSecs(7), ReloadStrategy::HotReload, 1,
                ReloadOutcome::Success, ReloadTrigger::Startup))
        > 0);
    QVERIFY(
        alice.store.recordReload(reload(kBase.addDays(-7), ReloadStrategy::HotReload, 5)) > 0); // last week
    QVERIFY(alice.store.recordXp(xp(kBase, 30)) > 0);
    QVERIFY(bob.store.recordReload(reload(kBase, ReloadStrategy::HotReload, 40)) > 0);
    QVERIFY(bob.store.recordXp(xp(kBase, 50)) > 0);
    for (int offset = -2; offset <= 0; ++offset)
        QVERIFY(bob.store.markActiveDay(kBase.date().addDays(offset), kBase));
    QVERIFY(alice.store.markActiveDay(kBase.date().addDays(-10), kBase));

    const QList<LeaderboardRow> rows = carol.store.leaderboard(kMonday, kBase.date());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).player, u"bob"_s);
    QCOMPARE(rows.at(1).player, u"alice"_s);
    QCOMPARE(rows.at(2).player, u"carol"_s);
    QCOMPARE(rows.at(0).team, u"ops"_s);
    QCOMPARE(rows.at(1).team, u"core"_s);
    QCOMPARE(rows.at(0).xp, 50);
    QCOMPARE(rows.at(1).xp, 30);
    QCOMPARE(rows.at(2).xp, 0);
    QCOMPARE(rows.at(1).reloads, 3); // this week's, not the startup, not last week's
    QCOMPARE(rows.at(1).fastestHotReloadMs, 12); // succeeded hot reloads of this week only
    QCOMPARE(rows.at(0).reloads, 1);
    QCOMPARE(rows.at(0).fastestHotReloadMs, 40);
    QCOMPARE(rows.at(2).reloads, 0);
    QCOMPARE(rows.at(2).fastestHotReloadMs, -1);
    QCOMPARE(rows.at(0).activeDays.size(), 3);

    // The game fills level and streak, for the week of its own clock.
    carol.now = kBase;
    const QList<LeaderboardRow> ranked = carol.engine->leaderboard();
    QCOMPARE(ranked.size(), 3);
    QCOMPARE(rowOf(ranked, u"bob"_s)->streakDays, 3);
    QCOMPARE(rowOf(ranked, u"alice"_s)->streakDays, 0);
    QCOMPARE(rowOf(ranked, u"bob"_s)->level, GamificationEngine::levelForXp(50).level);
    QCOMPARE(rowOf(ranked, u"alice"_s)->reloads, 3);

    // A team set later replaces the old one; XP stays.
    Player aliceAgain(dbPath(), u"alice"_s, u"platform"_s);
    QVERIFY(aliceAgain.ok);
    QCOMPARE(rowOf(carol.store.leaderboard(kMonday, kBase.date()), u"alice"_s)->team, u"platform"_s);
    QCOMPARE(aliceAgain.store.totalXp(), 30);
}

void TestPlayers::leaderboardKeepsAggregatedDays()
{
    Player alice(dbPath(), u"alice"_s);
    Player bob(dbPath(), u"bob"_s);
    QVERIFY(alice.ok && bob.ok);
    QVERIFY(alice.store.recordReload(reload(kBase, ReloadStrategy::HotReload, 12)) > 0);
    QVERIFY(alice.store.recordReload(reload(kBase.addSecs(1), ReloadStrategy::HotReload, 9)) > 0);
    QVERIFY(bob.store.recordReload(reload(kBase, ReloadStrategy::HotReload, 7)) > 0);
    QVERIFY(alice.store.recordXp(xp(kBase, 30)) > 0);
    QVERIFY(bob.store.recordXp(xp(kBase, 20)) > 0);
    const QList<LeaderboardRow> before = alice.store.leaderboard(kMonday, kBase.date());

    // Retention folds every raw row into daily rows, per player.
    alice.store.setRetention(RetentionSettings { 1, 1000 });
    QCOMPARE(alice.store.applyRetention(kBase.addDays(30)), 3);
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM reloads"_s).toInt(), 0);
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM xp_events"_s).toInt(), 0);
        QCOMPARE(raw.value(u"SELECT COUNT(DISTINCT player) FROM reload_days"_s).toInt(), 2);
    }
    const QList<LeaderboardRow> after = alice.store.leaderboard(kMonday, kBase.date());
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).player, before.at(i).player);
        QCOMPARE(after.at(i).xp, before.at(i).xp);
        QCOMPARE(after.at(i).reloads, before.at(i).reloads);
        QCOMPARE(after.at(i).fastestHotReloadMs, before.at(i).fastestHotReloadMs);
    }
    QCOMPARE(rowOf(after, u"alice"_s)->fastestHotReloadMs, 9);
    QCOMPARE(alice.store.totalXp(), 30);
    QCOMPARE(bob.store.totalXp(), 20);
    QCOMPARE(alice.store.succeededReloads(), 2);
    QCOMPARE(bob.store.fastHotReloads(8), 1);
    QCOMPARE(alice.store.fastHotReloads(8), 0);
    QCOMPARE(bob.store.dayCounters(kBase.date(), 0).xp, 20);
}

void TestPlayers::migrationGivesOldRowsToTheLocalPlayer()
{
    const qint64 t = kBase.toMSecsSinceEpoch();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.ok());
        for (int version = 1; version <= 5; ++version) {
            for (const auto& statement : storeschema::migrationTo(version))
                QVERIFY(raw.exec(statement));
        }
        QVERIFY(raw.exec(u"PRAGMA user_version = 5"_s));
        QVERIFY(raw.exec(u"INSERT INTO sessions(id, kind, started_ms) VALUES (1, 'run', %1)"_s.arg(t)));
        QVERIFY(
            raw.exec(u"INSERT INTO reloads(session_id, at_ms, day, trigger, requested, performed, outcome,"
                     u" total_ms) VALUES (1, %1, '2026-03-11', 'file_change', 'hot_reload', 'hot_reload',"
                     u" 'success', 30)"_s.arg(t)));
        QVERIFY(
            raw.exec(u"INSERT INTO xp_events(at_ms, day, amount) VALUES (%1, '2026-03-11', 12)"_s.arg(t)));
        QVERIFY(raw.exec(u"INSERT INTO xp_days(day, xp, events) VALUES ('2025-01-02', 70, 7)"_s));
        QVERIFY(raw.exec(
            u"INSERT INTO reload_days(day, trigger, performed, outcome, reloads, timed, total_ms_sum)"
            u" VALUES ('2025-01-02', 'manual', 'hot_reload', 'success', 4, 4, 80)"_s));
        QVERIFY(
            raw.exec(u"INSERT INTO reload_day_durations(day, trigger, performed, outcome, total_ms, reloads)"
                     u" VALUES ('2025-01-02', 'manual', 'hot_reload', 'success', 20, 4)"_s));
        QVERIFY(raw.exec(u"INSERT INTO achievements(id, unlocked_ms) VALUES ('first_reload', %1)"_s.arg(t)));
        QVERIFY(raw.exec(u"INSERT INTO active_days(day, first_ms) VALUES ('2026-03-11', %1)"_s.arg(t)));
        QVERIFY(raw.exec(u"INSERT INTO challenge_progress(day, challenge_id, progress, target, completed_ms)"
                         u" VALUES ('2026-03-11', 'c1', 2, 2, %1)"_s.arg(t)));
    }
    Player carol(dbPath(), u"carol"_s, u"core"_s);
    QVERIFY2(carol.ok, qPrintable(carol.store.lastError()));
    QCOMPARE(carol.store.schemaVersion(), HistoryStore::kSchemaVersion);
    QCOMPARE(carol.store.totalXp(), 82);
    QCOMPARE(carol.store.achievements().size(), 1);
    QCOMPARE(carol.store.activeDays(), QList<QDate> { QDate(2026, 3, 11) });
    QCOMPARE(carol.store.completedChallenges(), 1);
    QCOMPARE(carol.store.succeededReloads(), 5);
    QCOMPARE(carol.store.fastHotReloads(25), 4);
    QCOMPARE(carol.store.playerCount(), 1);
    {
        RawDb raw(dbPath());
        for (const auto& table :
            { u"sessions"_s, u"reloads"_s, u"xp_events"_s, u"achievements"_s, u"challenge_progress"_s,
                u"active_days"_s, u"xp_days"_s, u"reload_days"_s, u"reload_day_durations"_s }) {
            QVERIFY2(raw.value(u"SELECT COUNT(*) FROM %1 WHERE player <> 'carol'"_s.arg(table)).toInt() == 0,
                qPrintable(table));
        }
        // The database-wide total of version 3 keeps counting through the new xp_days.
        QCOMPARE(raw.value(u"SELECT value FROM totals WHERE name = 'xp'"_s).toInt(), 82);
    }

    // Whoever comes next starts from nothing.
    Player dave(dbPath(), u"dave"_s);
    QVERIFY(dave.ok);
    QCOMPARE(dave.store.totalXp(), 0);
    QVERIFY(dave.store.achievements().isEmpty());
    QCOMPARE(dave.store.succeededReloads(), 0);
    QCOMPARE(dave.store.playerCount(), 2);
    const QList<LeaderboardRow> rows = dave.store.leaderboard(kMonday, kBase.date());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first().player, u"carol"_s);
    QCOMPARE(rows.first().team, u"core"_s);
    QCOMPARE(rows.first().reloads, 1);
}

void TestPlayers::twoProcessesTwoPlayers()
{
    constexpr int kEvents = 300;
    QList<QProcess*> writers;
    for (const auto& name : { u"alice"_s, u"bob"_s }) {
        auto* process = new QProcess(this);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(),
            { u"--writer"_s, dbPath(), QString::number(kEvents), name });
        writers.append(process);
    }
    for (auto* process : std::as_const(writers)) {
        QVERIFY(process->waitForFinished(240000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
    }
    Player viewer(dbPath(), u"viewer"_s);
    QVERIFY(viewer.ok);
    const QDate today = viewer.store.localDay(QDateTime::currentDateTimeUtc());
    const QList<LeaderboardRow> rows = viewer.store.leaderboard(today.addDays(-7), today.addDays(1));
    const LeaderboardRow* alice = rowOf(rows, u"alice"_s);
    const LeaderboardRow* bob = rowOf(rows, u"bob"_s);
    QVERIFY(alice && bob);
    QCOMPARE(alice->xp, kEvents * 3);
    QCOMPARE(bob->xp, kEvents * 2);
    QCOMPARE(alice->reloads, kEvents);
    QCOMPARE(bob->reloads, kEvents);
    QCOMPARE(rows.first().player, u"alice"_s);
    QCOMPARE(viewer.store.totals().reloads, 2 * kEvents);
    QCOMPARE(viewer.store.totalXp(), 0);
    RawDb raw(dbPath());
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM xp_events"_s).toInt(), 2 * kEvents);
    QCOMPARE(raw.value(u"SELECT value FROM totals WHERE name = 'xp'"_s).toInt(), kEvents * 5);
}

// The child side of twoProcessesTwoPlayers: one player writes n reloads and n XP events.
static int runWriter(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString path = QString::fromLocal8Bit(argv[2]);
    const int count = QByteArray(argv[3]).toInt();
    const QString player = QString::fromLocal8Bit(argv[4]);
    HistoryStore store;
    store.setRetryInterval(20);
    store.setPlayer(player, u"team-"_s + player);
    if (!store.open(path))
        std::fprintf(
            stderr, "writer %s: open failed: %s\n", qPrintable(player), qPrintable(store.lastError()));
    const int amount = player == u"alice"_s ? 3 : 2;
    for (int i = 0; i < count; ++i) {
        const qint64 row
            = store.recordReload(reload(QDateTime::currentDateTimeUtc(), ReloadStrategy::HotReload, i % 100));
        XpEventRecord event = xp(QDateTime::currentDateTimeUtc(), amount);
        event.reloadRowId = row;
        store.recordXp(event);
    }
    if (!test::waitForHeldWrites(store, 60000)) {
        std::fprintf(stderr, "writer %s: %d writes left\n", qPrintable(player), store.pendingWrites());
        return 1;
    }
    return 0;
}

int main(int argc, char** argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"foxreload-test"_s);
    TestPlayers test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_players.moc"
