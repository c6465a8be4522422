#include "GameOutput.h"

#include "ConsoleReporter.h"
#include "common/VisibleText.h"
#include "game/GamificationEngine.h"
#include "session/EventJson.h"
#include "session/Session.h"

#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QJsonObject jsonEvent(const QString& type)
{
    return QJsonObject { { u"event"_s, type }, { u"time"_s, nowIso() } };
}

} // namespace

QString progressBar(double fraction, int width)
{
    const int filled = std::clamp(int(std::floor(std::clamp(fraction, 0.0, 1.0) * width + 1e-9)), 0, width);
    return QString(filled, u'▰') + QString(width - filled, u'▱');
}

GameOutput::GameOutput(Session* session, ConsoleReporter* reporter, const Config& config, bool quiet,
    const QString& kind, QObject* parent)
    : QObject(parent)
    , m_reporter(reporter)
    , m_quiet(quiet)
{
    connect(&m_store, &HistoryStore::warning, this, &GameOutput::onStoreWarning);
    SessionHistory::openFor(m_store, config);
    m_history = std::make_unique<SessionHistory>(session, &m_store, config, kind);
    if (GamificationEngine* engine = m_history->engine()) {
        m_lastStreak = engine->isEnabled() ? engine->streak().days : -1;
        connect(engine, &GamificationEngine::xpAwarded, this, &GameOutput::onXp);
        connect(engine, &GamificationEngine::levelUp, this, &GameOutput::onLevelUp);
        connect(engine, &GamificationEngine::achievementUnlocked, this, &GameOutput::onAchievement);
        connect(engine, &GamificationEngine::challengeCompleted, this, &GameOutput::onChallenge);
        connect(engine, &GamificationEngine::streakChanged, this, &GameOutput::onStreak);
    }
}

GameOutput::~GameOutput()
{
    m_history.reset(); // ends the session record while the store is still there
}

bool GameOutput::json() const
{
    return m_reporter->format() == ConsoleReporter::Format::Json;
}

void GameOutput::onXp(int amount, const QString& reason, qint64 total)
{
    const LevelInfo level = GamificationEngine::levelForXp(total);
    if (json()) {
        QJsonObject object = jsonEvent(u"xp"_s);
        object.insert(u"amount"_s, amount);
        object.insert(u"reason"_s, reason);
        object.insert(u"total"_s, total);
        object.insert(u"level"_s, level.level);
        object.insert(u"progress"_s, level.progress);
        m_reporter->printEvent(object);
        return;
    }
    if (m_quiet)
        return;
    m_reporter->printLine(u"🎮 +%1 XP — %2 (total %3, level %4 %5 %6%)"_s.arg(QString::number(amount), reason,
        QString::number(total), QString::number(level.level), progressBar(level.progress),
        QString::number(int(std::floor(level.progress * 100)))));
}

void GameOutput::onLevelUp(int level)
{
    if (json()) {
        QJsonObject object = jsonEvent(u"level_up"_s);
        object.insert(u"level"_s, level);
        m_reporter->printEvent(object);
        return;
    }
    m_reporter->printLine(u"🎉 ━━ Level up! You are now level %1 ━━ 🦊"_s.arg(level));
}

void GameOutput::onAchievement(const QString& id)
{
    const AchievementDef* def = GamificationEngine::findAchievement(id);
    if (json()) {
        QJsonObject object = jsonEvent(u"achievement"_s);
        object.insert(u"id"_s, id);
        if (def) {
            object.insert(u"title"_s, def->title);
            object.insert(u"description"_s, def->description);
            object.insert(u"icon"_s, def->icon);
        }
        m_reporter->printEvent(object);
        return;
    }
    m_reporter->printLine(def
            ? u"🏅 ━━ Achievement unlocked: %1 — %2"_s.arg(def->title, def->description)
            : u"🏅 ━━ Achievement unlocked: %1"_s.arg(id));
}

void GameOutput::onChallenge(const QString& id)
{
    const ChallengeDef* def = GamificationEngine::findChallenge(id);
    if (json()) {
        QJsonObject object = jsonEvent(u"challenge"_s);
        object.insert(u"id"_s, id);
        if (def) {
            object.insert(u"title"_s, def->title);
            object.insert(u"xp"_s, def->xpReward);
        }
        m_reporter->printEvent(object);
        return;
    }
    m_reporter->printLine(def
            ? u"🎯 ━━ Daily challenge complete: %1 — %2 (+%3 XP)"_s.arg(def->title, def->description)
                  .arg(def->xpReward)
            : u"🎯 ━━ Daily challenge complete: %1"_s.arg(id));
}

void GameOutput::onStreak(int days)
{
    const bool grew = days > m_lastStreak;
    m_lastStreak = days;
    if (json()) {
        QJsonObject object = jsonEvent(u"streak"_s);
        object.insert(u"days"_s, days);
        m_reporter->printEvent(object);
        return;
    }
    if (grew && days > 1 && !m_quiet)
        m_reporter->printLine(u"🔥 %1-day streak"_s.arg(days));
}

void GameOutput::onStoreWarning(const QString& message)
{
    if (json())
        m_reporter->printEvent(eventjson::message(u"warning"_s, message));
    else
        m_reporter->printLine(u"⚠ "_s + visibleText(message)); // may quote driver text and paths
}

} // namespace foxreload::cli
