#pragma once

#include "common/ReloadStrategy.h"
#include "store/HistoryStore.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPointF>

#include <array>
#include <deque>

namespace foxreload {
struct ReloadResult;
}

namespace foxreload::gui {

struct ReloadSample
{
    QDateTime time;
    ReloadStrategy strategy = ReloadStrategy::FullRestart;
    qint64 durationMs = -1; // start → ready: the time the reload took, no paused or deferred wait
    bool succeeded = true;

    static ReloadSample fromResult(const ReloadResult& result);
};

// What the charts draw for one time range and scope, wherever it came from.
struct ChartData
{
    QDateTime from; // local time; the x axes run from here ...
    QDateTime to; // ... to now
    QList<ChartReload> reloads; // oldest first
    QList<StrategyDayCount> days; // any order
    QList<XpPoint> xp; // oldest first
};

// What the dashboard's charts draw when they have no history database of their
// own to ask, kept small whatever the history holds: totals per strategy and per
// day are counters, the duration scatter keeps the most recent points only, and
// the XP curve is thinned as it grows. A history of 50,000 reloads costs a few
// kilobytes here.
class ReloadStats
{
public:
    static constexpr int kMaxDurationPoints = 600;
    static constexpr int kMaxXpPoints = 400;
    static constexpr int kDaysShown = 28;

    void clear();
    // A live reload: counted, and drawn.
    void addReload(const ReloadSample& sample);
    // History, already aggregated by the store.
    void addCounts(ReloadStrategy strategy, qint64 reloads, qint64 failed);
    void addDayCount(const StrategyDayCount& count);
    void addDurationPoint(const ReloadSample& sample); // drawn only
    void addXp(const QDateTime& time, qint64 totalXp);

    qint64 totalReloads() const { return m_total; }
    qint64 failedReloads() const { return m_failed; }
    qint64 count(ReloadStrategy strategy) const { return m_counts[std::size_t(strategy)]; }
    // Successful reloads only; x: milliseconds since the epoch, y: duration (start → ready).
    QList<QPointF> durationPoints(ReloadStrategy strategy) const;
    // kDaysShown values (all outcomes), oldest first, the last one being `today`.
    QList<int> reloadsPerDay(const QDate& today) const;
    QList<QPointF> xpPoints() const; // x: milliseconds since the epoch, y: total XP
    QDateTime firstSampleTime() const;
    QDateTime lastSampleTime() const;

    // What lies within [from, to] (local times). Day counts are whole days here.
    ChartData chartData(const QDateTime& from, const QDateTime& to) const;

private:
    std::deque<ReloadSample> m_recent;
    std::array<qint64, 4> m_counts {};
    qint64 m_total = 0;
    qint64 m_failed = 0;
    QMap<std::pair<QDate, int>, StrategyDayCount> m_perDay;
    QList<QPointF> m_xp;
};

} // namespace foxreload::gui
