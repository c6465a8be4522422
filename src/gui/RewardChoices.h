#pragma once

#include "game/Rewards.h"

#include <QObject>
#include <QPointer>

namespace foxreload {
class GamificationEngine;
}

namespace foxreload::gui {

// Which rewards the desktop app shows: the user's choice of each kind (AppSettings) when the
// game has unlocked it, else the kind's default. Follows the game, so a choice that a different
// history database does not unlock falls back to the default, and comes back with it.
class RewardChoices : public QObject
{
    Q_OBJECT
public:
    explicit RewardChoices(QObject* parent = nullptr);

    // Reads the level and achievements from `engine` now and on each of its state changes.
    void setEngine(GamificationEngine* engine);
    // The game's state as it is now (setEngine() calls it; tests call it directly).
    void setProgress(int level, const QSet<QString>& achievements);

    const QList<RewardStatus>& status() const { return m_status; }
    QString chosenId(RewardKind kind) const; // as stored; may be locked or unknown
    const RewardDef& shown(RewardKind kind) const;
    // Stores `id` as the choice of its kind and shows it. False (nothing stored) when it is
    // unknown or locked.
    bool choose(const QString& id);

Q_SIGNALS:
    // What shown() returns for some kind changed, or the status list did.
    void changed();

private:
    void refreshFromEngine();

    QPointer<GamificationEngine> m_engine;
    QList<RewardStatus> m_status;
};

} // namespace foxreload::gui
