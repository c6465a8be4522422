#pragma once

#include "ReloadStats.h"

namespace foxreload {
class HistoryStore;
}

namespace foxreload::gui {

// The time ranges the charts offer.
enum class ChartRange { LastHour, Today, Week, Month, All };

// Where a range begins (local time) as of `now`: an hour back, today's midnight, the
// midnight six or 29 days back (so that the daily bars show 7 or 30 whole days);
// All: invalid (the beginning of the history).
QDateTime rangeStart(ChartRange range, const QDateTime& now);

// The shortest range that holds every reload of the project (empty: all projects) as of
// `now`: what the charts show until the user picks a range, so that a first day's
// reloads fill the charts instead of the last pixels of a month. Today when there are none.
ChartRange fittingRange(const HistoryStore& store, const QString& projectRoot, const QDateTime& now);

// Fills the charts' data from the history database with a handful of
// aggregated queries (totals per strategy, counts per day, the XP curve, the last
// few hundred durations), so that opening the dashboard over 50,000 recorded
// reloads reads kilobytes, not the whole table.
void loadHistory(const HistoryStore& store, ReloadStats* stats, const QDate& today);

// What the charts draw for one range and project (empty: all projects) as of `now`,
// straight from the store: exact counts, the newest `maxPoints` reloads, the XP curve.
ChartData loadChartData(const HistoryStore& store, ChartRange range, const QString& projectRoot,
    const QDateTime& now, int maxPoints = 3000);

} // namespace foxreload::gui
