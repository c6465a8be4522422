// The rule tables of the game. Changing a number here changes the game;
// docs/gamification.md shows the same tables to users.

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
        { u"first_reload"_s, u"First Steps"_s, u"Your first successful reload."_s, u"fox-paw"_s,
            M::SucceededReloads, 1 },
        { u"reloads_10"_s, u"Getting Warm"_s, u"10 successful reloads."_s, u"fox-kit"_s, M::SucceededReloads,
            10 },
        { u"reloads_100"_s, u"Century Fox"_s, u"100 successful reloads."_s, u"fox-tail"_s,
            M::SucceededReloads, 100 },
        { u"reloads_1000"_s, u"Thousand Tails"_s, u"1,000 successful reloads."_s, u"fox-nine-tails"_s,
            M::SucceededReloads, 1000 },
        { u"first_100_xp"_s, u"First 100 XP"_s, u"Earn your first 100 XP."_s, u"xp-star"_s, M::TotalXp, 100 },
        { u"xp_1000"_s, u"XP Hoarder"_s, u"Earn 1,000 XP in total."_s, u"xp-hoard"_s, M::TotalXp, 1000 },
        { u"level_5"_s, u"Sly Apprentice"_s, u"Reach level 5."_s, u"level-5"_s, M::Level, 5 },
        { u"level_10"_s, u"Master of the Den"_s, u"Reach level 10."_s, u"level-10"_s, M::Level, 10 },
        { u"week_streak"_s, u"Week Streak"_s, u"Reload on 7 days in a row."_s, u"flame-7"_s, M::StreakDays,
            7 },
        { u"month_streak"_s, u"Month of Mischief"_s, u"Reload on 30 days in a row."_s, u"flame-30"_s,
            M::StreakDays, 30 },
        { u"quick_paws"_s, u"Quick Paws"_s, u"Ten hot reloads, each ready within 50 ms."_s, u"lightning"_s,
            M::FastHotReloads, 10 },
        { u"quick_fix"_s, u"Quick Fix"_s, u"Fix a failed reload within five minutes."_s, u"bandage"_s,
            M::QuickFix, 1 },
        { u"clean_day"_s, u"Clean Day"_s, u"30 successful reloads in a day, none failed."_s, u"sparkles"_s,
            M::CleanDay, 1 },
        { u"night_fox"_s, u"Night Fox"_s, u"Reload between midnight and 4 a.m."_s, u"moon"_s, M::LateNight,
            1 },
        { u"early_bird"_s, u"Early Bird"_s, u"Reload between 5 and 7 a.m."_s, u"sunrise"_s, M::EarlyBird, 1 },
        { u"challenger"_s, u"Challenger"_s, u"Complete a daily challenge."_s, u"target"_s,
            M::CompletedChallenges, 1 },
        { u"challenges_10"_s, u"Seasoned Hunter"_s, u"Complete 10 daily challenges."_s, u"trophy"_s,
            M::CompletedChallenges, 10 },
        { u"all_strategies"_s, u"Every Trick in the Book"_s,
            u"Succeed with a hot reload, a service restart and a full restart."_s, u"toolbox"_s,
            M::StrategiesUsed, 3 },
    };
    return defs;
}

std::span<const ChallengeDef> GamificationEngine::challengePool()
{
    static const std::vector<ChallengeDef> pool {
        { u"warm_up"_s, u"Warm-up"_s, u"5 successful reloads today"_s, C::SucceededReloads, 5, 20 },
        { u"marathon"_s, u"Marathon"_s, u"25 successful reloads today"_s, C::SucceededReloads, 25, 40 },
        { u"hot_hands"_s, u"Hot Hands"_s, u"10 hot reloads today"_s, C::HotReloads, 10, 30 },
        { u"service_desk"_s, u"Service Desk"_s, u"3 service restarts today"_s, C::ServiceRestarts, 3, 20 },
        { u"speed_run"_s, u"Speed Run"_s, u"5 reloads ready within 200 ms today"_s, C::FastReloads, 5, 25 },
        { u"lightning_ten"_s, u"Lightning Ten"_s, u"10 reloads ready within 200 ms today"_s, C::FastReloads,
            10, 35 },
        { u"fixer"_s, u"Fixer"_s, u"Bring a failed reload back to success today"_s, C::FixedFailures, 1, 25 },
        { u"xp_hunter"_s, u"XP Hunter"_s, u"Earn 100 XP today"_s, C::XpEarned, 100, 30 },
        { u"clean_sheet"_s, u"Clean Sheet"_s, u"15 successful reloads today without a single failure"_s,
            C::CleanReloads, 15, 35 },
    };
    return pool;
}

} // namespace foxreload
