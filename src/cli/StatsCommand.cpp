#include "Commands.h"
#include "GameOutput.h"
#include "LearnedOutput.h"
#include "RewardsOutput.h"
#include "StatsResources.h"
#include "TeamOutput.h"
#include "common/DatabaseLocation.h"
#include "common/DurationText.h"
#include "common/VisibleText.h"
#include "config/ConfigLoader.h"
#include "game/GamificationEngine.h"
#include "store/HistoryStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

void print(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

// The text report holds what the database holds (paths, names, messages): any process may
// have written it, so what a terminal would act on is shown instead.
void printText(const QString& text)
{
    print(visibleText(text));
}

// The .foxreload.yaml here or above, when there is one that loads.
std::optional<Config> configHere()
{
    const QString configFile = ConfigLoader::findConfigFile(QDir::currentPath());
    if (configFile.isEmpty())
        return std::nullopt;
    const ConfigLoadResult loaded = ConfigLoader::loadFile(configFile);
    return loaded.ok() ? loaded.config : std::nullopt;
}

// --db, else the `database` of a .foxreload.yaml here or above, else FOXRELOAD_DATABASE_URL,
// else the default.
QString databasePath(const QCommandLineParser& parser, const QCommandLineOption& db)
{
    if (parser.isSet(db))
        return HistoryStore::resolvePath(parser.value(db));
    if (const std::optional<Config> config = configHere(); config && !config->database.isEmpty())
        return config->database;
    return HistoryStore::resolvePath(QString());
}

// The budget of the config here (resources:), else the defaults.
resources::ResourceBudget budgetHere()
{
    const ResourceSettings settings = configHere().value_or(Config {}).resources;
    return { settings.maxCpuPercent, double(settings.maxRssMb) };
}

QJsonValue msValue(double ms)
{
    return ms < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ms);
}

QJsonObject asJson(
    const QString& path, bool exists, const GamificationEngine& engine, const HistoryStore& store)
{
    const LevelInfo level = engine.level();
    const StreakInfo streak = engine.streak();
    QJsonObject levelObject { { u"level"_s, level.level }, { u"xp"_s, level.totalXp },
        { u"level_start_xp"_s, level.levelStartXp }, { u"next_level_xp"_s, level.nextLevelXp },
        { u"progress"_s, level.progress } };
    QJsonObject streakObject { { u"days"_s, streak.days }, { u"longest"_s, streak.longest },
        { u"freezes"_s, streak.freezes }, { u"freezes_used"_s, streak.freezesUsed },
        { u"active_today"_s, streak.activeToday },
        { u"last_active_day"_s,
            streak.lastActiveDay.isValid() ? QJsonValue(streak.lastActiveDay.toString(Qt::ISODate))
                                           : QJsonValue(QJsonValue::Null) } };
    QJsonArray challenges;
    for (const auto& status : engine.todaysChallenges()) {
        challenges.append(QJsonObject { { u"id"_s, status.def.id }, { u"title"_s, status.def.title },
            { u"description"_s, status.def.description }, { u"progress"_s, status.progress },
            { u"target"_s, status.def.target }, { u"completed"_s, status.completed },
            { u"xp_reward"_s, status.def.xpReward }, { u"day"_s, status.day.toString(Qt::ISODate) } });
    }
    QJsonArray achievements;
    int unlocked = 0;
    for (const auto& status : engine.achievements()) {
        unlocked += status.unlocked ? 1 : 0;
        achievements.append(QJsonObject { { u"id"_s, status.def.id }, { u"title"_s, status.def.title },
            { u"description"_s, status.def.description }, { u"icon"_s, status.def.icon },
            { u"unlocked"_s, status.unlocked },
            { u"unlocked_at"_s,
                status.unlocked ? QJsonValue(status.unlockedAtUtc.toString(Qt::ISODateWithMs))
                                : QJsonValue(QJsonValue::Null) } });
    }
    const HistoryTotals totals = store.totals();
    QJsonObject totalsObject { { u"reloads"_s, totals.reloads }, { u"succeeded"_s, totals.succeeded },
        { u"failed"_s, totals.failed }, { u"xp"_s, totals.xp }, { u"sessions"_s, totals.sessions },
        { u"batches"_s, totals.batches },
        { u"content_identical_batches"_s, totals.contentIdenticalBatches } };
    QJsonArray strategies;
    for (const auto& strategy : store.totalsByStrategy()) {
        strategies.append(QJsonObject { { u"strategy"_s, strategyName(strategy.strategy) },
            { u"reloads"_s, strategy.reloads }, { u"succeeded"_s, strategy.succeeded },
            { u"failed"_s, strategy.failed }, { u"median_total_ms"_s, msValue(strategy.medianTotalMs) },
            { u"median_start_to_ready_ms"_s, msValue(strategy.medianStartToReadyMs) } });
    }
    return QJsonObject { { u"database"_s, redactedDatabase(path) }, { u"exists"_s, exists },
        { u"level"_s, levelObject }, { u"streak"_s, streakObject }, { u"challenges"_s, challenges },
        { u"achievements"_s, achievements }, { u"achievements_unlocked"_s, unlocked },
        { u"totals"_s, totalsObject }, { u"strategies"_s, strategies } };
}

