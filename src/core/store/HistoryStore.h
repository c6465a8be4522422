#pragma once

#include "LearnedRows.h"
#include "StoreConnection.h"
#include "StoreSchema.h"
#include "common/ReloadResult.h"
#include "common/ReloadStrategy.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QTimer>

#include <deque>

namespace foxreload {

// ---------------------------------------------------------------------------
// Rows written to the history (what the recorder and the engine hand in).

// One FoxReload session: `foxreload run`, a proxy, the desktop app.
struct SessionRecord
{
    qint64 id = 0; // chosen by HistoryStore::beginSession (unique across processes)
    QString kind; // "run", "proxy", "gui", "test"
    QString projectRoot;
    QString configFile;
    QString serverCommand; // command and arguments, one line
    qint64 processId = 0; // of the FoxReload process
    QDateTime startedAtUtc;
    QDateTime endedAtUtc; // invalid while running (or when the process died)
};

// One batch of changes (also the content-identical ones that caused nothing).
struct BatchRecord
{
    qint64 sessionId = 0;
    quint64 batchId = 0; // per session, as in ChangeBatch::id / ReloadPlan::batchId
    QDateTime atUtc;
    ReloadStrategy strategy = ReloadStrategy::None;
    QStringList files; // "modified tools/weather.py", at most kMaxFilesPerBatch kept
    int fileCount = 0; // all files, also those not kept in `files`
    int rawEventCount = 0;
    bool contentIdentical = false; // skipped: every file had unchanged content

    static constexpr int kMaxFilesPerBatch = 50;
};

// One finished reload, flattened from ReloadResult.
struct ReloadRecord
{
    qint64 rowId = 0; // assigned by the store; 0 while only held in memory
    qint64 sessionId = 0;
    quint64 batchId = 0; // 0 for manual, crash and startup reloads
    QDateTime atUtc; // when it finished
    ReloadTrigger trigger = ReloadTrigger::FileChange;
    ReloadStrategy requested = ReloadStrategy::None;
    ReloadStrategy performed = ReloadStrategy::None;
    ReloadOutcome outcome = ReloadOutcome::Success;
    QString reason; // the decisive reason line of the plan, or what triggered it
    QString escalationReason;
    QString error; // one line
    qint64 detectToStartMs = -1;
    qint64 startToReadyMs = -1;
    qint64 totalMs = -1;
    int fileCount = 0;
    int toolCount = -1;
    bool contentIdentical = false;
    qint64 buildMs = -1; // server.build's own duration; -1: no build ran

