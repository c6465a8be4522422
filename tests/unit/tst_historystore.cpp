#include "common/DatabaseLocation.h"
#include "common/HeldWrites.h"
#include "common/PostgresServer.h"
#include "common/RawDatabase.h"
#include "common/ReadOnlySqliteFile.h"
#include "store/HistoryStore.h"
#include "store/StoreSchema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);

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
    record.startToReadyMs = totalMs > 0 ? totalMs - 1 : totalMs;
    record.detectToStartMs = 1;
    record.error = outcome == ReloadOutcome::Failed ? u"SyntaxError: invalid syntax"_s : QString();
    return record;
}

XpEventRecord xp(const QDateTime& at, int amount)
{
    XpEventRecord event;
    event.atUtc = at;
    event.amount = amount;
    event.rule = u"reload_hot"_s;
    event.reason = u"hot reload"_s;
    return event;
}

using test::RawDb;

} // namespace

// Runs once on SQLite files and once more on a PostgreSQL server (when one can be started):
// the same store, the same queries and migrations, another dialect.
class TestHistoryStore : public QObject
{
    Q_OBJECT
public:
    explicit TestHistoryStore(test::PostgresServer* postgres = nullptr)
        : m_postgres(postgres)
    { }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        if (m_postgres) {
            m_url = m_postgres->createDatabase(u"history_%1"_s.arg(++m_databases));
            QVERIFY2(!m_url.isEmpty(), qPrintable(m_postgres->why()));
        }
    }
    void cleanup() { m_dir.reset(); }

    void opensWithLatestSchemaAndWal();
    void defaultPathIsInAppData();
    void migratesFromVersion1();
    void migratesFromVersion2();
    void migratesFromVersion4KeepingAggregatedDays();
    void recordsAndQueries();
    void mediansByStrategy();
    void perDayAndXpOverTime();
    void dayCountersCountUserReloadsOnly();
    void achievementsUnlockOnce();
    void challengeProgressNeverGoesBack();
    void retentionKeepsTotals();
    void corruptDatabaseHoldsEventsUntilReplaced();
    void readOnlyDatabaseHoldsEventsUntilWritable();
    void lockedDatabaseHoldsEventsUntilUnlocked_data();
    void lockedDatabaseHoldsEventsUntilUnlocked();
    void twoProcessesWriteConcurrently();
    void emptyFieldsAreStored();
    void externalChangesAreNoticed();
    void writeThatCanNeverSucceedIsDropped();
    void lostConnectionHoldsEventsUntilServerIsBack();
    void twoPlayersShareOneDatabase();

private:
    QString dbPath() const { return m_postgres ? m_url : m_dir->filePath(u"history.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
    test::PostgresServer* m_postgres = nullptr;
    QString m_url;
    int m_databases = 0;
};

// A test of SQLite's file itself (its header, its locks, a file from an old version).
#define SQLITE_ONLY()                                                                                        \
    if (m_postgres)                                                                                          \
    QSKIP("about SQLite's file")

void TestHistoryStore::opensWithLatestSchemaAndWal()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.isAvailable());
    QCOMPARE(store.schemaVersion(), HistoryStore::kSchemaVersion);
    RawDb raw(dbPath());
    if (!m_postgres)
        QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    const QString tableCount = m_postgres
        ? u"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
          u" AND table_name = '%1'"_s
        : u"SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'"_s;
    for (const auto& table : { u"sessions"_s, u"reloads"_s, u"batches"_s, u"xp_events"_s, u"achievements"_s,
             u"challenge_progress"_s, u"active_days"_s, u"reload_days"_s, u"xp_days"_s, u"batch_days"_s }) {
        QVERIFY2(raw.value(tableCount.arg(table)).toInt() == 1, qPrintable(table));
    }
}

void TestHistoryStore::defaultPathIsInAppData()
{
    QVERIFY(HistoryStore::defaultPath().endsWith(u"/history.sqlite"_s));
    QCOMPARE(HistoryStore::resolvePath(u"/tmp/x.sqlite"_s), u"/tmp/x.sqlite"_s);
    QCOMPARE(HistoryStore::resolvePath(QString()), HistoryStore::defaultPath());
}

