#pragma once

#include "GameRules.h"
#include "common/ReloadResult.h"
#include "config/Config.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <span>

namespace foxreload {

class HistoryStore;
struct LeaderboardRow;

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

    // The rules are gamerules' (GameRules.h); these name them for the engine's users.
    static XpAward evaluateRules(
        const ReloadResult& result, const ReloadContext& context, bool afterFailure, bool firstOfDay)
    {
        return gamerules::evaluateXp(result, context, afterFailure, firstOfDay);
    }

    LevelInfo level() const;
    StreakInfo streak() const;
    QList<AchievementStatus> achievements() const;
    QList<ChallengeStatus> todaysChallenges() const;
    // Every player of the store's database, most XP first, with level and streak by the rules;
    // reloads and the fastest hot reload are this week's (Monday to today, the engine's zone).
    QList<LeaderboardRow> leaderboard() const;

    static std::span<const XpRule> xpRules() { return gamerules::xpRules(); }
    static std::span<const AchievementDef> achievementDefs() { return gamerules::achievementDefs(); }
    static const AchievementDef* findAchievement(QStringView id) { return gamerules::findAchievement(id); }
    static std::span<const ChallengeDef> challengePool() { return gamerules::challengePool(); }
    static const ChallengeDef* findChallenge(QStringView id) { return gamerules::findChallenge(id); }
    static qint64 xpForLevel(int level) { return gamerules::xpForLevel(level); }
    static LevelInfo levelForXp(qint64 totalXp) { return gamerules::levelForXp(totalXp); }
    static QList<ChallengeDef> challengesFor(const QDate& day) { return gamerules::challengesFor(day); }
    static StreakInfo computeStreak(const QList<QDate>& activeDays, const QDate& today)
    {
        return gamerules::computeStreak(activeDays, today);
    }
    static constexpr int kChallengesPerDay = gamerules::kChallengesPerDay;
    static constexpr int kXpPerMinuteCap = gamerules::kXpPerMinuteCap;

Q_SIGNALS:
    void xpAwarded(int amount, const QString& reason, qint64 total);
    void levelUp(int level);
    void achievementUnlocked(const QString& id);
    void challengeCompleted(const QString& id);
    void streakChanged(int days);
    // Something of the game state changed (after the specific signals above).
    void stateChanged();

private:
    void updateChallenges(bool fixedFailure, qint64 sessionId);
    void checkAchievements(const ReloadResult& result, qint64 fixedAfterMs, qint64 sessionId);
    qint64 metricValue(const AchievementDef& def, const ReloadResult& result, qint64 fixedAfterMs) const;

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
