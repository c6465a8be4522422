#include "HistoryLoader.h"

#include "store/HistoryStore.h"

namespace foxreload::gui {

QDateTime rangeStart(ChartRange range, const QDateTime& now)
{
    const QDateTime local = now.toLocalTime();
    const auto midnight
        = [&local](int daysBack) { return QDateTime(local.date().addDays(-daysBack), QTime(0, 0)); };
    switch (range) {
    case ChartRange::LastHour:
        return local.addSecs(-3600);
    case ChartRange::Today:
        return midnight(0);
    case ChartRange::Week:
        return midnight(6);
    case ChartRange::Month:
        return midnight(29);
    case ChartRange::All:
        break;
    }
    return {};
}

ChartRange fittingRange(const HistoryStore& store, const QString& projectRoot, const QDateTime& now)
{
    const auto anyBefore = [&](const QDateTime& end) {
        return !store.reloadCountsByDay(HistoryScope { {}, end.toUTC(), projectRoot }).isEmpty();
    };
    if (!store.isAvailable() || !anyBefore(now.addMSecs(1)))
        return ChartRange::Today;
    for (const ChartRange range :
        { ChartRange::LastHour, ChartRange::Today, ChartRange::Week, ChartRange::Month }) {
        if (!anyBefore(rangeStart(range, now)))
            return range;
    }
    return ChartRange::All;
}

void loadHistory(const HistoryStore& store, ReloadStats* stats, const QDate& today)
{
    Q_UNUSED(today)
    stats->clear();
    if (!store.isAvailable())
        return;
    const auto totals = store.totalsByStrategy();
    for (const auto& total : totals)
        stats->addCounts(total.strategy, total.reloads, total.failed);

    const auto days = store.reloadCountsByDay(HistoryScope {});
    for (const auto& day : days)
        stats->addDayCount(day);

    const auto recent = store.chartReloads(HistoryScope {}, ReloadStats::kMaxDurationPoints);
    for (const auto& reload : recent) {
        stats->addDurationPoint({ reload.atUtc.toLocalTime(), reload.strategy, reload.durationMs,
            reload.outcome == ReloadOutcome::Success });
    }

    // Every XP event (thinned), so the curve after a restart is the real one.
    const auto xp = store.xpCurve(HistoryScope {}, ReloadStats::kMaxXpPoints);
    for (const auto& point : xp)
        stats->addXp(point.atUtc.toLocalTime(), point.total);
}

ChartData loadChartData(const HistoryStore& store, ChartRange range, const QString& projectRoot,
    const QDateTime& now, int maxPoints)
{
    ChartData data;
    data.to = now.toLocalTime();
    data.from = rangeStart(range, now);
    if (!store.isAvailable())
        return data;
    // The end is exclusive in the store: a millisecond past now includes a reload of this instant.
    const HistoryScope scope { data.from.isValid() ? data.from.toUTC() : QDateTime(), now.toUTC().addMSecs(1),
        projectRoot };
    data.reloads = store.chartReloads(scope, maxPoints);
    data.days = store.reloadCountsByDay(scope);
    data.xp = store.xpCurve(scope, ReloadStats::kMaxXpPoints);
    if (data.xp.isEmpty() && data.from.isValid()) {
        // No XP within the range: the curve is flat at the total reached before it.
        const auto before = store.xpCurve(HistoryScope { {}, scope.fromUtc, projectRoot }, 2);
        if (!before.isEmpty())
            data.xp.append(XpPoint { scope.fromUtc, 0, before.last().total });
    }
    return data;
}

} // namespace foxreload::gui
