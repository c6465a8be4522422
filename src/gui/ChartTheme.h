#pragma once

#include "common/ReloadStrategy.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QChart;

namespace foxreload::gui {

// Colours of the charts, taken from the widget palette so that a dark desktop
// theme gets dark charts (QChart's own themes ignore the palette).
namespace charttheme {

bool isDark(const QPalette& palette); // window colour lightness < 128
// Background, title, legend, axis labels, titles, lines and grid from `palette`.
void apply(QChart* chart, const QPalette& palette);
QColor strategyColor(ReloadStrategy strategy, const QPalette& palette);
QColor failureColor(const QPalette& palette);
QColor outlierColor(const QPalette& palette);
QColor xpColor(const QPalette& palette); // the accent (setAccent), by default a purple

// The dashboard's accent colour (a reward the user chose) on a light and on a dark window.
// Process-wide, as there is one dashboard; charts read it when their palette changes.
void setAccent(const QColor& onLight, const QColor& onDark);

// Date formats of the user's locale: the short date without its year ("dd.MM",
// "M/d"), and the short time ("HH:mm", "h:mm AP").
QString dayMonthFormat();
QString timeFormat();

} // namespace charttheme

} // namespace foxreload::gui