void TestHistoryStore::migratesFromVersion1()
{
    SQLITE_ONLY();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.ok());
        for (const auto& statement : storeschema::version1())
            QVERIFY(raw.exec(statement));
        QVERIFY(raw.exec(u"PRAGMA user_version = 1"_s));
        const qint64 t = kBase.toMSecsSinceEpoch();
        QVERIFY(raw.exec(u"INSERT INTO sessions(id, kind, project_root, server_command, started_ms, ended_ms)"
                         u" VALUES (7, 'run', '/p', 'python3 main.py', %1, %2)"_s.arg(t)
                             .arg(t + 60000)));
        QVERIFY(raw.exec(u"INSERT INTO reloads(session_id, at_ms, trigger, strategy, outcome, total_ms)"
                         u" VALUES (7, %1, 'file_change', 'hot_reload', 'success', 30)"_s.arg(t + 1000)));
        QVERIFY(
            raw.exec(u"INSERT INTO reloads(session_id, at_ms, trigger, strategy, outcome, error)"
                     u" VALUES (7, %1, 'file_change', 'full_restart', 'failed', 'boom')"_s.arg(t + 2000)));
        QVERIFY(raw.exec(
            u"INSERT INTO xp_events(at_ms, amount, reason, reload_id) VALUES (%1, 12, 'hot', 1)"_s.arg(
                t + 1000)));
        QVERIFY(raw.exec(
            u"INSERT INTO achievements(id, unlocked_ms) VALUES ('first_reload', %1)"_s.arg(t + 1000)));
    }
    HistoryStore store;
    store.setTimeZone(QTimeZone("Europe/Berlin"));
    store.setRetention(RetentionSettings { 36500, 1000 }); // keep the old rows raw
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), HistoryStore::kSchemaVersion);

    const HistoryTotals totals = store.totals();
    QCOMPARE(totals.reloads, 2);
    QCOMPARE(totals.succeeded, 1);
    QCOMPARE(totals.failed, 1);
    QCOMPARE(totals.xp, 12);
    QCOMPARE(totals.sessions, 1);
    QCOMPARE(store.achievements().size(), 1);
    QCOMPARE(store.achievements().first().id, u"first_reload"_s);
    QCOMPARE(store.activeDays(), QList<QDate> { QDate(2026, 3, 10) });
    const QList<ReloadRecord> reloads = store.recentReloads(10);
    QCOMPARE(reloads.size(), 2);
    QCOMPARE(reloads.at(0).performed, ReloadStrategy::FullRestart);
    QCOMPARE(reloads.at(0).requested, ReloadStrategy::FullRestart);
    QCOMPARE(reloads.at(0).error, u"boom"_s);
    QCOMPARE(reloads.at(0).startToReadyMs, -1);
    QCOMPARE(reloads.at(0).buildMs, -1); // version 4: rows from before any build step
    QCOMPARE(reloads.at(1).totalMs, 30);
    QCOMPARE(store.reloadsPerDay(QDate(2026, 3, 10), QDate(2026, 3, 10)).size(), 1);
    QCOMPARE(store.sessions().first().serverCommand, u"python3 main.py"_s);

    // The upgraded file takes new rows like a fresh one, the build's duration included.
    ReloadRecord built = reload(kBase.addSecs(10), ReloadStrategy::HotReload, 20);
    built.buildMs = 1234;
    QVERIFY(store.recordReload(built) > 0);
    QCOMPARE(store.totals().reloads, 3);
    QCOMPARE(store.recentReloads(1).first().buildMs, 1234);
    store.close();
    HistoryStore again;
    again.setRetention(RetentionSettings { 36500, 1000 });
    QVERIFY(again.open(dbPath()));
    QCOMPARE(again.totals().reloads, 3);
}

void TestHistoryStore::migratesFromVersion2()
{
    SQLITE_ONLY();
    {
        RawDb raw(dbPath());
        for (int version = 1; version <= 2; ++version) {
            for (const auto& statement : storeschema::migrationTo(version))
                QVERIFY(raw.exec(statement));
        }
        QVERIFY(raw.exec(u"PRAGMA user_version = 2"_s));
        // What a development build of version 2 left behind: a total that is wrong now.
        QVERIFY(raw.exec(u"CREATE TABLE totals (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"_s));
        QVERIFY(raw.exec(u"INSERT INTO totals VALUES ('xp', 999)"_s));
        QVERIFY(raw.exec(u"INSERT INTO xp_events(at_ms, day, amount) VALUES (1, '2026-03-10', 12)"_s));
        QVERIFY(raw.exec(u"INSERT INTO xp_days(day, xp, events) VALUES ('2025-01-01', 30, 3)"_s));
    }
    HistoryStore store;
    store.setRetention(RetentionSettings { 36500, 1000 });
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), HistoryStore::kSchemaVersion);
    QCOMPARE(store.totalXp(), 42);
    QVERIFY(store.recordXp(xp(kBase, 8)) > 0);
    QCOMPARE(store.totalXp(), 50);
    RawDb raw(dbPath());
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'reloads_strategy'"
                       u" AND sql LIKE '%WHERE trigger%'"_s)
                 .toInt(),
        1);
}

