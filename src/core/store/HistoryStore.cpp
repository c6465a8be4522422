#include "HistoryStore.h"

#include "HistoryStoreRows.h"
#include "StoreLog.h"
#include "StoreSchema.h"
#include "common/DurationText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// SQLite's own words ("database is locked"), not QSqlError::text()'s glue of them with the
// driver's ("… Unable to fetch row").
QString errorText(const QSqlError& error)
{
    const QString database = error.databaseText().trimmed();
    return database.isEmpty() ? error.driverText().trimmed() : database;
}

using namespace storerows;

std::atomic<quint64> g_connectionCounter { 0 };

QVariant msOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

// A write that fails because of what it writes (a constraint, a type) will fail again:
// it is dropped and logged. Everything else (busy, locked, read-only, damaged, full,
// I/O) may pass later, so the write is held.
int primaryErrorCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // extended codes keep it in the low byte
    return ok ? code : -1;
}

bool isPermanentError(const QSqlError& error)
{
    constexpr int kConstraint = 19, kMismatch = 20, kRange = 25, kTooBig = 18;
    const int code = primaryErrorCode(error);
    return code == kConstraint || code == kMismatch || code == kRange || code == kTooBig;
}

// SQLITE_BUSY / SQLITE_LOCKED: another connection holds a lock the statement needs.
bool isLockError(const QSqlError& error)
{
    constexpr int kBusy = 5, kLocked = 6;
    const int code = primaryErrorCode(error);
    return code == kBusy || code == kLocked;
}

// Qt binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString& value)
{
    return value.isNull() ? u""_s : value;
}

QString reloadText(ReloadStrategy strategy, ReloadTrigger trigger, ReloadOutcome outcome, qint64 totalMs,
    const QString& error)
{
    QString text = strategyLabel(strategy);
    if (trigger == ReloadTrigger::CrashRestart)
        text += u" after a crash"_s;
    else if (trigger == ReloadTrigger::Manual)
        text += u" (by hand)"_s;
    if (outcome == ReloadOutcome::Failed)
        return text + u" failed"_s + (error.isEmpty() ? QString() : u": "_s + error);
    return text + u" in "_s + durationText(totalMs);
}

} // namespace

ReloadRecord ReloadRecord::fromResult(qint64 sessionId, const ReloadResult& result)
{
    ReloadRecord record;
    record.sessionId = sessionId;
    record.batchId = result.plan.batchId;
    record.atUtc = result.finishedAtUtc.isValid() ? result.finishedAtUtc : QDateTime::currentDateTimeUtc();
    record.trigger = result.trigger;
    record.requested = result.requested;
    record.performed = result.performed;
    record.outcome = result.outcome;
    if (!result.plan.reasons.isEmpty())
        record.reason = result.plan.reasons.first();
    else
        record.reason = reloadTriggerName(result.trigger);
    record.escalationReason = result.escalationReason;
    record.error = result.error;
    record.detectToStartMs = result.detectToStartMs;
    record.startToReadyMs = result.startToReadyMs;
    record.totalMs = result.totalMs;
    record.fileCount = int(result.plan.files.size());
    record.toolCount = result.toolCount;
    record.contentIdentical = result.contentIdentical;
    record.buildMs = result.buildMs;
    return record;
}

HistoryStore::HistoryStore(QObject* parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HistoryStore::retryPending);
    connect(&m_externalTimer, &QTimer::timeout, this, [this] {
        // data_version moves only when another connection commits.
        const qint64 version = selectNumber(u"PRAGMA data_version"_s);
        if (m_dataVersion >= 0 && version != m_dataVersion)
            Q_EMIT changed();
        m_dataVersion = version;
    });
}

HistoryStore::~HistoryStore()
{
    if (!m_pending.empty() && !m_path.isEmpty()) {
        m_warned = true; // a last try, not a new outage to report
        m_busyTimeoutMs = kOpenBusyTimeoutMs; // no reload waits any more: a lock may be waited out
        if (!m_connection.isEmpty())
            execute(u"PRAGMA busy_timeout=%1"_s.arg(m_busyTimeoutMs));
        retryPending();
    }
    if (!m_pending.empty())
        qCWarning(lcStore).noquote() << "history database" << m_path << "could not be written;"
                                     << m_pending.size() << "events were not saved";
    disconnectDatabase();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

QString HistoryStore::resolvePath(const QString& configured)
{
    return configured.isEmpty() ? defaultPath() : QFileInfo(configured).absoluteFilePath();
}

bool HistoryStore::open(const QString& path)
{
    close();
    m_path = path;
    m_warned = false;
    if (!tryConnect(kOpenBusyTimeoutMs)) {
        setUnavailable(m_lastError);
        return false;
    }
    m_available = true;
    Q_EMIT availabilityChanged(true);
    maybeApplyRetention(QDateTime::currentDateTimeUtc());
    return true;
}

void HistoryStore::close()
{
    m_retryTimer.stop();
    disconnectDatabase();
    if (m_available) {
        m_available = false;
        Q_EMIT availabilityChanged(false);
    }
}

int HistoryStore::schemaVersion() const
{
    return int(selectNumber(u"PRAGMA user_version"_s));
}

void HistoryStore::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
}

void HistoryStore::setRetryInterval(int ms)
{
    m_retryInterval = ms;
}

void HistoryStore::setRetention(const RetentionSettings& retention)
{
    m_retention = retention;
}

void HistoryStore::watchExternalChanges(int intervalMs)
{
    if (intervalMs <= 0) {
        m_externalTimer.stop();
        return;
    }
    m_dataVersion = selectNumber(u"PRAGMA data_version"_s);
    m_externalTimer.start(intervalMs);
}

void HistoryStore::setBusyTimeout(int ms)
{
    m_busyTimeoutMs = ms;
}

