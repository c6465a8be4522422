#pragma once

#include "store/HistoryStore.h"

#include <QChart>
#include <QObject>
#include <QPalette>
#include <QPointer>

#include <array>
#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace foxreload::gui {

// Reload duration (start → ready) over time: successful reloads as one scatter
// series per strategy, failures as red crosses of their own, median and 95th
// percentile lines. The value axis ends at a robust maximum (1.5 × p95, rounded
// up to nice numbers) rather than at the largest value, so one slow outlier
// cannot squash every other point onto zero; points above it are drawn at the
// top edge as triangles (failures stay crosses) and the hover text says so.
// Clipping rather than a log scale: a log axis spreads 5–50 ms over as much room
// as 5–50 s and cannot show 0 ms, while users compare tens of milliseconds.
class DurationChart : public QObject
{
    Q_OBJECT
public:
    explicit DurationChart(QObject* parent = nullptr);
    ~DurationChart() override;

    QChart* chart() const { return m_chart.data(); }
    // `reloads` oldest first; the x axis runs from `from` (invalid: the first reload) to `to`.
    void setData(const QList<ChartReload>& reloads, const QDateTime& from, const QDateTime& to);
    void applyPalette(const QPalette& palette);

    // The text for a point as drawn (x: ms since the epoch, y: as drawn); empty if none is there.
    QString hoverText(const QPointF& drawn) const;
    // Where a reload of the data is drawn (tests hover over it).
    QPointF drawnPoint(const ChartReload& reload) const;
    // Where the reload's build step is drawn (clipped at the top like a reload); none without one.
    std::optional<QPointF> drawnBuildPoint(const ChartReload& reload) const;

    qsizetype pointCount(ReloadStrategy strategy) const; // successful, within the axis
    qsizetype failureCount() const;
    qsizetype outlierCount() const; // successful ones drawn at the top edge
    qsizetype buildCount() const;
    int clippedCount() const { return m_clipped; }
    double median() const { return m_p50; }
    double percentile95() const { return m_p95; }
    double axisMax() const;
    QDateTime axisStart() const;
    QDateTime axisEnd() const;
    QString axisFormat() const;

    static double percentile(QList<qint64> values, double p); // nearest rank; -1 when empty

Q_SIGNALS:
    // The pointer rests on a point (text), or left it (empty).
    void hoverTextChanged(const QString& text);

private:
    void connectHover(QScatterSeries* series);
    void updatePercentileLine(QLineSeries* line, double value, const QString& name);

    QPointer<QChart> m_chart; // owned by the view that shows it, else by this
    QDateTimeAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    std::array<QScatterSeries*, 3> m_strategies {};
    QScatterSeries* m_failures = nullptr;
    QScatterSeries* m_outliers = nullptr;
    QScatterSeries* m_builds = nullptr; // the build step before a reload, a figure of its own
    QLineSeries* m_p50Line = nullptr;
    QLineSeries* m_p95Line = nullptr;
    QList<ChartReload> m_reloads;
    QPalette m_palette;
    double m_p50 = -1;
    double m_p95 = -1;
    int m_clipped = 0;
};

} // namespace foxreload::gui