void TestHistoryStore::migratesFromVersion4KeepingAggregatedDays()
{
    SQLITE_ONLY();
    // A file as FoxReload wrote it before game thresholds left the schema: reload_days
    // counted reloads under 50 ms and under 200 ms.
    {
        RawDb raw(dbPath());
        QVERIFY(raw.ok());
        for (int version = 1; version <= 4; ++version) {
            for (const auto& statement : storeschema::migrationTo(version))
                QVERIFY(raw.exec(statement));
        }
        QVERIFY(raw.exec(u"PRAGMA user_version = 4"_s));
        QCOMPARE(
            raw.value(u"SELECT COUNT(*) FROM pragma_table_info('reload_days') WHERE name = 'under_50ms'"_s)
                .toInt(),
            1);
        QVERIFY(raw.exec(u"INSERT INTO sessions(id, kind, started_ms) VALUES (1, 'run', 0)"_s));
        QVERIFY(raw.exec(u"INSERT INTO reload_days VALUES"
                         u" ('2025-01-02', 'file_change', 'hot_reload', 'success', 10, 9, 900, 3, 7),"
                         u" ('2025-01-02', 'file_change', 'hot_reload', 'failed', 2, 2, 40, 2, 2),"
                         u" ('2025-01-03', 'manual', 'full_restart', 'success', 4, 4, 4000, 0, 1),"
                         u" ('2025-01-03', 'startup', 'full_restart', 'success', 1, 1, 900, 0, 0)"_s));
        QVERIFY(
            raw.exec(u"INSERT INTO reloads(session_id, at_ms, day, trigger, requested, performed, outcome,"
                     u" total_ms) VALUES (1, %1, '2026-03-10', 'file_change', 'hot_reload', 'hot_reload',"
                     u" 'success', 30)"_s.arg(kBase.toMSecsSinceEpoch())));
        QVERIFY(raw.exec(u"INSERT INTO xp_days(day, xp, events) VALUES ('2025-01-02', 70, 7)"_s));
    }
    HistoryStore store;
    store.setTimeZone(QTimeZone("UTC"));
    store.setRetention(RetentionSettings { 36500, 1000 });
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), HistoryStore::kSchemaVersion);

    // Every row kept: totals, days and XP as before.
    const HistoryTotals totals = store.totals();
    QCOMPARE(totals.reloads, 10 + 2 + 4 + 1);
    QCOMPARE(totals.succeeded, 15);
    QCOMPARE(totals.xp, 70);
    QCOMPARE(store.succeededReloads(), 15);
    const auto days = store.reloadsPerDay(QDate(2025, 1, 1), QDate(2025, 1, 31));
    QCOMPARE(days.size(), 2);
    QCOMPARE(days.at(0).reloads, 12);
    QCOMPARE(days.at(0).xp, 70);
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM reload_days"_s).toInt(), 4);
        QCOMPARE(raw.value(u"SELECT SUM(total_ms_sum) FROM reload_days"_s).toInt(), 5840);
        QCOMPARE(
            raw.value(u"SELECT COUNT(*) FROM pragma_table_info('reload_days') WHERE name LIKE 'under%'"_s)
                .toInt(),
            0);
    }
    // The old counts answer the thresholds they were made for, and no lower one.
    QCOMPARE(store.fastHotReloads(50), 3 + 1);
    QCOMPARE(store.fastHotReloads(40), 1);
    QCOMPARE(store.dayCounters(QDate(2025, 1, 2), 200).fastReloads, 7);
    QCOMPARE(store.dayCounters(QDate(2025, 1, 2), 50).fastReloads, 3);
    QCOMPARE(store.dayCounters(QDate(2025, 1, 3), 200).fastReloads, 1);
    QCOMPARE(store.dayCounters(QDate(2025, 1, 3), 200).succeeded, 4);

    // New aggregates add to the migrated ones.
    store.setRetention(RetentionSettings { 90, 1000 });
    QCOMPARE(store.applyRetention(kBase.addDays(400)), 1);
    QCOMPARE(store.fastHotReloads(50), 4);
    QCOMPARE(store.fastHotReloads(31), 1);
    QCOMPARE(store.totals().reloads, 17);
}

void TestHistoryStore::recordsAndQueries()
{
    HistoryStore store;
    store.setTimeZone(QTimeZone("UTC"));
    QVERIFY(store.open(dbPath()));
    QSignalSpy changed(&store, &HistoryStore::changed);

    SessionRecord session;
    session.kind = u"run"_s;
    session.projectRoot = u"/srv/p"_s;
    session.serverCommand = u"python3 main.py"_s;
    const qint64 sessionId = store.beginSession(session);
    QVERIFY(sessionId > 0);

    BatchRecord batch;
    batch.sessionId = sessionId;
    batch.batchId = 1;
    batch.atUtc = kBase;
    batch.strategy = ReloadStrategy::HotReload;
    batch.files = { u"modified tools/weather.py"_s };
    batch.fileCount = 1;
    store.recordBatch(batch);
    batch.batchId = 2;
    batch.contentIdentical = true;
    batch.strategy = ReloadStrategy::None;
    store.recordBatch(batch);

    QVERIFY(store.recordReload(reload(
                kBase, ReloadStrategy::FullRestart, 900, ReloadOutcome::Success, ReloadTrigger::Startup))
        > 0);
    const qint64 row = store.recordReload(reload(kBase.addSecs(5), ReloadStrategy::HotReload, 21));
    QVERIFY(row > 0);
    QVERIFY(
        store.recordReload(reload(kBase.addSecs(9), ReloadStrategy::FullRestart, 0, ReloadOutcome::Failed))
        > 0);
    QVERIFY(store.recordXp(xp(kBase.addSecs(5), 12)) > 0);
    store.endSession(sessionId, kBase.addSecs(60));
    QVERIFY(changed.count() >= 6);
    QCOMPARE(store.pendingWrites(), 0);

    const HistoryTotals totals = store.totals();
    QCOMPARE(totals.reloads, 2); // the first start is not a reload
    QCOMPARE(totals.succeeded, 1);
    QCOMPARE(totals.failed, 1);
    QCOMPARE(totals.xp, 12);
    QCOMPARE(totals.batches, 2);
    QCOMPARE(totals.contentIdenticalBatches, 1);
    QCOMPARE(store.totalXp(), 12);
    QCOMPARE(store.xpSince(kBase), 12);
    QCOMPARE(store.xpSince(kBase.addSecs(6)), 0);

    const auto points = store.chartReloads(HistoryScope { kBase, kBase.addSecs(60), u"/srv/p"_s });
    QCOMPARE(points.size(), 0); // these reloads name no session of that project
    const auto all = store.chartReloads(HistoryScope { kBase, kBase.addSecs(60), {} });
    QCOMPARE(all.size(), 2); // oldest first, the first start left out
    QCOMPARE(all.at(0).strategy, ReloadStrategy::HotReload);
    QCOMPARE(all.at(0).durationMs, 20);
    QCOMPARE(all.at(1).outcome, ReloadOutcome::Failed);

    const auto sessions = store.sessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().id, sessionId);
    QCOMPARE(sessions.first().endedAtUtc, kBase.addSecs(60));
    QCOMPARE(store.strategiesUsed(), QList<ReloadStrategy> { ReloadStrategy::HotReload });
    QCOMPARE(store.succeededReloads(), 1);
    QCOMPARE(store.fastHotReloads(50), 1);
    QCOMPARE(store.fastHotReloads(20), 0);
}

