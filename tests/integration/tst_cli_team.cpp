// `foxreload stats --team`: the leaderboard of everyone sharing one history database, from a
// database two players wrote, and from two `foxreload run` processes of different players on
// one SQLite file and on one PostgreSQL database (a server started by the test; skipped where
// PostgreSQL is not installed).

#include "common/CliProcess.h"
#include "common/ExampleProject.h"
#include "common/PostgresServer.h"
#include "game/Rewards.h"
#include "store/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {

constexpr int kTimeout = 30000;

QJsonObject playerNamed(const QJsonArray& players, const QString& name)
{
    for (const auto& player : players) {
        if (player.toObject().value(u"player"_s).toString() == name)
            return player.toObject();
    }
    return {};
}

ReloadRecord hotReload(const QDateTime& at, qint64 totalMs)
{
    ReloadRecord record;
    record.sessionId = 1;
    record.atUtc = at;
    record.requested = record.performed = ReloadStrategy::HotReload;
    record.totalMs = record.startToReadyMs = totalMs;
    return record;
}

// A project whose .foxreload.yaml names its player (the example's own config, one line changed).
bool setPlayer(const ExampleProject& project, const QString& player, const QString& team)
{
    QByteArray yaml = readFile(project.path(u".foxreload.yaml"_s));
    const QByteArray game = "notifications: true}";
    if (!yaml.contains(game))
        return false;
    const QByteArray named = QByteArray("notifications: true, player: \"") + player.toUtf8()
        + "\", team: " + team.toUtf8() + '}';
    yaml.replace(game, named);
    return writeFile(project.path(u".foxreload.yaml"_s), yaml);
}

} // namespace

