#pragma once

// Rewards that unlock: tray fox skins, dashboard accent colours and titles. Like GameRules,
// the table is data (Rewards.cpp) and the unlock rule a pure function over a player's level
// and unlocked achievements; nothing here reads the history, the clock or the user's choice.

#include "GameRules.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <span>

namespace foxreload {

enum class RewardKind {
    Skin, // the tray fox's colours
    Accent, // the dashboard's accent colour (header, XP chart)
    Title, // a title after "FoxReload" in the tray tooltip
};

struct RewardDef
{
    QString id;
    RewardKind kind = RewardKind::Title;
    QString name; // English; QT_TRANSLATE_NOOP context "Rewards"
    // Unlocked at this level, or with this achievement (exactly one of the two is set).
    int level = 0;
    QString achievement;
    // Skin: fur, outline, mask, ears (#rrggbb). Accent: on a light window, on a dark window.
    QStringList colours;
};

struct RewardStatus
{
    RewardDef def;
    bool unlocked = false;
};

namespace rewards {

std::span<const RewardDef> rewardDefs();
const RewardDef* findReward(QStringView id);
// What a user has before choosing: the level-1 reward of each kind.
const RewardDef& defaultReward(RewardKind kind);

QString kindName(RewardKind kind); // "skin", "accent", "title"

bool isUnlocked(const RewardDef& def, int level, const QSet<QString>& achievements);
// Every reward in table order, with whether `level` and `achievements` unlock it.
QList<RewardStatus> statusFor(int level, const QSet<QString>& achievements);
QList<RewardStatus> statusFor(int level, const QList<AchievementStatus>& achievements);
// The reward of `kind` to show: `chosenId` if it is of that kind and unlocked, else the default.
const RewardDef& effective(RewardKind kind, const QString& chosenId, const QList<RewardStatus>& status);
// The highest title `level` unlocks by itself: what the leaderboard shows beside a player, whose
// own choice of title lives on their machine, not in the shared history.
const RewardDef& levelTitle(int level);
// The locked reward the player is closest to: the lowest level one, else the first achievement one.
const RewardStatus* nextLocked(const QList<RewardStatus>& status);

// How to unlock it, in the application's language ("Reach level 5.").
QString unlockHint(const RewardDef& def);
// The reward's name in the application's language.
QString displayName(const RewardDef& def);

} // namespace rewards

} // namespace foxreload
