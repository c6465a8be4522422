#pragma once

#include "HistoryLoader.h"
#include "ReloadStats.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QPieSeries;
class QBarSet;
class QCategoryAxis;
class QDateTimeAxis;
class QStackedBarSeries;
class QValueAxis;

namespace foxreload {
class HistoryStore;
}

namespace foxreload::gui {

class DurationChart;

// The dashboard's charts for a chosen time range and project: reload duration over
// time (DurationChart), the strategy mix, XP over time and reloads per day stacked by
// strategy, with failures apart everywhere (their own bar set, slice and markers).
// Every chart answers hover with a readout (hover texts are also readable for tests).
//
// With a history store (setStore) the panel asks it for the range and project and
// follows its changes; without one it draws what refresh(ReloadStats) hands in.
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);
    ~ChartsPanel() override;

    // Draws from `stats` when no store is set; with a store, reads the store again (soon).
    void refresh(const ReloadStats& stats);

    void setStore(HistoryStore* store);
    // Until a range is set (here or in the selector) the charts show the shortest range
    // that holds the whole history (fittingRange), following it as it grows.
    void setRange(ChartRange range);
    ChartRange range() const { return m_range; }
    bool rangeFollowsHistory() const { return m_rangeFollowsHistory; }
    // One project's reloads (a session's project_root), or all projects (empty).
    void setProjectScope(const QString& projectRoot);
    QString projectScope() const { return m_projectRoot; }
    // The projects the selector offers (their roots), "all projects" being "".
    QStringList projectChoices() const;
    // Tests fix the time the ranges end at; default: the clock.
    void setClock(std::function<QDateTime()> now);
    // Reads the store now (instead of after the short delay that coalesces writes).
    void reloadFromStore();

    // For tests: what the charts hold.
    qsizetype durationPointCount(ReloadStrategy strategy) const; // successful, drawn within the axis
    qsizetype failurePointCount() const;
    qsizetype outlierPointCount() const; // successful ones drawn at the top edge
    qsizetype buildPointCount() const; // build steps, drawn as a series of their own
    int clippedPointCount() const;
    double durationAxisMax() const;
    double durationMedian() const;
    double durationPercentile95() const;
    QDateTime durationAxisStart() const;
    QDateTime durationAxisEnd() const;
    QString durationAxisFormat() const;
    qsizetype xpPointCount() const;
    qreal strategySliceValue(ReloadStrategy strategy) const; // successful reloads
    qreal failedSliceValue() const;
    int perDayTotal() const; // every bar, failures included
    QList<qreal> dayBarValues(ReloadStrategy strategy) const; // successful; None: the failures
    QStringList dayLabels() const;
    QColor chartBackground() const;
    QString summaryText() const;
    const ChartData& data() const { return m_data; }

    // Hover readouts, as shown in the tooltip.
    QString durationHoverText(const ChartReload& reload) const;
    QString buildHoverText(const ChartReload& reload) const; // at the reload's build point
    QString sliceHoverText(ReloadStrategy strategy) const; // None: the failures' slice
    QString barHoverText(int dayIndex) const;
    QString xpHoverText(const QPointF& point) const;

    static QColor strategyColor(ReloadStrategy strategy);

protected:
    void changeEvent(QEvent* event) override;

private:
    QChartView* makeView(QChart* chart, const QString& accessibleName);
    QDateTime now() const;
    void draw(const ChartData& data);
    void drawMix();
    void drawXp();
    void drawDays();
    void updateSummary();
    void updateProjects();
    void applyPalette();
    void showHover(const QString& text);

    QPointer<HistoryStore> m_store;
    ReloadStats m_lastStats;
    ChartData m_data;
    ChartRange m_range = ChartRange::Month;
    bool m_rangeFollowsHistory = true;
    QString m_projectRoot;
    std::function<QDateTime()> m_now;
    QTimer m_reloadTimer { this };
    bool m_applyingPalette = false;

    QComboBox* m_rangeBox = nullptr;
    QComboBox* m_projectBox = nullptr;
    QLabel* m_summary = nullptr;
    DurationChart* m_durations = nullptr;
    QChart* m_mixChart = nullptr;
    QPieSeries* m_mix = nullptr;
    QChart* m_xpChart = nullptr;
    QLineSeries* m_xp = nullptr;
    QDateTimeAxis* m_xpX = nullptr;
    QValueAxis* m_xpY = nullptr;
    QChart* m_daysChart = nullptr;
    QStackedBarSeries* m_days = nullptr;
    std::array<QBarSet*, 4> m_daySets {}; // hot, service, full, failed
    QCategoryAxis* m_daysX = nullptr;
    QValueAxis* m_daysY = nullptr;
    QList<QDate> m_dayList; // the bars' days, oldest first
    std::array<qint64, 4> m_mixCounts {}; // hot, service, full, failed
};

} // namespace foxreload::gui
