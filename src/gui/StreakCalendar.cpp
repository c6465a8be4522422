#include "StreakCalendar.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>

#include <cmath>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr int kCell = 11;
constexpr int kGap = 3;
constexpr int kStep = kCell + kGap;

} // namespace

StreakCalendar::StreakCalendar(QWidget* parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Reloads per day over the last year"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCounts({}, QDate::currentDate());
}

void StreakCalendar::setCounts(const QMap<QDate, int>& counts, const QDate& today)
{
    m_counts = counts;
    m_today = today;
    layoutWeeks();
    updateGeometry();
    update();
}

void StreakCalendar::layoutWeeks()
{
    // A year when not shown (or wide enough), else the newest weeks that fit.
    m_weeks = isVisible() ? std::clamp((width() - leftMargin()) / kStep, 4, int(kWeeks)) : int(kWeeks);
    const int firstWeekday = int(QLocale().firstDayOfWeek());
    const int back = (m_today.dayOfWeek() - firstWeekday + 7) % 7; // days since the week began
    m_first = m_today.addDays(-back - 7 * (m_weeks - 1));
    m_max = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key() >= m_first && it.key() <= m_today)
            m_max = std::max(m_max, it.value());
    }
}

void StreakCalendar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutWeeks();
}

int StreakCalendar::levelOf(const QDate& day) const
{
    const int count = countOn(day);
    if (count <= 0 || m_max <= 0)
        return 0;
    // Quarters of the busiest day: a quiet week still shows its shape.
    return std::clamp(int(std::ceil(4.0 * count / m_max)), 1, 4);
}

int StreakCalendar::leftMargin() const
{
    return fontMetrics().horizontalAdvance(u"Www"_s) + 4;
}

int StreakCalendar::topMargin() const
{
    return fontMetrics().height() + 2;
}

QRect StreakCalendar::cellRect(const QDate& day) const
{
    if (!day.isValid() || day < m_first || day > m_today)
        return {};
    const qint64 offset = m_first.daysTo(day);
    const int week = int(offset / 7);
    const int row = int(offset % 7);
    return QRect(leftMargin() + week * kStep, topMargin() + row * kStep, kCell, kCell);
}

QDate StreakCalendar::dayAt(const QPoint& position) const
{
    const int x = position.x() - leftMargin();
    const int y = position.y() - topMargin();
    if (x < 0 || y < 0 || x % kStep >= kCell || y % kStep >= kCell)
        return {};
    const int week = x / kStep;
    const int row = y / kStep;
    if (week >= m_weeks || row >= 7)
        return {};
    const QDate day = m_first.addDays(week * 7 + row);
    return day <= m_today ? day : QDate();
}

QString StreakCalendar::cellText(const QDate& day) const
{
    return tr("%n reload(s) on %1", nullptr, countOn(day)).arg(QLocale().toString(day, QLocale::LongFormat));
}

QColor StreakCalendar::cellColor(const QDate& day) const
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const int level = levelOf(day);
    if (level == 0) {
        QColor empty = palette().color(QPalette::WindowText);
        empty.setAlpha(dark ? 40 : 28);
        return empty;
    }
    // Greens from faint to strong; on a dark background the strong end is the bright one.
    static const QColor light[] { QColor(0x9b, 0xe9, 0xa8), QColor(0x40, 0xc4, 0x63),
        QColor(0x30, 0xa1, 0x4e), QColor(0x21, 0x6e, 0x39) };
    static const QColor darkShades[] { QColor(0x0e, 0x44, 0x29), QColor(0x00, 0x6d, 0x32),
        QColor(0x26, 0xa6, 0x41), QColor(0x39, 0xd3, 0x53) };
    return dark ? darkShades[level - 1] : light[level - 1];
}

QStringList StreakCalendar::monthLabels() const
{
    QStringList labels;
    for (int week = 0; week < m_weeks; ++week) {
        const QDate start = m_first.addDays(week * 7);
        // A month is named above the week that holds its first day.
        for (int d = 0; d < 7; ++d) {
            const QDate day = start.addDays(d);
            if (day.day() == 1 && day <= m_today)
                labels.append(QLocale().standaloneMonthName(day.month(), QLocale::ShortFormat));
        }
    }
    return labels;
}

QSize StreakCalendar::sizeHint() const
{
    return QSize(leftMargin() + kWeeks * kStep, topMargin() + 7 * kStep);
}

QSize StreakCalendar::minimumSizeHint() const
{
    return QSize(leftMargin() + 4 * kStep, topMargin() + 7 * kStep);
}

void StreakCalendar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette().color(QPalette::WindowText));
    const QLocale locale;
    // Month names above the week of their first day; weekday names for every second row.
    int lastLabelRight = -1;
    for (int week = 0; week < m_weeks; ++week) {
        for (int d = 0; d < 7; ++d) {
            const QDate day = m_first.addDays(week * 7 + d);
            if (day.day() != 1 || day > m_today)
                continue;
            const int x = leftMargin() + week * kStep;
            const QString name = locale.standaloneMonthName(day.month(), QLocale::ShortFormat);
            if (x > lastLabelRight && x + fontMetrics().horizontalAdvance(name) <= width()) {
                painter.drawText(QPoint(x, fontMetrics().ascent()), name);
                lastLabelRight = x + fontMetrics().horizontalAdvance(name) + 4;
            }
        }
    }
    for (int row = 1; row < 7; row += 2) {
        const QDate day = m_first.addDays(row);
        painter.drawText(QRect(0, topMargin() + row * kStep - 2, leftMargin() - 4, kCell + 4),
            Qt::AlignRight | Qt::AlignVCenter,
            locale.standaloneDayName(day.dayOfWeek(), QLocale::ShortFormat));
    }
    painter.setPen(Qt::NoPen);
    for (QDate day = m_first; day <= m_today; day = day.addDays(1)) {
        painter.setBrush(cellColor(day));
        painter.drawRoundedRect(cellRect(day), 2, 2);
    }
    if (hasFocus() || m_today.isValid()) {
        // Today's cell is outlined, so the eye finds where the year ends.
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(cellRect(m_today)).adjusted(-1, -1, 1, 1), 2.5, 2.5);
    }
}

bool StreakCalendar::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QDate day = dayAt(help->pos());
        if (day.isValid())
            QToolTip::showText(help->globalPos(), cellText(day), this, cellRect(day));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace foxreload::gui
