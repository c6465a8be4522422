// GamificationEngine: gathers the facts of a reload from the history, runs the pure rules
// of GameRules.h over them in order, and writes and announces what they award.

#include "GamificationEngine.h"

#include "GameLog.h"
#include "Rewards.h"
#include "store/HistoryStore.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

bool isUserTrigger(ReloadTrigger trigger)
{
    return trigger == ReloadTrigger::FileChange || trigger == ReloadTrigger::Manual;
}

// The day's counters for each of its challenges, each counted with its own threshold
// (read once per distinct threshold).
QList<std::pair<ChallengeDef, DayCounters>> countersFor(
    const HistoryStore* store, const QDate& day, const QList<ChallengeDef>& challenges)
{
    QHash<qint64, DayCounters> byThreshold;
    QList<std::pair<ChallengeDef, DayCounters>> result;
    for (const auto& def : challenges) {
        const bool needsThreshold = def.metric == ChallengeMetric::FastReloads;
        // Only fastReloads depends on the threshold: other challenges take any day's counters.
        auto it
            = needsThreshold || byThreshold.isEmpty() ? byThreshold.find(def.underMs) : byThreshold.begin();
        if (it == byThreshold.end())
            it = byThreshold.insert(
                def.underMs, store ? store->dayCounters(day, def.underMs) : DayCounters {});
        result.append({ def, it.value() });
    }
    return result;
}

} // namespace

GamificationEngine::GamificationEngine(
    HistoryStore* store, const GamificationSettings& settings, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_settings(settings)
{
    if (isEnabled())
        m_lastStreak = streak().days;
}

GamificationEngine::~GamificationEngine() = default;

void GamificationEngine::setClock(NowFunction nowUtc)
{
    m_now = std::move(nowUtc);
}

void GamificationEngine::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
}

QDateTime GamificationEngine::now() const
{
    return m_now ? m_now().toUTC() : QDateTime::currentDateTimeUtc();
}

QDate GamificationEngine::today() const
{
    return now().toTimeZone(m_zone).date();
}

bool GamificationEngine::isEnabled() const
{
    return m_settings.enabled && m_store && m_store->isAvailable();
}

// ---------------------------------------------------------------------------
// State

LevelInfo GamificationEngine::level() const
{
    return gamerules::levelForXp(m_store ? m_store->totalXp() : 0);
}

StreakInfo GamificationEngine::streak() const
{
    return gamerules::computeStreak(m_store ? m_store->activeDays() : QList<QDate> {}, today());
}

QList<AchievementStatus> GamificationEngine::achievements() const
{
    QHash<QString, QDateTime> unlocked;
    if (m_store) {
        for (const auto& record : m_store->achievements())
            unlocked.insert(record.id, record.unlockedAtUtc);
    }
    QList<AchievementStatus> result;
    for (const auto& def : gamerules::achievementDefs()) {
        AchievementStatus status;
        status.def = def;
        status.unlocked = unlocked.contains(def.id);
        status.unlockedAtUtc = unlocked.value(def.id);
        result.append(status);
    }
    return result;
}

QList<ChallengeStatus> GamificationEngine::todaysChallenges() const
{
    const QDate day = today();
    QHash<QString, ChallengeProgressRecord> stored;
    if (m_store) {
        for (const auto& record : m_store->challengeProgress(day))
            stored.insert(record.challengeId, record);
    }
    QList<ChallengeStatus> result;
    for (const auto& [def, counters] : countersFor(m_store, day, gamerules::challengesFor(day))) {
        const ChallengeProgressRecord record = stored.value(def.id);
        ChallengeStatus status;
        status.def = def;
        status.day = day;
        status.completed = record.completed();
        status.progress = status.completed
            ? def.target
            : std::min(def.target, gamerules::challengeProgress(def, counters, record.progress));
        result.append(status);
    }
    return result;
}

QList<LeaderboardRow> GamificationEngine::leaderboard() const
{
    if (!m_store)
        return {};
    const QDate day = today();
    QList<LeaderboardRow> rows = m_store->leaderboard(day.addDays(1 - day.dayOfWeek()), day);
    for (LeaderboardRow& row : rows) {
        row.level = gamerules::levelForXp(row.xp).level;
        row.streakDays = gamerules::computeStreak(row.activeDays, day).days;
        row.title = rewards::levelTitle(row.level).id;
    }
    return rows;
}

// ---------------------------------------------------------------------------
// Evaluation

XpAward GamificationEngine::handleReload(const ReloadResult& result, const ReloadContext& context)
{
    if (!isEnabled()) {
        XpAward award;
        award.noXp = NoXpReason::Disabled;
        award.reason = gamerules::describeReload(result);
        return award;
    }
    const QDateTime at = now();
    const QDate day = today();

    const bool afterFailure = m_firstFailureAtUtc.isValid();
    const bool userReload = isUserTrigger(result.trigger) && !context.crashLooping;
    if (userReload && !result.succeeded() && !afterFailure)
        m_firstFailureAtUtc = at;

    // Whether this reload counts as activity at all decides whether the day is marked.
    const bool activity = gamerules::noXpReason(result, context) == NoXpReason::None;
    const bool firstOfDay = activity && m_store->markActiveDay(day, at);
    XpAward award = gamerules::evaluateXp(result, context, afterFailure, firstOfDay);
    const bool fixedFailure = activity && afterFailure;
    const qint64 fixedAfterMs = fixedFailure ? m_firstFailureAtUtc.msecsTo(at) : -1;
    if (activity)
        m_firstFailureAtUtc = QDateTime();

    if (activity) {
        gamerules::applyMultiplierAndCap(award, m_settings.xpMultiplier, m_store->xpSince(at.addSecs(-60)));
        QStringList rules;
        for (const auto& part : std::as_const(award.parts))
            rules.append(part.rule);
        if (award.amount > 0)
            grant(award.amount, rules.join(u'+'), award.reason, context.reloadRowId, context.sessionId);
    } else {
        award.amount = 0;
    }
    qCDebug(lcGame).noquote() << "reload" << result.id << "→" << award.amount << "XP"
                              << (award.noXp == NoXpReason::None ? QString() : noXpReasonName(award.noXp));

    updateChallenges(fixedFailure, context.sessionId);
    checkAchievements(result, fixedAfterMs, context.sessionId);

    const int days = streak().days;
    if (days != m_lastStreak) {
        m_lastStreak = days;
        Q_EMIT streakChanged(days);
    }
    Q_EMIT stateChanged();
    return award;
}