QDate HistoryStore::localDay(const QDateTime& utc) const
{
    return utc.toTimeZone(m_zone).date();
}

// ---------------------------------------------------------------------------
// Connection

bool HistoryStore::tryConnect(int busyTimeoutMs)
{
    disconnectDatabase();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = u"cannot create the directory %1"_s.arg(info.absolutePath());
        return false;
    }
    m_connection = u"foxreload-history-%1-%2"_s.arg(QCoreApplication::applicationPid())
                       .arg(g_connectionCounter.fetch_add(1) + 1);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        if (!db.open()) {
            m_lastError = errorText(db.lastError());
            return false;
        }
    }
    // Reading the schema version is the first real access: it fails on a damaged file.
    QSqlQuery version = select(u"PRAGMA user_version"_s);
    if (!version.next())
        return false;
    version.finish();
    {
        QSqlQuery mode = select(u"PRAGMA journal_mode=WAL"_s);
        if (mode.next() && mode.value(0).toString() != u"wal"_s)
            qCInfo(lcStore).noquote() << m_path << "stays in journal mode" << mode.value(0).toString();
    }
    if (!execute(u"PRAGMA synchronous=NORMAL"_s))
        return false;
    // SQLite's default page cache (2 MiB) fills up over thousands of inserts and reads as a
    // leak in a long session; the kernel's file cache serves the pages just as well.
    if (!execute(u"PRAGMA cache_size=-256"_s))
        return false;
    if (!migrate())
        return false;
    // Rewriting the version is a cheap write: it tells a read-only file apart now,
    // not at the first reload.
    if (!execute(u"PRAGMA user_version=%1"_s.arg(kSchemaVersion)))
        return false;
    // From here on writes happen during reloads: a lock is waited out by retrying, not here.
    if (!execute(u"PRAGMA busy_timeout=%1"_s.arg(m_busyTimeoutMs)))
        return false;
    qCDebug(lcStore).noquote() << "history database" << m_path << "open, schema" << kSchemaVersion;
    return true;
}

void HistoryStore::disconnectDatabase()
{
    if (m_connection.isEmpty())
        return;
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_transactionDepth = 0;
}

bool HistoryStore::migrate()
{
    const int found = int(selectNumber(u"PRAGMA user_version"_s));
    if (found == kSchemaVersion)
        return true;
    if (found > kSchemaVersion) {
        m_lastError = u"written by a newer FoxReload (schema version %1, this one knows %2)"_s.arg(found).arg(
            kSchemaVersion);
        return false;
    }
    return transaction([this] {
        // Another process may have migrated while this one waited for the lock.
        const int version = int(selectNumber(u"PRAGMA user_version"_s));
        for (int next = version + 1; next <= kSchemaVersion; ++next) {
            for (const auto& statement : storeschema::migrationTo(next)) {
                if (!execute(statement)) {
                    m_lastError = u"migration to schema version %1: %2"_s.arg(next).arg(m_lastError);
                    return false;
                }
            }
            if (next == 2 && !fillDayColumns())
                return false;
            if (!execute(u"PRAGMA user_version=%1"_s.arg(next)))
                return false;
            qCInfo(lcStore).noquote() << m_path << "migrated to schema version" << next;
        }
        return true;
    });
}

bool HistoryStore::fillDayColumns()
{
    // Version 1 had no local days: derive them in this store's time zone.
    for (const auto& table : { u"reloads"_s, u"xp_events"_s }) {
        QList<std::pair<qint64, qint64>> rows;
        {
            QSqlQuery query = select(u"SELECT id, at_ms FROM %1 WHERE day = ''"_s.arg(table));
            while (query.next())
                rows.append({ query.value(0).toLongLong(), query.value(1).toLongLong() });
        }
        for (const auto& [id, atMs] : std::as_const(rows)) {
            const QString day = dayKey(localDay(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC)));
            if (!execute(u"UPDATE %1 SET day = ? WHERE id = ?"_s.arg(table), { day, id }))
                return false;
        }
    }
    return execute(u"INSERT OR IGNORE INTO active_days(day, first_ms) SELECT day, MIN(at_ms) FROM reloads"
                   u" WHERE outcome = 'success' AND %1 GROUP BY day"_s.arg(QLatin1StringView(kUserReloads)));
}

void HistoryStore::reportOutage(const QString& message)
{
    if (m_warned)
        return;
    m_warned = true;
    // Whoever listens shows it (the CLI on its console); the log is the fallback.
    if (isSignalConnected(QMetaMethod::fromSignal(&HistoryStore::warning)))
        qCInfo(lcStore).noquote() << message;
    else
        qCWarning(lcStore).noquote() << message;
    Q_EMIT warning(message);
}

void HistoryStore::setUnavailable(const QString& error)
{
    const bool was = m_available;
    m_available = false;
    m_lastError = error;
    m_lockedSince.invalidate();
    reportOutage(u"history database %1: %2 — reloads go on without XP; events are kept in memory until the "
                 u"database can be written"_s.arg(m_path, error));
    if (was)
        Q_EMIT availabilityChanged(false);
    if (!m_path.isEmpty() && !m_retryTimer.isActive())
        m_retryTimer.start(m_retryInterval);
}

void HistoryStore::writeFailed()
{
    if (m_lastErrorBusy)
        waitOutLock();
    else
        setUnavailable(m_lastError);
}

void HistoryStore::waitOutLock()
{
    if (!m_lockedSince.isValid()) {
        m_lockedSince.start();
        m_lockRetries = 0;
    } else if (m_lockedSince.elapsed() >= kLockWarnAfterMs) {
        reportOutage(u"history database %1 is locked by another program (%2) — reloads go on; events are "
                     u"kept in memory and written when the lock is released"_s.arg(m_path, m_lastError));
    }
    // 100 ms, 200 ms, … up to the retry interval: a second FoxReload's write is over long
    // before the first retry, another program's lock is not polled for.
    const int delay = std::min(m_retryInterval, kLockFirstRetryMs << std::min(m_lockRetries++, 8));
    m_retryTimer.start(delay);
}