void TestHistoryStore::mediansByStrategy()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QList<ReloadRecord> rows;
    for (const qint64 ms : { 10, 40, 20, 30 }) // even count: median of 20 and 30
        rows.append(reload(kBase.addSecs(rows.size()), ReloadStrategy::HotReload, ms));
    for (const qint64 ms : { 500, 300, 700 })
        rows.append(reload(kBase.addSecs(rows.size()), ReloadStrategy::FullRestart, ms));
    rows.append(reload(kBase.addSecs(100), ReloadStrategy::FullRestart, 5, ReloadOutcome::Failed));
    // The session's first start is not a reload: neither counted nor in the medians.
    rows.append(reload(kBase.addSecs(101), ReloadStrategy::FullRestart, 90000, ReloadOutcome::Success,
        ReloadTrigger::Startup));
    rows.append(reload(kBase.addSecs(102), ReloadStrategy::FullRestart, 90000, ReloadOutcome::Success,
        ReloadTrigger::Startup));
    QVERIFY(store.recordReloads(rows));

    const auto totals = store.totalsByStrategy();
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals.at(0).strategy, ReloadStrategy::HotReload);
    QCOMPARE(totals.at(0).reloads, 4);
    QCOMPARE(totals.at(0).medianTotalMs, 25.0);
    QCOMPARE(totals.at(0).medianStartToReadyMs, 24.0);
    QCOMPARE(totals.at(1).strategy, ReloadStrategy::FullRestart);
    QCOMPARE(totals.at(1).reloads, 4);
    QCOMPARE(totals.at(1).failed, 1);
    QCOMPARE(totals.at(1).medianTotalMs, 500.0); // failures do not count
}

void TestHistoryStore::perDayAndXpOverTime()
{
    HistoryStore store;
    store.setTimeZone(QTimeZone("Europe/Berlin"));
    QVERIFY(store.open(dbPath()));
    // 23:30 UTC on March 10 is already March 11 in Berlin.
    const QDateTime lateUtc(QDate(2026, 3, 10), QTime(23, 30), Qt::UTC);
    QVERIFY(store.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)) > 0);
    QVERIFY(
        store.recordReload(reload(kBase.addSecs(60), ReloadStrategy::HotReload, 20, ReloadOutcome::Failed))
        > 0);
    QVERIFY(store.recordReload(reload(lateUtc, ReloadStrategy::HotReload, 20)) > 0);
    store.recordXp(xp(kBase, 10));
    store.recordXp(xp(lateUtc, 5));
    store.recordXp(xp(lateUtc.addDays(2), 7));

    const auto days = store.reloadsPerDay(QDate(2026, 3, 1), QDate(2026, 3, 31));
    QCOMPARE(days.size(), 3);
    QCOMPARE(days.at(0).day, QDate(2026, 3, 10));
    QCOMPARE(days.at(0).reloads, 2);
    QCOMPARE(days.at(0).failed, 1);
    QCOMPARE(days.at(0).xp, 10);
    QCOMPARE(days.at(1).day, QDate(2026, 3, 11));
    QCOMPARE(days.at(1).reloads, 1);
    QCOMPARE(days.at(2).day, QDate(2026, 3, 13));
    QCOMPARE(days.at(2).reloads, 0);
    QCOMPARE(days.at(2).xp, 7);
    QCOMPARE(store.reloadsPerDay(QDate(2026, 3, 11), QDate(2026, 3, 17)).size(), 2);

    // The running XP total starts from everything before the range.
    const auto curve = store.xpCurve(HistoryScope { lateUtc, {}, {} });
    QCOMPARE(curve.size(), 2);
    QCOMPARE(curve.at(0).amount, 5);
    QCOMPARE(curve.at(0).total, 15);
    QCOMPARE(curve.at(1).total, 22);
}

void TestHistoryStore::dayCountersCountUserReloadsOnly()
{
    HistoryStore store;
    store.setTimeZone(QTimeZone("UTC"));
    QVERIFY(store.open(dbPath()));
    store.recordReload(
        reload(kBase, ReloadStrategy::FullRestart, 900, ReloadOutcome::Success, ReloadTrigger::Startup));
    store.recordReload(
        reload(kBase, ReloadStrategy::FullRestart, 900, ReloadOutcome::Success, ReloadTrigger::CrashRestart));
    store.recordReload(reload(kBase, ReloadStrategy::HotReload, 30));
    store.recordReload(reload(kBase, ReloadStrategy::HotReload, 300));
    store.recordReload(reload(kBase, ReloadStrategy::ServiceRestart, 100));
    store.recordReload(
        reload(kBase, ReloadStrategy::FullRestart, 800, ReloadOutcome::Success, ReloadTrigger::Manual));
    store.recordReload(reload(kBase, ReloadStrategy::HotReload, 0, ReloadOutcome::Failed));
    store.recordXp(xp(kBase, 9));
    const DayCounters counters = store.dayCounters(QDate(2026, 3, 10), 200);
    QCOMPARE(counters.succeeded, 4);
    QCOMPARE(counters.failed, 1);
    QCOMPARE(counters.hotReloads, 2);
    QCOMPARE(counters.serviceRestarts, 1);
    QCOMPARE(counters.fullRestarts, 1);
    QCOMPARE(counters.fastReloads, 2);
    QCOMPARE(counters.xp, 9);
    // The threshold is the caller's: no rule of the game is in the store.
    QCOMPARE(store.dayCounters(QDate(2026, 3, 10), 100).fastReloads, 1);
    QCOMPARE(store.dayCounters(QDate(2026, 3, 10), 1000).fastReloads, 4);
    QCOMPARE(store.dayCounters(QDate(2026, 3, 11), 200).succeeded, 0);
}

