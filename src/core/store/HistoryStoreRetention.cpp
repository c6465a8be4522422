// HistoryStore's retention: raw rows past RetentionSettings are folded into daily rows
// that keep every total exact, and each aggregated reload's duration as a raw figure
// (reload_day_durations), so that any threshold can still be counted later.

#include "HistoryStore.h"
#include "StoreLog.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

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
    const bool ok = m_db.transaction([&] {
        return m_db.execute(
                   u"INSERT INTO reload_days(player, day, trigger, performed, outcome, reloads, timed,"
                   u" total_ms_sum) SELECT player, day, trigger, performed, outcome, COUNT(*),"
                   u" SUM(total_ms >= 0), SUM(MAX(total_ms, 0)) FROM reloads WHERE at_ms < ?"
                   u" GROUP BY player, day, trigger, performed, outcome"
                   u" ON CONFLICT(player, day, trigger, performed, outcome) DO UPDATE SET"
                   u" reloads = reloads + excluded.reloads, timed = timed + excluded.timed,"
                   u" total_ms_sum = total_ms_sum + excluded.total_ms_sum"_s,
                   { cutoff })
            && m_db.execute(
                u"INSERT INTO reload_day_durations(player, day, trigger, performed, outcome, total_ms,"
                u" reloads) SELECT player, day, trigger, performed, outcome, total_ms, COUNT(*) FROM reloads"
                u" WHERE at_ms < ? AND total_ms >= 0"
                u" GROUP BY player, day, trigger, performed, outcome, total_ms"
                u" ON CONFLICT(player, day, trigger, performed, outcome, total_ms) DO UPDATE SET"
                u" reloads = reloads + excluded.reloads"_s,
                { cutoff })
            && m_db.execute(u"DELETE FROM reloads WHERE at_ms < ?"_s, { cutoff }, nullptr, &aggregated)
            && m_db.execute(
                u"INSERT INTO xp_days(player, day, xp, events)"
                u" SELECT player, day, SUM(amount), COUNT(*) FROM xp_events WHERE at_ms < ?"
                u" GROUP BY player, day"
                u" ON CONFLICT(player, day) DO UPDATE SET xp = xp + excluded.xp, events = events + excluded.events"_s,
                { xpCutoff })
            && m_db.execute(u"DELETE FROM xp_events WHERE at_ms < ?"_s, { xpCutoff })
            && m_db.execute(
                u"INSERT INTO batch_days(day, batches, content_identical)"
                u" SELECT day, COUNT(*), SUM(content_identical) FROM batches WHERE at_ms < ? GROUP BY day"
                u" ON CONFLICT(day) DO UPDATE SET batches = batches + excluded.batches,"
                u" content_identical = content_identical + excluded.content_identical"_s,
                { xpCutoff })
            && m_db.execute(u"DELETE FROM batches WHERE at_ms < ?"_s, { xpCutoff });
    });
    if (!ok) {
        qCWarning(lcStore).noquote() << "history retention failed:" << m_db.lastError();
        return 0;
    }
    if (aggregated > 0)
        qCInfo(lcStore) << "aggregated" << aggregated << "old reloads into daily totals";
    return aggregated;
}

} // namespace foxreload