bool HistoryStore::retryPending()
{
    if (m_path.isEmpty())
        return false;
    // A retry runs during a session: it must not hold a reload up the way opening may.
    if (!m_available && !tryConnect(m_busyTimeoutMs)) {
        qCDebug(lcStore).noquote() << "history database still unavailable:" << m_lastError;
        m_retryTimer.start(m_retryInterval);
        return false;
    }
    const qsizetype count = qsizetype(m_pending.size());
    if (count > 0) {
        const bool written = transaction([this] {
            for (const auto& write : m_pending) {
                // A failed statement does not end SQLite's transaction: the rest still commits.
                if (!write.run() && !dropIfPermanent(write.what))
                    return false;
            }
            return true;
        });
        if (!written) {
            writeFailed();
            return false;
        }
        m_pending.clear();
    }
    const bool wasLocked = m_lockedSince.isValid();
    m_lockedSince.invalidate();
    if (!m_available || wasLocked) {
        if (m_warned || !m_available)
            qCInfo(lcStore).noquote()
                << "history database" << m_path << "is writable again;" << count << "held events written";
        m_warned = false;
    }
    if (!m_available) {
        m_available = true;
        Q_EMIT availabilityChanged(true);
    }
    if (count > 0)
        Q_EMIT changed();
    return true;
}

void HistoryStore::hold(const QString& what, std::function<bool()> write)
{
    if (int(m_pending.size()) >= kMaxPendingWrites) {
        m_pending.pop_front();
        if (m_droppedWrites++ % 1000 == 0)
            qCWarning(lcStore) << "history database unavailable for long:" << m_droppedWrites
                               << "oldest held events dropped";
    }
    qCDebug(lcStore).noquote() << "holding" << what << "in memory";
    m_pending.push_back(PendingWrite { what, std::move(write) });
    if (!m_retryTimer.isActive())
        m_retryTimer.start(m_retryInterval);
}

bool HistoryStore::writeOrHold(const QString& what, std::function<bool()> write)
{
    return writeOrHold<bool>(what, [write = std::move(write)](bool* written) { return *written = write(); });
}

template<typename Result>
Result HistoryStore::writeOrHold(const QString& what, const std::function<bool(Result*)>& write)
{
    if (canWriteNow()) {
        Result result {};
        if (write(&result)) {
            Q_EMIT changed();
            return result;
        }
        if (dropIfPermanent(what))
            return Result {};
        writeFailed();
    }
    hold(what, [write] {
        Result ignored {};
        return write(&ignored);
    });
    return Result {};
}

bool HistoryStore::dropIfPermanent(const QString& what)
{
    if (!m_lastErrorPermanent)
        return false;
    qCWarning(lcStore).noquote() << "history: a" << what << "was not recorded:" << m_lastError;
    return true;
}

bool HistoryStore::execute(
    const QString& sql, const QVariantList& values, qint64* insertId, int* rowsAffected)
{
    m_lastErrorPermanent = false;
    m_lastErrorBusy = false;
    if (m_connection.isEmpty()) {
        m_lastError = u"not open"_s;
        return false;
    }
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        if (!query.prepare(sql)) {
            m_lastError = errorText(query.lastError());
            m_lastErrorPermanent = isPermanentError(query.lastError());
            m_lastErrorBusy = isLockError(query.lastError());
            return false;
        }
        it = m_statements.insert(sql, query);
    }
    QSqlQuery& query = it.value();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        m_lastError = errorText(query.lastError());
        m_lastErrorPermanent = isPermanentError(query.lastError());
        m_lastErrorBusy = isLockError(query.lastError());
        m_statements.erase(it);
        return false;
    }
    if (insertId)
        *insertId = query.lastInsertId().toLongLong();
    if (rowsAffected)
        *rowsAffected = query.numRowsAffected();
    query.finish();
    return true;
}

QSqlQuery HistoryStore::select(const QString& sql, const QVariantList& values) const
{
    if (m_connection.isEmpty())
        return QSqlQuery();
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_lastError = errorText(query.lastError());
        qCDebug(lcStore).noquote() << "query failed:" << m_lastError << sql;
        return QSqlQuery();
    }
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        m_lastError = errorText(query.lastError());
        qCDebug(lcStore).noquote() << "query failed:" << m_lastError << sql;
        return QSqlQuery();
    }
    return query;
}

qint64 HistoryStore::selectNumber(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query = select(sql, values);
    return query.next() ? query.value(0).toLongLong() : 0;
}

bool HistoryStore::transaction(const std::function<bool()>& body)
{
    if (m_transactionDepth > 0)
        return body();
    // IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a
    // second writer never fails half-way through with an unrecoverable BUSY.
    if (!execute(u"BEGIN IMMEDIATE"_s))
        return false;
    ++m_transactionDepth;
    const bool ok = body();
    --m_transactionDepth;
    if (ok && execute(u"COMMIT"_s))
        return true;
    const QString error = m_lastError;
    const bool permanent = m_lastErrorPermanent;
    const bool busy = m_lastErrorBusy;
    execute(u"ROLLBACK"_s);
    m_lastError = error;
    m_lastErrorPermanent = permanent;
    m_lastErrorBusy = busy;
    return false;
}

// ---------------------------------------------------------------------------
// Writes

