// HistoryStore's queries for the game. They count what the user caused (reloads by file
// change or by hand) in raw rows and in the daily rows of retention, and only the player's
// own rows: players sharing a database play games of their own. The game's thresholds
// are arguments: a rule change needs no migration, durations are counted as stored.

#include "HistoryStore.h"
#include "HistoryStoreRows.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using namespace storerows;

} // namespace

int HistoryStore::xpSince(const QDateTime& sinceUtc) const
{
    return int(selectNumber(u"SELECT IFNULL(SUM(amount), 0) FROM xp_events WHERE player = ? AND at_ms >= ?"_s,
        { m_player, sinceUtc.toMSecsSinceEpoch() }));
}

QList<ChallengeProgressRecord> HistoryStore::challengeProgress(const QDate& day) const
{
    QList<ChallengeProgressRecord> result;
    QSqlQuery query = select(u"SELECT challenge_id, progress, target, completed_ms FROM challenge_progress"
                             u" WHERE player = ? AND day = ? ORDER BY challenge_id"_s,
        { m_player, dayKey(day) });
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
    return int(selectNumber(
        u"SELECT COUNT(*) FROM challenge_progress WHERE player = ? AND completed_ms IS NOT NULL"_s,
        { m_player }));
}

QList<QDate> HistoryStore::activeDays() const
{
    QList<QDate> result;
    QSqlQuery query = select(u"SELECT day FROM active_days WHERE player = ? ORDER BY day"_s, { m_player });
    while (query.next())
        result.append(dayFromKey(query.value(0).toString()));
    return result;
}

DayCounters HistoryStore::dayCounters(const QDate& day, qint64 fastUnderMs) const
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
            if (strategy == ReloadStrategy::HotReload)
                counters.hotReloads += count;
            else if (strategy == ReloadStrategy::ServiceRestart)
                counters.serviceRestarts += count;
            else if (strategy == ReloadStrategy::FullRestart)
                counters.fullRestarts += count;
        }
    };
    const QVariantList dayValue { m_player, dayKey(day) };
    add(select(u"SELECT performed, outcome, COUNT(*) FROM reloads WHERE player = ? AND day = ? AND %1"
               u" GROUP BY performed, outcome"_s.arg(QLatin1StringView(kUserReloads)),
        dayValue));
    add(select(u"SELECT performed, outcome, SUM(reloads) FROM reload_days WHERE player = ? AND day = ? AND %1"
               u" GROUP BY performed, outcome"_s.arg(QLatin1StringView(kUserReloads)),
        dayValue));
    const QString user = QLatin1StringView(kUserReloads);
    counters.fastReloads = int(selectNumber(
        u"SELECT (SELECT COUNT(*) FROM reloads WHERE player = ? AND day = ? AND outcome = 'success'"
        u" AND total_ms >= 0 AND total_ms < ? AND %1)"
        u" + (SELECT IFNULL(SUM(reloads), 0) FROM reload_day_durations WHERE player = ? AND day = ?"
        u" AND outcome = 'success' AND total_ms < ? AND %1)"_s.arg(user),
        { m_player, dayKey(day), fastUnderMs, m_player, dayKey(day), fastUnderMs }));
    counters.xp = int(
        selectNumber(u"SELECT (SELECT IFNULL(SUM(amount), 0) FROM xp_events WHERE player = ? AND day = ?)"
                     u" + (SELECT IFNULL(SUM(xp), 0) FROM xp_days WHERE player = ? AND day = ?)"_s,
            { m_player, dayKey(day), m_player, dayKey(day) }));
    return counters;
}

qint64 HistoryStore::fastHotReloads(qint64 underMs) const
{
    return selectNumber(
        u"SELECT (SELECT COUNT(*) FROM reloads WHERE player = ? AND performed = 'hot_reload'"
        u" AND outcome = 'success' AND total_ms >= 0 AND total_ms < ? AND %1)"
        u" + (SELECT IFNULL(SUM(reloads), 0) FROM reload_day_durations WHERE player = ?"
        u" AND performed = 'hot_reload' AND outcome = 'success' AND total_ms < ? AND %1)"_s.arg(
            QLatin1StringView(kUserReloads)),
        { m_player, underMs, m_player, underMs });
}

qint64 HistoryStore::succeededReloads() const
{
    return selectNumber(
        u"SELECT (SELECT COUNT(*) FROM reloads WHERE player = ? AND outcome = 'success' AND %1)"
        u" + (SELECT IFNULL(SUM(reloads), 0) FROM reload_days WHERE player = ? AND outcome = 'success'"
        u" AND %1)"_s.arg(QLatin1StringView(kUserReloads)),
        { m_player, m_player });
}

QList<ReloadStrategy> HistoryStore::strategiesUsed() const
{
    QList<ReloadStrategy> result;
    QSqlQuery query
        = select(u"SELECT DISTINCT performed FROM reloads WHERE player = ? AND outcome = 'success' AND %1"
                 u" UNION SELECT DISTINCT performed FROM reload_days WHERE player = ? AND outcome = 'success'"
                 u" AND %1"_s.arg(QLatin1StringView(kUserReloads)),
            { m_player, m_player });
    while (query.next()) {
        const ReloadStrategy strategy = strategyFromText(query.value(0).toString());
        if (strategy != ReloadStrategy::None && !result.contains(strategy))
            result.append(strategy);
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace foxreload
