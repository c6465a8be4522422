#include "ChartsPanel.h"

#include "ChartCounts.h"
#include "ChartHover.h"
#include "ChartTheme.h"
#include "DurationChart.h"
#include "MonitoredSession.h"
#include "store/HistoryStore.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTimeAxis>
#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

using namespace chartcounts;

namespace {

QChart* makeChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    return chart;
}

QString axisFormatFor(qint64 spanMs)
{
    if (spanMs <= 26 * 3600 * 1000LL)
        return charttheme::timeFormat();
    if (spanMs <= 8 * 86400 * 1000LL)
        return charttheme::dayMonthFormat() + u' ' + charttheme::timeFormat();
    return charttheme::dayMonthFormat();
}

} // namespace

QColor ChartsPanel::strategyColor(ReloadStrategy strategy)
{
    return charttheme::strategyColor(strategy, QPalette());
}

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(150); // a burst of writes is read once
    connect(&m_reloadTimer, &QTimer::timeout, this, &ChartsPanel::reloadFromStore);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    auto* rangeLabel = new QLabel(tr("Range:"), this);
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setAccessibleName(tr("Time range of the charts"));
    m_rangeBox->addItem(tr("Last hour"), int(ChartRange::LastHour));
    m_rangeBox->addItem(tr("Today"), int(ChartRange::Today));
    m_rangeBox->addItem(tr("Last 7 days"), int(ChartRange::Week));
    m_rangeBox->addItem(tr("Last 30 days"), int(ChartRange::Month));
    m_rangeBox->addItem(tr("All time"), int(ChartRange::All));
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(m_range)));
    rangeLabel->setBuddy(m_rangeBox);
    auto* projectLabel = new QLabel(tr("Project:"), this);
    m_projectBox = new QComboBox(this);
    m_projectBox->setAccessibleName(tr("Project of the charts"));
    m_projectBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_projectBox->addItem(tr("All projects"), QString());
    projectLabel->setBuddy(m_projectBox);
    m_summary = new QLabel(this);
    m_summary->setAccessibleName(tr("Summary of the range"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controls->addWidget(rangeLabel);
    controls->addWidget(m_rangeBox);
    controls->addSpacing(12);
    controls->addWidget(projectLabel);
    controls->addWidget(m_projectBox);
    controls->addSpacing(12);
    controls->addWidget(m_summary, 1);
    outer->addLayout(controls);
    connect(m_rangeBox, &QComboBox::activated, this,
        [this](int index) { setRange(ChartRange(m_rangeBox->itemData(index).toInt())); });
    connect(m_projectBox, &QComboBox::activated, this,
        [this](int index) { setProjectScope(m_projectBox->itemData(index).toString()); });

    auto* grid = new QGridLayout;
    grid->setSpacing(6);
    outer->addLayout(grid, 1);

    m_durations = new DurationChart(this);
    connect(m_durations, &DurationChart::hoverTextChanged, this, &ChartsPanel::showHover);
    grid->addWidget(makeView(m_durations->chart(), tr("Reload duration over time, by strategy")), 0, 0);

    m_mixChart = makeChart(tr("Strategy mix"));
    m_mix = new QPieSeries;
    m_mix->setHoleSize(0.35);
    for (int i = 0; i <= kFailedIndex; ++i)
        m_mix->append(QString(), 0);
    m_mixChart->addSeries(m_mix);
    // Beside the pie, one entry a line: four entries with their counts never get cut.
    m_mixChart->legend()->setAlignment(Qt::AlignRight);
    connect(m_mix, &QPieSeries::hovered, this, [this](QPieSlice* slice, bool state) {
        const int index = int(m_mix->slices().indexOf(slice));
        showHover(state && index >= 0 ? sliceHoverText(
                      index < kFailedIndex ? kChartStrategies[std::size_t(index)] : ReloadStrategy::None)
                                      : QString());
    });
    grid->addWidget(makeView(m_mixChart, tr("Strategy mix")), 0, 1);

    m_xpChart = makeChart(tr("XP over time"));
    m_xp = new QLineSeries;
    m_xp->setName(tr("Total XP"));
    m_xpX = new QDateTimeAxis;
    m_xpX->setTickCount(4);
    m_xpY = new QValueAxis;
    m_xpY->setLabelFormat(u"%d"_s);
    m_xpChart->addAxis(m_xpX, Qt::AlignBottom);
    m_xpChart->addAxis(m_xpY, Qt::AlignLeft);
    m_xpChart->addSeries(m_xp);
    m_xp->attachAxis(m_xpX);
    m_xp->attachAxis(m_xpY);
    m_xpChart->legend()->hide();
    connect(m_xp, &QLineSeries::hovered, this,
        [this](const QPointF& point, bool state) { showHover(state ? xpHoverText(point) : QString()); });
    grid->addWidget(makeView(m_xpChart, tr("Experience points over time")), 1, 0);

    m_daysChart = makeChart(tr("Reloads per day"));
    m_days = new QStackedBarSeries;
    for (std::size_t i = 0; i < kChartStrategies.size(); ++i)
        m_daySets[i] = new QBarSet(MonitoredSession::strategyText(kChartStrategies[i]));
    m_daySets[kFailedIndex] = new QBarSet(tr("failed"));
    for (QBarSet* set : m_daySets)
        m_days->append(set);
    m_days->setBarWidth(0.8);
    m_daysChart->addSeries(m_days);
    m_daysX = new QCategoryAxis;
    m_daysX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_daysX->setGridLineVisible(false);
    m_daysY = new QValueAxis;
    m_daysY->setLabelFormat(u"%d"_s);
    m_daysChart->addAxis(m_daysX, Qt::AlignBottom);
    m_daysChart->addAxis(m_daysY, Qt::AlignLeft);
    m_days->attachAxis(m_daysX);
    m_days->attachAxis(m_daysY);
    connect(m_days, &QStackedBarSeries::hovered, this,
        [this](bool state, int index, QBarSet*) { showHover(state ? barHoverText(index) : QString()); });
    grid->addWidget(makeView(m_daysChart, tr("Reloads per day, by strategy")), 1, 1);

    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    applyPalette();
    refresh(ReloadStats());
}

ChartsPanel::~ChartsPanel() = default;

QChartView* ChartsPanel::makeView(QChart* chart, const QString& accessibleName)
{
    auto* view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 210);
    view->setAccessibleName(accessibleName);
    view->setFocusPolicy(Qt::NoFocus);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

QDateTime ChartsPanel::now() const
{
    return m_now ? m_now().toLocalTime() : QDateTime::currentDateTime();
}

void ChartsPanel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void ChartsPanel::refresh(const ReloadStats& stats)
{
    m_lastStats = stats;
    if (m_store) {
        m_reloadTimer.start();
        return;
    }
    const QDateTime end = now();
    draw(stats.chartData(rangeStart(m_range, end), end));
}

void ChartsPanel::setStore(HistoryStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, &m_reloadTimer, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &HistoryStore::changed, &m_reloadTimer, qOverload<>(&QTimer::start));
    reloadFromStore();
}

