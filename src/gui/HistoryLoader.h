#pragma once

#include "ReloadStats.h"

namespace foxreload {
class HistoryStore;
}

namespace foxreload::gui {

// Fills the charts' data from the history database with a handful of
// aggregated queries (totals per strategy, counts per day, XP per day, the last
// few hundred durations), so that opening the dashboard over 50,000 recorded
// reloads reads kilobytes, not the whole table.
void loadHistory(const HistoryStore& store, ReloadStats* stats, const QDate& today);

} // namespace foxreload::gui
