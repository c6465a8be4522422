#pragma once

#include "common/ReloadResult.h"
#include "config/Config.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimeZone>

#include <deque>
#include <functional>
#include <span>

namespace foxreload {

class HistoryStore;

// ---------------------------------------------------------------------------
// The rules, as data (GameRules.cpp holds the tables).

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
    FastHotReloads, // succeeded hot reloads under 50 ms, ever
    QuickFix, // this reload fixed a failure within five minutes (1 or 0)
    CleanDay, // today: at least 30 succeeded, none failed (1 or 0)
    LateNight, // this reload finished between 00:00 and 04:00 local time (1 or 0)
    EarlyBird, // between 05:00 and 07:00 local time (1 or 0)
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
};

// What a daily challenge counts on its day.
enum class ChallengeMetric {
    SucceededReloads,
    HotReloads,
    ServiceRestarts,
    FastReloads, // succeeded, under DayCounters::kFastReloadMs
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

// Turns reload results into XP, levels, achievements, streaks and daily
// challenges. Rules are the tables below; the state lives in the HistoryStore
// (read back on every evaluation, so several processes share one game).
// Without an available store the engine awards nothing (and says why).
class GamificationEngine : public QObject
{
    Q_OBJECT
public:
    using NowFunction = std::function<QDateTime()>; // returns UTC

    GamificationEngine(HistoryStore* store, const GamificationSettings& settings, QObject* parent = nullptr);
    ~GamificationEngine() override;

    // Tests inject time and zone; the defaults are the system clock and zone.
    void setClock(NowFunction nowUtc);
    void setTimeZone(const QTimeZone& zone);
    QDateTime now() const; // UTC
    QDate today() const; // local calendar day in the engine's zone

    bool isEnabled() const; // settings.enabled and the store is available

    // Evaluates one finished reload: writes the XP event, unlocks achievements,
    // updates challenges and the streak, and emits the signals.
    XpAward handleReload(const ReloadResult& result, const ReloadContext& context = {});

    // The XP the rules give a reload, before multiplier and cap (pure).
    // `afterFailure`/`firstOfDay` describe the history around it.
    static XpAward evaluateRules(
        const ReloadResult& result, const ReloadContext& context, bool afterFailure, bool firstOfDay);

    LevelInfo level() const;
    StreakInfo streak() const;
    QList<AchievementStatus> achievements() const;
    QList<ChallengeStatus> todaysChallenges() const;

    // The rule tables.
    static std::span<const XpRule> xpRules();
    static std::span<const AchievementDef> achievementDefs();
    static const AchievementDef* findAchievement(QStringView id);
    static std::span<const ChallengeDef> challengePool();
    static const ChallengeDef* findChallenge(QStringView id);

    // Level curve: level L begins at 25·L·(L−1) XP (0, 50, 150, 300, 500, ...).
    static qint64 xpForLevel(int level);
    static LevelInfo levelForXp(qint64 totalXp);
    // The challenges of a local day: the same for every process and every run.
    static QList<ChallengeDef> challengesFor(const QDate& day);
    static constexpr int kChallengesPerDay = 2;
    // Streak over ascending active days, as of `today` (freezes included).
    static StreakInfo computeStreak(const QList<QDate>& activeDays, const QDate& today);
    static constexpr int kDaysPerFreeze = 7; // every 7 streak days earn a freeze ...
    static constexpr int kMaxFreezes = 2; // ... up to this many held at once
    static constexpr int kXpPerMinuteCap = 60;
    static constexpr qint64 kQuickFixMs = 5 * 60 * 1000;

Q_SIGNALS:
    void xpAwarded(int amount, const QString& reason, qint64 total);
    void levelUp(int level);
    void achievementUnlocked(const QString& id);
    void challengeCompleted(const QString& id);
    void streakChanged(int days);
    // Something of the game state changed (after the specific signals above).
    void stateChanged();

private:
    void updateChallenges(const ReloadResult& result, bool fixedFailure, qint64 sessionId);
    void checkAchievements(const ReloadResult& result, bool quickFix, qint64 sessionId);
    qint64 metricValue(AchievementMetric metric, const ReloadResult& result, bool quickFix) const;
    int grant(int amount, const QString& rule, const QString& reason, qint64 reloadRowId, qint64 sessionId);

    QPointer<HistoryStore> m_store;
    GamificationSettings m_settings;
    NowFunction m_now;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    // This process's view of the last reloads, for recovery bonuses and quick fixes.
    QDateTime m_firstFailureAtUtc; // first failure since the last success; invalid: none
    int m_lastStreak = -1;
};

} // namespace foxreload
