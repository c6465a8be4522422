// HistoryStore's totals and lists for the dashboard and `foxreload stats`. Every count
// adds the daily rows retention folded old reloads into, so totals stay exact.

#include "HistoryStore.h"
#include "HistoryStoreRows.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using namespace storerows;

} // namespace

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
    return selectNumber(u"SELECT xp FROM players WHERE name = ?"_s, { m_player });
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
    // The player's XP only (reloads are everyone's history, XP is each player's game).
    const QVariantList playerRange { m_player, dayKey(from), dayKey(to) };
    addXp(select(
        u"SELECT day, SUM(amount) FROM xp_events WHERE player = ? AND day >= ? AND day <= ? GROUP BY day"_s,
        playerRange));
    addXp(select(u"SELECT day, xp FROM xp_days WHERE player = ? AND day >= ? AND day <= ?"_s, playerRange));
    QList<DayCount> result;
    for (auto it = days.begin(); it != days.end(); ++it) {
        DayCount count = it.value();
        count.day = it.key();
        count.failed = count.reloads - count.succeeded;
        result.append(count);
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
    QSqlQuery query
        = select(u"SELECT id, unlocked_ms FROM achievements WHERE player = ? ORDER BY unlocked_ms, id"_s,
            { m_player });
    while (query.next())
        result.append(AchievementRecord { query.value(0).toString(), utcFromMs(query.value(1)) });
    return result;
}

} // namespace foxreload
