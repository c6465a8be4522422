// History and game end to end: `foxreload run` on a copy of the example server
// records into a real database, `foxreload stats --json` reads it back; a damaged
// or read-only database never stops the reloads.

#include "common/CliProcess.h"
#include "common/ExampleProject.h"
#include "common/ReadOnlySqliteFile.h"
#include "store/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {

constexpr int kTimeout = 30000;

QString field(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1StringView(key)).toString();
}

bool isFileChange(const QJsonObject& event)
{
    return field(event, "trigger") == "file_change"_L1;
}

bool isStartup(const QJsonObject& event)
{
    return field(event, "trigger") == "startup"_L1;
}

QJsonObject byKey(const QJsonArray& array, const char* key, const QString& value)
{
    for (const auto& item : array) {
        if (item.toObject().value(QLatin1StringView(key)).toString() == value)
            return item.toObject();
    }
    return {};
}

} // namespace

class TestCliStats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString dbPath() const { return m_home.filePath(u"h.sqlite"_s); }

    QProcessEnvironment environment() const { return isolatedEnvironment(m_home.path()); }

    void startRun(CliProcess& cli, const ExampleProject& project, const QStringList& extra = {})
    {
        cli.setEnvironment(environment());
        cli.setWorkingDirectory(project.root());
        QVERIFY(cli.start(QStringList { u"run"_s, u"--trust"_s, u"--db"_s, dbPath(), u"--config"_s,
                              project.path(u".foxreload.yaml"_s) }
            + extra));
    }

    void stop(CliProcess& cli)
    {
        cli.terminate();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
    }

    QJsonObject stats(const QStringList& extra = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            QStringList { u"stats"_s, u"--json"_s, u"--db"_s, dbPath() } + extra);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning() << process.readAllStandardError();
            return {};
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << error.errorString();
        return document.object();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        QFile::remove(dbPath());
    }

    void statsAfterScriptedSession()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        CliProcess cli;
        startRun(cli, project);
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(u"server ready in"_s), qPrintable(cli.allOutput()), kTimeout);

        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(cli.hasLineContaining(u"🎮 +"_s), qPrintable(cli.allOutput()), kTimeout);
        // `🎮 +35 XP — hot reload in 55 ms, fast, first of the day (total 35, level 1 ▰▰▰▰▰▰▰▱▱▱ 70%)`
        static const QRegularExpression reward(
            u"^🎮 \\+(\\d+) XP — hot reload in \\d+ ms.*first of the day \\(total (\\d+), level 1 [▰▱]{10} \\d+%\\)$"_s);
        QRegularExpressionMatch match;
        for (const auto& line : cli.lines()) {
            if (line.startsWith(u"🎮"_s))
                match = reward.match(line);
        }
        QVERIFY2(match.hasMatch(), qPrintable(cli.allOutput()));
        int xp = match.captured(1).toInt();
        QCOMPARE(match.captured(2).toInt(), xp);
        QTRY_VERIFY2_WITH_TIMEOUT(cli.hasLineContaining(u"🏅 ━━ Achievement unlocked: First Steps"_s),
            qPrintable(cli.allOutput()), kTimeout);

        // A save without changes: recorded as a skipped batch, no reload, no XP.
        QVERIFY(writeFile(project.path(u"tools/echo.py"_s), readFile(project.path(u"tools/echo.py"_s))));
        // (Text mode prints nothing for it; the history shows it, read while the session runs.)
        QTRY_VERIFY2_WITH_TIMEOUT(
            stats().value("totals"_L1).toObject().value("content_identical_batches"_L1).toInt() == 1,
            qPrintable(cli.allOutput()), kTimeout);

        QVERIFY(appendToFile(project.path(u"services/cache.py"_s), "\n# a comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(u"XP — service restart in"_s), qPrintable(cli.allOutput()), kTimeout);
        int rewards = 0;
        xp = 0;
        for (const auto& line : cli.lines()) {
            static const QRegularExpression amount(u"^🎮 \\+(\\d+) XP"_s);
            const auto found = amount.match(line);
            if (found.hasMatch()) {
                xp += found.captured(1).toInt();
                ++rewards;
            }
        }
        QCOMPARE(rewards, 2);
        stop(cli);

        const QJsonObject json = stats();
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value("database"_L1).toString(), dbPath());
        QVERIFY(json.value("exists"_L1).toBool());
        const QJsonObject totals = json.value("totals"_L1).toObject();
        QCOMPARE(totals.value("reloads"_L1).toInt(), 2);
        QCOMPARE(totals.value("succeeded"_L1).toInt(), 2);
        QCOMPARE(totals.value("failed"_L1).toInt(), 0);
        QCOMPARE(totals.value("sessions"_L1).toInt(), 1);
        QCOMPARE(totals.value("batches"_L1).toInt(), 3);
        QCOMPARE(totals.value("content_identical_batches"_L1).toInt(), 1);
        QCOMPARE(totals.value("xp"_L1).toInt(), xp);
        const QJsonObject level = json.value("level"_L1).toObject();
        QCOMPARE(level.value("xp"_L1).toInt(), xp);
        QCOMPARE(level.value("level"_L1).toInt(), xp >= 50 ? 2 : 1);
        const QJsonObject streak = json.value("streak"_L1).toObject();
        QCOMPARE(streak.value("days"_L1).toInt(), 1);
        QVERIFY(streak.value("active_today"_L1).toBool());
        const QJsonArray strategies = json.value("strategies"_L1).toArray();
        QCOMPARE(strategies.size(), 2);
        const QJsonObject hot = byKey(strategies, "strategy", u"hot_reload"_s);
        QCOMPARE(hot.value("reloads"_L1).toInt(), 1);
        QVERIFY(hot.value("median_total_ms"_L1).toDouble() > 0);
        QCOMPARE(byKey(strategies, "strategy", u"service_restart"_s).value("reloads"_L1).toInt(), 1);
        const QJsonArray achievements = json.value("achievements"_L1).toArray();
        QVERIFY(achievements.size() >= 15);
        QVERIFY(byKey(achievements, "id", u"first_reload"_s).value("unlocked"_L1).toBool());
        QVERIFY(!byKey(achievements, "id", u"reloads_100"_s).value("unlocked"_L1).toBool());
        QVERIFY(!byKey(achievements, "id", u"week_streak"_s).value("icon"_L1).toString().isEmpty());
        QCOMPARE(json.value("challenges"_L1).toArray().size(), 2);

        // The text form shows the same.
        QProcess text;
        text.setProcessEnvironment(environment());
        text.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"stats"_s, u"--db"_s, dbPath() });
        QVERIFY(text.waitForFinished(30000));
        const QString output = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(output.contains(u"🏅 First Steps"_s), qPrintable(output));
        QVERIFY2(output.contains(u"Reloads 2 (2 succeeded, 0 failed) in 1 session"_s), qPrintable(output));
        QVERIFY2(output.contains(u"🔒 Century Fox"_s), qPrintable(output));
    }

    void noGameStillRecordsHistory()
    {
        ExampleProject project;
        CliProcess cli;
        startRun(cli, project, { u"--no-game"_s, u"--json"_s });
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);
        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isFileChange) == 1, qPrintable(cli.allOutput()), kTimeout);
        stop(cli);
        QCOMPARE(cli.countEvents(u"xp"_s), 0);
        QCOMPARE(cli.countEvents(u"achievement"_s), 0);
        const QJsonObject json = stats();
        QCOMPARE(json.value("totals"_L1).toObject().value("reloads"_L1).toInt(), 1);
        QCOMPARE(json.value("level"_L1).toObject().value("xp"_L1).toInt(), 0);
    }

    void corruptDatabaseDoesNotStopReloads()
    {
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
        }
        ExampleProject project;
        CliProcess cli;
        startRun(cli, project, { u"--json"_s });
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);
        for (int edit = 1; edit <= 2; ++edit) {
            QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment\n"));
            QTRY_VERIFY2_WITH_TIMEOUT(cli.countEvents(u"reload_finished"_s, isFileChange) == edit,
                qPrintable(cli.allOutput()), kTimeout);
            QCOMPARE(field(cli.events(u"reload_finished"_s).last(), "outcome"), u"success"_s);
        }
        stop(cli);
        const QList<QJsonObject> warnings = cli.events(u"warning"_s);
        int aboutDatabase = 0;
        for (const auto& warning : warnings) {
            const QString text = warning.value("message"_L1).toString() + warning.value("text"_L1).toString();
            if (text.contains(dbPath())) {
                ++aboutDatabase;
                QVERIFY2(text.contains(u"not a database"_s), qPrintable(text));
            }
        }
        QCOMPARE(aboutDatabase, 1); // said once
        QCOMPARE(cli.countEvents(u"xp"_s), 0);
    }

    void readOnlyDatabaseDoesNotStopReloads()
    {
        {
            HistoryStore store;
            QVERIFY(store.open(dbPath()));
        }
        // SQLite itself refuses to write it (any file system, any user): as on a read-only mount.
        ReadOnlySqliteFile readOnly(dbPath());
        QVERIFY(readOnly.isSet());

        ExampleProject project;
        CliProcess cli;
        startRun(cli, project, { u"--json"_s });
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);
        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isFileChange) == 1, qPrintable(cli.allOutput()), kTimeout);
        QCOMPARE(field(cli.events(u"reload_finished"_s).last(), "outcome"), u"success"_s);
        QCOMPARE(cli.countEvents(u"warning"_s), 1);
        QVERIFY2(cli.events(u"warning"_s).first().value("message"_L1).toString().contains(dbPath()),
            qPrintable(cli.allOutput()));

        // Writable again: the held events reach the file (the store retries every 5 s).
        QVERIFY(readOnly.restore());
        QTRY_VERIFY2_WITH_TIMEOUT(stats().value("totals"_L1).toObject().value("reloads"_L1).toInt() == 1,
            qPrintable(cli.allOutput()), kTimeout);
        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# another comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isFileChange) == 2, qPrintable(cli.allOutput()), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"xp"_s) == 1, kTimeout); // the game is back on
        stop(cli);
        const QJsonObject json = stats();
        QCOMPARE(json.value("totals"_L1).toObject().value("reloads"_L1).toInt(), 2);
        QCOMPARE(json.value("totals"_L1).toObject().value("sessions"_L1).toInt(), 1);
        QCOMPARE(cli.countEvents(u"warning"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliStats)
#include "tst_cli_stats.moc"