void TestHistoryStore::achievementsUnlockOnce()
{
    HistoryStore a;
    HistoryStore b; // a second connection, as another process would have
    QVERIFY(a.open(dbPath()));
    QVERIFY(b.open(dbPath()));
    QVERIFY(a.unlockAchievement(u"first_reload"_s, kBase));
    QVERIFY(!b.unlockAchievement(u"first_reload"_s, kBase.addSecs(1)));
    QVERIFY(!a.unlockAchievement(u"first_reload"_s, kBase.addSecs(2)));
    QCOMPARE(b.achievements().size(), 1);
    QCOMPARE(b.achievements().first().unlockedAtUtc, kBase);
    QVERIFY(a.markActiveDay(QDate(2026, 3, 10), kBase));
    QVERIFY(!b.markActiveDay(QDate(2026, 3, 10), kBase));
}

void TestHistoryStore::challengeProgressNeverGoesBack()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const QDate day(2026, 3, 10);
    QVERIFY(!store.saveChallengeProgress({ day, u"warm_up"_s, 3, 5, {} }));
    QVERIFY(!store.saveChallengeProgress({ day, u"warm_up"_s, 2, 5, {} }));
    QCOMPARE(store.challengeProgress(day).first().progress, 3);
    QVERIFY(store.saveChallengeProgress({ day, u"warm_up"_s, 5, 5, kBase }));
    QVERIFY(!store.saveChallengeProgress({ day, u"warm_up"_s, 5, 5, kBase.addSecs(1) }));
    QCOMPARE(store.completedChallenges(), 1);
    QCOMPARE(store.challengeProgress(day).first().completedAtUtc, kBase);
}

void TestHistoryStore::retentionKeepsTotals()
{
    HistoryStore store;
    store.setTimeZone(QTimeZone("UTC"));
    QVERIFY(store.open(dbPath()));
    const QDateTime now = kBase;
    QList<ReloadRecord> rows;
    for (int i = 0; i < 40; ++i)
        rows.append(reload(now.addDays(-200).addSecs(i), ReloadStrategy::HotReload, 30 + i));
    for (int i = 0; i < 10; ++i)
        rows.append(
            reload(now.addDays(-150).addSecs(i), ReloadStrategy::FullRestart, 600, ReloadOutcome::Failed));
    for (int i = 0; i < 20; ++i)
        rows.append(reload(now.addDays(-1).addSecs(i), ReloadStrategy::HotReload, 40));
    QVERIFY(store.recordReloads(rows));
    store.recordXp(xp(now.addDays(-200), 100));
    store.recordXp(xp(now.addDays(-1), 10));
    const HistoryTotals before = store.totals();
    const qint64 fastBefore = store.fastHotReloads(50);
    const qint64 fast45Before = store.fastHotReloads(45);
    const DayCounters oldDayBefore = store.dayCounters(now.addDays(-200).date(), 61);
    const qint64 succeededBefore = store.succeededReloads();

    store.setRetention(RetentionSettings { 90, 1000 });
    QCOMPARE(store.applyRetention(now), 50);
    QCOMPARE(store.recentReloads(1000).size(), 20);
    const HistoryTotals after = store.totals();
    QCOMPARE(after.reloads, before.reloads);
    QCOMPARE(after.succeeded, before.succeeded);
    QCOMPARE(after.failed, before.failed);
    QCOMPARE(after.xp, before.xp);
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.value(u"SELECT (SELECT SUM(amount) FROM xp_events) + (SELECT SUM(xp) FROM xp_days)"_s)
                     .toLongLong(),
            after.xp);
    }
    QCOMPARE(store.fastHotReloads(50), fastBefore);
    // Aggregated days keep each duration: any threshold counts as it did on the raw rows.
    QCOMPARE(fast45Before, 15 + 20);
    QCOMPARE(store.fastHotReloads(45), fast45Before);
    const DayCounters oldDayAfter = store.dayCounters(now.addDays(-200).date(), 61);
    QCOMPARE(oldDayBefore.fastReloads, 31);
    QCOMPARE(oldDayAfter.fastReloads, oldDayBefore.fastReloads);
    QCOMPARE(oldDayAfter.succeeded, oldDayBefore.succeeded);
    QCOMPARE(store.succeededReloads(), succeededBefore);
    const auto old = store.reloadsPerDay(now.addDays(-200).date(), now.addDays(-200).date());
    QCOMPARE(old.size(), 1);
    QCOMPARE(old.first().reloads, 40);
    QCOMPARE(old.first().xp, 100);
    const auto byStrategy = store.totalsByStrategy();
    QCOMPARE(byStrategy.size(), 2);
    QCOMPARE(byStrategy.at(0).reloads, 60);
    QCOMPARE(byStrategy.at(0).medianTotalMs, 40.0); // over the kept rows
    QCOMPARE(byStrategy.at(1).failed, 10);

    // The row bound: no more than maxRawReloads raw rows, whatever their age.
    store.setRetention(RetentionSettings { 90, 5 });
    QCOMPARE(store.applyRetention(now), 15);
    QCOMPARE(store.recentReloads(1000).size(), 5);
    QCOMPARE(store.totals().reloads, before.reloads);
    QCOMPARE(store.applyRetention(now), 0);
}

