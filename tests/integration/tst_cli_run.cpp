// `foxreload run` end to end: the real binary on a copy of the example server,
// with edits made by the test, read back through --json events and text output.

#include "common/CliProcess.h"
#include "common/ExampleProject.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {
constexpr int kTimeout = 30000;

QString field(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1StringView(key)).toString();
}

// The parent of a process, from /proc/<pid>/stat (the field after the state); 0 when gone.
qint64 parentOf(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

bool isStartupDone(const QJsonObject& event)
{
    return field(event, "trigger") == "startup"_L1;
}
} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment environment() const { return isolatedEnvironment(m_home.path()); }

    void startRun(CliProcess& cli, const ExampleProject& project, const QStringList& extra = {})
    {
        cli.setEnvironment(environment());
        cli.setWorkingDirectory(project.root());
        QStringList arguments { u"run"_s, u"--trust"_s, u"--no-game"_s, u"--db"_s,
            m_home.filePath(u"history.sqlite"_s), u"--config"_s, project.path(u".foxreload.yaml"_s) };
        QVERIFY(cli.start(arguments + extra));
    }

private Q_SLOTS:
    void jsonEventsFollowEveryEdit()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        // An excluded tree that exists before the start: the watcher must prune it.
        QVERIFY(writeFile(project.path(u"tools/__pycache__/echo.cpython-311.pyc"_s), "bytecode"));
        CliProcess cli;
        startRun(cli, project, { u"--json"_s });
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartupDone) == 1, qPrintable(cli.allOutput()), kTimeout);
        const QJsonObject startup = cli.events(u"reload_finished"_s).first();
        QCOMPARE(field(startup, "outcome"), u"success"_s);
        const qint64 firstPid = startup.value("pid"_L1).toInteger();
        QVERIFY(firstPid > 0);
#ifdef Q_OS_LINUX
        // The server's supervisor is the small program beside the binary, not a second foxreload.
        const QString supervisor = QFile::symLinkTarget(u"/proc/%1/exe"_s.arg(parentOf(firstPid)));
        QCOMPARE(QFileInfo(supervisor).fileName(), u"foxreload-supervisor"_s);
