#include "TeamOutput.h"

#include "common/DurationText.h"
#include "game/Rewards.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

QJsonValue fastestJson(qint64 ms)
{
    return ms < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ms);
}

// Pads by characters, not bytes: names are anyone's text (é, ü, emoji).
QString cell(const QString& text, int width)
{
    return text.size() >= width ? text + u' ' : text.leftJustified(width);
}

// The title the player's level unlocks (the one they chose is a setting on their own machine).
QString titleName(const LeaderboardRow& row)
{
    const RewardDef* title = rewards::findReward(row.title);
    return title ? rewards::displayName(*title) : QString();
}

} // namespace

QJsonObject teamJson(const QString& path, bool exists, const QString& me, const QList<LeaderboardRow>& rows)
{
    QJsonArray players;
    int rank = 0;
    for (const LeaderboardRow& row : rows) {
        players.append(QJsonObject { { u"rank"_s, ++rank }, { u"player"_s, row.player },
            { u"team"_s, row.team.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.team) },
            { u"title"_s, titleName(row) }, { u"xp"_s, row.xp }, { u"level"_s, row.level },
            { u"streak_days"_s, row.streakDays }, { u"reloads_this_week"_s, row.reloads },
            { u"fastest_hot_reload_ms"_s, fastestJson(row.fastestHotReloadMs) },
            { u"you"_s, row.player == me } });
    }
    return QJsonObject { { u"database"_s, path }, { u"exists"_s, exists }, { u"player"_s, me },
        { u"players"_s, players } };
}

QString teamText(const QString& path, bool exists, const QString& me, const QList<LeaderboardRow>& rows)
{
    QString out
        = u"🦊 FoxReload leaderboard — %1%2\n\n"_s.arg(path, exists ? QString() : u" (no history yet)"_s);
    if (rows.isEmpty())
        return out + u"No players yet: XP earned with this database puts its player here.\n"_s;
    int nameWidth = 6;
    int titleWidth = 5;
    int teamWidth = 4;
    for (const LeaderboardRow& row : rows) {
        nameWidth = std::max(nameWidth, int(row.player.size()));
        titleWidth = std::max(titleWidth, int(titleName(row).size()));
        teamWidth = std::max(teamWidth, int(row.team.size()));
    }
    nameWidth = std::min(nameWidth, 24) + 2;
    titleWidth += 2;
    teamWidth = std::min(teamWidth, 16) + 2;
    out += u"   #  "_s + cell(u"Player"_s, nameWidth) + cell(u"Title"_s, titleWidth)
        + cell(u"Team"_s, teamWidth) + u"Level        XP  Streak  Reloads this week  Fastest hot reload\n"_s;
    int rank = 0;
    for (const LeaderboardRow& row : rows) {
        const QString fastest = row.fastestHotReloadMs < 0 ? u"—"_s : durationText(row.fastestHotReloadMs);
        // One multi-arg call: a % in a name is not read as a placeholder.
        out += u"%1  %2%3%4 %5 %6 %7  %8%9\n"_s.arg(QString::number(++rank).rightJustified(4),
            cell(row.player, nameWidth) + cell(titleName(row), titleWidth),
            cell(row.team.isEmpty() ? u"—"_s : row.team, teamWidth),
            QString::number(row.level).rightJustified(5), QString::number(row.xp).rightJustified(9),
            QString(QString::number(row.streakDays) + u" d"_s).rightJustified(7),
            QString::number(row.reloads).rightJustified(18),
            row.player == me ? fastest.leftJustified(18) : fastest,
            row.player == me ? u"  ◀ you"_s : QString());
    }
    return out;
}

} // namespace foxreload::cli
