#include "GamificationEngine.h"

#include "GameLog.h"
#include "common/DurationText.h"
#include "store/HistoryStore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

bool isUserTrigger(ReloadTrigger trigger)
{
    return trigger == ReloadTrigger::FileChange || trigger == ReloadTrigger::Manual;
}

// splitmix64: a fixed mixing function, so a date picks the same challenges everywhere.
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

QString describe(const ReloadResult& result)
{
    QString text = strategyLabel(result.performed);
    if (result.trigger == ReloadTrigger::Manual)
        text += u" by hand"_s;
    if (result.totalMs >= 0)
        text += u" in "_s + durationText(result.totalMs);
    return text;
}

} // namespace

QString noXpReasonName(NoXpReason reason)
{
    switch (reason) {
    case NoXpReason::None:
        return u"none"_s;
    case NoXpReason::Disabled:
        return u"disabled"_s;
    case NoXpReason::Failed:
        return u"failed"_s;
    case NoXpReason::ContentIdentical:
        return u"content_identical"_s;
    case NoXpReason::CrashRestart:
        return u"crash_restart"_s;
    case NoXpReason::CrashLoop:
        return u"crash_loop"_s;
    case NoXpReason::Startup:
        return u"startup"_s;
    case NoXpReason::NoReload:
        return u"no_reload"_s;
    case NoXpReason::MinuteCap:
        return u"minute_cap"_s;
    }
    return u"none"_s;
}

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
// Rules

XpAward GamificationEngine::evaluateRules(
    const ReloadResult& result, const ReloadContext& context, bool afterFailure, bool firstOfDay)
{
    XpAward award;
    if (result.trigger == ReloadTrigger::Startup)
        award.noXp = NoXpReason::Startup;
    else if (result.trigger == ReloadTrigger::CrashRestart)
        award.noXp = NoXpReason::CrashRestart;
    else if (context.crashLooping)
        award.noXp = NoXpReason::CrashLoop;
    else if (result.contentIdentical)
        award.noXp = NoXpReason::ContentIdentical;
    else if (!result.succeeded())
        award.noXp = NoXpReason::Failed;
    else if (result.performed == ReloadStrategy::None)
        award.noXp = NoXpReason::NoReload;
    if (award.noXp != NoXpReason::None) {
        award.reason = describe(result);
        return award;
    }

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
    award.reason = describe(result);
    if (!extras.isEmpty())
        award.reason += u", "_s + extras.join(u", "_s);
    return award;
}

qint64 GamificationEngine::xpForLevel(int level)
{
    const qint64 l = std::max(1, level);
    return 25 * l * (l - 1);
}

LevelInfo GamificationEngine::levelForXp(qint64 totalXp)
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

QList<ChallengeDef> GamificationEngine::challengesFor(const QDate& day)
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

StreakInfo GamificationEngine::computeStreak(const QList<QDate>& activeDays, const QDate& today)
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

const AchievementDef* GamificationEngine::findAchievement(QStringView id)
{
    for (const auto& def : achievementDefs()) {
        if (def.id == id)
            return &def;
    }
    return nullptr;
}

