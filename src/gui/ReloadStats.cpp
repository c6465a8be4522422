#include "ReloadStats.h"

namespace foxreload::gui {

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
    ++m_perDay[sample.time.toLocalTime().date()];
    addDurationPoint(sample);
}

void ReloadStats::addCounts(ReloadStrategy strategy, qint64 reloads, qint64 failed)
{
    m_total += reloads;
    m_failed += failed;
    m_counts[std::size_t(strategy)] += reloads;
}

void ReloadStats::addDay(const QDate& day, int reloads)
{
    m_perDay[day] += reloads;
}

void ReloadStats::addDurationPoint(const ReloadSample& sample)
{
    if (sample.totalMs < 0)
        return;
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
        if (sample.strategy == strategy)
            points.append(QPointF(double(sample.time.toMSecsSinceEpoch()), double(sample.totalMs)));
    }
    return points;
}

QList<int> ReloadStats::reloadsPerDay(const QDate& today) const
{
    QList<int> days;
    days.reserve(kDaysShown);
    for (int back = kDaysShown - 1; back >= 0; --back)
        days.append(m_perDay.value(today.addDays(-back), 0));
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

} // namespace foxreload::gui