    static ReloadRecord fromResult(qint64 sessionId, const ReloadResult& result);
};

struct XpEventRecord
{
    qint64 rowId = 0;
    QDateTime atUtc;
    int amount = 0;
    QString rule; // XP rule id(s), e.g. "reload_hot+speed_bonus"
    QString reason; // readable: "hot reload in 21 ms"
    qint64 reloadRowId = 0; // 0: not tied to a reload (challenge reward)
    qint64 sessionId = 0;
};

struct AchievementRecord
{
    QString id;
    QDateTime unlockedAtUtc;
};

struct ChallengeProgressRecord
{
    QDate day; // local calendar day the challenge belongs to
    QString challengeId;
    int progress = 0;
    int target = 0;
    QDateTime completedAtUtc; // invalid until completed
    bool completed() const { return completedAtUtc.isValid(); }
};

// ---------------------------------------------------------------------------
// Query results (what the dashboard and `foxreload stats` read).

// Charts, totals and per-day counts cover every reload but the session's first start.

// Reloads of one local calendar day (raw rows and aggregated ones alike).
struct DayCount
{
    QDate day;
    int reloads = 0;
    int succeeded = 0;
    int failed = 0;
    int xp = 0;
};

// Totals of one performed strategy. Medians are taken over the raw rows still kept
// (retention aggregates older ones into daily counts, which keep the totals exact).
struct StrategyTotals
{
    ReloadStrategy strategy = ReloadStrategy::None;
    qint64 reloads = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    double medianTotalMs = -1; // -1: no kept row with a duration
    double medianStartToReadyMs = -1;
};

struct HistoryTotals
{
    qint64 reloads = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 xp = 0;
    qint64 sessions = 0;
    qint64 batches = 0;
    qint64 contentIdenticalBatches = 0;
};

// Counters of one local day, for daily challenges and achievements: reloads
// by file change or by hand only (not startups, not crash restarts).
struct DayCounters
{
    QDate day;
    int succeeded = 0;
    int failed = 0;
    int hotReloads = 0; // succeeded hot reloads
    int serviceRestarts = 0;
    int fullRestarts = 0;
    int fastReloads = 0; // succeeded with totalMs under the threshold dayCounters() was asked for
    int xp = 0;
};

// What a chart query covers: [fromUtc, toUtc) of the reloads of one project's
// sessions (sessions.project_root); an invalid bound is open, an empty root is every project.
struct HistoryScope
{
    QDateTime fromUtc;
    QDateTime toUtc;
    QString projectRoot;
};

// One reload as the charts draw it. Its duration is start_to_ready_ms: the time the
// reload itself took, without a paused or deferred wait before it.
struct ChartReload
{
    qint64 rowId = 0;
    QDateTime atUtc;
    ReloadStrategy strategy = ReloadStrategy::None; // performed
    ReloadTrigger trigger = ReloadTrigger::FileChange;
    ReloadOutcome outcome = ReloadOutcome::Success;
    qint64 durationMs = -1; // -1: not measured
    qint64 buildMs = -1; // the build step before it, a figure of its own; -1: none
    int fileCount = 0;
    QString reason;
    QString error;
};

// Reloads of one local day and one performed strategy, by outcome.
struct StrategyDayCount
{
    QDate day;
    ReloadStrategy strategy = ReloadStrategy::None;
    int succeeded = 0;
    int failed = 0;
};

// One XP event and the running total after it.
struct XpPoint
{
    QDateTime atUtc;
    int amount = 0;
    qint64 total = 0;
};

// One player of the database, as the leaderboard ranks them. The store fills in what it
// counts; level and streak follow from xp and activeDays by the game's rules
// (GamificationEngine::leaderboard()).
struct LeaderboardRow
{
    QString player;
    QString team; // empty: none
    qint64 xp = 0;
    int level = 0; // filled by the game
    int streakDays = 0; // filled by the game
    QString title; // filled by the game: the id of the highest title the level unlocks
    QList<QDate> activeDays; // ascending, for the streak
    int reloads = 0; // reloads the player caused (file change or by hand) in the week asked for
    qint64 fastestHotReloadMs = -1; // fastest succeeded hot reload of that week; -1: none
};

struct RetentionSettings
{
    int rawDays = 90; // raw reload/batch/xp rows older than this are aggregated per day
    int maxRawReloads = 200000; // and never more raw reloads than this
};

// ---------------------------------------------------------------------------

// FoxReload's history in SQLite (Qt Sql, QSQLITE).
//
// - Schema versioned (PRAGMA user_version) with forward migrations run at open.
// - WAL, one short IMMEDIATE transaction per multi-row write: several processes
//   (a GUI and proxies) may write the same file at once.
// - A write is cheap (one indexed INSERT, no fsync per commit in WAL/NORMAL);
//   when the database is damaged, locked or read-only, writes are held in memory,
//   warning() names the file and the error once, and a timer retries until they
//   are written. Nothing here ever stops a reload, and a lock delays one for at
//   most the write busy timeout (50 ms), once per outage: another writer's lock is
//   waited out by retrying held writes soon, not by blocking.
// - Times are UTC milliseconds; `day` columns are local calendar days in timeZone().
//
// The facade the CLI and GUI use; its parts live in files named for their jobs:
// HistoryStore.cpp (opening, settings, polling), HistoryStoreHeldWrites.cpp (the offline hold
// queue), HistoryStoreWriters.cpp, HistoryStoreRetention.cpp, HistoryStoreQueries.cpp (totals
// and lists), HistoryStoreCharts.cpp, HistoryStoreGame.cpp, HistoryStorePlayers.cpp (the
// leaderboard); StoreConnection (SQLite) and
// StoreSchema (versions and migrations) below them.
//
// Not thread-safe: use it from the thread that created it.
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSchemaVersion = storeschema::kLatestVersion;

    explicit HistoryStore(QObject* parent = nullptr);
    ~HistoryStore() override;

    // QStandardPaths::AppDataLocation/history.sqlite
    static QString defaultPath();
    // `configured` (Config::database: a file, or a postgresql:// URL) when set, else
    // FOXRELOAD_DATABASE_URL when set, else defaultPath().
    static QString resolvePath(const QString& configured);

    // Opens (creating the file and its directory) and migrates. False when the
    // database cannot be used now; the store then keeps writes in memory and
    // retries (see isAvailable()), so callers may go on using it either way.
    bool open(const QString& path);
    void close();

    QString path() const { return m_path; } // a URL with its password: show redactedDatabase(path())
    // On a database server (PostgreSQL) that other people's FoxReloads may share.
    bool isShared() const { return m_db.isShared(); }
    bool isAvailable() const { return m_available; }
    QString lastError() const { return m_db.lastError(); }
    int schemaVersion() const; // of the open database; 0 when unavailable
    int pendingWrites() const { return int(m_pending.size()); }

