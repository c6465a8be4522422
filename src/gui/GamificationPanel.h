#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QScrollArea;
class QVBoxLayout;

namespace foxreload {
class GamificationEngine;
class HistoryStore;
struct AchievementStatus;
} // namespace foxreload

namespace foxreload::gui {

class FlowLayout;
class StreakCalendar;

// Level, total XP, XP progress, streak, today's challenges with their rewards, a
// year's streak calendar and the achievements (locked badges dimmed; the tooltip
// says what it takes and how far along it is). Badges flow with the width.
class GamificationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GamificationPanel(QWidget* parent = nullptr);

    // Reads the engine's state; nullptr (or a disabled engine) shows why there is nothing.
    void refresh(const GamificationEngine* engine);
    // The history the calendar and the badges' progress come from (optional).
    void setStore(HistoryStore* store);

    QString levelText() const;
    QString totalXpText() const;
    int unlockedBadgeCount() const { return m_unlocked; }
    int badgeCount() const { return m_badges; }
    int challengeCount() const { return m_challenges; }
    QStringList challengeTexts() const; // title, description and reward, as shown
    QStringList badgeTitles() const;
    QStringList badgeToolTips() const;
    int badgeColumns() const; // badges in the first row, as laid out now
    bool scrollsSideways() const;
    StreakCalendar* calendar() const { return m_calendar; }

private:
    void refreshCalendar();
    QString progressText(const AchievementStatus& achievement, const GamificationEngine& engine) const;

    QPointer<HistoryStore> m_store;
    QLabel* m_level;
    QLabel* m_totalXp;
    QProgressBar* m_xp;
    QLabel* m_streak;
    QLabel* m_disabled;
    QVBoxLayout* m_challengeList;
    StreakCalendar* m_calendar;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_badgeArea = nullptr;
    FlowLayout* m_badgeFlow = nullptr;
    QWidget* m_content;
    int m_unlocked = 0;
    int m_badges = 0;
    int m_challenges = 0;
};

} // namespace foxreload::gui