qint64 HistoryStore::beginSession(SessionRecord record)
{
    if (record.id == 0)
        record.id = qint64(QRandomGenerator::system()->bounded(quint64(1) << 53)) + 1;
    if (!record.startedAtUtc.isValid())
        record.startedAtUtc = QDateTime::currentDateTimeUtc();
    if (record.processId == 0)
        record.processId = QCoreApplication::applicationPid();
    writeOrHold(u"session"_s, [this, record] {
        return execute(u"INSERT OR IGNORE INTO sessions(id, kind, project_root, config_file, server_command,"
                       u" process_id, started_ms, ended_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { record.id, text(record.kind), text(record.projectRoot), text(record.configFile),
                text(record.serverCommand), record.processId, record.startedAtUtc.toMSecsSinceEpoch(),
                msOrNull(record.endedAtUtc) });
    });
    return record.id;
}

void HistoryStore::endSession(qint64 sessionId, const QDateTime& endedAtUtc)
{
    writeOrHold(u"session end"_s, [this, sessionId, endedAtUtc] {
        return execute(
            u"UPDATE sessions SET ended_ms = ? WHERE id = ?"_s, { msOrNull(endedAtUtc), sessionId });
    });
}

void HistoryStore::recordBatch(const BatchRecord& batch)
{
    writeOrHold(u"batch"_s, [this, batch] {
        const QDateTime at = batch.atUtc.isValid() ? batch.atUtc : QDateTime::currentDateTimeUtc();
        return execute(u"INSERT INTO batches(session_id, batch_id, at_ms, day, strategy, file_count,"
                       u" raw_event_count, content_identical, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { batch.sessionId, qint64(batch.batchId), at.toMSecsSinceEpoch(), dayKey(localDay(at)),
                text(strategyName(batch.strategy)), std::max(batch.fileCount, int(batch.files.size())),
                batch.rawEventCount, batch.contentIdentical ? 1 : 0,
                text(batch.files.mid(0, BatchRecord::kMaxFilesPerBatch).join(u'\n')) });
    });
}

bool HistoryStore::insertReload(const ReloadRecord& reload, qint64* rowId)
{
    const QDateTime at = reload.atUtc.isValid() ? reload.atUtc : QDateTime::currentDateTimeUtc();
    return execute(
        u"INSERT INTO reloads(session_id, batch_id, at_ms, day, trigger, requested, performed, outcome,"
        u" reason, escalation, error, detect_to_start_ms, start_to_ready_ms, total_ms, file_count,"
        u" tool_count, content_identical, build_ms)"
        u" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { reload.sessionId, qint64(reload.batchId), at.toMSecsSinceEpoch(), dayKey(localDay(at)),
            reloadTriggerName(reload.trigger), strategyName(reload.requested), strategyName(reload.performed),
            reloadOutcomeName(reload.outcome), text(reload.reason), text(reload.escalationReason),
            text(reload.error), reload.detectToStartMs, reload.startToReadyMs, reload.totalMs,
            reload.fileCount, reload.toolCount, reload.contentIdentical ? 1 : 0, reload.buildMs },
        rowId);
}

qint64 HistoryStore::recordReload(const ReloadRecord& reload)
{
    const qint64 id = writeOrHold<qint64>(
        u"reload"_s, [this, reload](qint64* rowId) { return insertReload(reload, rowId); });
    if (id != 0)
        maybeApplyRetention(QDateTime::currentDateTimeUtc());
    return id;
}

bool HistoryStore::recordReloads(const QList<ReloadRecord>& reloads)
{
    return writeOrHold(u"reloads"_s, [this, reloads] {
        return transaction([this, &reloads] {
            for (const auto& reload : reloads) {
                qint64 rowId = 0;
                if (!insertReload(reload, &rowId))
                    return false;
            }
            return true;
        });
    });
}

qint64 HistoryStore::recordXp(const XpEventRecord& event)
{
    const QDateTime at = event.atUtc.isValid() ? event.atUtc : QDateTime::currentDateTimeUtc();
    auto write = [this, event, at](qint64* rowId) {
        return execute(u"INSERT INTO xp_events(at_ms, day, amount, rule, reason, reload_id, session_id)"
                       u" VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { at.toMSecsSinceEpoch(), dayKey(localDay(at)), event.amount, text(event.rule),
                text(event.reason), event.reloadRowId, event.sessionId },
            rowId);
    };
    return writeOrHold<qint64>(u"xp event"_s, write);
}

bool HistoryStore::unlockAchievement(const QString& id, const QDateTime& atUtc, qint64 sessionId)
{
    auto write = [this, id, atUtc, sessionId](int* inserted) {
        return execute(u"INSERT OR IGNORE INTO achievements(id, unlocked_ms, session_id) VALUES (?, ?, ?)"_s,
            { id, atUtc.toMSecsSinceEpoch(), sessionId }, nullptr, inserted);
    };
    return writeOrHold<int>(u"achievement"_s, write) == 1;
}

bool HistoryStore::saveChallengeProgress(const ChallengeProgressRecord& progress)
{
    auto write = [this, progress](int* completedNow) {
        return transaction([this, &progress, completedNow] {
            if (!execute(u"INSERT INTO challenge_progress(day, challenge_id, progress, target, completed_ms)"
                         u" VALUES (?, ?, ?, ?, NULL) ON CONFLICT(day, challenge_id) DO UPDATE SET"
                         u" progress = MAX(progress, excluded.progress), target = excluded.target"_s,
                    { dayKey(progress.day), progress.challengeId, progress.progress, progress.target }))
                return false;
            if (!progress.completed())
                return true;
            return execute(u"UPDATE challenge_progress SET completed_ms = ?"
                           u" WHERE day = ? AND challenge_id = ? AND completed_ms IS NULL"_s,
                { progress.completedAtUtc.toMSecsSinceEpoch(), dayKey(progress.day), progress.challengeId },
                nullptr, completedNow);
        });
    };
    return writeOrHold<int>(u"challenge"_s, write) == 1;
}

