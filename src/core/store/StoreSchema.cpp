// One migration source for both backends. Write SQLite's SQL; StoreDialect (StoreDialect.cpp)
// turns it into PostgreSQL's. What it translates, and so what a statement here (or a query
// anywhere in the store) may use beyond plain SQL:
// - CREATE TABLE / ALTER TABLE … ADD: INTEGER → BIGINT (64 bits, as SQLite's), REAL → DOUBLE
//   PRECISION, BLOB → BYTEA, "INTEGER PRIMARY KEY AUTOINCREMENT" → an identity column.
// - INSERT OR IGNORE INTO t(…) → … ON CONFLICT DO NOTHING; INSERT OR REPLACE INTO t(cols) →
//   … ON CONFLICT ON CONSTRAINT t_pkey DO UPDATE SET every listed column (so only on a table
//   created under that name: a table renamed from t_vN keeps t_vN_pkey).
// - "ON CONFLICT(…) DO UPDATE SET col = expr [WHERE …]": bare columns in expr and WHERE are
//   the table's (PostgreSQL would find them ambiguous with `excluded`).
// - IFNULL → COALESCE; MAX(a, b)/MIN(a, b) with two or more arguments → GREATEST/LEAST;
//   SUM(condition) → SUM(CASE WHEN condition THEN 1 ELSE 0 END).
// - CREATE TRIGGER name AFTER|BEFORE INSERT|DELETE|UPDATE [OF cols] ON t BEGIN …; END → a
//   plpgsql function name_fn() and a FOR EACH ROW trigger; DROP TRIGGER [IF EXISTS] name → DROP
//   FUNCTION name_fn() CASCADE. The body is SQL both understand (NEW.x, OLD.x).
// - Not translated (so not to be used): PRAGMA, date/time functions (strftime, julianday),
//   GROUP_CONCAT, typeof, ALTER TABLE … DROP COLUMN's SQLite limits, "INSERT … SELECT … ON
//   CONFLICT" without a GROUP BY/WHERE (fine in PostgreSQL, SQLite needs "WHERE true").
// Every statement must run on a PostgreSQL server too: tst_historystore runs against both.

#include "StoreSchema.h"

#include "HistoryStoreRows.h"
#include "StoreConnection.h"
#include "StoreLog.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace foxreload::storeschema {

QStringList version1()
{
    // Frozen: this is what FoxReload 0.1 wrote. Never edit it; add a migration.
    return {
        u"CREATE TABLE sessions ("
        u" id INTEGER PRIMARY KEY,"
        u" kind TEXT NOT NULL,"
        u" project_root TEXT NOT NULL DEFAULT '',"
        u" server_command TEXT NOT NULL DEFAULT '',"
        u" started_ms INTEGER NOT NULL,"
        u" ended_ms INTEGER)"_s,
        u"CREATE TABLE reloads ("
        u" id INTEGER PRIMARY KEY AUTOINCREMENT,"
        u" session_id INTEGER NOT NULL,"
        u" at_ms INTEGER NOT NULL,"
        u" trigger TEXT NOT NULL,"
        u" strategy TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" reason TEXT NOT NULL DEFAULT '',"
        u" error TEXT NOT NULL DEFAULT '',"
        u" detect_to_start_ms INTEGER,"
        u" start_to_ready_ms INTEGER,"
        u" total_ms INTEGER)"_s,
        u"CREATE INDEX reloads_at ON reloads(at_ms)"_s,
        u"CREATE TABLE xp_events ("
        u" id INTEGER PRIMARY KEY AUTOINCREMENT,"
        u" at_ms INTEGER NOT NULL,"
        u" amount INTEGER NOT NULL,"
        u" reason TEXT NOT NULL DEFAULT '',"
        u" reload_id INTEGER)"_s,
        u"CREATE TABLE achievements ("
        u" id TEXT PRIMARY KEY,"
        u" unlocked_ms INTEGER NOT NULL)"_s,
    };
}