void ChartsPanel::setRange(ChartRange range)
{
    m_rangeFollowsHistory = false;
    m_range = range;
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(range)));
    reloadFromStore();
}

void ChartsPanel::setProjectScope(const QString& projectRoot)
{
    m_projectRoot = projectRoot;
    updateProjects();
    reloadFromStore();
}

QStringList ChartsPanel::projectChoices() const
{
    QStringList roots;
    for (int i = 0; i < m_projectBox->count(); ++i)
        roots.append(m_projectBox->itemData(i).toString());
    return roots;
}

void ChartsPanel::updateProjects()
{
    QStringList roots = m_store ? m_store->projectRoots() : QStringList();
    if (!m_projectRoot.isEmpty() && !roots.contains(m_projectRoot))
        roots.append(m_projectRoot);
    QSignalBlocker block(m_projectBox);
    while (m_projectBox->count() > 1)
        m_projectBox->removeItem(1);
    for (const auto& root : std::as_const(roots)) {
        const QString name = QDir(root).dirName();
        m_projectBox->addItem(name.isEmpty() ? root : name, root);
        m_projectBox->setItemData(m_projectBox->count() - 1, QDir::toNativeSeparators(root), Qt::ToolTipRole);
    }
    m_projectBox->setCurrentIndex(std::max(0, m_projectBox->findData(m_projectRoot)));
    m_projectBox->setEnabled(m_projectBox->count() > 1);
}

void ChartsPanel::reloadFromStore()
{
    m_reloadTimer.stop();
    const QDateTime end = now();
    if (!m_store) {
        draw(m_lastStats.chartData(rangeStart(m_range, end), end));
        return;
    }
    updateProjects();
    if (m_rangeFollowsHistory) {
        m_range = fittingRange(*m_store, m_projectRoot, end);
        const QSignalBlocker block(m_rangeBox);
        m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(m_range)));
    }
    draw(loadChartData(*m_store, m_range, m_projectRoot, end));
}

void ChartsPanel::draw(const ChartData& data)
{
    m_data = data;
    if (!m_data.to.isValid())
        m_data.to = now();
    m_durations->setData(m_data.reloads, m_data.from, m_data.to);
    drawMix();
    drawXp();
    drawDays();
    updateSummary();
}