bool HistoryStore::markActiveDay(const QDate& day, const QDateTime& atUtc)
{
    const std::function<bool(int*)> write = [this, day, atUtc](int* inserted) {
        return execute(u"INSERT OR IGNORE INTO active_days(day, first_ms) VALUES (?, ?)"_s,
            { dayKey(day), atUtc.toMSecsSinceEpoch() }, nullptr, inserted);
    };
    return writeOrHold<int>(u"active day"_s, write) == 1;
}

// ---------------------------------------------------------------------------
// Retention

void HistoryStore::maybeApplyRetention(const QDateTime& nowUtc)
{
    const QDate today = localDay(nowUtc.isValid() ? nowUtc : QDateTime::currentDateTimeUtc());
    if (m_lastRetentionDay == today)
        return;
    m_lastRetentionDay = today;
    applyRetention(nowUtc);
}

int HistoryStore::applyRetention(const QDateTime& nowUtc)
{
    if (!canWriteNow())
        return 0;
    qint64 cutoff = nowUtc.addDays(-std::max(1, m_retention.rawDays)).toMSecsSinceEpoch();
    const qint64 xpCutoff = cutoff;
    {
        QSqlQuery overflow = select(u"SELECT at_ms FROM reloads ORDER BY at_ms DESC LIMIT 1 OFFSET ?"_s,
            { std::max(1, m_retention.maxRawReloads) });
        if (overflow.next())
            cutoff = std::max(cutoff, overflow.value(0).toLongLong() + 1);
    }
    int aggregated = 0;
    const bool ok = transaction([&] {
        return execute(
                   u"INSERT INTO reload_days(day, trigger, performed, outcome, reloads, timed, total_ms_sum,"
                   u" under_50ms, under_200ms)"
                   u" SELECT day, trigger, performed, outcome, COUNT(*), SUM(total_ms >= 0),"
                   u" SUM(MAX(total_ms, 0)), SUM(total_ms >= 0 AND total_ms < 50),"
                   u" SUM(total_ms >= 0 AND total_ms < 200) FROM reloads WHERE at_ms < ?"
                   u" GROUP BY day, trigger, performed, outcome"
                   u" ON CONFLICT(day, trigger, performed, outcome) DO UPDATE SET"
                   u" reloads = reloads + excluded.reloads, timed = timed + excluded.timed,"
                   u" total_ms_sum = total_ms_sum + excluded.total_ms_sum,"
                   u" under_50ms = under_50ms + excluded.under_50ms,"
                   u" under_200ms = under_200ms + excluded.under_200ms"_s,
                   { cutoff })
            && execute(u"DELETE FROM reloads WHERE at_ms < ?"_s, { cutoff }, nullptr, &aggregated)
            && execute(
                u"INSERT INTO xp_days(day, xp, events)"
                u" SELECT day, SUM(amount), COUNT(*) FROM xp_events WHERE at_ms < ? GROUP BY day"
                u" ON CONFLICT(day) DO UPDATE SET xp = xp + excluded.xp, events = events + excluded.events"_s,
                { xpCutoff })
            && execute(u"DELETE FROM xp_events WHERE at_ms < ?"_s, { xpCutoff })
            && execute(
                u"INSERT INTO batch_days(day, batches, content_identical)"
                u" SELECT day, COUNT(*), SUM(content_identical) FROM batches WHERE at_ms < ? GROUP BY day"
                u" ON CONFLICT(day) DO UPDATE SET batches = batches + excluded.batches,"
                u" content_identical = content_identical + excluded.content_identical"_s,
                { xpCutoff })
            && execute(u"DELETE FROM batches WHERE at_ms < ?"_s, { xpCutoff });
    });
    if (!ok) {
        qCWarning(lcStore).noquote() << "history retention failed:" << m_lastError;
        return 0;
    }
    if (aggregated > 0)
        qCInfo(lcStore) << "aggregated" << aggregated << "old reloads into daily totals";
    return aggregated;
}

// ---------------------------------------------------------------------------
// Queries

HistoryTotals HistoryStore::totals() const
{
    HistoryTotals totals;
    {
        QSqlQuery raw
            = select(u"SELECT COUNT(*), IFNULL(SUM(outcome = 'success'), 0) FROM reloads WHERE %1"_s.arg(
                QLatin1StringView(kCountedReloads)));
        if (raw.next()) {
            totals.reloads = raw.value(0).toLongLong();
            totals.succeeded = raw.value(1).toLongLong();
        }
    }
    {
        QSqlQuery days = select(u"SELECT IFNULL(SUM(reloads), 0),"
                                u" IFNULL(SUM(CASE WHEN outcome = 'success' THEN reloads ELSE 0 END), 0)"
                                u" FROM reload_days WHERE %1"_s.arg(QLatin1StringView(kCountedReloads)));
        if (days.next()) {
            totals.reloads += days.value(0).toLongLong();
            totals.succeeded += days.value(1).toLongLong();
        }
    }
    totals.failed = totals.reloads - totals.succeeded;
    totals.xp = totalXp();
    totals.sessions = selectNumber(u"SELECT COUNT(*) FROM sessions"_s);
    {
        QSqlQuery batches = select(
            u"SELECT (SELECT COUNT(*) FROM batches) + (SELECT IFNULL(SUM(batches), 0) FROM batch_days),"
            u" (SELECT IFNULL(SUM(content_identical), 0) FROM batches)"
            u" + (SELECT IFNULL(SUM(content_identical), 0) FROM batch_days)"_s);
        if (batches.next()) {
            totals.batches = batches.value(0).toLongLong();
            totals.contentIdenticalBatches = batches.value(1).toLongLong();
        }
    }
    return totals;
}

qint64 HistoryStore::totalXp() const
{
    return selectNumber(u"SELECT value FROM totals WHERE name = 'xp'"_s);
}

int HistoryStore::xpSince(const QDateTime& sinceUtc) const
{
    return int(selectNumber(u"SELECT IFNULL(SUM(amount), 0) FROM xp_events WHERE at_ms >= ?"_s,
        { sinceUtc.toMSecsSinceEpoch() }));
}