QString asText(const QString& path, bool exists, const GamificationEngine& engine, const HistoryStore& store)
{
    QString out;
    out += u"🦊 FoxReload stats — %1%2\n\n"_s.arg(
        redactedDatabase(path), exists ? QString() : u" (no history yet)"_s);

    const LevelInfo level = engine.level();
    out += u"Level %1  %2 %3%   %4 XP (%5 to level %6)\n"_s.arg(level.level)
               .arg(progressBar(level.progress))
               .arg(int(std::floor(level.progress * 100)))
               .arg(level.totalXp)
               .arg(level.nextLevelXp - level.totalXp)
               .arg(level.level + 1);

    const StreakInfo streak = engine.streak();
    out += u"Streak  🔥 %1 day%2%3 (longest %4) · freezes: %5 available%6\n"_s.arg(streak.days)
               .arg(streak.days == 1 ? QString() : u"s"_s)
               .arg(streak.days > 0 && !streak.activeToday ? u", reload today to keep it"_s : QString())
               .arg(streak.longest)
               .arg(streak.freezes)
               .arg(streak.freezesUsed > 0 ? u", %1 used"_s.arg(streak.freezesUsed) : QString());

    out += u"\nToday's challenges\n"_s;
    for (const auto& status : engine.todaysChallenges()) {
        out += u"  %1 %2 — %3 (%4/%5, +%6 XP)\n"_s
                   .arg(status.completed ? u"✔"_s : u"☐"_s, status.def.title, status.def.description)
                   .arg(status.progress)
                   .arg(status.def.target)
                   .arg(status.def.xpReward);
    }

    const QList<AchievementStatus> achievements = engine.achievements();
    const auto unlocked = std::count_if(
        achievements.cbegin(), achievements.cend(), [](const AchievementStatus& s) { return s.unlocked; });
    out += u"\nAchievements %1/%2\n"_s.arg(unlocked).arg(achievements.size());
    for (const bool wantUnlocked : { true, false }) {
        for (const auto& status : achievements) {
            if (status.unlocked != wantUnlocked)
                continue;
            out += status.unlocked ? u"  🏅 %1 — %2 (%3)\n"_s.arg(status.def.title,
                       status.def.description, status.unlockedAtUtc.toLocalTime().toString(u"yyyy-MM-dd"_s))
                                   : u"  🔒 %1 — %2\n"_s.arg(status.def.title, status.def.description);
        }
    }

    const HistoryTotals totals = store.totals();
    out += u"\nReloads %1 (%2 succeeded, %3 failed) in %4 session%5; %6 save%7 without changes skipped\n"_s
               .arg(totals.reloads)
               .arg(totals.succeeded)
               .arg(totals.failed)
               .arg(totals.sessions)
               .arg(totals.sessions == 1 ? QString() : u"s"_s)
               .arg(totals.contentIdenticalBatches)
               .arg(totals.contentIdenticalBatches == 1 ? QString() : u"s"_s);
    for (const auto& strategy : store.totalsByStrategy()) {
        QString line = u"  %1 %2"_s.arg(strategyLabel(strategy.strategy), -16).arg(strategy.reloads, 6);
        if (strategy.failed > 0)
            line += u" (%1 failed)"_s.arg(strategy.failed);
        if (strategy.medianTotalMs >= 0)
            line += u"  median %1"_s.arg(durationText(qint64(std::llround(strategy.medianTotalMs))));
        if (strategy.medianStartToReadyMs >= 0)
            line
                += u" (ready in %1)"_s.arg(durationText(qint64(std::llround(strategy.medianStartToReadyMs))));
        out += line + u'\n';
    }
    return out;
}

} // namespace

int statsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Show level, XP, streak, today's challenges, achievements and reload "
        u"totals from the history database, and the CPU and memory of the FoxReload sessions running now."_s);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    const QCommandLineOption db(
        u"db"_s, u"History database: an SQLite file or a postgresql:// URL."_s, u"file|url"_s);
    const QCommandLineOption learned(u"learned"_s,
        u"Show only the reload strategies FoxReload learned per file (see `foxreload forget`)."_s);
    const QCommandLineOption team(u"team"_s,
        u"Show only the leaderboard of everyone who shares the history database (gamification.player)."_s);
    parser.addOptions({ json, db, learned, team });
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "foxreload stats: %s\n", qPrintable(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        print(commandHelp(parser, arguments));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "foxreload stats: unexpected argument \"%s\"\n",
            qPrintable(parser.positionalArguments().first()));
        return ExitUsage;
    }
    configureLogging(false);

    const QString path = databasePath(parser, db);
    const bool exists = isDatabaseUrl(path) || QFileInfo::exists(path);
    HistoryStore store;
    // The player of the config here (else the login name): the game shown is theirs.
    const GamificationSettings game = configHere().value_or(Config {}).gamification;
    store.setPlayer(game.player, game.team);
    // Reading needs no write access: a read-only file is not worth a warning here.
    QObject::connect(&store, &HistoryStore::warning, &store, [](const QString&) {});
    // A missing file is no history yet: show zeros rather than create it.
    if (exists && !store.open(path) && store.schemaVersion() == 0) {
        std::fprintf(stderr, "foxreload stats: cannot read the history database %s: %s\n",
            qPrintable(visibleText(redactedDatabase(path))), qPrintable(visibleText(store.lastError())));
        return ExitFailure;
    }
    if (parser.isSet(learned)) {
        const QList<LearnedEntry> entries = learnedEntries(store, QString());
        if (parser.isSet(json)) {
            const QJsonObject object { { u"database"_s, redactedDatabase(path) },
                { u"learned"_s, learnedJson(entries) } };
            print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
        } else {
            printText(u"🦊 Learned reload strategies — %1\n\n"_s.arg(redactedDatabase(path))
                + learnedText(entries));
        }
        return ExitOk;
    }
    GamificationEngine engine(&store, GamificationSettings {});
    if (parser.isSet(team)) {
        const QList<LeaderboardRow> rows = engine.leaderboard();
        if (parser.isSet(json))
            print(QString::fromUtf8(
                QJsonDocument(teamJson(redactedDatabase(path), exists, store.player(), rows))
                    .toJson(QJsonDocument::Indented)));
        else
            printText(teamText(redactedDatabase(path), exists, store.player(), rows));
        return ExitOk;
    }
    const QList<RunningSession> running = runningSessions();
    const resources::ResourceBudget budget = budgetHere();
    const QList<RewardStatus> rewardStatus = rewards::statusFor(engine.level().level, engine.achievements());
    if (parser.isSet(json)) {
        QJsonObject object = asJson(path, exists, engine, store);
        object.insert(u"rewards"_s, rewardsJson(rewardStatus));
        object.insert(u"resources"_s, resourcesJson(running, budget));
        print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        printText(
            asText(path, exists, engine, store) + rewardsText(rewardStatus) + resourcesText(running, budget));
    }
    return ExitOk;
}

} // namespace foxreload::cli