    // Who the game rows written and read here belong to (gamification.player / .team); set
    // before open(). Default: the OS login name, no team. Rows of a database from before
    // players existed become the player's who opens it first.
    void setPlayer(const QString& name, const QString& team = QString());
    QString player() const { return m_player; }
    QString team() const { return m_team; }

    void setTimeZone(const QTimeZone& zone); // for `day` columns; default: the system zone
    QTimeZone timeZone() const { return m_zone; }
    void setRetryInterval(int ms); // default 5000
    void setRetention(const RetentionSettings& retention);
    RetentionSettings retention() const { return m_retention; }
    // How long a write waits for another connection's lock before it is held in memory
    // (default 50 ms, applies at the next open). Opening waits up to 2 s: another
    // process may be migrating the file.
    void setBusyTimeout(int ms);

    // Polls PRAGMA data_version every `intervalMs` and emits changed() when another
    // process (or connection) wrote to the database; 0 stops. For views such as the
    // dashboard that show what a proxy or `foxreload run` records.
    void watchExternalChanges(int intervalMs);

    // The local calendar day of a UTC time, in timeZone().
    QDate localDay(const QDateTime& utc) const;

    // ---- writes (never throw, never block on a damaged database) ----
    qint64 beginSession(SessionRecord record); // returns the session id
    void endSession(qint64 sessionId, const QDateTime& endedAtUtc);
    void recordBatch(const BatchRecord& batch);
    // Returns the row id, or 0 when the write is held in memory for later.
    qint64 recordReload(const ReloadRecord& reload);
    qint64 recordXp(const XpEventRecord& event);
    // True when this call unlocked it (false: already unlocked, also by another process).
    bool unlockAchievement(const QString& id, const QDateTime& atUtc, qint64 sessionId = 0);
    // Stores progress (never lowering it). True when this call marked it completed
    // (false when it was completed before, also by another process).
    bool saveChallengeProgress(const ChallengeProgressRecord& progress);
    // Marks a local day as active (a successful reload); true when the day is new.
    bool markActiveDay(const QDate& day, const QDateTime& atUtc);
    // Many rows in one transaction (imports, tests, benchmarks).
    bool recordReloads(const QList<ReloadRecord>& reloads);

    // Aggregates raw rows past the retention into daily rows. Run at open and once a day.
    // Returns the number of raw reload rows aggregated.
    int applyRetention(const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());
    // Writes held in memory now, if the database can be used again.
    bool retryPending();

