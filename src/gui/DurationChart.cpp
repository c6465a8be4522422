#include "DurationChart.h"

#include "ChartHover.h"
#include "ChartTheme.h"
#include "MonitoredSession.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr std::array kStrategies { ReloadStrategy::HotReload, ReloadStrategy::ServiceRestart,
    ReloadStrategy::FullRestart };
constexpr qreal kMarkerSize = 9;
constexpr double kRobustFactor = 1.5;

// A cross on a transparent square: the failure marker (a scatter series draws its
// rectangle marker filled with this texture).
QImage crossImage(const QColor& color)
{
    const int side = qRound(kMarkerSize);
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, 2.2, Qt::SolidLine, Qt::RoundCap));
    const qreal m = 1.5;
    const qreal e = kMarkerSize - 1.5;
    painter.drawLine(QPointF(m, m), QPointF(e, e));
    painter.drawLine(QPointF(m, e), QPointF(e, m));
    return image;
}

} // namespace

DurationChart::DurationChart(QObject* parent)
    : QObject(parent)
    , m_chart(new QChart)
{
    m_chart->setTitle(tr("Reload duration"));
    m_chart->setAnimationOptions(QChart::NoAnimation); // thousands of points: no animation
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(6);
    m_x = new QDateTimeAxis;
    m_x->setTickCount(5);
    m_y = new QValueAxis;
    m_y->setTitleText(tr("ms"));
    m_y->setLabelFormat(u"%d"_s);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    auto attach = [this](QAbstractSeries* series) {
        m_chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    };
    for (std::size_t i = 0; i < kStrategies.size(); ++i) {
        auto* series = new QScatterSeries;
        series->setName(MonitoredSession::strategyText(kStrategies[i]));
        series->setMarkerSize(kMarkerSize - 2);
        attach(series);
        connectHover(series);
        m_strategies[i] = series;
    }
    m_failures = new QScatterSeries;
    m_failures->setName(tr("failed"));
    m_failures->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_failures->setMarkerSize(kMarkerSize);
    m_failures->setPen(QPen(Qt::transparent));
    attach(m_failures);
    connectHover(m_failures);
    m_outliers = new QScatterSeries;
    m_outliers->setName(tr("above the axis"));
    m_outliers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_outliers->setMarkerSize(kMarkerSize + 1);
    attach(m_outliers);
    connectHover(m_outliers);
    m_builds = new QScatterSeries;
    m_builds->setName(tr("build"));
    m_builds->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_builds->setMarkerSize(kMarkerSize - 2);
    attach(m_builds);
    connectHover(m_builds);
    m_p50Line = new QLineSeries;
    m_p95Line = new QLineSeries;
    attach(m_p50Line);
    attach(m_p95Line);
    applyPalette(QPalette());
    setData({}, {}, QDateTime::currentDateTime());
}

DurationChart::~DurationChart()
{
    // The view that shows the chart owns it once shown; a chart never shown is ours.
    if (m_chart && !m_chart->scene())
        delete m_chart;
}

void DurationChart::connectHover(QScatterSeries* series)
{
    connect(series, &QScatterSeries::hovered, this, [this](const QPointF& point, bool state) {
        Q_EMIT hoverTextChanged(state ? hoverText(point) : QString());
    });
}

void DurationChart::applyPalette(const QPalette& palette)
{
    m_palette = palette;
    charttheme::apply(m_chart, palette);
    for (std::size_t i = 0; i < kStrategies.size(); ++i) {
        const QColor color = charttheme::strategyColor(kStrategies[i], palette);
        m_strategies[i]->setColor(color);
        m_strategies[i]->setBorderColor(color.darker(130));
    }
    const QColor failure = charttheme::failureColor(palette);
    m_failures->setColor(failure); // the legend's marker
    m_failures->setBrush(crossImage(failure)); // the points' marker
    m_outliers->setColor(charttheme::outlierColor(palette));
    m_outliers->setBorderColor(charttheme::outlierColor(palette));
    // Neither a strategy's colour nor a failure's: a build is not a reload.
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    const QColor build = dark ? QColor(0xc3, 0x9b, 0xd3) : QColor(0x8e, 0x44, 0xad);
    m_builds->setColor(build);
    m_builds->setBorderColor(build.darker(130));
    QColor line = palette.color(QPalette::WindowText);
    line.setAlpha(150);
    m_p50Line->setPen(QPen(line, 1.2, Qt::DashLine));
    m_p95Line->setPen(QPen(line, 1.2, Qt::DotLine));
}

double DurationChart::percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p * double(values.size())));
    return double(values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1)));
}

