#include "RewardsOutput.h"

#include <QJsonObject>

#include <utility>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

QJsonArray rewardsJson(const QList<RewardStatus>& status)
{
    QJsonArray array;
    for (const auto& reward : status) {
        QJsonObject unlock;
        if (reward.def.level > 0)
            unlock.insert(u"level"_s, reward.def.level);
        else
            unlock.insert(u"achievement"_s, reward.def.achievement);
        unlock.insert(u"hint"_s, rewards::unlockHint(reward.def));
        array.append(QJsonObject { { u"id"_s, reward.def.id },
            { u"kind"_s, rewards::kindName(reward.def.kind) }, { u"name"_s, reward.def.name },
            { u"unlocked"_s, reward.unlocked }, { u"unlock"_s, unlock } });
    }
    return array;
}

QString rewardsText(const QList<RewardStatus>& status)
{
    QString out = u"\nRewards (choose them in the desktop app's Settings → Desktop)\n"_s;
    for (const auto& [kind, label] : { std::pair { RewardKind::Skin, u"Tray foxes"_s },
             std::pair { RewardKind::Accent, u"Accent colours"_s },
             std::pair { RewardKind::Title, u"Titles"_s } }) {
        QStringList names;
        for (const auto& reward : status) {
            if (reward.def.kind == kind && reward.unlocked)
                names.append(reward.def.name);
        }
        out += u"  🎁 %1: %2\n"_s.arg(label, names.join(u", "_s));
    }
    if (const RewardStatus* next = rewards::nextLocked(status))
        out += u"  🔒 next: %1 (%2) — %3\n"_s.arg(
            next->def.name, rewards::kindName(next->def.kind), rewards::unlockHint(next->def));
    else
        out += u"  every reward is unlocked\n"_s;
    return out;
}

} // namespace foxreload::cli
