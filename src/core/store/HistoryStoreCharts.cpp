// HistoryStore's chart queries: one time range, one project or all of them.
//
// Every query is bounded by reloads_at (at_ms) or xp_events_at; the project filter is a
// membership test against the project's few sessions, so a range over 50,000 reloads
// reads only the rows of that range.

#include "HistoryStore.h"
#include "HistoryStoreRows.h"

#include <QMap>
#include <QSqlQuery>
#include <QTime>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using namespace storerows;

constexpr auto kProjectFilter = " AND session_id IN (SELECT id FROM sessions WHERE project_root = ?)";

qint64 fromMs(const HistoryScope& scope)
{
    return scope.fromUtc.isValid() ? scope.fromUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

qint64 toMs(const HistoryScope& scope)
{
    return scope.toUtc.isValid() ? scope.toUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

// "at_ms >= ? AND at_ms < ?" and, for one project, its session filter; with their values.
QString rangeWhere(const HistoryScope& scope, QVariantList* values)
{
    values->append(fromMs(scope));
    values->append(toMs(scope));
    QString where = u"at_ms >= ? AND at_ms < ?"_s;
    if (!scope.projectRoot.isEmpty()) {
        where += QLatin1StringView(kProjectFilter);
        values->append(scope.projectRoot);
    }
    return where;
}

} // namespace

QStringList HistoryStore::projectRoots() const
{
    QStringList roots;
    QSqlQuery query = select(
        u"SELECT DISTINCT project_root FROM sessions WHERE project_root <> '' ORDER BY project_root"_s);
    while (query.next())
        roots.append(query.value(0).toString());
    return roots;
}

QList<ChartReload> HistoryStore::chartReloads(const HistoryScope& scope, int limit) const
{
    QVariantList values;
    const QString where = rangeWhere(scope, &values);
    values.append(limit);
    QSqlQuery query = select(
        u"SELECT id, at_ms, performed, trigger, outcome, start_to_ready_ms, file_count,"
        u" reason, error, build_ms FROM reloads WHERE %1 AND %2 ORDER BY at_ms DESC, id DESC LIMIT ?"_s.arg(
            where, QLatin1StringView(kCountedReloads)),
        values);
    QList<ChartReload> reloads;
    while (query.next()) {
        ChartReload reload;
        reload.rowId = query.value(0).toLongLong();
        reload.atUtc = utcFromMs(query.value(1));
        reload.strategy = strategyFromText(query.value(2).toString());
        reload.trigger = triggerFromName(query.value(3).toString());
        reload.outcome = outcomeFromName(query.value(4).toString());
        reload.durationMs = query.value(5).toLongLong();
        reload.fileCount = query.value(6).toInt();
        reload.reason = query.value(7).toString();
        reload.error = query.value(8).toString();
        reload.buildMs = query.value(9).toLongLong();
        reloads.append(reload);
    }
    std::reverse(reloads.begin(), reloads.end());
    return reloads;
}

QList<StrategyDayCount> HistoryStore::reloadCountsByDay(const HistoryScope& scope) const
{
    QMap<std::pair<QDate, int>, StrategyDayCount> counts;
    auto add = [&counts](QSqlQuery query) {
        while (query.next()) {
            const QDate day = dayFromKey(query.value(0).toString());
            const ReloadStrategy strategy = strategyFromText(query.value(1).toString());
            StrategyDayCount& count = counts[{ day, int(strategy) }];
            count.day = day;
            count.strategy = strategy;
            const int n = query.value(3).toInt();
            if (outcomeFromName(query.value(2).toString()) == ReloadOutcome::Failed)
                count.failed += n;
            else
                count.succeeded += n;
        }
    };
    QVariantList values;
    const QString where = rangeWhere(scope, &values);
    add(select(u"SELECT day, performed, outcome, COUNT(*) FROM reloads WHERE %1 AND %2"
               u" GROUP BY day, performed, outcome"_s.arg(where, QLatin1StringView(kCountedReloads)),
        values));
    if (scope.projectRoot.isEmpty()) {
        // Aggregated days are whole days: those within the range's local days.
        const QString from = scope.fromUtc.isValid() ? dayKey(localDay(scope.fromUtc)) : QString();
        const QString to = scope.toUtc.isValid() ? dayKey(localDay(scope.toUtc)) : u"9999-12-31"_s;
        add(select(
            u"SELECT day, performed, outcome, SUM(reloads) FROM reload_days WHERE day >= ? AND day <= ?"
            u" AND %1 GROUP BY day, performed, outcome"_s.arg(QLatin1StringView(kCountedReloads)),
            { from.isEmpty() ? u""_s : from, to }));
    }
    return counts.values();
}

QList<XpPoint> HistoryStore::xpCurve(const HistoryScope& scope, int maxPoints) const
{
    qint64 total = 0;
    {
        // The player's own XP: another player's on a shared database is not on this curve.
        QVariantList values { m_player, fromMs(scope) };
        QString sql = u"SELECT IFNULL(SUM(amount), 0) FROM xp_events WHERE player = ? AND at_ms < ?"_s;
        if (!scope.projectRoot.isEmpty()) {
            sql += QLatin1StringView(kProjectFilter);
            values.append(scope.projectRoot);
        } else if (scope.fromUtc.isValid()) {
            total += selectNumber(u"SELECT IFNULL(SUM(xp), 0) FROM xp_days WHERE player = ? AND day < ?"_s,
                { m_player, dayKey(localDay(scope.fromUtc)) });
        }
        total += selectNumber(sql, values);
    }
    QVariantList values { m_player };
    const QString where = rangeWhere(scope, &values);
    QSqlQuery query = select(
        u"SELECT at_ms, amount FROM xp_events WHERE player = ? AND %1 ORDER BY at_ms, id"_s.arg(where),
        values);
    QList<XpPoint> points;
    while (query.next()) {
        XpPoint point;
        point.atUtc = utcFromMs(query.value(0));
        point.amount = query.value(1).toInt();
        points.append(point);
    }
    if (scope.projectRoot.isEmpty()) {
        // Days that retention folded into xp_days: one point at the end of each.
        const QString from = scope.fromUtc.isValid() ? dayKey(localDay(scope.fromUtc)) : QString();
        const QString to = scope.toUtc.isValid() ? dayKey(localDay(scope.toUtc)) : u"9999-12-31"_s;
        QSqlQuery days
            = select(u"SELECT day, xp FROM xp_days WHERE player = ? AND day >= ? AND day <= ? ORDER BY day"_s,
                { m_player, from, to });
        QList<XpPoint> folded;
        while (days.next()) {
            const QDateTime end
                = QDateTime(dayFromKey(days.value(0).toString()), QTime(23, 59, 59), m_zone).toUTC();
            if (end >= QDateTime::fromMSecsSinceEpoch(fromMs(scope), Qt::UTC))
                folded.append(XpPoint { end, days.value(1).toInt(), 0 });
        }
        if (!folded.isEmpty()) {
            points.append(folded);
            std::stable_sort(points.begin(), points.end(),
                [](const XpPoint& a, const XpPoint& b) { return a.atUtc < b.atUtc; });
        }
    }
    for (auto& point : points) {
        total += point.amount;
        point.total = total;
    }
    if (maxPoints > 1 && points.size() > maxPoints) {
        // Even thinning keeps the curve's shape; the last point carries today's total.
        QList<XpPoint> thinned;
        thinned.reserve(maxPoints);
        const double step = double(points.size() - 1) / double(maxPoints - 1);
        for (int i = 0; i < maxPoints; ++i)
            thinned.append(points.at(std::min(points.size() - 1, qsizetype(i * step + 0.5))));
        thinned.last() = points.last();
        points = std::move(thinned);
    }
    return points;
}

} // namespace foxreload