void TestHistoryStore::corruptDatabaseHoldsEventsUntilReplaced()
{
    SQLITE_ONLY();
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    HistoryStore store;
    store.setRetryInterval(100);
    QSignalSpy warnings(&store, &HistoryStore::warning);
    QSignalSpy availability(&store, &HistoryStore::availabilityChanged);
    QVERIFY(!store.open(dbPath()));
    QVERIFY(!store.isAvailable());
    QCOMPARE(warnings.count(), 1);
    const QString message = warnings.first().first().toString();
    QVERIFY2(message.contains(dbPath()), qPrintable(message));
    QVERIFY2(message.contains(u"not a database"_s), qPrintable(message));

    const qint64 session = store.beginSession(SessionRecord { 0, u"test"_s, {}, {}, {}, 0, kBase, {} });
    QVERIFY(session > 0);
    QCOMPARE(store.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)), 0);
    QCOMPARE(store.recordXp(xp(kBase, 5)), 0);
    QCOMPARE(store.pendingWrites(), 3);
    QTest::qWait(350); // a few failed retries
    QCOMPARE(warnings.count(), 1); // said once
    QCOMPARE(store.pendingWrites(), 3);

    QVERIFY(QFile::remove(dbPath())); // the user moves the damaged file away
    QTRY_VERIFY_WITH_TIMEOUT(store.isAvailable(), 10000);
    QCOMPARE(store.pendingWrites(), 0);
    QCOMPARE(store.totals().reloads, 1);
    QCOMPARE(store.totalXp(), 5);
    QCOMPARE(store.sessions().size(), 1);
    QCOMPARE(availability.last().first().toBool(), true);
}

void TestHistoryStore::readOnlyDatabaseHoldsEventsUntilWritable()
{
    SQLITE_ONLY();
    {
        HistoryStore setup;
        QVERIFY(setup.open(dbPath()));
        QVERIFY(setup.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)) > 0);
    }
    // SQLite itself refuses to write it (any file system, any user): as on a read-only mount.
    test::ReadOnlySqliteFile readOnly(dbPath());
    QVERIFY(readOnly.isSet());
    HistoryStore store;
    store.setRetryInterval(100);
    QSignalSpy warnings(&store, &HistoryStore::warning);
    QVERIFY(!store.open(dbPath()));
    QCOMPARE(warnings.count(), 1);
    const QString message = warnings.first().first().toString();
    QVERIFY2(message.contains(dbPath()) && message.contains(u"readonly"_s), qPrintable(message));
    QCOMPARE(store.recordReload(reload(kBase.addSecs(1), ReloadStrategy::HotReload, 20)), 0);
    QCOMPARE(store.recordReload(reload(kBase.addSecs(2), ReloadStrategy::FullRestart, 700)), 0);
    QTest::qWait(300);
    QCOMPARE(warnings.count(), 1);
    QCOMPARE(store.pendingWrites(), 2);

    QVERIFY(readOnly.restore());
    QTRY_VERIFY_WITH_TIMEOUT(store.isAvailable(), 10000);
    QCOMPARE(store.pendingWrites(), 0);
    QCOMPARE(store.totals().reloads, 3);
}

void TestHistoryStore::lockedDatabaseHoldsEventsUntilUnlocked_data()
{
    QTest::addColumn<int>("lockMs");
    QTest::addColumn<bool>("warned");
    // A second FoxReload's write is over in milliseconds: waited out, not reported.
    QTest::newRow("brief lock") << 150 << false;
    // Another program's lock: reported once, with the file and SQLite's words.
    QTest::newRow("lasting lock") << 2500 << true;
}

void TestHistoryStore::lockedDatabaseHoldsEventsUntilUnlocked()
{
    QFETCH(int, lockMs);
    QFETCH(bool, warned);
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy warnings(&store, &HistoryStore::warning);
    {
        RawDb other(dbPath());
        if (m_postgres) {
            QVERIFY(other.exec(u"BEGIN"_s));
            QVERIFY(other.exec(u"LOCK TABLE reloads, xp_events IN ACCESS EXCLUSIVE MODE"_s));
        } else {
            QVERIFY(other.exec(u"BEGIN EXCLUSIVE"_s));
        }
        QElapsedTimer clock;
        clock.start();
        // A reload's writes: the first waits the write busy timeout (50 ms), the rest are held at once.
        QCOMPARE(store.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)), 0);
        QCOMPARE(store.recordXp(xp(kBase, 5)), 0);
        QCOMPARE(store.recordReload(reload(kBase.addSecs(1), ReloadStrategy::FullRestart, 700)), 0);
        QVERIFY2(clock.elapsed() < 500, qPrintable(u"writes blocked for %1 ms"_s.arg(clock.elapsed())));
        QCOMPARE(store.pendingWrites(), 3);
        QVERIFY(store.isAvailable()); // the file is fine; only its lock is taken
        QCOMPARE(warnings.count(), 0);
        QTest::qWait(lockMs);
        QCOMPARE(warnings.count(), warned ? 1 : 0);
        if (warned) {
            const QString message = warnings.first().first().toString();
            QVERIFY2(message.contains(u"locked"_s) && message.contains(dbPath()), qPrintable(message));
            QVERIFY2(!message.contains(u"Unable to"_s), qPrintable(message)); // SQLite's words, not Qt's glue
        }
        QVERIFY(other.exec(u"COMMIT"_s));
    }
    QTRY_COMPARE_WITH_TIMEOUT(store.pendingWrites(), 0, 10000);
    QCOMPARE(store.totals().reloads, 2);
    QCOMPARE(store.totalXp(), 5);
    QCOMPARE(warnings.count(), warned ? 1 : 0);
    // Written in the order they happened.
    const QList<ReloadRecord> newestFirst = store.recentReloads(10);
    QCOMPARE(newestFirst.size(), 2);
    QCOMPARE(newestFirst.first().requested, ReloadStrategy::FullRestart);
}

