// HistoryStore's view of every player of the database: the leaderboard. A player's rows are
// counted as the game counts its own (reloads the user caused, raw and aggregated by retention),
// one grouped query per figure rather than one query per player.

#include "HistoryStore.h"
#include "HistoryStoreRows.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using namespace storerows;

} // namespace

int HistoryStore::playerCount() const
{
    return int(selectNumber(u"SELECT COUNT(*) FROM players"_s));
}

QList<LeaderboardRow> HistoryStore::leaderboard(const QDate& weekFrom, const QDate& weekTo) const
{
    QList<LeaderboardRow> rows;
    QHash<QString, qsizetype> index; // player -> position in rows
    {
        QSqlQuery query = select(u"SELECT name, team, xp FROM players"_s);
        while (query.next()) {
            LeaderboardRow row;
            row.player = query.value(0).toString();
            row.team = query.value(1).toString();
            row.xp = query.value(2).toLongLong();
            index.insert(row.player, rows.size());
            rows.append(row);
        }
    }
    auto rowOf = [&rows, &index](const QString& player) -> LeaderboardRow* {
        const auto it = index.constFind(player);
        return it == index.cend() ? nullptr : &rows[*it];
    };
    const QString user = QLatin1StringView(kUserReloads);
    const QVariantList week { dayKey(weekFrom), dayKey(weekTo) };
    for (const QString& sql :
        { u"SELECT player, COUNT(*) FROM reloads WHERE day >= ? AND day <= ? AND %1 GROUP BY player"_s.arg(
              user),
            u"SELECT player, SUM(reloads) FROM reload_days WHERE day >= ? AND day <= ? AND %1"
            u" GROUP BY player"_s.arg(user) }) {
        QSqlQuery query = select(sql, week);
        while (query.next()) {
            if (LeaderboardRow* row = rowOf(query.value(0).toString()))
                row->reloads += query.value(1).toInt();
        }
    }
    for (const QString& sql : { u"SELECT player, MIN(total_ms) FROM reloads WHERE day >= ? AND day <= ?"
                                u" AND performed = 'hot_reload' AND outcome = 'success' AND total_ms >= 0"
                                u" AND %1 GROUP BY player"_s.arg(user),
             u"SELECT player, MIN(total_ms) FROM reload_day_durations WHERE day >= ? AND day <= ?"
             u" AND performed = 'hot_reload' AND outcome = 'success' AND %1 GROUP BY player"_s.arg(user) }) {
        QSqlQuery query = select(sql, week);
        while (query.next()) {
            LeaderboardRow* row = rowOf(query.value(0).toString());
            const qint64 fastest = query.value(1).toLongLong();
            if (row && !query.value(1).isNull()
                && (row->fastestHotReloadMs < 0 || fastest < row->fastestHotReloadMs))
                row->fastestHotReloadMs = fastest;
        }
    }
    {
        QSqlQuery query = select(u"SELECT player, day FROM active_days ORDER BY player, day"_s);
        while (query.next()) {
            if (LeaderboardRow* row = rowOf(query.value(0).toString()))
                row->activeDays.append(dayFromKey(query.value(1).toString()));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const LeaderboardRow& a, const LeaderboardRow& b) {
        return a.xp != b.xp ? a.xp > b.xp : a.player < b.player;
    });
    return rows;
}

} // namespace foxreload