class TestCliTeam : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<PostgresServer> m_postgres; // started by the first test that needs it
    QString m_database; // empty: the SQLite file

    QString dbPath() const { return m_database.isEmpty() ? m_home.filePath(u"team.sqlite"_s) : m_database; }
    QProcessEnvironment environment() const { return isolatedEnvironment(m_home.path()); }

    // `foxreload stats --team ARGS` run in `directory`: its standard output, empty when it failed.
    QByteArray teamStats(const QString& directory, const QStringList& extra = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(directory);
        process.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            QStringList { u"stats"_s, u"--team"_s, u"--db"_s, dbPath() } + extra);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning() << process.readAllStandardError();
            return {};
        }
        return process.readAllStandardOutput();
    }

    QJsonObject teamJson(const QString& directory)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(teamStats(directory, { u"--json"_s }), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << error.errorString();
        return document.object();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_database.clear();
        QFile::remove(dbPath());
    }

    void leaderboardOfASharedDatabase()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            // A name with a placeholder in it must come out as written.
            HistoryStore alice;
            alice.setPlayer(u"alice %1"_s, u"core"_s);
            QVERIFY(alice.open(dbPath()));
            QVERIFY(alice.recordReload(hotReload(now, 14)) > 0);
            QVERIFY(alice.recordReload(hotReload(now, 9)) > 0);
            XpEventRecord xp;
            xp.atUtc = now;
            xp.amount = 120;
            QVERIFY(alice.recordXp(xp) > 0);
            HistoryStore bob;
            bob.setPlayer(u"bob"_s);
            QVERIFY(bob.open(dbPath()));
            QVERIFY(bob.recordReload(hotReload(now, 30)) > 0);
            xp.amount = 300;
            QVERIFY(bob.recordXp(xp) > 0);
        }
        // Run where a config names the player: that row is "you".
        ExampleProject project;
        QVERIFY(project.isValid());
        QVERIFY(setPlayer(project, u"alice %1"_s, u"core"_s));

        const QJsonObject json = teamJson(project.root());
        QCOMPARE(json.value(u"player"_s).toString(), u"alice %1"_s);
        const QJsonArray players = json.value(u"players"_s).toArray();
        QCOMPARE(players.size(), 2);
        QCOMPARE(players.at(0).toObject().value(u"player"_s).toString(), u"bob"_s);
        const QJsonObject bob = players.at(0).toObject();
        const QJsonObject alice = players.at(1).toObject();
        QCOMPARE(bob.value(u"rank"_s).toInt(), 1);
        QCOMPARE(bob.value(u"xp"_s).toInt(), 300);
        QVERIFY(bob.value(u"team"_s).isNull());
        QCOMPARE(bob.value(u"you"_s).toBool(), false);
        QCOMPARE(alice.value(u"player"_s).toString(), u"alice %1"_s);
        QCOMPARE(alice.value(u"team"_s).toString(), u"core"_s);
        QCOMPARE(alice.value(u"xp"_s).toInt(), 120);
        QCOMPARE(alice.value(u"reloads_this_week"_s).toInt(), 2);
        QCOMPARE(alice.value(u"fastest_hot_reload_ms"_s).toInt(), 9);
        QCOMPARE(alice.value(u"you"_s).toBool(), true);
        QVERIFY(alice.value(u"level"_s).toInt() >= 1);
        QVERIFY(bob.value(u"level"_s).toInt() > alice.value(u"level"_s).toInt());
        // Beside each player the highest title their level unlocks.
        for (const QJsonObject& player : { alice, bob }) {
            QCOMPARE(player.value(u"title"_s).toString(),
                rewards::levelTitle(player.value(u"level"_s).toInt()).name);
        }
        QCOMPARE(alice.value(u"streak_days"_s).toInt(), 0); // no active day marked

        const QString text = QString::fromUtf8(teamStats(project.root()));
        const QStringList lines = text.split(u'\n');
        QVERIFY2(lines.first().startsWith(u"🦊 FoxReload leaderboard — "_s), qPrintable(text));
        qsizetype bobLine = -1;
        qsizetype aliceLine = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).contains(u" bob "_s))
                bobLine = i;
            if (lines.at(i).contains(u"alice %1"_s))
                aliceLine = i;
        }
        QVERIFY2(bobLine > 0 && aliceLine > bobLine, qPrintable(text));
        QVERIFY2(lines.at(aliceLine).endsWith(u"◀ you"_s), qPrintable(text));
        QVERIFY2(lines.at(aliceLine).contains(u"9 ms"_s), qPrintable(text));
        QVERIFY2(!lines.at(bobLine).contains(u"you"_s), qPrintable(text));

        // Elsewhere the login name is the player: nobody here is "you".
        const QJsonObject elsewhere = teamJson(m_home.path());
        QVERIFY(!elsewhere.value(u"player"_s).toString().isEmpty());
        QCOMPARE(playerNamed(elsewhere.value(u"players"_s).toArray(), u"alice %1"_s).value(u"you"_s).toBool(),
            false);
    }

    void twoRunsOfDifferentPlayersOnOneDatabase_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    void twoRunsOfDifferentPlayersOnOneDatabase()
    {
        QFETCH(bool, postgres);
        if (postgres) {
            if (!m_postgres)
                m_postgres = std::make_unique<PostgresServer>();
            if (!m_postgres->start())
                QSKIP(qPrintable(u"no PostgreSQL server: "_s + m_postgres->why()));
            m_database = m_postgres->createDatabase(u"team_%1"_s.arg(QCoreApplication::applicationPid()));
            QVERIFY2(!m_database.isEmpty(), qPrintable(m_postgres->why()));
        }
        ExampleProject first;
        ExampleProject second;
        QVERIFY(first.isValid() && second.isValid());
        QVERIFY(setPlayer(first, u"fox"_s, u"den"_s));
        QVERIFY(setPlayer(second, u"vixen"_s, u"den"_s));
        CliProcess runs[2];
        const ExampleProject* projects[2] = { &first, &second };
        for (int i = 0; i < 2; ++i) {
            runs[i].setEnvironment(environment());
            runs[i].setWorkingDirectory(projects[i]->root());
            QVERIFY(runs[i].start({ u"run"_s, u"--trust"_s, u"--db"_s, dbPath(), u"--config"_s,
                projects[i]->path(u".foxreload.yaml"_s) }));
        }
        for (auto& run : runs)
            QTRY_VERIFY2_WITH_TIMEOUT(
                run.hasLineContaining(u"server ready in"_s), qPrintable(run.allOutput()), kTimeout);
        for (int i = 0; i < 2; ++i)
            QVERIFY(appendToFile(projects[i]->path(u"tools/weather.py"_s), "\n# an edit\n"));
        for (auto& run : runs)
            QTRY_VERIFY2_WITH_TIMEOUT(run.hasLineContaining(u"🎮 +"_s), qPrintable(run.allOutput()), kTimeout);
        for (auto& run : runs) {
            run.terminate();
            QVERIFY(run.waitForFinished());
            QCOMPARE(run.exitCode(), 0);
        }

        const QJsonArray players = teamJson(first.root()).value(u"players"_s).toArray();
        for (const auto& name : { u"fox"_s, u"vixen"_s }) {
            const QJsonObject player = playerNamed(players, name);
            QVERIFY2(!player.isEmpty(), qPrintable(name));
            QCOMPARE(player.value(u"team"_s).toString(), u"den"_s);
            QVERIFY(player.value(u"xp"_s).toInt() > 0);
            QCOMPARE(player.value(u"reloads_this_week"_s).toInt(), 1); // the edit; not the startup
            QVERIFY(!player.value(u"fastest_hot_reload_ms"_s).isNull());
            QCOMPARE(player.value(u"streak_days"_s).toInt(), 1);
            // Nothing lost: the board's total is the sum of the player's XP events.
            HistoryStore store;
            store.setPlayer(name);
            QVERIFY(store.open(dbPath()));
            QCOMPARE(qint64(player.value(u"xp"_s).toInteger()), store.totalXp());
            QCOMPARE(store.xpCurve(HistoryScope {}).last().total, store.totalXp());
        }

        // `forget` reaches the same database (a file or a postgresql:// URL) and says what it forgot.
        {
            HistoryStore store;
            QVERIFY(store.open(dbPath()));
            const qsizetype remembered = store.learnedOutcomes(first.root()).size(); // the run's edit
            store.recordLearnedOutcome({ 0, first.root(), u"tools/weather.py"_s, u"hot_reload"_s, u"failed"_s,
                QDateTime::currentDateTimeUtc() });
            QCOMPARE(store.learnedOutcomes(first.root()).size(), remembered + 1);
        }
        QProcess forget;
        forget.setProcessEnvironment(environment());
        forget.setWorkingDirectory(first.root());
        forget.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"forget"_s, u"--all"_s, u"--db"_s, dbPath() });
        QVERIFY(forget.waitForFinished(30000));
        QVERIFY2(forget.exitCode() == 0, forget.readAllStandardError().constData());
        QVERIFY(forget.readAllStandardOutput().contains("forgot "));
        HistoryStore after;
        QVERIFY(after.open(dbPath()));
        QVERIFY(after.learnedOutcomes(first.root()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliTeam)
#include "tst_cli_team.moc"
