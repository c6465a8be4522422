// The reward table. docs/gamification.md shows the same table to users; a row's id is what
// the desktop app stores as the user's choice, so ids never change once released.

#include "Rewards.h"

#include <QCoreApplication>

#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload::rewards {

namespace {

using R = RewardKind;

RewardDef byLevel(QString id, RewardKind kind, const char* name, int level, QStringList colours = {})
{
    return { std::move(id), kind, QString::fromUtf8(name), level, {}, std::move(colours) };
}

RewardDef byAchievement(
    QString id, RewardKind kind, const char* name, QString achievement, QStringList colours = {})
{
    return { std::move(id), kind, QString::fromUtf8(name), 0, std::move(achievement), std::move(colours) };
}

} // namespace

std::span<const RewardDef> rewardDefs()
{
    // Skins keep an outline that differs from the fur in lightness, so the fox stands out on a
    // light panel and on a dark one alike.
    static const std::vector<RewardDef> defs {
        byLevel(u"skin_red"_s, R::Skin, QT_TRANSLATE_NOOP("Rewards", "Red Fox"), 1,
            { u"#f57c00"_s, u"#5d2a0c"_s, u"#fff7ee"_s, u"#3b1d0a"_s }),
        byLevel(u"skin_arctic"_s, R::Skin, QT_TRANSLATE_NOOP("Rewards", "Arctic Fox"), 3,
            { u"#e3eaef"_s, u"#37474f"_s, u"#ffffff"_s, u"#607d8b"_s }),
        byAchievement(u"skin_silver"_s, R::Skin, QT_TRANSLATE_NOOP("Rewards", "Silver Fox"), u"reloads_100"_s,
            { u"#8e9ea8"_s, u"#1c262b"_s, u"#eceff1"_s, u"#263238"_s }),
        byAchievement(u"skin_fennec"_s, R::Skin, QT_TRANSLATE_NOOP("Rewards", "Fennec"), u"week_streak"_s,
            { u"#e2bd7f"_s, u"#5d4020"_s, u"#fff8e1"_s, u"#8d6e3f"_s }),
        byAchievement(u"skin_night"_s, R::Skin, QT_TRANSLATE_NOOP("Rewards", "Night Fox"), u"night_fox"_s,
            { u"#3f51b5"_s, u"#c5cae9"_s, u"#e8eaf6"_s, u"#1a237e"_s }),
        byLevel(u"skin_golden"_s, R::Skin, QT_TRANSLATE_NOOP("Rewards", "Golden Fox"), 10,
            { u"#ffc107"_s, u"#6d4c00"_s, u"#fffde7"_s, u"#8d6e00"_s }),

        byLevel(u"accent_heather"_s, R::Accent, QT_TRANSLATE_NOOP("Rewards", "Heather"), 1,
            { u"#8e24aa"_s, u"#ce93d8"_s }),
        byLevel(u"accent_ember"_s, R::Accent, QT_TRANSLATE_NOOP("Rewards", "Ember"), 2,
            { u"#e65100"_s, u"#ffb74d"_s }),
        byLevel(u"accent_forest"_s, R::Accent, QT_TRANSLATE_NOOP("Rewards", "Forest"), 4,
            { u"#2e7d32"_s, u"#81c784"_s }),
        byAchievement(u"accent_ocean"_s, R::Accent, QT_TRANSLATE_NOOP("Rewards", "Ocean"), u"quick_paws"_s,
            { u"#0277bd"_s, u"#4fc3f7"_s }),
        byAchievement(u"accent_rose"_s, R::Accent, QT_TRANSLATE_NOOP("Rewards", "Rose"), u"challenger"_s,
            { u"#c2185b"_s, u"#f48fb1"_s }),
        byAchievement(u"accent_gold"_s, R::Accent, QT_TRANSLATE_NOOP("Rewards", "Gold"), u"xp_1000"_s,
            { u"#9a7400"_s, u"#ffd54f"_s }),

        byLevel(u"title_kit"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Kit"), 1),
        byLevel(u"title_scout"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Scout"), 3),
        byLevel(u"title_trickster"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Trickster"), 5),
        byLevel(u"title_den_master"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Den Master"), 10),
        byAchievement(u"title_fixer"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Fixer"), u"quick_fix"_s),
        byAchievement(u"title_night_prowler"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Night Prowler"),
            u"night_fox"_s),
        byAchievement(
            u"title_dawn_runner"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Dawn Runner"), u"early_bird"_s),
        byAchievement(u"title_shapeshifter"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Shapeshifter"),
            u"all_strategies"_s),
        byAchievement(
            u"title_nine_tails"_s, R::Title, QT_TRANSLATE_NOOP("Rewards", "Nine-Tailed"), u"reloads_1000"_s),
    };
    return defs;
}

const RewardDef* findReward(QStringView id)
{
    for (const auto& def : rewardDefs()) {
        if (def.id == id)
            return &def;
    }
    return nullptr;
}

const RewardDef& defaultReward(RewardKind kind)
{
    for (const auto& def : rewardDefs()) {
        if (def.kind == kind && def.level == 1)
            return def;
    }
    return rewardDefs().front(); // not reached: every kind has a level-1 row (tst_rewards checks it)
}

const RewardDef& levelTitle(int level)
{
    const RewardDef* best = &defaultReward(RewardKind::Title);
    for (const auto& def : rewardDefs()) {
        if (def.kind == RewardKind::Title && def.level > best->level && def.level <= level)
            best = &def;
    }
    return *best;
}

QString kindName(RewardKind kind)
{
    switch (kind) {
    case RewardKind::Skin:
        return u"skin"_s;
    case RewardKind::Accent:
        return u"accent"_s;
    case RewardKind::Title:
        return u"title"_s;
    }
    return u"title"_s;
}

bool isUnlocked(const RewardDef& def, int level, const QSet<QString>& achievements)
{
    if (def.level > 0)
        return level >= def.level;
    return !def.achievement.isEmpty() && achievements.contains(def.achievement);
}

QList<RewardStatus> statusFor(int level, const QSet<QString>& achievements)
{
    QList<RewardStatus> status;
    for (const auto& def : rewardDefs())
        status.append({ def, isUnlocked(def, level, achievements) });
    return status;
}

QList<RewardStatus> statusFor(int level, const QList<AchievementStatus>& achievements)
{
    QSet<QString> unlocked;
    for (const auto& achievement : achievements) {
        if (achievement.unlocked)
            unlocked.insert(achievement.def.id);
    }
    return statusFor(level, unlocked);
}

const RewardDef& effective(RewardKind kind, const QString& chosenId, const QList<RewardStatus>& status)
{
    for (const auto& reward : status) {
        if (reward.def.id == chosenId && reward.def.kind == kind && reward.unlocked)
            return *findReward(chosenId);
    }
    return defaultReward(kind);
}

const RewardStatus* nextLocked(const QList<RewardStatus>& status)
{
    const RewardStatus* next = nullptr;
    for (const auto& reward : status) {
        if (reward.unlocked)
            continue;
        if (!next)
            next = &reward;
        else if (reward.def.level > 0 && (next->def.level == 0 || reward.def.level < next->def.level))
            next = &reward;
    }
    return next;
}

QString unlockHint(const RewardDef& def)
{
    if (def.level > 0)
        return QCoreApplication::translate("Rewards", "Reach level %1.").arg(def.level);
    const AchievementDef* achievement = gamerules::findAchievement(def.achievement);
    if (!achievement)
        return {};
    return QCoreApplication::translate("Rewards", "Unlock the achievement “%1”: %2")
        .arg(QCoreApplication::translate("GameRules", achievement->title.toUtf8().constData()),
            QCoreApplication::translate("GameRules", achievement->description.toUtf8().constData()));
}

QString displayName(const RewardDef& def)
{
    return QCoreApplication::translate("Rewards", def.name.toUtf8().constData());
}

} // namespace foxreload::rewards