int GamificationEngine::grant(
    int amount, const QString& rule, const QString& reason, qint64 reloadRowId, qint64 sessionId)
{
    const qint64 before = m_store->totalXp();
    XpEventRecord event;
    event.atUtc = now();
    event.amount = amount;
    event.rule = rule;
    event.reason = reason;
    event.reloadRowId = reloadRowId;
    event.sessionId = sessionId;
    m_store->recordXp(event);
    const qint64 total = before + amount; // `before` is fresh: other processes' XP is in it
    Q_EMIT xpAwarded(amount, reason, total);
    const int levelBefore = gamerules::levelForXp(before).level;
    const int levelAfter = gamerules::levelForXp(total).level;
    if (levelAfter > levelBefore)
        Q_EMIT levelUp(levelAfter);
    return amount;
}

void GamificationEngine::updateChallenges(bool fixedFailure, qint64 sessionId)
{
    const QDate day = today();
    QHash<QString, ChallengeProgressRecord> stored;
    for (const auto& record : m_store->challengeProgress(day))
        stored.insert(record.challengeId, record);

    for (const auto& [def, counters] : countersFor(m_store, day, gamerules::challengesFor(day))) {
        const ChallengeProgressRecord previous = stored.value(def.id);
        if (previous.completed())
            continue;
        int progress = def.metric == ChallengeMetric::FixedFailures
            ? previous.progress + (fixedFailure ? 1 : 0)
            : gamerules::challengeProgress(def, counters, previous.progress);
        progress = std::min(progress, def.target);
        if (progress <= previous.progress && progress < def.target)
            continue;
        ChallengeProgressRecord record;
        record.day = day;
        record.challengeId = def.id;
        record.progress = progress;
        record.target = def.target;
        if (progress >= def.target)
            record.completedAtUtc = now();
        if (m_store->saveChallengeProgress(record)) {
            qCInfo(lcGame).noquote() << "daily challenge completed:" << def.id;
            if (def.xpReward > 0)
                grant(def.xpReward, u"challenge:"_s + def.id, u"daily challenge “%1”"_s.arg(def.title), 0,
                    sessionId);
            Q_EMIT challengeCompleted(def.id);
        }
    }
}

qint64 GamificationEngine::metricValue(
    const AchievementDef& def, const ReloadResult& result, qint64 fixedAfterMs) const
{
    const bool activity = result.succeeded() && isUserTrigger(result.trigger) && !result.contentIdentical;
    switch (def.metric) {
    case AchievementMetric::SucceededReloads:
        return m_store->succeededReloads();
    case AchievementMetric::TotalXp:
        return m_store->totalXp();
    case AchievementMetric::Level:
        return level().level;
    case AchievementMetric::StreakDays:
        return streak().days;
    case AchievementMetric::FastHotReloads:
        return m_store->fastHotReloads(def.limit);
    case AchievementMetric::QuickFix:
        return gamerules::quickFixValue(def, fixedAfterMs);
    case AchievementMetric::CleanDay:
        return gamerules::cleanDayValue(def, m_store->dayCounters(today(), 0));
    case AchievementMetric::LateNight:
    case AchievementMetric::EarlyBird:
        return gamerules::hourValue(def, now().toTimeZone(m_zone).time().hour(), activity);
    case AchievementMetric::CompletedChallenges:
        return m_store->completedChallenges();
    case AchievementMetric::StrategiesUsed:
        return m_store->strategiesUsed().size();
    }
    return 0;
}

void GamificationEngine::checkAchievements(const ReloadResult& result, qint64 fixedAfterMs, qint64 sessionId)
{
    QSet<QString> unlocked;
    for (const auto& record : m_store->achievements())
        unlocked.insert(record.id);
    // Each metric (with its figures) is read once per reload.
    QHash<QString, qint64> values;
    for (const auto& def : gamerules::achievementDefs()) {
        if (unlocked.contains(def.id))
            continue;
        const QString key
            = u"%1/%2/%3/%4"_s.arg(int(def.metric)).arg(def.limit).arg(def.fromHour).arg(def.toHour);
        auto it = values.find(key);
        if (it == values.end())
            it = values.insert(key, metricValue(def, result, fixedAfterMs));
        if (it.value() < def.threshold)
            continue;
        if (m_store->unlockAchievement(def.id, now(), sessionId)) {
            qCInfo(lcGame).noquote() << "achievement unlocked:" << def.id;
            Q_EMIT achievementUnlocked(def.id);
        }
    }
}

} // namespace foxreload