const ChallengeDef* GamificationEngine::findChallenge(QStringView id)
{
    for (const auto& def : challengePool()) {
        if (def.id == id)
            return &def;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------
// State

LevelInfo GamificationEngine::level() const
{
    return levelForXp(m_store ? m_store->totalXp() : 0);
}

StreakInfo GamificationEngine::streak() const
{
    return computeStreak(m_store ? m_store->activeDays() : QList<QDate> {}, today());
}

QList<AchievementStatus> GamificationEngine::achievements() const
{
    QHash<QString, QDateTime> unlocked;
    if (m_store) {
        for (const auto& record : m_store->achievements())
            unlocked.insert(record.id, record.unlockedAtUtc);
    }
    QList<AchievementStatus> result;
    for (const auto& def : achievementDefs()) {
        AchievementStatus status;
        status.def = def;
        status.unlocked = unlocked.contains(def.id);
        status.unlockedAtUtc = unlocked.value(def.id);
        result.append(status);
    }
    return result;
}

namespace {

int liveProgress(const ChallengeDef& def, const DayCounters& counters, int storedProgress)
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

} // namespace

QList<ChallengeStatus> GamificationEngine::todaysChallenges() const
{
    const QDate day = today();
    const DayCounters counters = m_store ? m_store->dayCounters(day) : DayCounters {};
    QHash<QString, ChallengeProgressRecord> stored;
    if (m_store) {
        for (const auto& record : m_store->challengeProgress(day))
            stored.insert(record.challengeId, record);
    }
    QList<ChallengeStatus> result;
    for (const auto& def : challengesFor(day)) {
        const ChallengeProgressRecord record = stored.value(def.id);
        ChallengeStatus status;
        status.def = def;
        status.day = day;
        status.completed = record.completed();
        status.progress = status.completed
            ? def.target
            : std::min(def.target, liveProgress(def, counters, record.progress));
        result.append(status);
    }
    return result;
}

// ---------------------------------------------------------------------------
// Evaluation

XpAward GamificationEngine::handleReload(const ReloadResult& result, const ReloadContext& context)
{
    if (!isEnabled()) {
        XpAward award;
        award.noXp = NoXpReason::Disabled;
        award.reason = describe(result);
        return award;
    }
    const QDateTime at = now();
    const QDate day = today();

    const bool afterFailure = m_firstFailureAtUtc.isValid();
    const bool userReload = isUserTrigger(result.trigger) && !context.crashLooping;
    if (userReload && !result.succeeded() && !afterFailure)
        m_firstFailureAtUtc = at;

    // Pure rules first, to know whether this reload counts as activity at all.
    XpAward award = evaluateRules(result, context, afterFailure, false);
    const bool activity = award.noXp == NoXpReason::None;
    bool firstOfDay = false;
    if (activity) {
        firstOfDay = m_store->markActiveDay(day, at);
        award = evaluateRules(result, context, afterFailure, firstOfDay);
    }
    const bool fixedFailure = activity && afterFailure;
    const bool quickFix = fixedFailure && m_firstFailureAtUtc.msecsTo(at) <= kQuickFixMs;
    if (activity)
        m_firstFailureAtUtc = QDateTime();

    if (activity) {
        int amount = int(std::lround(award.amount * std::max(0.0, m_settings.xpMultiplier)));
        const int earnedThisMinute = m_store->xpSince(at.addSecs(-60));
        const int allowed = std::max(0, kXpPerMinuteCap - earnedThisMinute);
        if (amount > allowed) {
            amount = allowed;
            award.capped = true;
        }
        award.amount = amount;
        if (amount == 0)
            award.noXp = award.capped ? NoXpReason::MinuteCap : NoXpReason::Disabled;
        QStringList rules;
        for (const auto& part : std::as_const(award.parts))
            rules.append(part.rule);
        if (amount > 0)
            grant(amount, rules.join(u'+'), award.reason, context.reloadRowId, context.sessionId);
    } else {
        award.amount = 0;
    }
    qCDebug(lcGame).noquote() << "reload" << result.id << "→" << award.amount << "XP"
                              << (award.noXp == NoXpReason::None ? QString() : noXpReasonName(award.noXp));

    updateChallenges(result, fixedFailure, context.sessionId);
    checkAchievements(result, activity && quickFix, context.sessionId);

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
    const int levelBefore = levelForXp(before).level;
    const int levelAfter = levelForXp(total).level;
    if (levelAfter > levelBefore)
        Q_EMIT levelUp(levelAfter);
    return amount;
}

void GamificationEngine::updateChallenges(const ReloadResult& result, bool fixedFailure, qint64 sessionId)
{
    Q_UNUSED(result)
    const QDate day = today();
    const DayCounters counters = m_store->dayCounters(day);
    QHash<QString, ChallengeProgressRecord> stored;
    for (const auto& record : m_store->challengeProgress(day))
        stored.insert(record.challengeId, record);

    for (const auto& def : challengesFor(day)) {
        const ChallengeProgressRecord previous = stored.value(def.id);
        if (previous.completed())
            continue;
        int progress = def.metric == ChallengeMetric::FixedFailures
            ? previous.progress + (fixedFailure ? 1 : 0)
            : liveProgress(def, counters, previous.progress);
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
    AchievementMetric metric, const ReloadResult& result, bool quickFix) const
{
    const int hour = now().toTimeZone(m_zone).time().hour();
    const bool activity = result.succeeded() && isUserTrigger(result.trigger) && !result.contentIdentical;
    switch (metric) {
    case AchievementMetric::SucceededReloads:
        return m_store->succeededReloads();
    case AchievementMetric::TotalXp:
        return m_store->totalXp();
    case AchievementMetric::Level:
        return level().level;
    case AchievementMetric::StreakDays:
        return streak().days;
    case AchievementMetric::FastHotReloads:
        return m_store->fastHotReloads(50);
    case AchievementMetric::QuickFix:
        return quickFix ? 1 : 0;
    case AchievementMetric::CleanDay: {
        const DayCounters counters = m_store->dayCounters(today());
        return counters.succeeded >= 30 && counters.failed == 0 ? 1 : 0;
    }
    case AchievementMetric::LateNight:
        return activity && hour < 4 ? 1 : 0;
    case AchievementMetric::EarlyBird:
        return activity && hour >= 5 && hour < 7 ? 1 : 0;
    case AchievementMetric::CompletedChallenges:
        return m_store->completedChallenges();
    case AchievementMetric::StrategiesUsed:
        return m_store->strategiesUsed().size();
    }
    return 0;
}

void GamificationEngine::checkAchievements(const ReloadResult& result, bool quickFix, qint64 sessionId)
{
    QSet<QString> unlocked;
    for (const auto& record : m_store->achievements())
        unlocked.insert(record.id);
    QHash<int, qint64> values; // each metric is read once per reload
    for (const auto& def : achievementDefs()) {
        if (unlocked.contains(def.id))
            continue;
        auto it = values.find(int(def.metric));
        if (it == values.end())
            it = values.insert(int(def.metric), metricValue(def.metric, result, quickFix));
        if (it.value() < def.threshold)
            continue;
        if (m_store->unlockAchievement(def.id, now(), sessionId)) {
            qCInfo(lcGame).noquote() << "achievement unlocked:" << def.id;
            Q_EMIT achievementUnlocked(def.id);
        }
    }
}

} // namespace foxreload
