#include "ChartCounts.h"

#include <algorithm>

namespace foxreload::gui::chartcounts {

int strategyIndex(ReloadStrategy strategy)
{
    for (std::size_t i = 0; i < kChartStrategies.size(); ++i) {
        if (kChartStrategies[i] == strategy)
            return int(i);
    }
    return -1;
}

SeriesCounts mixCounts(const ChartData& data)
{
    SeriesCounts counts {};
    for (const auto& day : std::as_const(data.days)) {
        const int index = strategyIndex(day.strategy);
        if (index >= 0)
            counts[std::size_t(index)] += day.succeeded;
        counts[kFailedIndex] += day.failed;
    }
    return counts;
}

DayBars dayBars(const ChartData& data)
{
    DayBars bars;
    const QDate last = data.to.date();
    QDate first = data.from.isValid() ? data.from.date() : last;
    for (const auto& day : std::as_const(data.days))
        first = std::min(first, day.day);
    first = std::max(first, last.addDays(-(kMaxDays - 1)));
    for (QDate day = first; day <= last; day = day.addDays(1))
        bars.days.append(day);
    const int count = int(bars.days.size());
    for (auto& list : bars.values)
        list.fill(0, count);
    for (const auto& day : std::as_const(data.days)) {
        const qint64 at = first.daysTo(day.day);
        if (at < 0 || at >= count)
            continue;
        const int index = strategyIndex(day.strategy);
        if (index >= 0)
            bars.values[std::size_t(index)][at] += day.succeeded;
        bars.values[kFailedIndex][at] += day.failed;
    }
    for (int i = 0; i < count; ++i) {
        qreal sum = 0;
        for (const auto& list : bars.values)
            sum += list[i];
        bars.highestDay = std::max(bars.highestDay, sum);
    }
    return bars;
}

} // namespace foxreload::gui::chartcounts
