#include "ChartsPanel.h"

#include "MonitoredSession.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr std::array kChartStrategies { ReloadStrategy::HotReload, ReloadStrategy::ServiceRestart,
    ReloadStrategy::FullRestart };

QChart* makeChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation); // thousands of points: no animation
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    return chart;
}

int strategyIndex(ReloadStrategy strategy)
{
    for (std::size_t i = 0; i < kChartStrategies.size(); ++i) {
        if (kChartStrategies[i] == strategy)
            return int(i);
    }
    return -1;
}

} // namespace

QColor ChartsPanel::strategyColor(ReloadStrategy strategy)
{
    switch (strategy) {
    case ReloadStrategy::HotReload:
        return QColor(0x2e, 0x7d, 0x32);
    case ReloadStrategy::ServiceRestart:
        return QColor(0x15, 0x65, 0xc0);
    case ReloadStrategy::FullRestart:
        return QColor(0xef, 0x6c, 0x00);
    case ReloadStrategy::None:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);

    // Reload duration over time, one scatter series per strategy.
    QChart* durations = makeChart(tr("Reload duration"));
    m_durationX = new QDateTimeAxis;
    m_durationX->setFormat(u"dd.MM HH:mm"_s);
    m_durationX->setTickCount(4);
    m_durationY = new QValueAxis;
    m_durationY->setTitleText(tr("ms"));
    m_durationY->setLabelFormat(u"%d"_s);
    durations->addAxis(m_durationX, Qt::AlignBottom);
    durations->addAxis(m_durationY, Qt::AlignLeft);
    for (std::size_t i = 0; i < kChartStrategies.size(); ++i) {
        auto* series = new QScatterSeries;
        series->setName(MonitoredSession::strategyText(kChartStrategies[i]));
        series->setMarkerSize(7);
        series->setColor(strategyColor(kChartStrategies[i]));
        series->setBorderColor(strategyColor(kChartStrategies[i]).darker(130));
        durations->addSeries(series);
        series->attachAxis(m_durationX);
        series->attachAxis(m_durationY);
        m_durations[i] = series;
    }
    grid->addWidget(makeView(durations, tr("Reload duration over time, by strategy")), 0, 0);

    // The strategy mix.
    QChart* mix = makeChart(tr("Strategy mix"));
    m_mix = new QPieSeries;
    m_mix->setHoleSize(0.35);
    for (auto strategy : kChartStrategies) {
        auto* slice = m_mix->append(MonitoredSession::strategyText(strategy), 0);
        slice->setColor(strategyColor(strategy));
    }
    mix->addSeries(m_mix);
    mix->legend()->setAlignment(Qt::AlignRight);
    grid->addWidget(makeView(mix, tr("Strategy mix")), 0, 1);

    // XP over time.
    QChart* xp = makeChart(tr("XP over time"));
    m_xp = new QLineSeries;
    m_xp->setName(tr("Total XP"));
    m_xp->setColor(QColor(0x8e, 0x24, 0xaa));
    m_xp->setPointsVisible(true);
    m_xpX = new QDateTimeAxis;
    m_xpX->setFormat(u"dd.MM"_s);
    m_xpX->setTickCount(4);
    m_xpY = new QValueAxis;
    m_xpY->setLabelFormat(u"%d"_s);
    xp->addAxis(m_xpX, Qt::AlignBottom);
    xp->addAxis(m_xpY, Qt::AlignLeft);
    xp->addSeries(m_xp);
    m_xp->attachAxis(m_xpX);
    m_xp->attachAxis(m_xpY);
    xp->legend()->hide();
    grid->addWidget(makeView(xp, tr("Experience points over time")), 1, 0);

    // Reloads per day, last four weeks.
    QChart* perDay = makeChart(tr("Reloads per day (last 4 weeks)"));
    auto* bars = new QBarSeries;
    m_perDay = new QBarSet(tr("Reloads"));
    m_perDay->setColor(QColor(0xf5, 0x7c, 0x00));
    bars->append(m_perDay);
    bars->setBarWidth(0.8);
    perDay->addSeries(bars);
    // Bars sit at 0..27 (oldest to today); a label a week keeps the axis readable.
    m_perDayX = new QCategoryAxis;
    m_perDayX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_perDayX->setRange(-0.5, ReloadStats::kDaysShown - 0.5);
    m_perDayX->setGridLineVisible(false);
    m_perDayY = new QValueAxis;
    m_perDayY->setLabelFormat(u"%d"_s);
    perDay->addAxis(m_perDayX, Qt::AlignBottom);
    perDay->addAxis(m_perDayY, Qt::AlignLeft);
    bars->attachAxis(m_perDayX);
    bars->attachAxis(m_perDayY);
    perDay->legend()->hide();
    grid->addWidget(makeView(perDay, tr("Reloads per day over the last four weeks")), 1, 1);

    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    refresh(ReloadStats());
}

