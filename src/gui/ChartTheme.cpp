#include "ChartTheme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload::gui::charttheme {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void apply(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(isDark(palette) ? 50 : 40);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid), 1));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
}

QColor strategyColor(ReloadStrategy strategy, const QPalette& palette)
{
    QColor color;
    switch (strategy) {
    case ReloadStrategy::HotReload:
        color = QColor(0x2e, 0x7d, 0x32);
        break;
    case ReloadStrategy::ServiceRestart:
        color = QColor(0x15, 0x65, 0xc0);
        break;
    case ReloadStrategy::FullRestart:
        color = QColor(0xef, 0x6c, 0x00);
        break;
    case ReloadStrategy::None:
        color = QColor(0x9e, 0x9e, 0x9e);
        break;
    }
    // Darker greens and blues vanish on a dark background.
    return isDark(palette) ? color.lighter(150) : color;
}

QColor failureColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor outlierColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xe0, 0xe0, 0xe0) : QColor(0x42, 0x42, 0x42);
}

namespace {

QColor g_accentOnLight(0x8e, 0x24, 0xaa);
QColor g_accentOnDark(0xce, 0x93, 0xd8);

} // namespace

QColor xpColor(const QPalette& palette)
{
    return isDark(palette) ? g_accentOnDark : g_accentOnLight;
}

void setAccent(const QColor& onLight, const QColor& onDark)
{
    g_accentOnLight = onLight;
    g_accentOnDark = onDark;
}

QString dayMonthFormat()
{
    // Drop the year and the separator that joins it: "dd.MM.yy" → "dd.MM", "yyyy-MM-dd" → "MM-dd".
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    static const QRegularExpression year(u"[^dMy]*y+[^dMy]*"_s);
    const QRegularExpressionMatch match = year.match(format);
    if (match.hasMatch()) {
        const bool atEnd = match.capturedEnd() == format.size();
        const bool atStart = match.capturedStart() == 0;
        if (atEnd || atStart)
            format.remove(match.capturedStart(), match.capturedLength());
        else // in the middle: keep one separator
            format.replace(
                match.capturedStart(), match.capturedLength(), format.mid(match.capturedStart(), 1));
    }
    return format.trimmed();
}

QString timeFormat()
{
    return QLocale().timeFormat(QLocale::ShortFormat);
}

} // namespace foxreload::gui::charttheme
