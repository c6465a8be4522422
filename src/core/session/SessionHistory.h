#pragma once

#include "config/Config.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace foxreload {

class GamificationEngine;
class HistoryStore;
class Session;
class SessionRecorder;
class StrategyLearner;
struct RetentionSettings;

// History and game for one session, wired the same way for `foxreload run`, `foxreload proxy`
// and every project of the desktop app: an engine with the project's own gamification.*
// (none when the game is off for it), the SessionRecorder that feeds the store and that
// engine, and the StrategyLearner that steers the session's plans by how reloads went. The
// store belongs to the caller: the CLI opens one per process (openFor), the desktop app
// shares one among its projects (retentionFor over all of them).
class SessionHistory : public QObject
{
    Q_OBJECT
public:
    // `kind`: "run", "proxy", "gui". Starts the session record now.
    SessionHistory(Session* session, HistoryStore* store, const Config& config, const QString& kind,
        QObject* parent = nullptr);
    ~SessionHistory() override; // ends the session record while the store is still there

    GamificationEngine* engine() const { return m_engine.get(); } // nullptr: gamification off
    SessionRecorder* recorder() const { return m_recorder.get(); }
    // What the engine was given (gamification.*), for whoever shows its rewards.
    const GamificationSettings& gameSettings() const { return m_game; }
    // gamification.notifications: level-ups and achievements may become desktop notifications.
    bool notifiesRewards() const { return m_engine && m_game.notifications; }

    static RetentionSettings retentionFor(const HistorySettings& history);
    // One database for several projects keeps what the most generous of them asks for: a
    // project's shorter history.* must not fold the rows another project wants kept raw.
    static RetentionSettings retentionFor(const QList<HistorySettings>& histories);
    // The CLI's store: config.history's retention and gamification.player/.team, opened at
    // config.database (or the default).
    static bool openFor(HistoryStore& store, const Config& config);

private:
    GamificationSettings m_game;
    std::unique_ptr<GamificationEngine> m_engine;
    std::unique_ptr<SessionRecorder> m_recorder;
    std::unique_ptr<StrategyLearner> m_learner;
};

} // namespace foxreload
