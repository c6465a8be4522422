#include "SessionHistory.h"

#include "SessionRecorder.h"
#include "game/GamificationEngine.h"
#include "learn/StrategyLearner.h"
#include "session/Session.h"
#include "store/HistoryStore.h"

#include <algorithm>

namespace foxreload {

SessionHistory::SessionHistory(
    Session* session, HistoryStore* store, const Config& config, const QString& kind, QObject* parent)
    : QObject(parent)
    , m_game(config.gamification)
{
    if (m_game.enabled)
        m_engine = std::make_unique<GamificationEngine>(store, m_game);
    m_recorder = std::make_unique<SessionRecorder>(session, store, m_engine.get(), kind);
    if (!session)
        return;
    m_learner = std::make_unique<StrategyLearner>(config.projectRoot, config.rules, store);
    session->setPlanAdjuster([learner = QPointer<StrategyLearner>(m_learner.get())](ReloadPlan& plan) {
        if (learner)
            learner->adjust(plan);
    });
    connect(&session->orchestrator(), &ReloadOrchestrator::reloadFinished, m_learner.get(),
        &StrategyLearner::recordResult);
}

SessionHistory::~SessionHistory()
{
    m_recorder.reset();
}

RetentionSettings SessionHistory::retentionFor(const HistorySettings& history)
{
    return { history.retentionDays, history.maxRawReloads };
}

RetentionSettings SessionHistory::retentionFor(const QList<HistorySettings>& histories)
{
    if (histories.isEmpty())
        return retentionFor(HistorySettings {});
    RetentionSettings widest = retentionFor(histories.first());
    for (const HistorySettings& history : histories) {
        widest.rawDays = std::max(widest.rawDays, history.retentionDays);
        widest.maxRawReloads = std::max(widest.maxRawReloads, history.maxRawReloads);
    }
    return widest;
}

bool SessionHistory::openFor(HistoryStore& store, const Config& config)
{
    store.setRetention(retentionFor(config.history));
    store.setPlayer(config.gamification.player, config.gamification.team);
    return store.open(HistoryStore::resolvePath(config.database));
}

} // namespace foxreload