QList<ReloadPoint> HistoryStore::reloadsBetween(
    const QDateTime& fromUtc, const QDateTime& toUtc, int limit) const
{
    QList<ReloadPoint> points;
    QSqlQuery query
        = select(u"SELECT at_ms, total_ms, start_to_ready_ms, performed, trigger, outcome FROM reloads"
                 u" WHERE at_ms >= ? AND at_ms < ? AND %1 ORDER BY at_ms LIMIT ?"_s.arg(
                     QLatin1StringView(kCountedReloads)),
            { fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch(), limit });
    while (query.next()) {
        ReloadPoint point;
        point.atUtc = utcFromMs(query.value(0));
        point.totalMs = query.value(1).toLongLong();
        point.startToReadyMs = query.value(2).toLongLong();
        point.strategy = strategyFromText(query.value(3).toString());
        point.trigger = triggerFromName(query.value(4).toString());
        point.outcome = outcomeFromName(query.value(5).toString());
        points.append(point);
    }
    return points;
}

QList<DayCount> HistoryStore::reloadsPerDay(const QDate& from, const QDate& to) const
{
    QMap<QDate, DayCount> days;
    const QVariantList range { dayKey(from), dayKey(to) };
    auto addReloads = [&](QSqlQuery query) {
        while (query.next()) {
            DayCount& day = days[dayFromKey(query.value(0).toString())];
            day.reloads += query.value(1).toInt();
            day.succeeded += query.value(2).toInt();
        }
    };
    addReloads(
        select(u"SELECT day, COUNT(*), SUM(outcome = 'success') FROM reloads"
               u" WHERE day >= ? AND day <= ? AND %1 GROUP BY day"_s.arg(QLatin1StringView(kCountedReloads)),
            range));
    addReloads(select(u"SELECT day, SUM(reloads), SUM(CASE WHEN outcome = 'success' THEN reloads ELSE 0 END)"
                      u" FROM reload_days WHERE day >= ? AND day <= ? AND %1 GROUP BY day"_s.arg(
                          QLatin1StringView(kCountedReloads)),
        range));
    auto addXp = [&](QSqlQuery query) {
        while (query.next())
            days[dayFromKey(query.value(0).toString())].xp += query.value(1).toInt();
    };
    addXp(
        select(u"SELECT day, SUM(amount) FROM xp_events WHERE day >= ? AND day <= ? GROUP BY day"_s, range));
    addXp(select(u"SELECT day, xp FROM xp_days WHERE day >= ? AND day <= ?"_s, range));
    QList<DayCount> result;
    for (auto it = days.begin(); it != days.end(); ++it) {
        DayCount count = it.value();
        count.day = it.key();
        count.failed = count.reloads - count.succeeded;
        result.append(count);
    }
    return result;
}

QList<DayCount> HistoryStore::reloadsPerDayLastWeeks(int weeks, const QDate& today) const
{
    return reloadsPerDay(today.addDays(-(7 * qint64(std::max(1, weeks)) - 1)), today);
}

QList<XpDay> HistoryStore::xpPerDay(const QDate& from, const QDate& to) const
{
    const qint64 before = selectNumber(u"SELECT (SELECT IFNULL(SUM(amount), 0) FROM xp_events WHERE day < ?)"
                                       u" + (SELECT IFNULL(SUM(xp), 0) FROM xp_days WHERE day < ?)"_s,
        { dayKey(from), dayKey(from) });
    QMap<QDate, int> days;
    const QVariantList range { dayKey(from), dayKey(to) };
    for (const auto& sql :
        { u"SELECT day, SUM(amount) FROM xp_events WHERE day >= ? AND day <= ? GROUP BY day"_s,
            u"SELECT day, xp FROM xp_days WHERE day >= ? AND day <= ?"_s }) {
        QSqlQuery query = select(sql, range);
        while (query.next())
            days[dayFromKey(query.value(0).toString())] += query.value(1).toInt();
    }
    QList<XpDay> result;
    qint64 cumulative = before;
    for (auto it = days.begin(); it != days.end(); ++it) {
        cumulative += it.value();
        result.append(XpDay { it.key(), it.value(), cumulative });
    }
    return result;
}

QList<StrategyTotals> HistoryStore::totalsByStrategy() const
{
    QMap<int, StrategyTotals> byStrategy;
    auto add = [&](QSqlQuery query) {
        while (query.next()) {
            const ReloadStrategy strategy = strategyFromText(query.value(0).toString());
            StrategyTotals& totals = byStrategy[int(strategy)];
            totals.strategy = strategy;
            const qint64 count = query.value(2).toLongLong();
            totals.reloads += count;
            if (outcomeFromName(query.value(1).toString()) == ReloadOutcome::Success)
                totals.succeeded += count;
            else
                totals.failed += count;
        }
    };
    add(select(u"SELECT performed, outcome, COUNT(*) FROM reloads WHERE %1 GROUP BY performed, outcome"_s.arg(
        QLatin1StringView(kCountedReloads))));
    add(select(
        u"SELECT performed, outcome, SUM(reloads) FROM reload_days WHERE %1 GROUP BY performed, outcome"_s
            .arg(QLatin1StringView(kCountedReloads))));

    // Medians walk the (performed, outcome, duration) indexes: no sort, no full scan.
    auto median = [this](ReloadStrategy strategy, const QString& column) -> double {
        const QString where = u"performed = ? AND outcome = 'success' AND %1 >= 0 AND %2"_s.arg(
            column, QLatin1StringView(kCountedReloads));
        const qint64 count
            = selectNumber(u"SELECT COUNT(*) FROM reloads WHERE "_s + where, { strategyName(strategy) });
        if (count == 0)
            return -1;
        QSqlQuery query
            = select(u"SELECT %1 FROM reloads WHERE %2 ORDER BY %1 LIMIT ? OFFSET ?"_s.arg(column, where),
                { strategyName(strategy), count % 2 == 0 ? 2 : 1, (count - 1) / 2 });
        double sum = 0;
        int taken = 0;
        while (query.next()) {
            sum += query.value(0).toDouble();
            ++taken;
        }
        return taken > 0 ? sum / taken : -1;
    };
    QList<StrategyTotals> result;
    for (auto totals : std::as_const(byStrategy)) {
        totals.medianTotalMs = median(totals.strategy, u"total_ms"_s);
        totals.medianStartToReadyMs = median(totals.strategy, u"start_to_ready_ms"_s);
        result.append(totals);
    }
    return result;
}

