#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QGridLayout;
class QVBoxLayout;

namespace foxreload {
class GamificationEngine;
}

namespace foxreload::gui {

// Level, XP progress, streak, today's challenges and the achievements grid
// (locked badges in grey, unlocked ones in gold; the tooltip says how and when).
class GamificationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GamificationPanel(QWidget* parent = nullptr);

    // Reads the engine's state; nullptr (or a disabled engine) shows why there is nothing.
    void refresh(const GamificationEngine* engine);

    QString levelText() const;
    int unlockedBadgeCount() const { return m_unlocked; }
    int badgeCount() const { return m_badges; }
    int challengeCount() const { return m_challenges; }

private:
    QLabel* m_level;
    QProgressBar* m_xp;
    QLabel* m_streak;
    QLabel* m_disabled;
    QVBoxLayout* m_challengeList;
    QGridLayout* m_badgeGrid;
    QWidget* m_content;
    int m_unlocked = 0;
    int m_badges = 0;
    int m_challenges = 0;
};

} // namespace foxreload::gui
