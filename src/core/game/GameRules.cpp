// The rule tables of the game. Changing a number here changes the game;
// docs/gamification.md shows the same tables to users. Achievement and challenge
// titles and descriptions are marked for translation (context "GameRules"): the
// tables keep the English text, the GUI shows QCoreApplication::translate() of it.

#include "GamificationEngine.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using K = XpRuleKind;
using T = ReloadTrigger;
using S = ReloadStrategy;
using M = AchievementMetric;
using C = ChallengeMetric;

} // namespace

std::span<const XpRule> GamificationEngine::xpRules()
{
    // Per kind, the first matching rule applies (so the faster speed bonus comes first).
    static const std::vector<XpRule> rules {
        { u"reload_hot"_s, K::Base, T::FileChange, S::HotReload, 0, 10, u"hot reload after an edit"_s },
        { u"reload_service"_s, K::Base, T::FileChange, S::ServiceRestart, 0, 8,
            u"service restart after an edit"_s },
        { u"reload_full"_s, K::Base, T::FileChange, S::FullRestart, 0, 5, u"full restart after an edit"_s },
        { u"reload_manual"_s, K::Base, T::Manual, S::None, 0, 2, u"restart by hand"_s },
        { u"speed_lightning"_s, K::SpeedBonus, T::FileChange, S::None, 100, 5,
            u"ready less than 100 ms after the change"_s },
        { u"speed_quick"_s, K::SpeedBonus, T::FileChange, S::None, 500, 2,
            u"ready less than 500 ms after the change"_s },
        { u"recovery"_s, K::RecoveryBonus, T::FileChange, S::None, 0, 15,
            u"the first success after a failed reload"_s },
        { u"first_of_day"_s, K::FirstOfDayBonus, T::FileChange, S::None, 0, 20,
            u"the first successful reload of the day"_s },
    };
    return rules;
}

std::span<const AchievementDef> GamificationEngine::achievementDefs()
{
    static const std::vector<AchievementDef> defs {
        { u"first_reload"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "First Steps")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Your first successful reload.")), u"fox-paw"_s,
            M::SucceededReloads, 1 },
        { u"reloads_10"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Getting Warm")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "10 successful reloads.")), u"fox-kit"_s,
            M::SucceededReloads, 10 },
        { u"reloads_100"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Century Fox")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "100 successful reloads.")), u"fox-tail"_s,
            M::SucceededReloads, 100 },
        { u"reloads_1000"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Thousand Tails")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "1,000 successful reloads.")), u"fox-nine-tails"_s,
            M::SucceededReloads, 1000 },
        { u"first_100_xp"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "First 100 XP")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Earn your first 100 XP.")), u"xp-star"_s,
            M::TotalXp, 100 },
        { u"xp_1000"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "XP Hoarder")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Earn 1,000 XP in total.")), u"xp-hoard"_s,
            M::TotalXp, 1000 },
        { u"level_5"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Sly Apprentice")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reach level 5.")), u"level-5"_s, M::Level, 5 },
        { u"level_10"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Master of the Den")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reach level 10.")), u"level-10"_s, M::Level, 10 },
        { u"week_streak"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Week Streak")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reload on 7 days in a row.")), u"flame-7"_s,
            M::StreakDays, 7 },
        { u"month_streak"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Month of Mischief")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reload on 30 days in a row.")), u"flame-30"_s,
            M::StreakDays, 30 },
        { u"quick_paws"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Quick Paws")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Ten hot reloads, each ready within 50 ms.")),
            u"lightning"_s, M::FastHotReloads, 10 },
        { u"quick_fix"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Quick Fix")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Fix a failed reload within five minutes.")),
            u"bandage"_s, M::QuickFix, 1 },
        { u"clean_day"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Clean Day")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "30 successful reloads in a day, none failed.")),
            u"sparkles"_s, M::CleanDay, 1 },
        { u"night_fox"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Night Fox")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reload between midnight and 4 a.m.")), u"moon"_s,
            M::LateNight, 1 },
        { u"early_bird"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Early Bird")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reload between 5 and 7 a.m.")), u"sunrise"_s,
            M::EarlyBird, 1 },
        { u"challenger"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Challenger")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Complete a daily challenge.")), u"target"_s,
            M::CompletedChallenges, 1 },
        { u"challenges_10"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Seasoned Hunter")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Complete 10 daily challenges.")), u"trophy"_s,
            M::CompletedChallenges, 10 },
        { u"all_strategies"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Every Trick in the Book")),
            QStringLiteral(QT_TRANSLATE_NOOP(
                "GameRules", "Succeed with a hot reload, a service restart and a full restart.")),
            u"toolbox"_s, M::StrategiesUsed, 3 },
    };
    return defs;
}

std::span<const ChallengeDef> GamificationEngine::challengePool()
{
    static const std::vector<ChallengeDef> pool {
        { u"warm_up"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Warm-up")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "5 successful reloads today")), C::SucceededReloads,
            5, 20 },
        { u"marathon"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Marathon")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "25 successful reloads today")),
            C::SucceededReloads, 25, 40 },
        { u"hot_hands"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Hot Hands")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "10 hot reloads today")), C::HotReloads, 10, 30 },
        { u"service_desk"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Service Desk")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "3 service restarts today")), C::ServiceRestarts, 3,
            20 },
        { u"speed_run"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Speed Run")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "5 reloads ready within 200 ms today")),
            C::FastReloads, 5, 25 },
        { u"lightning_ten"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Lightning Ten")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "10 reloads ready within 200 ms today")),
            C::FastReloads, 10, 35 },
        { u"fixer"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Fixer")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Bring a failed reload back to success today")),
            C::FixedFailures, 1, 25 },
        { u"xp_hunter"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "XP Hunter")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Earn 100 XP today")), C::XpEarned, 100, 30 },
        { u"clean_sheet"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Clean Sheet")),
            QStringLiteral(
                QT_TRANSLATE_NOOP("GameRules", "15 successful reloads today without a single failure")),
            C::CleanReloads, 15, 35 },
    };
    return pool;
}

} // namespace foxreload
