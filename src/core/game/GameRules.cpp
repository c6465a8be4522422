// The rule tables of the game. Changing a number here changes the game;
// docs/gamification.md shows the same tables to users. Achievement and challenge
// titles and descriptions are marked for translation (context "GameRules"): the
// tables keep the English text, the GUI shows QCoreApplication::translate() of it.

#include "GameRules.h"

#include "common/DurationText.h"
#include "common/EnumNames.h"
#include "store/HistoryStore.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using K = XpRuleKind;
using T = ReloadTrigger;
using S = ReloadStrategy;
using M = AchievementMetric;
using C = ChallengeMetric;

constexpr EnumName<NoXpReason> kNoXpReasonNames[] {
    { NoXpReason::None, u"none" },
    { NoXpReason::Disabled, u"disabled" },
    { NoXpReason::Failed, u"failed" },
    { NoXpReason::ContentIdentical, u"content_identical" },
    { NoXpReason::CrashRestart, u"crash_restart" },
    { NoXpReason::CrashLoop, u"crash_loop" },
    { NoXpReason::Startup, u"startup" },
    { NoXpReason::NoReload, u"no_reload" },
    { NoXpReason::MinuteCap, u"minute_cap" },
};

} // namespace

QString noXpReasonName(NoXpReason reason)
{
    return nameOf<NoXpReason>(kNoXpReasonNames, reason);
}

namespace gamerules {

std::span<const XpRule> xpRules()
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

std::span<const AchievementDef> achievementDefs()
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
            u"lightning"_s, M::FastHotReloads, 10, 50 },
        { u"quick_fix"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Quick Fix")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Fix a failed reload within five minutes.")),
            u"bandage"_s, M::QuickFix, 1, 5 * 60 * 1000 },
        { u"clean_day"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Clean Day")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "30 successful reloads in a day, none failed.")),
            u"sparkles"_s, M::CleanDay, 1, 30 },
        { u"night_fox"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Night Fox")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reload between midnight and 4 a.m.")), u"moon"_s,
            M::LateNight, 1, 0, 0, 4 },
        { u"early_bird"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Early Bird")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Reload between 5 and 7 a.m.")), u"sunrise"_s,
            M::EarlyBird, 1, 0, 5, 7 },
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

std::span<const ChallengeDef> challengePool()
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
            C::FastReloads, 5, 25, 200 },
        { u"lightning_ten"_s, QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "Lightning Ten")),
            QStringLiteral(QT_TRANSLATE_NOOP("GameRules", "10 reloads ready within 200 ms today")),
            C::FastReloads, 10, 35, 200 },
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

const AchievementDef* findAchievement(QStringView id)
{
    for (const auto& def : achievementDefs()) {
        if (def.id == id)
            return &def;
    }
    return nullptr;
}

const ChallengeDef* findChallenge(QStringView id)
{
    for (const auto& def : challengePool()) {
        if (def.id == id)
            return &def;
    }
    return nullptr;
}

QString describeReload(const ReloadResult& result)
{
    QString text = strategyLabel(result.performed);
    if (result.trigger == ReloadTrigger::Manual)
        text += u" by hand"_s;
    if (result.totalMs >= 0)
        text += u" in "_s + durationText(result.totalMs);
    return text;
}

NoXpReason noXpReason(const ReloadResult& result, const ReloadContext& context)
{
    if (result.trigger == ReloadTrigger::Startup)
        return NoXpReason::Startup;
    if (result.trigger == ReloadTrigger::CrashRestart)
        return NoXpReason::CrashRestart;
    if (context.crashLooping)
        return NoXpReason::CrashLoop;
    if (result.contentIdentical)
        return NoXpReason::ContentIdentical;
    if (!result.succeeded())
        return NoXpReason::Failed;
    if (result.performed == ReloadStrategy::None)
        return NoXpReason::NoReload;
    return NoXpReason::None;
}

XpAward evaluateXp(
    const ReloadResult& result, const ReloadContext& context, bool afterFailure, bool firstOfDay)
{
    XpAward award;
    award.reason = describeReload(result);
    award.noXp = noXpReason(result, context);
    if (award.noXp != NoXpReason::None)
        return award;

    QSet<XpRuleKind> applied;
    QStringList extras;
    for (const auto& rule : xpRules()) {
        if (applied.contains(rule.kind) || rule.trigger != result.trigger)
            continue;
        bool matches = false;
        switch (rule.kind) {
        case XpRuleKind::Base:
            matches = rule.strategy == ReloadStrategy::None || rule.strategy == result.performed;
            break;
        case XpRuleKind::SpeedBonus:
            matches = result.totalMs >= 0 && result.totalMs < rule.underMs;
            if (matches)
                extras.append(u"fast"_s);
            break;
        case XpRuleKind::RecoveryBonus:
            matches = afterFailure;
            if (matches)
                extras.append(u"back to green"_s);
            break;
        case XpRuleKind::FirstOfDayBonus:
            matches = firstOfDay;
            if (matches)
                extras.append(u"first of the day"_s);
            break;
        }
        if (!matches)
            continue;
        applied.insert(rule.kind);
        award.parts.append(XpPart { rule.id, rule.xp });
        award.amount += rule.xp;
    }
    if (!extras.isEmpty())
        award.reason += u", "_s + extras.join(u", "_s);
    return award;
}

