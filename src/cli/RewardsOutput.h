#pragma once

#include "game/Rewards.h"

#include <QJsonArray>
#include <QString>

namespace foxreload::cli {

// `foxreload stats`: the rewards, each with its kind, whether it is unlocked and how to unlock it.
QJsonArray rewardsJson(const QList<RewardStatus>& status);
// The unlocked rewards by kind and the next one to unlock, as lines of the text report.
QString rewardsText(const QList<RewardStatus>& status);

} // namespace foxreload::cli
