// HistoryStore's writers: each turns a record into its statements and hands them to
// writeOrHold(), which writes them now or holds them while the database cannot be written.

#include "HistoryStore.h"
#include "HistoryStoreRows.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using namespace storerows;

QVariant msOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

// Qt binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString& value)
{
    return value.isNull() ? u""_s : value;
}

QDateTime orNow(const QDateTime& atUtc)
{
    return atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
}

} // namespace

ReloadRecord ReloadRecord::fromResult(qint64 sessionId, const ReloadResult& result)
{
    ReloadRecord record;
    record.sessionId = sessionId;
    record.batchId = result.plan.batchId;
    record.atUtc = orNow(result.finishedAtUtc);
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

qint64 HistoryStore::beginSession(SessionRecord record)
{
    if (record.id == 0)
        record.id = qint64(QRandomGenerator::system()->bounded(quint64(1) << 53)) + 1;
    if (!record.startedAtUtc.isValid())
        record.startedAtUtc = QDateTime::currentDateTimeUtc();
    if (record.processId == 0)
        record.processId = QCoreApplication::applicationPid();
    writeOrHold(u"session"_s,
        { { u"INSERT OR IGNORE INTO sessions(id, kind, project_root, config_file, server_command,"
            u" process_id, started_ms, ended_ms, player) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { record.id, text(record.kind), text(record.projectRoot), text(record.configFile),
                text(record.serverCommand), record.processId, record.startedAtUtc.toMSecsSinceEpoch(),
                msOrNull(record.endedAtUtc), m_player } } },
        WriteResult::RowsAffected);
    return record.id;
}

void HistoryStore::endSession(qint64 sessionId, const QDateTime& endedAtUtc)
{
    writeOrHold(u"session end"_s,
        { { u"UPDATE sessions SET ended_ms = ? WHERE id = ?"_s, { msOrNull(endedAtUtc), sessionId } } },
        WriteResult::RowsAffected);
}

void HistoryStore::recordBatch(const BatchRecord& batch)
{
    const QDateTime at = orNow(batch.atUtc);
    writeOrHold(u"batch"_s,
        { { u"INSERT INTO batches(session_id, batch_id, at_ms, day, strategy, file_count,"
            u" raw_event_count, content_identical, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { batch.sessionId, qint64(batch.batchId), at.toMSecsSinceEpoch(), dayKey(localDay(at)),
                text(strategyName(batch.strategy)), std::max(batch.fileCount, int(batch.files.size())),
                batch.rawEventCount, batch.contentIdentical ? 1 : 0,
                text(batch.files.mid(0, BatchRecord::kMaxFilesPerBatch).join(u'\n')) } } },
        WriteResult::InsertId);
}

HistoryStore::Statement HistoryStore::insertReload(const ReloadRecord& reload) const
{
    const QDateTime at = orNow(reload.atUtc);
    return { u"INSERT INTO reloads(session_id, batch_id, at_ms, day, trigger, requested, performed, outcome,"
             u" reason, escalation, error, detect_to_start_ms, start_to_ready_ms, total_ms, file_count,"
             u" tool_count, content_identical, build_ms, player)"
             u" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { reload.sessionId, qint64(reload.batchId), at.toMSecsSinceEpoch(), dayKey(localDay(at)),
            reloadTriggerName(reload.trigger), strategyName(reload.requested), strategyName(reload.performed),
            reloadOutcomeName(reload.outcome), text(reload.reason), text(reload.escalationReason),
            text(reload.error), reload.detectToStartMs, reload.startToReadyMs, reload.totalMs,
            reload.fileCount, reload.toolCount, reload.contentIdentical ? 1 : 0, reload.buildMs, m_player } };
}

qint64 HistoryStore::recordReload(const ReloadRecord& reload)
{
    const qint64 id = writeOrHold(u"reload"_s, { insertReload(reload) }, WriteResult::InsertId);
    if (id != 0)
        maybeApplyRetention(QDateTime::currentDateTimeUtc());
    return id;
}

bool HistoryStore::recordReloads(const QList<ReloadRecord>& reloads)
{
    if (reloads.isEmpty())
        return canWriteNow();
    QList<Statement> statements;
    statements.reserve(reloads.size());
    for (const auto& reload : reloads)
        statements.append(insertReload(reload));
    return writeOrHold(u"reloads"_s, statements, WriteResult::InsertId) != 0;
}

qint64 HistoryStore::recordXp(const XpEventRecord& event)
{
    const QDateTime at = orNow(event.atUtc);
    // The player's total moves in the same transaction as the event (no trigger: plain SQL).
    return writeOrHold(u"xp event"_s,
        { { u"INSERT INTO players(name, team, xp, seen_ms) VALUES (?, ?, ?, ?)"
            u" ON CONFLICT(name) DO UPDATE SET xp = xp + excluded.xp, seen_ms = excluded.seen_ms"_s,
              { m_player, m_team, event.amount, at.toMSecsSinceEpoch() } },
            { u"INSERT INTO xp_events(at_ms, day, amount, rule, reason, reload_id, session_id, player)"
              u" VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                { at.toMSecsSinceEpoch(), dayKey(localDay(at)), event.amount, text(event.rule),
                    text(event.reason), event.reloadRowId, event.sessionId, m_player } } },
        WriteResult::InsertId);
}

bool HistoryStore::unlockAchievement(const QString& id, const QDateTime& atUtc, qint64 sessionId)
{
    return writeOrHold(u"achievement"_s,
               { { u"INSERT OR IGNORE INTO achievements(player, id, unlocked_ms, session_id)"
                   u" VALUES (?, ?, ?, ?)"_s,
                   { m_player, id, atUtc.toMSecsSinceEpoch(), sessionId } } },
               WriteResult::RowsAffected)
        == 1;
}

bool HistoryStore::saveChallengeProgress(const ChallengeProgressRecord& progress)
{
    QList<Statement> statements {
        { u"INSERT INTO challenge_progress(player, day, challenge_id, progress, target, completed_ms)"
          u" VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT(player, day, challenge_id) DO UPDATE SET"
          u" progress = MAX(progress, excluded.progress), target = excluded.target"_s,
            { m_player, dayKey(progress.day), progress.challengeId, progress.progress, progress.target } },
    };
    if (progress.completed()) {
        // Changes a row only for the first process that completes it.
        statements.append({ u"UPDATE challenge_progress SET completed_ms = ?"
                            u" WHERE player = ? AND day = ? AND challenge_id = ? AND completed_ms IS NULL"_s,
            { progress.completedAtUtc.toMSecsSinceEpoch(), m_player, dayKey(progress.day),
                progress.challengeId } });
    }
    const qint64 rows = writeOrHold(u"challenge"_s, statements, WriteResult::RowsAffected);
    return progress.completed() && rows == 1;
}

bool HistoryStore::markActiveDay(const QDate& day, const QDateTime& atUtc)
{
    return writeOrHold(u"active day"_s,
               { { u"INSERT OR IGNORE INTO active_days(player, day, first_ms) VALUES (?, ?, ?)"_s,
                   { m_player, dayKey(day), atUtc.toMSecsSinceEpoch() } } },
               WriteResult::RowsAffected)
        == 1;
}

} // namespace foxreload