namespace {

QStringList version2()
{
    // Batches, challenges, active days, the `day` columns the dashboard groups by,
    // daily aggregates for retention, and indexes for the 50k-row queries.
    // The `day` values of old rows are filled in by HistoryStore (it knows the time zone).
    return {
        u"ALTER TABLE sessions ADD COLUMN config_file TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE sessions ADD COLUMN process_id INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE reloads RENAME COLUMN strategy TO performed"_s,
        u"ALTER TABLE reloads ADD COLUMN requested TEXT NOT NULL DEFAULT 'none'"_s,
        u"UPDATE reloads SET requested = performed"_s,
        u"ALTER TABLE reloads ADD COLUMN batch_id INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE reloads ADD COLUMN day TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE reloads ADD COLUMN escalation TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE reloads ADD COLUMN file_count INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE reloads ADD COLUMN tool_count INTEGER NOT NULL DEFAULT -1"_s,
        u"ALTER TABLE reloads ADD COLUMN content_identical INTEGER NOT NULL DEFAULT 0"_s,
        u"UPDATE reloads SET detect_to_start_ms = -1 WHERE detect_to_start_ms IS NULL"_s,
        u"UPDATE reloads SET start_to_ready_ms = -1 WHERE start_to_ready_ms IS NULL"_s,
        u"UPDATE reloads SET total_ms = -1 WHERE total_ms IS NULL"_s,
        u"CREATE INDEX reloads_day ON reloads(day, trigger, performed, outcome, total_ms)"_s,
        u"CREATE INDEX reloads_strategy ON reloads(performed, outcome, total_ms)"_s,
        u"CREATE INDEX reloads_strategy_ready ON reloads(performed, outcome, start_to_ready_ms)"_s,
        u"ALTER TABLE xp_events ADD COLUMN day TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE xp_events ADD COLUMN rule TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE xp_events ADD COLUMN session_id INTEGER NOT NULL DEFAULT 0"_s,
        u"CREATE INDEX xp_events_at ON xp_events(at_ms, amount)"_s,
        u"CREATE INDEX xp_events_day ON xp_events(day, amount)"_s,
        u"ALTER TABLE achievements ADD COLUMN session_id INTEGER NOT NULL DEFAULT 0"_s,
        u"CREATE TABLE batches ("
        u" id INTEGER PRIMARY KEY AUTOINCREMENT,"
        u" session_id INTEGER NOT NULL,"
        u" batch_id INTEGER NOT NULL,"
        u" at_ms INTEGER NOT NULL,"
        u" day TEXT NOT NULL,"
        u" strategy TEXT NOT NULL,"
        u" file_count INTEGER NOT NULL,"
        u" raw_event_count INTEGER NOT NULL,"
        u" content_identical INTEGER NOT NULL,"
        u" files TEXT NOT NULL)"_s,
        u"CREATE INDEX batches_at ON batches(at_ms)"_s,
        u"CREATE TABLE challenge_progress ("
        u" day TEXT NOT NULL,"
        u" challenge_id TEXT NOT NULL,"
        u" progress INTEGER NOT NULL,"
        u" target INTEGER NOT NULL,"
        u" completed_ms INTEGER,"
        u" PRIMARY KEY (day, challenge_id))"_s,
        u"CREATE TABLE active_days ("
        u" day TEXT PRIMARY KEY,"
        u" first_ms INTEGER NOT NULL)"_s,
        // Retention folds old raw rows into these, keeping every total exact.
        u"CREATE TABLE reload_days ("
        u" day TEXT NOT NULL,"
        u" trigger TEXT NOT NULL,"
        u" performed TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" reloads INTEGER NOT NULL,"
        u" timed INTEGER NOT NULL,"
        u" total_ms_sum INTEGER NOT NULL,"
        u" under_50ms INTEGER NOT NULL,"
        u" under_200ms INTEGER NOT NULL,"
        u" PRIMARY KEY (day, trigger, performed, outcome))"_s,
        u"CREATE TABLE xp_days ("
        u" day TEXT PRIMARY KEY,"
        u" xp INTEGER NOT NULL,"
        u" events INTEGER NOT NULL)"_s,
        u"CREATE TABLE batch_days ("
        u" day TEXT PRIMARY KEY,"
        u" batches INTEGER NOT NULL,"
        u" content_identical INTEGER NOT NULL)"_s,
    };
}

QStringList version3()
{
    // Written so that it also repairs a version 2 file from a development build
    // that already had some of this: every object is dropped and made anew.
    return {
        // Partial: totals and medians leave the session's first start out, and the
        // query's `trigger <> 'startup'` lets SQLite walk these in duration order, covered.
        u"DROP INDEX IF EXISTS reloads_strategy"_s,
        u"DROP INDEX IF EXISTS reloads_strategy_ready"_s,
        u"CREATE INDEX reloads_strategy ON reloads(performed, outcome, total_ms, trigger)"
        u" WHERE trigger <> 'startup'"_s,
        u"CREATE INDEX reloads_strategy_ready ON reloads(performed, outcome, start_to_ready_ms, trigger)"
        u" WHERE trigger <> 'startup'"_s,
        // The XP total, kept by triggers so that reading it costs nothing on a big history
        // (the game reads it on every reload); every process's writes keep it right.
        u"CREATE TABLE IF NOT EXISTS totals (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"_s,
        u"DROP TRIGGER IF EXISTS xp_events_added"_s,
        u"DROP TRIGGER IF EXISTS xp_events_removed"_s,
        u"DROP TRIGGER IF EXISTS xp_days_added"_s,
        u"DROP TRIGGER IF EXISTS xp_days_changed"_s,
        u"INSERT OR REPLACE INTO totals(name, value) SELECT 'xp',"
        u" (SELECT IFNULL(SUM(amount), 0) FROM xp_events) + (SELECT IFNULL(SUM(xp), 0) FROM xp_days)"_s,
        u"CREATE TRIGGER xp_events_added AFTER INSERT ON xp_events"
        u" BEGIN UPDATE totals SET value = value + NEW.amount WHERE name = 'xp'; END"_s,
        u"CREATE TRIGGER xp_events_removed AFTER DELETE ON xp_events"
        u" BEGIN UPDATE totals SET value = value - OLD.amount WHERE name = 'xp'; END"_s,
        u"CREATE TRIGGER xp_days_added AFTER INSERT ON xp_days"
        u" BEGIN UPDATE totals SET value = value + NEW.xp WHERE name = 'xp'; END"_s,
        u"CREATE TRIGGER xp_days_changed AFTER UPDATE OF xp ON xp_days"
        u" BEGIN UPDATE totals SET value = value - OLD.xp + NEW.xp WHERE name = 'xp'; END"_s,
    };
}

QStringList version4()
{
    // The build step's own duration (server.build); -1: no build ran, or a row from before.
    return { u"ALTER TABLE reloads ADD COLUMN build_ms INTEGER NOT NULL DEFAULT -1"_s };
}

QStringList version5()
{
    // Game thresholds leave the schema: reload_days counted reloads "under 50 ms" and
    // "under 200 ms", so a new threshold needed a migration. Aggregated days now keep how
    // many reloads took each duration, and a rule counts what is under its own threshold.
    // The old counts know only "under 50" and "under 200": they are kept at 49 and 199 ms,
    // the slowest such a reload can have been, so a threshold counts them only where they
    // surely were under it (as the old columns did). Reloads over 200 ms kept no duration.
    return {
        u"CREATE TABLE reload_day_durations ("
        u" day TEXT NOT NULL,"
        u" trigger TEXT NOT NULL,"
        u" performed TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" total_ms INTEGER NOT NULL,"
        u" reloads INTEGER NOT NULL,"
        u" PRIMARY KEY (day, trigger, performed, outcome, total_ms))"_s,
        u"INSERT INTO reload_day_durations(day, trigger, performed, outcome, total_ms, reloads)"
        u" SELECT day, trigger, performed, outcome, 49, under_50ms FROM reload_days WHERE under_50ms > 0"_s,
        u"INSERT INTO reload_day_durations(day, trigger, performed, outcome, total_ms, reloads)"
        u" SELECT day, trigger, performed, outcome, 199, under_200ms - under_50ms FROM reload_days"
        u" WHERE under_200ms > under_50ms"_s,
        u"CREATE TABLE reload_days_v5 ("
        u" day TEXT NOT NULL,"
        u" trigger TEXT NOT NULL,"
        u" performed TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" reloads INTEGER NOT NULL,"
        u" timed INTEGER NOT NULL,"
        u" total_ms_sum INTEGER NOT NULL,"
        u" PRIMARY KEY (day, trigger, performed, outcome))"_s,
        u"INSERT INTO reload_days_v5(day, trigger, performed, outcome, reloads, timed, total_ms_sum)"
        u" SELECT day, trigger, performed, outcome, reloads, timed, total_ms_sum FROM reload_days"_s,
        u"DROP TABLE reload_days"_s,
        u"ALTER TABLE reload_days_v5 RENAME TO reload_days"_s,
    };
}

QStringList version6()
{
    // Players: every game row names its player, so several people can share one database
    // (a team's PostgreSQL) without seeing or farming each other's XP, and a leaderboard can
    // rank them. Rows from before are the player's who opens the file first with this version
    // (claimRows(): the migration runs on the user's own machine). Tables whose key was the day
    // or the achievement get the player in their key, made anew as version 5 did reload_days.
    // A player's XP total lives in players.xp, kept by the writer in the XP event's transaction
    // (retention moves XP between xp_events and xp_days without changing a player's sum).
    return {
        u"CREATE TABLE players ("
        u" name TEXT PRIMARY KEY,"
        u" team TEXT NOT NULL DEFAULT '',"
        u" xp INTEGER NOT NULL DEFAULT 0,"
        u" seen_ms INTEGER NOT NULL DEFAULT 0)"_s,
        u"INSERT INTO players(name, team, xp, seen_ms) SELECT '', '',"
        u" (SELECT COALESCE(SUM(amount), 0) FROM xp_events) + (SELECT COALESCE(SUM(xp), 0) FROM xp_days),"
        u" 0"_s,
        u"ALTER TABLE sessions ADD COLUMN player TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE reloads ADD COLUMN player TEXT NOT NULL DEFAULT ''"_s,
        u"CREATE INDEX reloads_player_day ON reloads(player, day)"_s,
        u"ALTER TABLE xp_events ADD COLUMN player TEXT NOT NULL DEFAULT ''"_s,
        u"CREATE INDEX xp_events_player_at ON xp_events(player, at_ms)"_s,
        u"CREATE TABLE achievements_v6 ("
        u" player TEXT NOT NULL,"
        u" id TEXT NOT NULL,"
        u" unlocked_ms INTEGER NOT NULL,"
        u" session_id INTEGER NOT NULL DEFAULT 0,"
        u" PRIMARY KEY (player, id))"_s,
        u"INSERT INTO achievements_v6(player, id, unlocked_ms, session_id)"
        u" SELECT '', id, unlocked_ms, session_id FROM achievements"_s,
        u"DROP TABLE achievements"_s,
        u"ALTER TABLE achievements_v6 RENAME TO achievements"_s,
        u"CREATE TABLE challenge_progress_v6 ("
        u" player TEXT NOT NULL,"
        u" day TEXT NOT NULL,"
        u" challenge_id TEXT NOT NULL,"
        u" progress INTEGER NOT NULL,"
        u" target INTEGER NOT NULL,"
        u" completed_ms INTEGER,"
        u" PRIMARY KEY (player, day, challenge_id))"_s,
        u"INSERT INTO challenge_progress_v6(player, day, challenge_id, progress, target, completed_ms)"
        u" SELECT '', day, challenge_id, progress, target, completed_ms FROM challenge_progress"_s,
        u"DROP TABLE challenge_progress"_s,
        u"ALTER TABLE challenge_progress_v6 RENAME TO challenge_progress"_s,
        u"CREATE TABLE active_days_v6 ("
        u" player TEXT NOT NULL,"
        u" day TEXT NOT NULL,"
        u" first_ms INTEGER NOT NULL,"
        u" PRIMARY KEY (player, day))"_s,
        u"INSERT INTO active_days_v6(player, day, first_ms) SELECT '', day, first_ms FROM active_days"_s,
        u"DROP TABLE active_days"_s,
        u"ALTER TABLE active_days_v6 RENAME TO active_days"_s,
        // xp_days's two triggers are made again on the new table (the database-wide totals row
        // of version 3 stays right); dropped first by name, which also drops PostgreSQL's functions.
        u"DROP TRIGGER IF EXISTS xp_days_added"_s,
        u"DROP TRIGGER IF EXISTS xp_days_changed"_s,
        u"CREATE TABLE xp_days_v6 ("
        u" player TEXT NOT NULL,"
        u" day TEXT NOT NULL,"
        u" xp INTEGER NOT NULL,"
        u" events INTEGER NOT NULL,"
        u" PRIMARY KEY (player, day))"_s,
        u"INSERT INTO xp_days_v6(player, day, xp, events) SELECT '', day, xp, events FROM xp_days"_s,
        u"DROP TABLE xp_days"_s,
        u"ALTER TABLE xp_days_v6 RENAME TO xp_days"_s,
        u"CREATE TRIGGER xp_days_added AFTER INSERT ON xp_days"
        u" BEGIN UPDATE totals SET value = value + NEW.xp WHERE name = 'xp'; END"_s,
        u"CREATE TRIGGER xp_days_changed AFTER UPDATE OF xp ON xp_days"
        u" BEGIN UPDATE totals SET value = value - OLD.xp + NEW.xp WHERE name = 'xp'; END"_s,
        u"CREATE TABLE reload_days_v6 ("
        u" player TEXT NOT NULL,"
        u" day TEXT NOT NULL,"
        u" trigger TEXT NOT NULL,"
        u" performed TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" reloads INTEGER NOT NULL,"
        u" timed INTEGER NOT NULL,"
        u" total_ms_sum INTEGER NOT NULL,"
        u" PRIMARY KEY (player, day, trigger, performed, outcome))"_s,
        u"INSERT INTO reload_days_v6(player, day, trigger, performed, outcome, reloads, timed, total_ms_sum)"
        u" SELECT '', day, trigger, performed, outcome, reloads, timed, total_ms_sum FROM reload_days"_s,
        u"DROP TABLE reload_days"_s,
        u"ALTER TABLE reload_days_v6 RENAME TO reload_days"_s,
        u"CREATE TABLE reload_day_durations_v6 ("
        u" player TEXT NOT NULL,"
        u" day TEXT NOT NULL,"
        u" trigger TEXT NOT NULL,"
        u" performed TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" total_ms INTEGER NOT NULL,"
        u" reloads INTEGER NOT NULL,"
        u" PRIMARY KEY (player, day, trigger, performed, outcome, total_ms))"_s,
        u"INSERT INTO reload_day_durations_v6(player, day, trigger, performed, outcome, total_ms, reloads)"
        u" SELECT '', day, trigger, performed, outcome, total_ms, reloads FROM reload_day_durations"_s,
        u"DROP TABLE reload_day_durations"_s,
        u"ALTER TABLE reload_day_durations_v6 RENAME TO reload_day_durations"_s,
    };
}

// The rows version 6 found belong to the player who migrates the file (see version6()).
bool claimRows(StoreConnection& db, const QString& player)
{
    for (const auto& table :
        { u"sessions"_s, u"reloads"_s, u"xp_events"_s, u"achievements"_s, u"challenge_progress"_s,
            u"active_days"_s, u"xp_days"_s, u"reload_days"_s, u"reload_day_durations"_s }) {
        if (!db.execute(u"UPDATE %1 SET player = ? WHERE player = ''"_s.arg(table), { player }))
            return false;
    }
    return db.execute(u"UPDATE players SET name = ? WHERE name = ''"_s, { player });
}

QStringList version7()
{
    // The strategy learner's memory: how each reload went for each file that decided it,
    // the newest few rows per project and path (the writer trims older ones).
    return {
        u"CREATE TABLE learned_outcomes ("
        u" id INTEGER PRIMARY KEY AUTOINCREMENT,"
        u" project_root TEXT NOT NULL,"
        u" path TEXT NOT NULL,"
        u" strategy TEXT NOT NULL,"
        u" outcome TEXT NOT NULL,"
        u" at_ms INTEGER NOT NULL)"_s,
        u"CREATE INDEX learned_outcomes_path ON learned_outcomes(project_root, path, id)"_s,
    };
}

bool fillDayColumns(StoreConnection& db, const QTimeZone& zone)
{
    using namespace storerows;
    for (const auto& table : { u"reloads"_s, u"xp_events"_s }) {
        QList<std::pair<qint64, qint64>> rows;
        {
            QSqlQuery query = db.select(u"SELECT id, at_ms FROM %1 WHERE day = ''"_s.arg(table));
            while (query.next())
                rows.append({ query.value(0).toLongLong(), query.value(1).toLongLong() });
        }
        for (const auto& [id, atMs] : std::as_const(rows)) {
            const QDate local = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toTimeZone(zone).date();
            if (!db.execute(u"UPDATE %1 SET day = ? WHERE id = ?"_s.arg(table), { dayKey(local), id }))
                return false;
        }
    }
    return db.execute(
        u"INSERT OR IGNORE INTO active_days(day, first_ms) SELECT day, MIN(at_ms) FROM reloads"
        u" WHERE outcome = 'success' AND %1 GROUP BY day"_s.arg(QLatin1StringView(kUserReloads)));
}

} // namespace