#endif
        const QJsonObject watching = cli.events(u"watching"_s).value(0);
        QVERIFY(watching.value("files"_L1).toInt() > 5);
        QVERIFY(watching.value("prunedTrees"_L1).toInt() >= 1);

        // A tool edit: hot reload, same process.
        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s) == 2, qPrintable(cli.allOutput()), kTimeout);
        QJsonObject plan = cli.events(u"plan"_s).last();
        QCOMPARE(field(plan, "strategy"), u"hot_reload"_s);
        QCOMPARE(plan.value("files"_L1).toArray().first().toObject().value("path"_L1).toString(),
            u"tools/weather.py"_s);
        QCOMPARE(plan.value("files"_L1).toArray().first().toObject().value("rule"_L1).toString(),
            u"tools/**/*.py"_s);
        QJsonObject finished = cli.events(u"reload_finished"_s).last();
        QCOMPARE(field(finished, "strategy"), u"hot_reload"_s);
        QCOMPARE(field(finished, "outcome"), u"success"_s);
        QCOMPARE(finished.value("pid"_L1).toInteger(), firstPid);

        // Excluded files and a save without changes: no reload. The next real edit
        // proves it: its plan holds exactly that one file.
        QVERIFY(writeFile(project.path(u"tools/__pycache__/weather.cpython-311.pyc"_s), "bytecode"));
        QVERIFY(writeFile(project.path(u"tests/test_extra.py"_s), "# not watched\n"));
        QVERIFY(writeFile(project.path(u"tools/echo.py"_s), readFile(project.path(u"tools/echo.py"_s))));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"batch_skipped"_s) == 1, qPrintable(cli.allOutput()), kTimeout);

        // The entry point: a full restart with a new process.
        QVERIFY(appendToFile(project.path(u"main.py"_s), "\n# restart me\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s) == 3, qPrintable(cli.allOutput()), kTimeout);
        plan = cli.events(u"plan"_s).last();
        QCOMPARE(field(plan, "strategy"), u"full_restart"_s);
        QCOMPARE(plan.value("files"_L1).toArray().size(), 1);
        finished = cli.events(u"reload_finished"_s).last();
        QCOMPARE(field(finished, "strategy"), u"full_restart"_s);
        QCOMPARE(field(finished, "outcome"), u"success"_s);
        const qint64 secondPid = finished.value("pid"_L1).toInteger();
        QVERIFY(secondPid != firstPid);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(firstPid), 10000);
        QCOMPARE(cli.countEvents(u"plan"_s), 2);

        // SIGTERM stops the server cleanly and exits 0.
        cli.terminate();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(secondPid), 5000);
    }

    void textOutputSaysWhatAndWhy()
    {
        ExampleProject project;
        CliProcess cli;
        startRun(cli, project);
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(u"server ready in"_s), qPrintable(cli.allOutput()), kTimeout);
        QVERIFY2(
            cli.lines().first().startsWith(u"🦊 watching 5 paths ("_s), qPrintable(cli.lines().first()));

        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(
                u"✎ tools/weather.py modified → hot reload (rule \"tools/**/*.py\") … done in"_s),
            qPrintable(cli.allOutput()), kTimeout);

        QVERIFY(writeFile(project.path(u"tools/echo.py"_s), readFile(project.path(u"tools/echo.py"_s))));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(u"· tools/echo.py saved without changes — no reload"_s),
            qPrintable(cli.allOutput()), kTimeout);

        QVERIFY(appendToFile(project.path(u"main.py"_s), "\ndef broken(:\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(u"✎ main.py modified → full restart (rule \"main.py\") … failed:"_s),
            qPrintable(cli.allOutput()), kTimeout);
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.hasLineContaining(u"SyntaxError"_s), qPrintable(cli.allOutput()), kTimeout);
        cli.terminate();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
    }

    void untrustedConfigIsRefused()
    {
        ExampleProject project;
        CliProcess cli;
        cli.setEnvironment(environment());
        QVERIFY(cli.start({ u"run"_s, u"--config"_s, project.path(u".foxreload.yaml"_s) }));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.stderrText().contains(u"not trusted"_s), qPrintable(cli.stderrText()));
        QVERIFY2(cli.stderrText().contains(u"foxreload trust"_s), qPrintable(cli.stderrText()));
        QVERIFY2(cli.stderrText().contains(u"python3 main.py"_s), qPrintable(cli.stderrText()));
    }

    void brokenConfigNamesFileLineAndKey()
    {
        ExampleProject project;
        QVERIFY(writeFile(project.path(u".foxreload.yaml"_s),
            "server:\n  command: python3\nwatch:\n  paths: [tools/]\n  debounce_ms: soon\n"));
        CliProcess cli;
        cli.setEnvironment(environment());
        QVERIFY(cli.start({ u"run"_s, u"--trust"_s, u"--config"_s, project.path(u".foxreload.yaml"_s) }));
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.stderrText().contains(u".foxreload.yaml:5:"_s), qPrintable(cli.stderrText()));
        QVERIFY2(cli.stderrText().contains(u"watch.debounce_ms"_s), qPrintable(cli.stderrText()));
    }

    void commandWithoutConfigUsesDefaults()
    {
        ExampleProject project;
        QFile::remove(project.path(u".foxreload.yaml"_s));
        CliProcess cli;
        cli.setEnvironment(environment());
        cli.setWorkingDirectory(project.root());
        QVERIFY(cli.start({ u"run"_s, u"--json"_s, u"--no-game"_s, u"--db"_s, m_home.filePath(u"h2.sqlite"_s),
            u"--"_s, u"python3"_s, u"main.py"_s }));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s, isStartupDone) == 1, qPrintable(cli.allOutput()), kTimeout);
        // No rules: every change takes the default, a full restart.
        QVERIFY(appendToFile(project.path(u"tools/echo.py"_s), "\n# edited\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"reload_finished"_s) == 2, qPrintable(cli.allOutput()), kTimeout);
        QCOMPARE(field(cli.events(u"reload_finished"_s).last(), "strategy"), u"full_restart"_s);
        cli.terminate();
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
