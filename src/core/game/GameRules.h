#pragma once

// The game's rules: the data tables (GameRules.cpp) and pure functions over them. Nothing
// here reads the history or the clock; GamificationEngine gathers the facts and sequences
// these. A rule change is a change of a table row, never of the history's schema.

#include "common/ReloadResult.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <span>

namespace foxreload {

struct DayCounters;

// ---------------------------------------------------------------------------
// The rules, as data (GameRules.cpp holds the tables and the pure functions over them).

// What an XP rule looks at.
enum class XpRuleKind {
    Base, // a successful reload of `strategy` (None: any) with `trigger`
    SpeedBonus, // ... that took less than `underMs` in total
    RecoveryBonus, // ... right after a failed reload
    FirstOfDayBonus, // ... the first successful reload of the local day
};

struct XpRule
{
    QString id;
    XpRuleKind kind = XpRuleKind::Base;
    ReloadTrigger trigger = ReloadTrigger::FileChange;
    ReloadStrategy strategy = ReloadStrategy::None;
    qint64 underMs = 0;
    int xp = 0;
    QString description;
};

// Why a reload earned nothing.
enum class NoXpReason {
    None, // it earned XP
    Disabled, // gamification off, or the history database is unavailable
    Failed,
    ContentIdentical,
    CrashRestart,
    CrashLoop,
    Startup,
    NoReload, // strategy none
    MinuteCap, // the per-minute cap was reached
};
QString noXpReasonName(NoXpReason reason); // "failed", "content_identical", ...

// What the achievement's threshold is compared with.
enum class AchievementMetric {
    SucceededReloads,
    TotalXp,
    Level,
    StreakDays,
    FastHotReloads, // succeeded hot reloads under `limit` ms, ever
    QuickFix, // this reload fixed a failure within `limit` ms (1 or 0)
    CleanDay, // today: at least `limit` succeeded, none failed (1 or 0)
    LateNight, // this reload finished in the local hours [fromHour, toHour) (1 or 0)
    EarlyBird, // the same, in the morning
    CompletedChallenges,
    StrategiesUsed, // distinct performed strategies that succeeded
};

struct AchievementDef
{
    QString id;
    QString title;
    QString description;
    QString icon; // icon name, e.g. "fox-paw" (resources/icons/achievements/<icon>.svg)
    AchievementMetric metric = AchievementMetric::SucceededReloads;
    qint64 threshold = 1;
    // The metric's own figure: FastHotReloads counts hot reloads under `limit` ms; QuickFix
    // is a fix within `limit` ms of the failure; CleanDay needs `limit` successes.
    qint64 limit = 0;
    // LateNight, EarlyBird: the local hours [fromHour, toHour) the reload finished in.
    int fromHour = 0;
    int toHour = 0;
};

// What a daily challenge counts on its day.
enum class ChallengeMetric {
    SucceededReloads,
    HotReloads,
    ServiceRestarts,
    FastReloads, // succeeded, under the challenge's `underMs`
    FixedFailures, // a success right after a failure
    XpEarned,
    CleanReloads, // succeeded ones, while none failed that day (a failure resets it to 0)
};

struct ChallengeDef
{
    QString id;
    QString title;
    QString description;
    ChallengeMetric metric = ChallengeMetric::SucceededReloads;
    int target = 1;
    int xpReward = 0;
    qint64 underMs = 0; // FastReloads: what counts as fast
};

// ---------------------------------------------------------------------------
// State (all derived from the history database, so shared by every process).

struct LevelInfo
{
    int level = 1;
    qint64 totalXp = 0;
    qint64 levelStartXp = 0; // total XP at which `level` began
    qint64 nextLevelXp = 0; // total XP at which level + 1 begins
    double progress = 0; // 0..1 within the level
};

struct StreakInfo
{
    int days = 0; // current streak of active local days (0: none)
    int freezes = 0; // freezes available now
    int freezesUsed = 0; // in the current streak
    bool activeToday = false; // today already counts
    QDate lastActiveDay;
    int longest = 0;
};

struct AchievementStatus
{
    AchievementDef def;
    bool unlocked = false;
    QDateTime unlockedAtUtc;
};

struct ChallengeStatus
{
    ChallengeDef def;
    QDate day;
    int progress = 0;
    bool completed = false;
};

// One part of an award, e.g. {"reload_hot", 10}.
struct XpPart
{
    QString rule;
    int xp = 0;
};

// The outcome of evaluating one reload.
struct XpAward
{
    int amount = 0; // after multiplier and cap
    QList<XpPart> parts; // before multiplier and cap
    NoXpReason noXp = NoXpReason::None;
    QString reason; // readable: "hot reload in 21 ms"
    bool capped = false; // the per-minute cap cut it down
};

// What the engine must know about a reload besides ReloadResult.
struct ReloadContext
{
    bool crashLooping = false; // the orchestrator reported a crash loop and did not recover since
    qint64 reloadRowId = 0; // HistoryStore row of this reload, 0 if unknown
    qint64 sessionId = 0;
};

// ---------------------------------------------------------------------------
// Pure rules.

namespace gamerules {

constexpr int kChallengesPerDay = 2;
constexpr int kDaysPerFreeze = 7; // every 7 streak days earn a freeze ...
constexpr int kMaxFreezes = 2; // ... up to this many held at once
constexpr int kXpPerMinuteCap = 60;

std::span<const XpRule> xpRules();
std::span<const AchievementDef> achievementDefs();
std::span<const ChallengeDef> challengePool();
const AchievementDef* findAchievement(QStringView id);
const ChallengeDef* findChallenge(QStringView id);

// Whether a reload earns XP at all (NoXpReason::None: it does).
NoXpReason noXpReason(const ReloadResult& result, const ReloadContext& context);
// The XP the rules give a reload, before multiplier and cap.
// `afterFailure`/`firstOfDay` describe the history around it.
XpAward evaluateXp(
    const ReloadResult& result, const ReloadContext& context, bool afterFailure, bool firstOfDay);
// Applies the multiplier and the per-minute cap (`earnedThisMinute`: XP of the last 60 s).
void applyMultiplierAndCap(XpAward& award, double multiplier, int earnedThisMinute);
// "hot reload by hand in 21 ms"
QString describeReload(const ReloadResult& result);

// Level curve: level L begins at 25·L·(L−1) XP (0, 50, 150, 300, 500, ...).
qint64 xpForLevel(int level);
LevelInfo levelForXp(qint64 totalXp);

// Streak over ascending active days, as of `today` (freezes included).
StreakInfo computeStreak(const QList<QDate>& activeDays, const QDate& today);

// The challenges of a local day: the same for every process and every run.
QList<ChallengeDef> challengesFor(const QDate& day);
// A challenge's progress from the day's counters (counted with the challenge's `underMs`)
// and what was stored for it (the fixes, which no counter knows).
int challengeProgress(const ChallengeDef& def, const DayCounters& counters, int storedProgress);

// Achievements that one moment earns (1 or 0): a fix `fixedAfterMs` after the first failure
// (-1: no fix), a clean day, a reload at an hour.
qint64 quickFixValue(const AchievementDef& def, qint64 fixedAfterMs);
qint64 cleanDayValue(const AchievementDef& def, const DayCounters& today);
qint64 hourValue(const AchievementDef& def, int localHour, bool userActivity);

} // namespace gamerules

} // namespace foxreload
