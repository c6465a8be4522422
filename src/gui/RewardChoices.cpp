#include "RewardChoices.h"

#include "AppSettings.h"
#include "game/GamificationEngine.h"

#include <algorithm>

namespace foxreload::gui {

RewardChoices::RewardChoices(QObject* parent)
    : QObject(parent)
    , m_status(rewards::statusFor(1, QSet<QString> {}))
{ }

void RewardChoices::setEngine(GamificationEngine* engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (m_engine)
        connect(m_engine, &GamificationEngine::stateChanged, this, &RewardChoices::refreshFromEngine);
    refreshFromEngine();
}

void RewardChoices::refreshFromEngine()
{
    if (!m_engine)
        return;
    QSet<QString> unlocked;
    const auto achievements = m_engine->achievements();
    for (const auto& achievement : achievements) {
        if (achievement.unlocked)
            unlocked.insert(achievement.def.id);
    }
    setProgress(m_engine->level().level, unlocked);
}

void RewardChoices::setProgress(int level, const QSet<QString>& achievements)
{
    QList<RewardStatus> status = rewards::statusFor(level, achievements);
    const bool same = std::equal(status.cbegin(), status.cend(), m_status.cbegin(), m_status.cend(),
        [](const RewardStatus& a, const RewardStatus& b) {
            return a.def.id == b.def.id && a.unlocked == b.unlocked;
        });
    if (same)
        return;
    m_status = std::move(status);
    Q_EMIT changed();
}

QString RewardChoices::chosenId(RewardKind kind) const
{
    return AppSettings().reward(rewards::kindName(kind));
}

const RewardDef& RewardChoices::shown(RewardKind kind) const
{
    return rewards::effective(kind, chosenId(kind), m_status);
}

bool RewardChoices::choose(const QString& id)
{
    const auto it = std::find_if(m_status.cbegin(), m_status.cend(),
        [&id](const RewardStatus& reward) { return reward.def.id == id; });
    if (it == m_status.cend() || !it->unlocked)
        return false;
    if (chosenId(it->def.kind) == id)
        return true;
    AppSettings().setReward(rewards::kindName(it->def.kind), id);
    Q_EMIT changed();
    return true;
}

} // namespace foxreload::gui