void TestHistoryStore::twoProcessesWriteConcurrently()
{
    constexpr int kEvents = 1000;
    QList<QProcess*> writers;
    for (const auto& tag : { u"a"_s, u"b"_s }) {
        auto* process = new QProcess(this);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(),
            { u"--writer"_s, dbPath(), QString::number(kEvents), tag });
        writers.append(process);
    }
    for (auto* process : std::as_const(writers)) {
        QVERIFY(process->waitForFinished(240000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
    }
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QCOMPARE(store.totals().reloads, 2 * kEvents);
    QCOMPARE(store.totalXp(), 2 * kEvents * 3);
    QCOMPARE(store.sessions().size(), 2);
    RawDb raw(dbPath());
    for (const auto& tag : { u"a"_s, u"b"_s })
        QCOMPARE(raw.value(u"SELECT COUNT(DISTINCT reason) FROM reloads WHERE reason LIKE '%1-%'"_s.arg(tag))
                     .toInt(),
            kEvents);
}

void TestHistoryStore::externalChangesAreNoticed()
{
    HistoryStore viewer;
    HistoryStore writer; // another process, as far as SQLite is concerned
    QVERIFY(viewer.open(dbPath()));
    QVERIFY(writer.open(dbPath()));
    viewer.watchExternalChanges(50);
    QSignalSpy changed(&viewer, &HistoryStore::changed);
    QTest::qWait(200);
    QCOMPARE(changed.count(), 0);
    QVERIFY(writer.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
    QCOMPARE(viewer.totals().reloads, 1);
}

void TestHistoryStore::emptyFieldsAreStored()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    store.recordBatch(BatchRecord {}); // no files, no time, no session
    store.beginSession(SessionRecord {});
    store.recordXp(XpEventRecord {});
    QVERIFY(store.recordReload(ReloadRecord {}) > 0);
    QVERIFY(store.isAvailable());
    QCOMPARE(store.pendingWrites(), 0);
    QCOMPARE(store.totals().batches, 1);
}

void TestHistoryStore::writeThatCanNeverSucceedIsDropped()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    {
        RawDb raw(dbPath());
        if (m_postgres) {
            QVERIFY(raw.exec(u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                             u" RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END $$"_s));
            QVERIFY(raw.exec(
                u"CREATE TRIGGER refuse BEFORE INSERT ON batches FOR EACH ROW EXECUTE FUNCTION refuse()"_s));
        } else {
            QVERIFY(raw.exec(
                u"CREATE TRIGGER refuse BEFORE INSERT ON batches BEGIN SELECT RAISE(ABORT, 'refused'); END"_s));
        }
    }
    QSignalSpy warnings(&store, &HistoryStore::warning);
    BatchRecord batch;
    batch.files = { u"modified a.py"_s };
    store.recordBatch(batch);
    QCOMPARE(warnings.count(), 0); // not an outage: the store stays usable
    QVERIFY(store.isAvailable());
    QCOMPARE(store.pendingWrites(), 0);
    QVERIFY(store.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)) > 0);
}

void TestHistoryStore::lostConnectionHoldsEventsUntilServerIsBack()
{
    if (!m_postgres)
        QSKIP("a database server's connection");
    HistoryStore store;
    store.setRetryInterval(100);
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QVERIFY(store.recordReload(reload(kBase, ReloadStrategy::HotReload, 20)) > 0);
    QSignalSpy warnings(&store, &HistoryStore::warning);
    QVERIFY(m_postgres->stop());
    QElapsedTimer clock;
    clock.start();
    // A reload's writes while the server is gone: none waits for it.
    QCOMPARE(store.recordReload(reload(kBase.addSecs(1), ReloadStrategy::FullRestart, 700)), 0);
    QCOMPARE(store.recordXp(xp(kBase.addSecs(1), 5)), 0);
    QVERIFY(!store.unlockAchievement(u"first_reload"_s, kBase.addSecs(1)));
    QVERIFY2(clock.elapsed() < 500, qPrintable(u"writes blocked for %1 ms"_s.arg(clock.elapsed())));
    QCOMPARE(store.pendingWrites(), 3);
    QVERIFY(!store.isAvailable());
    // Retries while it is gone say nothing more: one warning per outage.
    QTest::qWait(500);
    QCOMPARE(store.recordReload(reload(kBase.addSecs(2), ReloadStrategy::HotReload, 30)), 0);
    QCOMPARE(warnings.count(), 1);
    const QString message = warnings.first().first().toString();
    QVERIFY2(message.contains(redactedDatabase(dbPath())), qPrintable(message));
    QVERIFY2(m_postgres->start(), qPrintable(m_postgres->why()));
    QTRY_COMPARE_WITH_TIMEOUT(store.pendingWrites(), 0, 20000);
    QVERIFY(store.isAvailable());
    QCOMPARE(warnings.count(), 1);
    QCOMPARE(store.totals().reloads, 3);
    QCOMPARE(store.totalXp(), 5);
    QCOMPARE(store.achievements().size(), 1);
    // Written in the order they happened.
    QCOMPARE(store.recentReloads(1).first().requested, ReloadStrategy::HotReload);
}