void applyMultiplierAndCap(XpAward& award, double multiplier, int earnedThisMinute)
{
    int amount = int(std::lround(award.amount * std::max(0.0, multiplier)));
    const int allowed = std::max(0, kXpPerMinuteCap - earnedThisMinute);
    if (amount > allowed) {
        amount = allowed;
        award.capped = true;
    }
    award.amount = amount;
    if (amount == 0)
        award.noXp = award.capped ? NoXpReason::MinuteCap : NoXpReason::Disabled;
}

qint64 xpForLevel(int level)
{
    const qint64 l = std::max(1, level);
    return 25 * l * (l - 1);
}

LevelInfo levelForXp(qint64 totalXp)
{
    LevelInfo info;
    info.totalXp = std::max<qint64>(0, totalXp);
    int level = 1;
    while (xpForLevel(level + 1) <= info.totalXp)
        ++level;
    info.level = level;
    info.levelStartXp = xpForLevel(level);
    info.nextLevelXp = xpForLevel(level + 1);
    info.progress = double(info.totalXp - info.levelStartXp) / double(info.nextLevelXp - info.levelStartXp);
    return info;
}

namespace {

// splitmix64: a fixed mixing function, so a date picks the same challenges everywhere.
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

QList<ChallengeDef> challengesFor(const QDate& day)
{
    const auto pool = challengePool();
    QList<ChallengeDef> chosen;
    quint64 state = quint64(day.toJulianDay());
    const int wanted = std::min<int>(kChallengesPerDay, int(pool.size()));
    while (chosen.size() < wanted) {
        state = mix(state);
        const ChallengeDef& candidate = pool[state % pool.size()];
        const bool taken = std::any_of(
            chosen.cbegin(), chosen.cend(), [&](const ChallengeDef& c) { return c.id == candidate.id; });
        if (!taken)
            chosen.append(candidate);
    }
    return chosen;
}

int challengeProgress(const ChallengeDef& def, const DayCounters& counters, int storedProgress)
{
    switch (def.metric) {
    case ChallengeMetric::SucceededReloads:
        return counters.succeeded;
    case ChallengeMetric::HotReloads:
        return counters.hotReloads;
    case ChallengeMetric::ServiceRestarts:
        return counters.serviceRestarts;
    case ChallengeMetric::FastReloads:
        return counters.fastReloads;
    case ChallengeMetric::FixedFailures:
        return storedProgress;
    case ChallengeMetric::XpEarned:
        return counters.xp;
    case ChallengeMetric::CleanReloads:
        return counters.failed == 0 ? counters.succeeded : 0;
    }
    return 0;
}

StreakInfo computeStreak(const QList<QDate>& activeDays, const QDate& today)
{
    StreakInfo info;
    int streak = 0;
    int freezes = 0;
    int used = 0;
    QDate last;
    for (const QDate& day : activeDays) {
        if (!day.isValid() || day > today || (last.isValid() && day <= last))
            continue;
        if (!last.isValid()) {
            streak = 1;
        } else {
            const qint64 missed = last.daysTo(day) - 1;
            if (missed == 0) {
                ++streak;
            } else if (missed <= freezes) {
                freezes -= int(missed);
                used += int(missed);
                ++streak;
            } else {
                streak = 1;
                freezes = 0;
                used = 0;
            }
        }
        if (streak % kDaysPerFreeze == 0)
            freezes = std::min(freezes + 1, kMaxFreezes);
        info.longest = std::max(info.longest, streak);
        last = day;
    }
    if (!last.isValid())
        return info;
    info.lastActiveDay = last;
    info.activeToday = last == today;
    const qint64 missedBeforeToday = last.daysTo(today) - 1;
    if (missedBeforeToday <= 0) {
        info.days = streak;
    } else if (missedBeforeToday <= freezes) {
        // Still alive: the freezes cover the missed days (today may still be saved).
        info.days = streak;
        freezes -= int(missedBeforeToday);
        used += int(missedBeforeToday);
    } else {
        info.days = 0;
        freezes = 0;
        used = 0;
    }
    info.freezes = freezes;
    info.freezesUsed = used;
    return info;
}

qint64 quickFixValue(const AchievementDef& def, qint64 fixedAfterMs)
{
    return fixedAfterMs >= 0 && fixedAfterMs <= def.limit ? 1 : 0;
}

qint64 cleanDayValue(const AchievementDef& def, const DayCounters& today)
{
    return today.succeeded >= def.limit && today.failed == 0 ? 1 : 0;
}

qint64 hourValue(const AchievementDef& def, int localHour, bool userActivity)
{
    return userActivity && localHour >= def.fromHour && localHour < def.toHour ? 1 : 0;
}

} // namespace gamerules

} // namespace foxreload
