#include "ReloadStats.h"

#include "common/ReloadResult.h"

namespace foxreload::gui {

ReloadSample ReloadSample::fromResult(const ReloadResult& result)
{
    const QDateTime at
        = result.finishedAtUtc.isValid() ? result.finishedAtUtc.toLocalTime() : QDateTime::currentDateTime();
    return { at, result.performed, result.startToReadyMs, result.succeeded() };
}

void ReloadStats::clear()
{
    *this = ReloadStats();
}

void ReloadStats::addReload(const ReloadSample& sample)
{
    ++m_total;
    if (!sample.succeeded)
        ++m_failed;
    ++m_counts[std::size_t(sample.strategy)];
    StrategyDayCount count;
    count.day = sample.time.toLocalTime().date();
    count.strategy = sample.strategy;
    (sample.succeeded ? count.succeeded : count.failed) = 1;
    addDayCount(count);
    addDurationPoint(sample);
}

void ReloadStats::addCounts(ReloadStrategy strategy, qint64 reloads, qint64 failed)
{
    m_total += reloads;
    m_failed += failed;
    m_counts[std::size_t(strategy)] += reloads;
}

void ReloadStats::addDayCount(const StrategyDayCount& count)
{
    StrategyDayCount& day = m_perDay[{ count.day, int(count.strategy) }];
    day.day = count.day;
    day.strategy = count.strategy;
    day.succeeded += count.succeeded;
    day.failed += count.failed;
}

void ReloadStats::addDurationPoint(const ReloadSample& sample)
{
    m_recent.push_back(sample);
    if (int(m_recent.size()) > kMaxDurationPoints)
        m_recent.pop_front();
}

void ReloadStats::addXp(const QDateTime& time, qint64 totalXp)
{
    m_xp.append(QPointF(double(time.toMSecsSinceEpoch()), double(totalXp)));
    if (m_xp.size() <= kMaxXpPoints)
        return;
    // Thin the older half: every second point goes; the curve keeps its shape and the recent detail.
    QList<QPointF> thinned;
    thinned.reserve(kMaxXpPoints);
    const qsizetype half = m_xp.size() / 2;
    for (qsizetype i = 0; i < half; i += 2)
        thinned.append(m_xp[i]);
    for (qsizetype i = half; i < m_xp.size(); ++i)
        thinned.append(m_xp[i]);
    m_xp = std::move(thinned);
}

QList<QPointF> ReloadStats::durationPoints(ReloadStrategy strategy) const
{
    QList<QPointF> points;
    for (const auto& sample : m_recent) {
        if (sample.strategy == strategy && sample.succeeded && sample.durationMs >= 0)
            points.append(QPointF(double(sample.time.toMSecsSinceEpoch()), double(sample.durationMs)));
    }
    return points;
}

QList<int> ReloadStats::reloadsPerDay(const QDate& today) const
{
    QMap<QDate, int> perDay;
    for (const auto& count : m_perDay)
        perDay[count.day] += count.succeeded + count.failed;
    QList<int> days;
    days.reserve(kDaysShown);
    for (int back = kDaysShown - 1; back >= 0; --back)
        days.append(perDay.value(today.addDays(-back), 0));
    return days;
}

QList<QPointF> ReloadStats::xpPoints() const
{
    return m_xp;
}

QDateTime ReloadStats::firstSampleTime() const
{
    return m_recent.empty() ? QDateTime() : m_recent.front().time;
}

QDateTime ReloadStats::lastSampleTime() const
{
    return m_recent.empty() ? QDateTime() : m_recent.back().time;
}

ChartData ReloadStats::chartData(const QDateTime& from, const QDateTime& to) const
{
    ChartData data;
    data.from = from;
    data.to = to;
    for (const auto& sample : m_recent) {
        if (sample.time < from || sample.time > to)
            continue;
        ChartReload reload;
        reload.atUtc = sample.time.toUTC();
        reload.strategy = sample.strategy;
        reload.outcome = sample.succeeded ? ReloadOutcome::Success : ReloadOutcome::Failed;
        reload.durationMs = sample.durationMs;
        data.reloads.append(reload);
    }
    for (const auto& count : m_perDay) {
        if (count.day >= from.date() && count.day <= to.date())
            data.days.append(count);
    }
    for (const auto& point : m_xp) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x()));
        if (at >= from && at <= to)
            data.xp.append(XpPoint { at.toUTC(), 0, qint64(point.y()) });
    }
    return data;
}

} // namespace foxreload::gui