// Migrations 6 and 7 and their queries (players, the leaderboard, the learner's memory) in
// both dialects: two players' stores on one database, as two people's FoxReloads would be.
void TestHistoryStore::twoPlayersShareOneDatabase()
{
    HistoryStore alice;
    HistoryStore bob;
    alice.setPlayer(u"alice"_s, u"core"_s);
    bob.setPlayer(u"bob"_s);
    QVERIFY2(alice.open(dbPath()), qPrintable(alice.lastError()));
    QVERIFY2(bob.open(dbPath()), qPrintable(bob.lastError()));
    QVERIFY(alice.recordReload(reload(kBase, ReloadStrategy::HotReload, 12)) > 0);
    QVERIFY(alice.recordXp(xp(kBase, 30)) > 0);
    QVERIFY(bob.recordReload(reload(kBase, ReloadStrategy::HotReload, 9)) > 0);
    QVERIFY(bob.recordReload(reload(kBase.addSecs(5), ReloadStrategy::FullRestart, 900)) > 0);
    QVERIFY(bob.recordXp(xp(kBase, 20)) > 0);
    QVERIFY(bob.recordXp(xp(kBase.addSecs(5), 25)) > 0);
    QVERIFY(alice.unlockAchievement(u"first_reload"_s, kBase));
    QVERIFY(bob.unlockAchievement(u"first_reload"_s, kBase)); // each player has their own

    const QDate day = alice.localDay(kBase);
    const QList<LeaderboardRow> board = alice.leaderboard(day.addDays(-1), day.addDays(1));
    QCOMPARE(board.size(), 2);
    QCOMPARE(board.at(0).player, u"bob"_s);
    QCOMPARE(board.at(0).xp, 45);
    QCOMPARE(board.at(0).reloads, 2);
    QCOMPARE(board.at(0).fastestHotReloadMs, 9);
    QCOMPARE(board.at(1).player, u"alice"_s);
    QCOMPARE(board.at(1).team, u"core"_s);
    QCOMPARE(board.at(1).xp, 30);
    QCOMPARE(alice.totalXp(), 30);
    QCOMPARE(bob.totalXp(), 45);

    LearnedOutcomeRecord outcome { 0, u"/p"_s, u"services/cache.py"_s, u"hot_reload"_s, u"failed"_s, kBase };
    for (int i = 0; i < LearnedOutcomeRecord::kKeptPerPath + 2; ++i)
        alice.recordLearnedOutcome(outcome);
    QCOMPARE(bob.learnedOutcomes(u"/p"_s).size(), LearnedOutcomeRecord::kKeptPerPath);
    QCOMPARE(bob.forgetLearned(u"/p"_s, { u"services/cache.py"_s }), LearnedOutcomeRecord::kKeptPerPath);
    QVERIFY(alice.learnedOutcomes(QString()).isEmpty());
}

// The child side of twoProcessesWriteConcurrently: writes n reloads and n XP events.
static int runWriter(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString path = QString::fromLocal8Bit(argv[2]);
    const int count = QByteArray(argv[3]).toInt();
    const QString tag = QString::fromLocal8Bit(argv[4]);
    HistoryStore store;
    store.setRetryInterval(20);
    if (!store.open(path))
        std::fprintf(stderr, "writer %s: open failed: %s\n", qPrintable(tag), qPrintable(store.lastError()));
    const qint64 session = store.beginSession(SessionRecord { 0, tag, {}, {}, {}, 0, {}, {} });
    for (int i = 0; i < count; ++i) {
        ReloadRecord record = reload(QDateTime::currentDateTimeUtc(), ReloadStrategy::HotReload, i % 100);
        record.sessionId = session;
        record.reason = u"%1-%2"_s.arg(tag).arg(i);
        const qint64 row = store.recordReload(record);
        XpEventRecord event = xp(QDateTime::currentDateTimeUtc(), 3);
        event.reloadRowId = row;
        store.recordXp(event);
    }
    if (!test::waitForHeldWrites(store, 60000)) {
        std::fprintf(stderr, "writer %s: %d writes left\n", qPrintable(tag), store.pendingWrites());
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
    TestHistoryStore onSqlite;
    int failures = QTest::qExec(&onSqlite, argc, argv);
    test::PostgresServer postgres;
    if (!postgres.start()) {
        // Said where CI shows it; scripts/dev.sh deps installs what is missing.
        std::fprintf(stderr, "SKIP tst_historystore on PostgreSQL: %s\n", qPrintable(postgres.why()));
        return failures;
    }
    TestHistoryStore onPostgres(&postgres);
    failures += QTest::qExec(&onPostgres, argc, argv);
    return failures;
}

#include "tst_historystore.moc"