void ChartsPanel::drawMix()
{
    m_mixCounts = mixCounts(m_data);
    const auto slices = m_mix->slices();
    const QLocale locale;
    for (int i = 0; i <= kFailedIndex && i < slices.size(); ++i) {
        const QString name = i < kFailedIndex
            ? MonitoredSession::strategyText(kChartStrategies[std::size_t(i)])
            : tr("failed");
        slices[i]->setValue(double(m_mixCounts[std::size_t(i)]));
        slices[i]->setLabel(u"%1: %2"_s.arg(name, locale.toString(m_mixCounts[std::size_t(i)])));
    }
}

void ChartsPanel::drawXp()
{
    const QDateTime end = m_data.to;
    QList<QPointF> points;
    for (const auto& point : std::as_const(m_data.xp))
        points.append(QPointF(double(point.atUtc.toMSecsSinceEpoch()), double(point.total)));
    // The curve runs on to now at the last total: the x axis ends where the others do.
    if (!points.isEmpty() && points.last().x() < double(end.toMSecsSinceEpoch()))
        points.append(QPointF(double(end.toMSecsSinceEpoch()), points.last().y()));
    m_xp->replace(points);
    m_xp->setPointsVisible(points.size() < 60);
    QDateTime start = m_data.from;
    if (!start.isValid())
        start
            = points.isEmpty() ? end.addDays(-7) : QDateTime::fromMSecsSinceEpoch(qint64(points.first().x()));
    if (start >= end)
        start = end.addSecs(-60);
    m_xpX->setRange(start, end);
    m_xpX->setFormat(axisFormatFor(start.msecsTo(end)));
    double maxXp = 0;
    for (const auto& point : std::as_const(points))
        maxXp = std::max(maxXp, point.y());
    m_xpY->setRange(0, std::max(100.0, maxXp * 1.1));
    m_xpY->applyNiceNumbers();
}

void ChartsPanel::drawDays()
{
    const DayBars bars = dayBars(m_data);
    m_dayList = bars.days;
    const int count = int(m_dayList.size());
    for (std::size_t i = 0; i < m_daySets.size(); ++i) {
        m_daySets[i]->remove(0, m_daySets[i]->count());
        m_daySets[i]->append(bars.values[i]);
    }
    const auto labels = m_daysX->categoriesLabels();
    for (const auto& label : labels)
        m_daysX->remove(label);
    m_daysX->setRange(-0.5, count - 0.5);
    // Labels in ascending order, today always labelled; about seven of them.
    const int step = std::max(1, int(std::ceil(count / 7.0)));
    const QString format = charttheme::dayMonthFormat();
    for (int i = (count - 1) % step; i < count; i += step)
        m_daysX->append(QLocale().toString(m_dayList[i], format), i);
    m_daysY->setRange(0, std::max<qreal>(5, std::ceil(bars.highestDay * 1.15)));
    m_daysY->applyNiceNumbers();
}

void ChartsPanel::updateSummary()
{
    qint64 total = 0;
    for (qint64 count : m_mixCounts)
        total += count;
    QString text = tr("%n reload(s) in the range", nullptr, int(total)) + u"  ·  "_s
        + tr("%n failed", nullptr, int(m_mixCounts[kFailedIndex]));
    if (m_durations->median() >= 0)
        text += u"  ·  "_s
            + tr("median %1 ms, 95th percentile %2 ms")
                  .arg(QLocale().toString(qint64(m_durations->median())),
                      QLocale().toString(qint64(m_durations->percentile95())));
    m_summary->setText(text);
}

void ChartsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette)
        applyPalette();
}

void ChartsPanel::applyPalette()
{
    m_applyingPalette = true;
    const QPalette pal = palette();
    m_durations->applyPalette(pal);
    for (QChart* chart : { m_mixChart, m_xpChart, m_daysChart })
        charttheme::apply(chart, pal);
    const auto slices = m_mix->slices();
    for (int i = 0; i < slices.size(); ++i) {
        const QColor color = i < kFailedIndex
            ? charttheme::strategyColor(kChartStrategies[std::size_t(i)], pal)
            : charttheme::failureColor(pal);
        slices[i]->setColor(color);
        slices[i]->setBorderColor(pal.color(QPalette::Base));
        slices[i]->setLabelColor(pal.color(QPalette::WindowText));
    }
    for (std::size_t i = 0; i < m_daySets.size(); ++i) {
        const QColor color = i < kChartStrategies.size() ? charttheme::strategyColor(kChartStrategies[i], pal)
                                                         : charttheme::failureColor(pal);
        m_daySets[i]->setColor(color);
        m_daySets[i]->setBorderColor(color);
    }
    m_xp->setPen(QPen(charttheme::xpColor(pal), 2));
    m_xp->setColor(charttheme::xpColor(pal));
    const auto views = findChildren<QChartView*>();
    for (QChartView* view : views)
        view->setBackgroundBrush(pal.color(QPalette::Window));
    m_applyingPalette = false;
}