QChartView* ChartsPanel::makeView(QChart* chart, const QString& accessibleName)
{
    auto* view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 190);
    view->setAccessibleName(accessibleName);
    view->setFocusPolicy(Qt::NoFocus);
    return view;
}

void ChartsPanel::refresh(const ReloadStats& stats)
{
    // Durations.
    double maxMs = 0;
    double minX = 0;
    double maxX = 0;
    for (std::size_t i = 0; i < kChartStrategies.size(); ++i) {
        const QList<QPointF> points = stats.durationPoints(kChartStrategies[i]);
        for (const auto& p : points) {
            maxMs = std::max(maxMs, p.y());
            minX = minX == 0 ? p.x() : std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
        }
        m_durations[i]->replace(points);
    }
    const QDateTime now = QDateTime::currentDateTime();
    if (maxX == 0) {
        m_durationX->setRange(now.addSecs(-3600), now);
    } else {
        const qint64 span = std::max<qint64>(qint64(maxX - minX), 60000);
        m_durationX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX) - span / 20),
            QDateTime::fromMSecsSinceEpoch(qint64(maxX) + span / 20));
        m_durationX->setFormat(span > 2 * 86400000 ? u"dd.MM"_s
                : span > 2 * 3600000               ? u"dd.MM HH:mm"_s
                : span > 10 * 60000                ? u"HH:mm"_s
                                                   : u"HH:mm:ss"_s);
    }
    m_durationY->setRange(0, std::max(100.0, maxMs * 1.1));
    m_durationY->applyNiceNumbers();

    // Mix.
    const auto slices = m_mix->slices();
    for (std::size_t i = 0; i < kChartStrategies.size() && i < std::size_t(slices.size()); ++i) {
        const qint64 count = stats.count(kChartStrategies[i]);
        slices[qsizetype(i)]->setValue(double(count));
        slices[qsizetype(i)]->setLabel(
            u"%1: %2"_s.arg(MonitoredSession::strategyText(kChartStrategies[i]), QLocale().toString(count)));
    }

    // XP.
    const QList<QPointF> xp = stats.xpPoints();
    m_xp->replace(xp);
    if (xp.isEmpty()) {
        m_xpX->setRange(now.addDays(-7), now);
        m_xpY->setRange(0, 100);
    } else {
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(qint64(xp.first().x())).addSecs(-60);
        const QDateTime last = std::max(now, QDateTime::fromMSecsSinceEpoch(qint64(xp.last().x())));
        m_xpX->setRange(first, last);
        const qint64 span = first.msecsTo(last);
        m_xpX->setFormat(span > 2 * 86400000 ? u"dd.MM"_s : span > 10 * 60000 ? u"HH:mm"_s : u"HH:mm:ss"_s);
        m_xpY->setRange(0, std::max(100.0, xp.last().y() * 1.1));
        m_xpY->applyNiceNumbers();
    }

    // Per day.
    const QDate today = QDate::currentDate();
    const QList<int> days = stats.reloadsPerDay(today);
    int maxDay = 0;
    QList<qreal> values;
    for (int count : days) {
        values.append(count);
        maxDay = std::max(maxDay, count);
    }
    m_perDay->remove(0, m_perDay->count());
    m_perDay->append(values);
    const auto labels = m_perDayX->categoriesLabels();
    for (const auto& label : labels)
        m_perDayX->remove(label);
    // QCategoryAxis takes its labels in ascending order: the weeks' last days, today last.
    for (int i = int(days.size() - 1) % 7; i < int(days.size()); i += 7) {
        const QDate date = today.addDays(i - (days.size() - 1));
        m_perDayX->append(QLocale().toString(date, u"dd.MM"_s), i);
    }
    m_perDayY->setRange(0, std::max(5, int(maxDay * 1.15) + 1));
    m_perDayY->applyNiceNumbers();
}

qsizetype ChartsPanel::durationPointCount(ReloadStrategy strategy) const
{
    const int index = strategyIndex(strategy);
    return index < 0 ? 0 : m_durations[std::size_t(index)]->count();
}

qsizetype ChartsPanel::xpPointCount() const
{
    return m_xp->count();
}

qreal ChartsPanel::strategySliceValue(ReloadStrategy strategy) const
{
    const int index = strategyIndex(strategy);
    return index < 0 ? 0 : m_mix->slices().at(index)->value();
}

int ChartsPanel::perDayTotal() const
{
    qreal sum = 0;
    for (int i = 0; i < m_perDay->count(); ++i)
        sum += m_perDay->at(i);
    return int(sum);
}

} // namespace foxreload::gui
