#pragma once

#include "store/HistoryStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace foxreload::cli {

// `foxreload stats --team`: the leaderboard of everyone sharing the history database, as the
// game ranks them (GamificationEngine::leaderboard()). `me` is the player running the command.
QJsonObject teamJson(const QString& path, bool exists, const QString& me, const QList<LeaderboardRow>& rows);
QString teamText(const QString& path, bool exists, const QString& me, const QList<LeaderboardRow>& rows);

} // namespace foxreload::cli