void DurationChart::setData(const QList<ChartReload>& reloads, const QDateTime& from, const QDateTime& to)
{
    m_reloads = reloads;
    const QDateTime end = to.isValid() ? to : QDateTime::currentDateTime();
    QDateTime start = from;
    if (!start.isValid())
        start = reloads.isEmpty() ? end.addSecs(-3600) : reloads.first().atUtc.toLocalTime().addSecs(-60);
    if (start >= end)
        start = end.addSecs(-60);
    m_x->setRange(start, end);
    const qint64 span = start.msecsTo(end);
    m_x->setFormat(span <= 26 * 3600 * 1000LL ? charttheme::timeFormat()
            : span <= 8 * 86400 * 1000LL      ? charttheme::dayMonthFormat() + u' ' + charttheme::timeFormat()
                                              : charttheme::dayMonthFormat());

    // Percentiles of what succeeded (a failure's time says little about the server).
    QList<qint64> durations;
    qint64 maxMs = 0;
    for (const auto& reload : reloads) {
        if (reload.durationMs < 0)
            continue;
        maxMs = std::max(maxMs, reload.durationMs);
        if (reload.outcome == ReloadOutcome::Success)
            durations.append(reload.durationMs);
    }
    m_p50 = percentile(durations, 0.5);
    m_p95 = percentile(durations, 0.95);
    const double robust = m_p95 > 0 ? m_p95 * kRobustFactor : double(maxMs);
    m_y->setRange(0, std::max(10.0, std::min(double(maxMs) * 1.05, robust)));
    m_y->applyNiceNumbers();
    const double top = m_y->max();

    std::array<QList<QPointF>, 3> byStrategy;
    QList<QPointF> failures;
    QList<QPointF> outliers;
    QList<QPointF> builds;
    m_clipped = 0;
    for (const auto& reload : reloads) {
        if (const auto build = drawnBuildPoint(reload))
            builds.append(*build);
        const QPointF point = drawnPoint(reload);
        if (reload.durationMs > top)
            ++m_clipped;
        if (reload.outcome == ReloadOutcome::Failed) {
            failures.append(point);
        } else if (reload.durationMs < 0) {
            continue; // nothing measured, nothing to draw
        } else if (reload.durationMs > top) {
            outliers.append(point);
        } else {
            for (std::size_t i = 0; i < kStrategies.size(); ++i) {
                if (kStrategies[i] == reload.strategy)
                    byStrategy[i].append(point);
            }
        }
    }
    for (std::size_t i = 0; i < kStrategies.size(); ++i)
        m_strategies[i]->replace(byStrategy[i]);
    m_failures->replace(failures);
    m_outliers->replace(outliers);
    m_builds->replace(builds);
    updatePercentileLine(m_p50Line, m_p50, tr("median"));
    updatePercentileLine(m_p95Line, m_p95, tr("95th percentile"));
    // Only what is drawn goes into the legend, so that it fits; the median and p95
    // are named by the panel's summary line instead.
    m_failures->setVisible(!failures.isEmpty());
    m_outliers->setVisible(!outliers.isEmpty());
    m_builds->setVisible(!builds.isEmpty());
    QLegend* legend = m_chart->legend();
    for (std::size_t i = 0; i < kStrategies.size(); ++i) {
        const auto markers = legend->markers(m_strategies[i]);
        for (QLegendMarker* marker : markers)
            marker->setVisible(!byStrategy[i].isEmpty() || reloads.isEmpty());
    }
    for (QLineSeries* line : { m_p50Line, m_p95Line }) {
        const auto markers = legend->markers(line);
        for (QLegendMarker* marker : markers)
            marker->setVisible(false);
    }
}

void DurationChart::updatePercentileLine(QLineSeries* line, double value, const QString& name)
{
    line->setVisible(value >= 0);
    if (value < 0) {
        line->clear();
        return;
    }
    line->setName(u"%1 %2 ms"_s.arg(name, QLocale().toString(qint64(value))));
    line->replace({ QPointF(double(m_x->min().toMSecsSinceEpoch()), value),
        QPointF(double(m_x->max().toMSecsSinceEpoch()), value) });
}

QPointF DurationChart::drawnPoint(const ChartReload& reload) const
{
    const double top = m_y->max();
    const double y = reload.durationMs < 0 ? 0 : std::min(double(reload.durationMs), top);
    return QPointF(double(reload.atUtc.toMSecsSinceEpoch()), y);
}

std::optional<QPointF> DurationChart::drawnBuildPoint(const ChartReload& reload) const
{
    if (reload.buildMs < 0)
        return std::nullopt;
    return QPointF(double(reload.atUtc.toMSecsSinceEpoch()), std::min(double(reload.buildMs), m_y->max()));
}

QString DurationChart::hoverText(const QPointF& drawn) const
{
    // The nearest reload to where the pointer is, in the axes' own proportions.
    const double xSpan = std::max<double>(1, double(m_x->min().msecsTo(m_x->max())));
    const double ySpan = std::max(1.0, m_y->max() - m_y->min());
    const ChartReload* best = nullptr;
    double bestDistance = 0;
    for (const auto& reload : m_reloads) {
        for (const auto& point : { std::optional(drawnPoint(reload)), drawnBuildPoint(reload) }) {
            if (!point)
                continue;
            const double dx = (point->x() - drawn.x()) / xSpan;
            const double dy = (point->y() - drawn.y()) / ySpan;
            const double distance = dx * dx + dy * dy;
            if (!best || distance < bestDistance) {
                best = &reload;
                bestDistance = distance;
            }
        }
    }
    if (!best || bestDistance > 0.02 * 0.02)
        return {};
    const bool clipped = best->durationMs > m_y->max();
    return ChartHover::reloadText(*best, clipped ? qint64(m_y->max()) : -1, m_clipped);
}

qsizetype DurationChart::pointCount(ReloadStrategy strategy) const
{
    for (std::size_t i = 0; i < kStrategies.size(); ++i) {
        if (kStrategies[i] == strategy)
            return m_strategies[i]->count();
    }
    return 0;
}

qsizetype DurationChart::failureCount() const
{
    return m_failures->count();
}

qsizetype DurationChart::outlierCount() const
{
    return m_outliers->count();
}

qsizetype DurationChart::buildCount() const
{
    return m_builds->count();
}

double DurationChart::axisMax() const
{
    return m_y->max();
}

QDateTime DurationChart::axisStart() const
{
    return m_x->min();
}

QDateTime DurationChart::axisEnd() const
{
    return m_x->max();
}

QString DurationChart::axisFormat() const
{
    return m_x->format();
}

} // namespace foxreload::gui