bool migrate(StoreConnection& db, const QTimeZone& zone, const QString& localPlayer)
{
    const int found = db.userVersion();
    if (found == kLatestVersion)
        return true;
    if (found > kLatestVersion) {
        db.setLastError(
            u"written by a newer FoxReload (schema version %1, this one knows %2)"_s.arg(found).arg(
                kLatestVersion));
        return false;
    }
    return db.transaction([&db, &zone, &localPlayer] {
        // Another process may have migrated while this one waited for the lock.
        for (int next = db.userVersion() + 1; next <= kLatestVersion; ++next) {
            for (const auto& statement : migrationTo(next)) {
                if (!db.execute(statement)) {
                    db.setLastError(u"migration to schema version %1: %2"_s.arg(next).arg(db.lastError()));
                    return false;
                }
            }
            if (next == 2 && !fillDayColumns(db, zone))
                return false;
            if (next == 6 && !claimRows(db, localPlayer))
                return false;
            if (!db.setUserVersion(next))
                return false;
            qCInfo(lcStore) << "history database migrated to schema version" << next;
        }
        return true;
    });
}

QStringList migrationTo(int version)
{
    switch (version) {
    case 1:
        return version1();
    case 2:
        return version2();
    case 3:
        return version3();
    case 4:
        return version4();
    case 5:
        return version5();
    case 6:
        return version6();
    case 7:
        return version7();
    default:
        return {};
    }
}

} // namespace foxreload::storeschema