    // ---- queries (empty results when unavailable) ----
    HistoryTotals totals() const;
    qint64 totalXp() const; // the player's (also HistoryTotals::xp)
    QList<DayCount> reloadsPerDay(const QDate& from, const QDate& to) const; // days without reloads omitted
    QList<StrategyTotals> totalsByStrategy() const; // one entry per strategy seen
    QList<SessionRecord> sessions(int limit = 50) const; // newest first
    QList<ReloadRecord> recentReloads(int limit = 50) const; // newest first
    // Newest first, of sessions whose project_root is `projectRoot` (empty: all projects).
    QList<ReloadRecord> recentReloads(int limit, const QString& projectRoot) const;
    QList<AchievementRecord> achievements() const;
    // ---- chart queries, per time range and project (HistoryStoreCharts.cpp) ----
    QStringList projectRoots() const; // of every recorded session, sorted
    // The newest `limit` reloads of the scope but session starts, returned oldest first.
    QList<ChartReload> chartReloads(const HistoryScope& scope, int limit = 5000) const;
    // Per local day and strategy, every reload of the scope but session starts. Days that
    // retention aggregated count only when the scope covers every project (they keep no session).
    QList<StrategyDayCount> reloadCountsByDay(const HistoryScope& scope) const;
    // XP events of the scope with the running total (which starts from everything before
    // the scope); thinned to at most `maxPoints`, always keeping the last one.
    QList<XpPoint> xpCurve(const HistoryScope& scope, int maxPoints = 600) const;
    // ---- game queries (HistoryStoreGame.cpp): the game's thresholds are arguments; each
    // counts the player's own rows only (XP, achievements, challenges, active days, reloads) ----
    int xpSince(const QDateTime& sinceUtc) const; // for the per-minute cap
    QList<ChallengeProgressRecord> challengeProgress(const QDate& day) const;
    int completedChallenges() const;
    QList<QDate> activeDays() const; // ascending
    // `fastUnderMs`: the duration under which a succeeded reload counts in fastReloads.
    DayCounters dayCounters(const QDate& day, qint64 fastUnderMs) const;
    // Succeeded hot reloads faster than `underMs` (raw and aggregated rows; days aggregated
    // before schema 5 know only "under 50 ms" and "under 200 ms").
    qint64 fastHotReloads(qint64 underMs) const;
    qint64 succeededReloads() const; // by file change or by hand
    QList<ReloadStrategy> strategiesUsed() const; // succeeded, by file change or by hand
    // ---- every player of the database (HistoryStorePlayers.cpp) ----
    int playerCount() const;
    // Every player, most XP first; reloads and the fastest hot reload counted over the local
    // days [weekFrom, weekTo]. Level and streak are left 0 (the game's rules fill them).
    QList<LeaderboardRow> leaderboard(const QDate& weekFrom, const QDate& weekTo) const;
    // ---- the strategy learner's memory (HistoryStoreLearned.cpp) ----
    // Keeps the newest LearnedOutcomeRecord::kKeptPerPath rows per project and path.
    void recordLearnedOutcome(const LearnedOutcomeRecord& outcome);
    // Oldest first; of one project (empty: every project).
    QList<LearnedOutcomeRecord> learnedOutcomes(const QString& projectRoot) const;
    // Deletes what was learned about these paths of the project; returns the rows deleted
    // (0 when the deletes are held until the database can be written).
    int forgetLearned(const QString& projectRoot, const QStringList& paths);
    LearnedOutcomesMark learnedOutcomesMark() const; // a PRAGMA: cheap beside reading the rows

Q_SIGNALS:
    // Said once per outage: names the file and what is wrong.
    void warning(const QString& message);
    void availabilityChanged(bool available);
    // Something was written (new reloads, XP, ...): views may refresh.
    void changed();

private:
    // One statement of a write; a write is one or more, run in one transaction.
    struct Statement
    {
        QString sql;
        QVariantList values;
    };
    // What a write returns: the last statement's new row id, or the rows it changed.
    enum class WriteResult { InsertId, RowsAffected };
    struct PendingWrite
    {
        QString what; // for the log: "reload", "batch", ...
        QList<Statement> statements;
    };

    // Connect, migrate and probe that writes work, waiting up to `busyTimeoutMs` for a lock.
    bool tryConnect(int busyTimeoutMs);
    void setUnavailable(const QString& error);
    void writeFailed(); // after a write that may pass later failed: held, the user told when it lasts
    void waitOutLock(); // another connection holds the write lock: retry soon, warn if it lasts
    void reportOutage(const QString& message);
    bool canWriteNow() const { return m_available && m_pending.empty(); }
    void hold(PendingWrite write);
    // Every writer's one path: written now when nothing is held, else held in memory (in
    // order) until the database can be written. Returns the WriteResult, 0 when held or dropped.
    qint64 writeOrHold(const QString& what, const QList<Statement>& statements, WriteResult result);
    bool run(const QList<Statement>& statements, WriteResult result, qint64* value);
    bool dropIfPermanent(const QString& what);
    Statement insertReload(const ReloadRecord& reload) const;
    QSqlQuery select(const QString& sql, const QVariantList& values = {}) const
    {
        return m_db.select(sql, values);
    }
    qint64 selectNumber(const QString& sql, const QVariantList& values = {}) const
    {
        return m_db.selectNumber(sql, values);
    }
    void maybeApplyRetention(const QDateTime& nowUtc);

    StoreConnection m_db;
    QString m_path;
    QString m_player;
    QString m_team = QStringLiteral(""); // not null: bound as ''
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    RetentionSettings m_retention;
    int m_busyTimeoutMs = 50;
    int m_retryInterval = 5000;
    static constexpr int kOpenBusyTimeoutMs = 2000;
    // A lock lasting longer than this is another program's, not a second FoxReload's write.
    static constexpr int kLockWarnAfterMs = 1000;
    static constexpr int kLockFirstRetryMs = 100;
    bool m_available = false;
    bool m_warned = false; // the current outage was reported
    QElapsedTimer m_lockedSince; // valid while held writes wait for another connection's lock
    int m_lockRetries = 0;
    std::deque<PendingWrite> m_pending;
    QTimer m_retryTimer;
    QTimer m_externalTimer;
    qint64 m_dataVersion = -1;
    quint64 m_learnedLocalChanges = 0; // forgetLearned() calls and opens (LearnedOutcomesMark)
    QDate m_lastRetentionDay;
    int m_droppedWrites = 0; // held writes dropped because too many were held

    static constexpr int kMaxPendingWrites = 20000;
};

} // namespace foxreload
