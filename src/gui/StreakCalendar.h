#pragma once

#include <QDate>
#include <QMap>
#include <QWidget>

namespace foxreload::gui {

// A year of days, GitHub-style: one cell per day coloured by its number of
// reloads, weeks as columns (the locale's first day of the week on top), month
// names of the user's locale above, "3 reloads on <date>" on hover. Painted with
// QPainter from the palette, so it follows a dark theme.
class StreakCalendar : public QWidget
{
    Q_OBJECT
public:
    explicit StreakCalendar(QWidget* parent = nullptr);

    static constexpr int kWeeks = 53;

    // Reloads per local day; `today` is the last cell.
    void setCounts(const QMap<QDate, int>& counts, const QDate& today);

    // The first cell: the week's first day, 52 weeks before today's week; fewer weeks
    // when the widget, shown, is too narrow for a year (the newest weeks stay).
    QDate firstDay() const { return m_first; }
    int weeksShown() const { return m_weeks; }
    QDate today() const { return m_today; }
    int countOn(const QDate& day) const { return m_counts.value(day, 0); }
    int levelOf(const QDate& day) const; // 0 (none) to 4 (busiest)
    QRect cellRect(const QDate& day) const; // empty outside the calendar
    QDate dayAt(const QPoint& position) const; // invalid outside a cell
    QString cellText(const QDate& day) const; // the hover text
    QColor cellColor(const QDate& day) const;
    QStringList monthLabels() const; // left to right

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int leftMargin() const;
    int topMargin() const;
    void layoutWeeks();

    QMap<QDate, int> m_counts;
    QDate m_today;
    QDate m_first;
    int m_weeks = kWeeks;
    int m_max = 0;
};

} // namespace foxreload::gui
