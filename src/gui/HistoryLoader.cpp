#include "HistoryLoader.h"

#include "store/HistoryStore.h"

#include <QTime>

namespace foxreload::gui {

void loadHistory(const HistoryStore& store, ReloadStats* stats, const QDate& today)
{
    stats->clear();
    if (!store.isAvailable())
        return;
    const auto totals = store.totalsByStrategy();
    for (const auto& total : totals)
        stats->addCounts(total.strategy, total.reloads, total.failed);

    const auto days = store.reloadsPerDayLastWeeks(ReloadStats::kDaysShown / 7, today);
    for (const auto& day : days)
        stats->addDay(day.day, day.reloads);

    // Newest first from the store; the chart wants them in time order.
    const auto recent = store.recentReloads(ReloadStats::kMaxDurationPoints);
    for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
        if (it->trigger == ReloadTrigger::Startup)
            continue;
        stats->addDurationPoint(
            { it->atUtc.toLocalTime(), it->performed, it->totalMs, it->outcome == ReloadOutcome::Success });
    }

    const auto xpDays = store.xpPerDay(today.addDays(-180), today);
    for (const auto& day : xpDays) {
        const QDateTime endOfDay(day.day, QTime(23, 59, 59));
        stats->addXp(day.day == today ? QDateTime::currentDateTime() : endOfDay, day.cumulative);
    }
}

} // namespace foxreload::gui
