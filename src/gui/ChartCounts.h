#pragma once

#include "ReloadStats.h"

#include <QDate>
#include <QList>

#include <array>

// The counts the dashboard's pie and stacked bars draw, taken from one ChartData: which series
// a strategy lands in, the mix per series, and the per-day bars. No widgets: the panel draws them.
namespace foxreload::gui::chartcounts {

// The series' order in the pie and the bars: the strategies, then failures.
inline constexpr std::array kChartStrategies { ReloadStrategy::HotReload, ReloadStrategy::ServiceRestart,
    ReloadStrategy::FullRestart };
inline constexpr int kFailedIndex = 3;
inline constexpr int kMaxDays = 400; // bars beyond this many days would be slivers

using SeriesCounts = std::array<qint64, 4>; // hot, service, full, failed

// A strategy's series, or -1 when it is not charted (None).
int strategyIndex(ReloadStrategy strategy);

SeriesCounts mixCounts(const ChartData& data);

struct DayBars
{
    QList<QDate> days; // oldest first, the last one being the day of data.to
    std::array<QList<qreal>, 4> values; // per series, one value per day
    qreal highestDay = 0; // the tallest stack
};

DayBars dayBars(const ChartData& data);

} // namespace foxreload::gui::chartcounts