QList<HistoryEvent> HistoryStore::recentEvents(int limit) const
{
    QList<HistoryEvent> events;
    {
        QSqlQuery query
            = select(u"SELECT at_ms, performed, trigger, outcome, total_ms, error FROM reloads"
                     u" WHERE %1 ORDER BY at_ms DESC LIMIT ?"_s.arg(QLatin1StringView(kCountedReloads)),
                { limit });
        while (query.next()) {
            HistoryEvent event;
            event.kind = HistoryEvent::Kind::Reload;
            event.atUtc = utcFromMs(query.value(0));
            event.outcome = outcomeFromName(query.value(3).toString());
            event.amount = query.value(4).toInt();
            event.text = reloadText(strategyFromText(query.value(1).toString()),
                triggerFromName(query.value(2).toString()), event.outcome, query.value(4).toLongLong(),
                query.value(5).toString());
            events.append(event);
        }
    }
    {
        QSqlQuery query
            = select(u"SELECT at_ms, amount, reason FROM xp_events ORDER BY at_ms DESC LIMIT ?"_s, { limit });
        while (query.next()) {
            HistoryEvent event;
            event.kind = HistoryEvent::Kind::Xp;
            event.atUtc = utcFromMs(query.value(0));
            event.amount = query.value(1).toInt();
            event.text = u"+%1 XP — %2"_s.arg(event.amount).arg(query.value(2).toString());
            events.append(event);
        }
    }
    {
        QSqlQuery query = select(
            u"SELECT unlocked_ms, id FROM achievements ORDER BY unlocked_ms DESC LIMIT ?"_s, { limit });
        while (query.next()) {
            HistoryEvent event;
            event.kind = HistoryEvent::Kind::Achievement;
            event.atUtc = utcFromMs(query.value(0));
            event.id = query.value(1).toString();
            event.text = u"achievement unlocked: %1"_s.arg(event.id);
            events.append(event);
        }
    }
    {
        QSqlQuery query = select(u"SELECT completed_ms, challenge_id FROM challenge_progress"
                                 u" WHERE completed_ms IS NOT NULL ORDER BY completed_ms DESC LIMIT ?"_s,
            { limit });
        while (query.next()) {
            HistoryEvent event;
            event.kind = HistoryEvent::Kind::Challenge;
            event.atUtc = utcFromMs(query.value(0));
            event.id = query.value(1).toString();
            event.text = u"daily challenge completed: %1"_s.arg(event.id);
            events.append(event);
        }
    }
    std::stable_sort(events.begin(), events.end(),
        [](const HistoryEvent& a, const HistoryEvent& b) { return a.atUtc > b.atUtc; });
    if (events.size() > limit)
        events.resize(limit);
    return events;
}

QList<SessionRecord> HistoryStore::sessions(int limit) const
{
    QList<SessionRecord> result;
    QSqlQuery query
        = select(u"SELECT id, kind, project_root, config_file, server_command, process_id, started_ms,"
                 u" ended_ms FROM sessions ORDER BY started_ms DESC LIMIT ?"_s,
            { limit });
    while (query.next()) {
        SessionRecord record;
        record.id = query.value(0).toLongLong();
        record.kind = query.value(1).toString();
        record.projectRoot = query.value(2).toString();
        record.configFile = query.value(3).toString();
        record.serverCommand = query.value(4).toString();
        record.processId = query.value(5).toLongLong();
        record.startedAtUtc = utcFromMs(query.value(6));
        record.endedAtUtc = utcFromMs(query.value(7));
        result.append(record);
    }
    return result;
}

QList<ReloadRecord> HistoryStore::recentReloads(int limit) const
{
    return recentReloads(limit, QString());
}

QList<ReloadRecord> HistoryStore::recentReloads(int limit, const QString& projectRoot) const
{
    QList<ReloadRecord> result;
    // The project's sessions are few: SQLite walks reloads_at backwards and tests each row's
    // session against that small set, stopping after `limit` rows.
    const QString where = projectRoot.isEmpty()
        ? QString()
        : u" WHERE session_id IN (SELECT id FROM sessions WHERE project_root = ?)"_s;
    QVariantList values;
    if (!projectRoot.isEmpty())
        values.append(projectRoot);
    values.append(limit);
    QSqlQuery query
        = select(u"SELECT id, session_id, batch_id, at_ms, trigger, requested, performed, outcome,"
                 u" reason, escalation, error, detect_to_start_ms, start_to_ready_ms, total_ms,"
                 u" file_count, tool_count, content_identical, build_ms FROM reloads%1"
                 u" ORDER BY at_ms DESC, id DESC LIMIT ?"_s.arg(where),
            values);
    while (query.next()) {
        ReloadRecord record;
        record.rowId = query.value(0).toLongLong();
        record.sessionId = query.value(1).toLongLong();
        record.batchId = query.value(2).toULongLong();
        record.atUtc = utcFromMs(query.value(3));
        record.trigger = triggerFromName(query.value(4).toString());
        record.requested = strategyFromText(query.value(5).toString());
        record.performed = strategyFromText(query.value(6).toString());
        record.outcome = outcomeFromName(query.value(7).toString());
        record.reason = query.value(8).toString();
        record.escalationReason = query.value(9).toString();
        record.error = query.value(10).toString();
        record.detectToStartMs = query.value(11).toLongLong();
        record.startToReadyMs = query.value(12).toLongLong();
        record.totalMs = query.value(13).toLongLong();
        record.fileCount = query.value(14).toInt();
        record.toolCount = query.value(15).toInt();
        record.contentIdentical = query.value(16).toInt() != 0;
        record.buildMs = query.value(17).toLongLong();
        result.append(record);
    }
    return result;
}