void ChartsPanel::showHover(const QString& text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, this);
}

// ---- readouts ----

QString ChartsPanel::durationHoverText(const ChartReload& reload) const
{
    return m_durations->hoverText(m_durations->drawnPoint(reload));
}

QString ChartsPanel::buildHoverText(const ChartReload& reload) const
{
    const auto point = m_durations->drawnBuildPoint(reload);
    return point ? m_durations->hoverText(*point) : QString();
}

QString ChartsPanel::sliceHoverText(ReloadStrategy strategy) const
{
    qint64 total = 0;
    for (qint64 count : m_mixCounts)
        total += count;
    const int index = strategy == ReloadStrategy::None ? kFailedIndex : strategyIndex(strategy);
    if (index < 0)
        return {};
    const QString name = index == kFailedIndex
        ? tr("failed")
        : MonitoredSession::strategyText(kChartStrategies[std::size_t(index)]);
    return ChartHover::sliceText(name, m_mixCounts[std::size_t(index)], total);
}

QString ChartsPanel::barHoverText(int dayIndex) const
{
    if (dayIndex < 0 || dayIndex >= m_dayList.size())
        return {};
    QList<std::pair<QString, int>> counts;
    for (std::size_t i = 0; i < kChartStrategies.size(); ++i)
        counts.append(
            { MonitoredSession::strategyText(kChartStrategies[i]), int(m_daySets[i]->at(dayIndex)) });
    return ChartHover::dayText(m_dayList[dayIndex], counts, int(m_daySets[kFailedIndex]->at(dayIndex)));
}

QString ChartsPanel::xpHoverText(const QPointF& point) const
{
    // The total at that moment: the last XP event at or before it.
    const XpPoint* found = nullptr;
    for (const auto& xp : m_data.xp) {
        if (double(xp.atUtc.toMSecsSinceEpoch()) <= point.x() + 0.5)
            found = &xp;
    }
    if (!found)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x()));
    return ChartHover::xpText(at, found->total);
}

// ---- for tests ----

qsizetype ChartsPanel::durationPointCount(ReloadStrategy strategy) const
{
    return m_durations->pointCount(strategy);
}

qsizetype ChartsPanel::failurePointCount() const
{
    return m_durations->failureCount();
}

qsizetype ChartsPanel::outlierPointCount() const
{
    return m_durations->outlierCount();
}

qsizetype ChartsPanel::buildPointCount() const
{
    return m_durations->buildCount();
}

int ChartsPanel::clippedPointCount() const
{
    return m_durations->clippedCount();
}

double ChartsPanel::durationAxisMax() const
{
    return m_durations->axisMax();
}

double ChartsPanel::durationMedian() const
{
    return m_durations->median();
}

double ChartsPanel::durationPercentile95() const
{
    return m_durations->percentile95();
}

QDateTime ChartsPanel::durationAxisStart() const
{
    return m_durations->axisStart();
}

QDateTime ChartsPanel::durationAxisEnd() const
{
    return m_durations->axisEnd();
}

QString ChartsPanel::durationAxisFormat() const
{
    return m_durations->axisFormat();
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

qreal ChartsPanel::failedSliceValue() const
{
    return m_mix->slices().at(kFailedIndex)->value();
}

int ChartsPanel::perDayTotal() const
{
    qreal sum = 0;
    for (const QBarSet* set : m_daySets) {
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
    }
    return int(sum);
}

QList<qreal> ChartsPanel::dayBarValues(ReloadStrategy strategy) const
{
    const int index = strategy == ReloadStrategy::None ? kFailedIndex : strategyIndex(strategy);
    QList<qreal> values;
    if (index < 0)
        return values;
    const QBarSet* set = m_daySets[std::size_t(index)];
    for (int i = 0; i < set->count(); ++i)
        values.append(set->at(i));
    return values;
}

QStringList ChartsPanel::dayLabels() const
{
    return m_daysX->categoriesLabels();
}

QColor ChartsPanel::chartBackground() const
{
    return m_mixChart->backgroundBrush().color();
}

QString ChartsPanel::summaryText() const
{
    return m_summary->text();
}

} // namespace foxreload::gui
