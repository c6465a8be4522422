#pragma once

#include "ReloadStats.h"

#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QScatterSeries;
class QLineSeries;
class QPieSeries;
class QBarSet;
class QCategoryAxis;
class QDateTimeAxis;
class QValueAxis;

namespace foxreload::gui {

// The dashboard's four charts, drawn from ReloadStats: reload duration over
// time coloured by strategy, the strategy mix, XP over time and reloads per day
// over the last four weeks. refresh() replaces the series' points in one go.
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);

    void refresh(const ReloadStats& stats);

    // For tests: the number of points a strategy's duration series holds, etc.
    qsizetype durationPointCount(ReloadStrategy strategy) const;
    qsizetype xpPointCount() const;
    qreal strategySliceValue(ReloadStrategy strategy) const;
    int perDayTotal() const;

    static QColor strategyColor(ReloadStrategy strategy);

private:
    QChartView* makeView(QChart* chart, const QString& accessibleName);

    std::array<QScatterSeries*, 3> m_durations {}; // hot, service, full
    QDateTimeAxis* m_durationX = nullptr;
    QValueAxis* m_durationY = nullptr;
    QPieSeries* m_mix = nullptr;
    QLineSeries* m_xp = nullptr;
    QDateTimeAxis* m_xpX = nullptr;
    QValueAxis* m_xpY = nullptr;
    QBarSet* m_perDay = nullptr;
    QCategoryAxis* m_perDayX = nullptr;
    QValueAxis* m_perDayY = nullptr;
};

} // namespace foxreload::gui