QList<AchievementRecord> HistoryStore::achievements() const
{
    QList<AchievementRecord> result;
    QSqlQuery query = select(u"SELECT id, unlocked_ms FROM achievements ORDER BY unlocked_ms, id"_s);
    while (query.next())
        result.append(AchievementRecord { query.value(0).toString(), utcFromMs(query.value(1)) });
    return result;
}

QList<ChallengeProgressRecord> HistoryStore::challengeProgress(const QDate& day) const
{
    QList<ChallengeProgressRecord> result;
    QSqlQuery query = select(u"SELECT challenge_id, progress, target, completed_ms FROM challenge_progress"
                             u" WHERE day = ? ORDER BY challenge_id"_s,
        { dayKey(day) });
    while (query.next()) {
        ChallengeProgressRecord record;
        record.day = day;
        record.challengeId = query.value(0).toString();
        record.progress = query.value(1).toInt();
        record.target = query.value(2).toInt();
        record.completedAtUtc = utcFromMs(query.value(3));
        result.append(record);
    }
    return result;
}

int HistoryStore::completedChallenges() const
{
    return int(selectNumber(u"SELECT COUNT(*) FROM challenge_progress WHERE completed_ms IS NOT NULL"_s));
}

QList<QDate> HistoryStore::activeDays() const
{
    QList<QDate> result;
    QSqlQuery query = select(u"SELECT day FROM active_days ORDER BY day"_s);
    while (query.next())
        result.append(dayFromKey(query.value(0).toString()));
    return result;
}

DayCounters HistoryStore::dayCounters(const QDate& day) const
{
    DayCounters counters;
    counters.day = day;
    auto add = [&counters](QSqlQuery query) {
        while (query.next()) {
            const ReloadStrategy strategy = strategyFromText(query.value(0).toString());
            const int count = query.value(2).toInt();
            if (outcomeFromName(query.value(1).toString()) == ReloadOutcome::Failed) {
                counters.failed += count;
                continue;
            }
            counters.succeeded += count;
            counters.fastReloads += query.value(3).toInt();
            if (strategy == ReloadStrategy::HotReload)
                counters.hotReloads += count;
            else if (strategy == ReloadStrategy::ServiceRestart)
                counters.serviceRestarts += count;
            else if (strategy == ReloadStrategy::FullRestart)
                counters.fullRestarts += count;
        }
    };
    add(select(u"SELECT performed, outcome, COUNT(*), SUM(total_ms >= 0 AND total_ms < %1) FROM reloads"
               u" WHERE day = ? AND %2 GROUP BY performed, outcome"_s.arg(DayCounters::kFastReloadMs)
                   .arg(QLatin1StringView(kUserReloads)),
        { dayKey(day) }));
    add(select(u"SELECT performed, outcome, SUM(reloads), SUM(under_200ms) FROM reload_days"
               u" WHERE day = ? AND %1 GROUP BY performed, outcome"_s.arg(QLatin1StringView(kUserReloads)),
        { dayKey(day) }));
    counters.xp = int(selectNumber(u"SELECT (SELECT IFNULL(SUM(amount), 0) FROM xp_events WHERE day = ?)"
                                   u" + (SELECT IFNULL(SUM(xp), 0) FROM xp_days WHERE day = ?)"_s,
        { dayKey(day), dayKey(day) }));
    return counters;
}

qint64 HistoryStore::fastHotReloads(qint64 underMs) const
{
    qint64 count = selectNumber(u"SELECT COUNT(*) FROM reloads WHERE performed = 'hot_reload'"
                                u" AND outcome = 'success' AND total_ms >= 0 AND total_ms < ? AND %1"_s.arg(
                                    QLatin1StringView(kUserReloads)),
        { underMs });
    if (underMs >= 50)
        count += selectNumber(
            u"SELECT IFNULL(SUM(under_50ms), 0) FROM reload_days WHERE performed = 'hot_reload'"
            u" AND outcome = 'success' AND %1"_s.arg(QLatin1StringView(kUserReloads)));
    return count;
}

qint64 HistoryStore::succeededReloads() const
{
    return selectNumber(
        u"SELECT (SELECT COUNT(*) FROM reloads WHERE outcome = 'success' AND %1)"
        u" + (SELECT IFNULL(SUM(reloads), 0) FROM reload_days WHERE outcome = 'success' AND %1)"_s.arg(
            QLatin1StringView(kUserReloads)));
}

QList<ReloadStrategy> HistoryStore::strategiesUsed() const
{
    QList<ReloadStrategy> result;
    QSqlQuery query
        = select(u"SELECT DISTINCT performed FROM reloads WHERE outcome = 'success' AND %1"
                 u" UNION SELECT DISTINCT performed FROM reload_days WHERE outcome = 'success' AND %1"_s.arg(
                     QLatin1StringView(kUserReloads)));
    while (query.next()) {
        const ReloadStrategy strategy = strategyFromText(query.value(0).toString());
        if (strategy != ReloadStrategy::None && !result.contains(strategy))
            result.append(strategy);
    }
    std::sort(result.begin(), result.end());
    return result;
}

QStringList HistoryStore::schemaV1Statements()
{
    return storeschema::version1();
}

} // namespace foxreload
