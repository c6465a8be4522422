// The strategy learner end to end: `foxreload run` on a copy of the example server, a tool
// whose hot reloads fail three times (the server answers with its SyntaxError), the next edit
// escalated with the reason in the plan, across a restart of FoxReload; `foxreload stats
// --learned` shows it, `foxreload forget` resets it, and a rule marked `fixed: true` wins.

#include "common/CliProcess.h"
#include "common/ExampleProject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {
constexpr int kTimeout = 30000;
const QString kTool = u"tools/weather.py"_s;
const QString kEscalated
    = u"learned: 3 of the last 3 hot reloads of tools/weather.py failed → service restart"_s;

QString field(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1StringView(key)).toString();
}

bool isStartupDone(const QJsonObject& event)
{
    return field(event, "trigger") == "startup"_L1;
}
} // namespace

class TestCliLearned : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString database() const { return m_home.filePath(u"history.sqlite"_s); }

    void startRun(CliProcess& cli, const ExampleProject& project)
    {
        cli.setEnvironment(isolatedEnvironment(m_home.path()));
        cli.setWorkingDirectory(project.root());
        QVERIFY(cli.start({ u"run"_s, u"--trust"_s, u"--no-game"_s, u"--json"_s, u"--db"_s, database(),
            u"--config"_s, project.path(u".foxreload.yaml"_s) }));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartupDone) == 1, qPrintable(cli.allOutput()), kTimeout);
    }

    // Writes the tool (broken or not) and waits for the reload it causes; returns its plan.
    QJsonObject editTool(CliProcess& cli, const ExampleProject& project, bool broken, int serial)
    {
        const int before = cli.countEvents(u"reload_finished"_s);
        QByteArray content = readFile(project.path(kTool));
        const QByteArray number = QByteArray::number(serial);
        content += broken ? QByteArray("\ndef broken_" + number + "(:\n")
                          : QByteArray("\n# edit " + number + '\n');
        if (!writeFile(project.path(kTool), content))
            return {};
        if (!QTest::qWaitFor([&] { return cli.countEvents(u"reload_finished"_s) > before; }, kTimeout))
            return {};
        return cli.events(u"plan"_s).last();
    }

    // `foxreload <arguments>` in the project, run to its end; its standard output.
    QByteArray runCli(const ExampleProject& project, const QStringList& arguments, int* exitCode)
    {
        QProcess process;
        process.setProcessEnvironment(isolatedEnvironment(m_home.path()));
        process.setWorkingDirectory(project.root());
        process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        if (!process.waitForFinished(kTimeout))
            return {};
        *exitCode = process.exitCode();
        return process.readAllStandardOutput();
    }

    QJsonArray learned(const ExampleProject& project)
    {
        int exitCode = -1;
        const QByteArray out
            = runCli(project, { u"stats"_s, u"--learned"_s, u"--json"_s, u"--db"_s, database() }, &exitCode);
        if (exitCode != 0)
            return {};
        return QJsonDocument::fromJson(out).object().value("learned"_L1).toArray();
    }

    static QString fixedRules(const QByteArray& config)
    {
        QString text = QString::fromUtf8(config);
        text.replace(u"{match: \"tools/**/*.py\", strategy: hot_reload, components: [tool_registry]}"_s,
            u"{match: \"tools/**/*.py\", strategy: hot_reload, components: [tool_registry], fixed: true}"_s);
        return text;
    }

private Q_SLOTS:
    void init() { QFile::remove(database()); }

    void failingHotReloadsEscalateAcrossARestartUntilForgotten()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        const QByteArray original = readFile(project.path(kTool));
        {
            CliProcess cli;
            startRun(cli, project);
            for (int i = 1; i <= 3; ++i) {
                const QJsonObject plan = editTool(cli, project, true, i);
                QCOMPARE(field(plan, "strategy"), u"hot_reload"_s);
                const QJsonObject finished = cli.events(u"reload_finished"_s).last();
                QCOMPARE(field(finished, "outcome"), u"failed"_s);
                QVERIFY2(
                    field(finished, "errorDetail").contains(u"SyntaxError"_s), qPrintable(cli.allOutput()));
            }
            cli.terminate();
            QVERIFY(cli.waitForFinished());
        }
        // The memory is in the database: a new FoxReload escalates the next edit.
        QVERIFY(writeFile(project.path(kTool), original));
        CliProcess cli;
        startRun(cli, project);
        QJsonObject plan = editTool(cli, project, false, 4);
        QCOMPARE(field(plan, "strategy"), u"service_restart"_s);
        const QString reason = plan.value("reasons"_L1).toArray().first().toString();
        QVERIFY2(reason.endsWith(u"; "_s + kEscalated), qPrintable(reason));
        QCOMPARE(field(cli.events(u"reload_finished"_s).last(), "strategy"), u"service_restart"_s);

        QJsonArray entries = learned(project);
        QCOMPARE(entries.size(), 1);
        QJsonObject entry = entries.first().toObject();
        QCOMPARE(field(entry, "path"), kTool);
        QCOMPARE(field(entry, "planned"), u"hot_reload"_s);
        QCOMPARE(field(entry, "strategy"), u"service_restart"_s);
        QCOMPARE(field(entry, "reason"), kEscalated);
        QCOMPARE(entry.value("failed"_L1).toInt(), 3);
        QCOMPARE(entry.value("succeeded"_L1).toInt(), 1);

        int exitCode = -1;
        const QByteArray forgot
            = runCli(project, { u"forget"_s, u"tools/**"_s, u"--db"_s, database() }, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(forgot.contains(kTool.toUtf8()), forgot.constData());
        QVERIFY(learned(project).isEmpty());

        // The running session reads the memory again: the next edit hot reloads.
        plan = editTool(cli, project, false, 5);
        QCOMPARE(field(plan, "strategy"), u"hot_reload"_s);
        QVERIFY(!plan.value("reasons"_L1).toArray().first().toString().contains(u"learned"_s));
        cli.terminate();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
    }

    void fixedRuleIsNeverEscalated()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        const QString config = fixedRules(readFile(project.path(u".foxreload.yaml"_s)));
        QVERIFY(config.contains(u"fixed: true"_s));
        QVERIFY(writeFile(project.path(u".foxreload.yaml"_s), config.toUtf8()));
        CliProcess cli;
        startRun(cli, project);
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(field(editTool(cli, project, true, i), "strategy"), u"hot_reload"_s);
        const QJsonObject plan = editTool(cli, project, false, 4);
        QCOMPARE(field(plan, "strategy"), u"hot_reload"_s);
        QVERIFY(!plan.value("reasons"_L1).toArray().first().toString().contains(u"learned"_s));
        QVERIFY(learned(project).isEmpty());
        cli.terminate();
        QVERIFY(cli.waitForFinished());
    }

    void forgetNeedsAPatternOrAll()
    {
        ExampleProject project;
        int exitCode = -1;
        runCli(project, { u"forget"_s, u"--db"_s, database() }, &exitCode);
        QCOMPARE(exitCode, 2);
        runCli(project, { u"forget"_s, u"--all"_s, u"tools/**"_s, u"--db"_s, database() }, &exitCode);
        QCOMPARE(exitCode, 2);
        const QByteArray out = runCli(project, { u"forget"_s, u"--all"_s, u"--db"_s, database() }, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(out.startsWith("Nothing"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLearned)
#include "tst_cli_learned.moc"
