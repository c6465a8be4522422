// The import graph in a whole Session on the example server, edited for real: a helper module
// no rule names hot-reloads the tool that imports it (same process, and tools/call shows the
// helper's new code), and restarts the server when the entry point imports it. An import added
// while the session runs counts at once.

#include "common/ExampleProject.h"
#include "server/McpClient.h"
#include "server/ServerInstance.h"
#include "session/Session.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

Q_DECLARE_METATYPE(foxreload::ReloadResult)

namespace {
constexpr int kTimeout = 20000;

Rule rule(const QString& match, ReloadStrategy strategy, const QStringList& components = {})
{
    Rule made;
    made.match = match;
    made.strategy = strategy;
    made.components = components;
    return made;
}

// The example's own rules; the project root watched, so that helpers beside main.py are seen.
Config seedConfig(const ExampleProject& project)
{
    Config config = project.config();
    config.rules = {
        rule(u"main.py"_s, ReloadStrategy::FullRestart),
        rule(u"protocol/**"_s, ReloadStrategy::FullRestart),
        rule(u"tools/**/*.py"_s, ReloadStrategy::HotReload, { u"tool_registry"_s }),
        rule(u"services/**/*.py"_s, ReloadStrategy::ServiceRestart, { u"services"_s }),
    };
    config.watch.exclude.append(u"**/tests/**"_s);
    return config;
}

ReloadResult lastResult(const QSignalSpy& spy)
{
    return spy.last().first().value<ReloadResult>();
}

ReloadPlan lastPlan(const QSignalSpy& spy)
{
    return spy.last().first().value<ReloadPlan>();
}

// The echo tool's answer from the server the session runs now; the reply's problem if it has none.
QString callEcho(Session& session, const QString& message)
{
    ServerInstance* server = session.orchestrator().server();
    if (server == nullptr || server->client() == nullptr)
        return u"(no server)"_s;
    std::optional<QString> answer;
    const QJsonObject params { { u"name"_s, u"echo"_s },
        { u"arguments"_s, QJsonObject { { u"message"_s, message } } } };
    server->client()->request(u"tools/call"_s, params, 10000, [&answer](const jsonrpc::Reply& reply) {
        answer = reply.ok() ? reply.result.toObject()
                                  .value(u"content"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(u"text"_s)
                                  .toString()
                            : u"(error: %1)"_s.arg(reply.describe());
    });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000))
        return u"(no answer)"_s;
    return *answer;
}
} // namespace

class TestImportGraphSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ReloadResult>();
        qRegisterMetaType<ReloadPlan>();
        QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(),
            "python3 is needed for the example server");
    }

    void helpersFollowTheirImporters()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        // textutil.py: imported by a tool only, which answers through it; bootutil.py: imported by
        // the entry point.
        QVERIFY(writeFile(project.path(u"textutil.py"_s), "def dress(text):\n    return text.upper()\n"));
        QVERIFY(writeFile(project.path(u"bootutil.py"_s), "STARTED = True\n"));
        QByteArray echo = readFile(project.path(u"tools/echo.py"_s));
        QVERIFY(echo.contains("\nNAME = "));
        echo.replace("\nNAME = ", "\nimport textutil\n\nNAME = ");
        const QByteArray answer = "return f\"{prefix}{arguments['message']}\"";
        QVERIFY(echo.contains(answer));
        echo.replace(answer, "return textutil.dress(f\"{prefix}{arguments['message']}\")");
        QVERIFY(writeFile(project.path(u"tools/echo.py"_s), echo));
        QByteArray main = readFile(project.path(u"main.py"_s));
        const QByteArray anchor = "from protocol.mcp_handler import McpServer  # noqa: E402\n";
        QVERIFY(main.contains(anchor));
        main.replace(anchor, QByteArray(anchor + "import bootutil  # noqa: E402,F401\n"));
        QVERIFY(writeFile(project.path(u"main.py"_s), main));

        Session session(seedConfig(project));
        QSignalSpy graphReady(&session, &Session::importGraphReady);
        QSignalSpy planned(&session, &Session::planned);
        QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
        QSignalSpy warnings(&session, &Session::warning);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeout);
        QVERIFY2(lastResult(finished).succeeded(), qPrintable(lastResult(finished).error));
        QTRY_COMPARE_WITH_TIMEOUT(graphReady.size(), 1, kTimeout);
        QVERIFY(graphReady.first().at(0).toInt() >= 20);
        const qint64 firstPid = lastResult(finished).pid;
        QCOMPARE(callEcho(session, u"Fox"_s), u"FOX"_s);

        // A helper of one tool: hot reload, the tool named, the same process, the new code answers.
        QVERIFY(
            appendToFile(project.path(u"textutil.py"_s), "\n\ndef dress(text):\n    return f'<{text}>'\n"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        ReloadPlan plan = lastPlan(planned);
        QCOMPARE(plan.strategy, ReloadStrategy::HotReload);
        QCOMPARE(plan.components, (QStringList { u"tools/echo.py"_s, u"tool_registry"_s }));
        QCOMPARE(plan.reasons,
            QStringList { u"textutil.py modified ← tools/echo.py → hot reload (rule \"tools/**/*.py\")"_s });
        QVERIFY2(lastResult(finished).succeeded(), qPrintable(lastResult(finished).error));
        QCOMPARE(lastResult(finished).performed, ReloadStrategy::HotReload);
        QCOMPARE(lastResult(finished).pid, firstPid);
        QCOMPARE(callEcho(session, u"Fox"_s), u"<Fox>"_s);
        QCOMPARE(session.orchestrator().server()->pid(), firstPid);

        // A second tool starts importing it: the next helper edit names both tools.
        QVERIFY(
            appendToFile(project.path(u"tools/word_count.py"_s), "\nimport textutil  # noqa: E402,F401\n"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kTimeout);
        QVERIFY(appendToFile(project.path(u"textutil.py"_s), "\n# one more line\n"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, kTimeout);
        plan = lastPlan(planned);
        QCOMPARE(plan.strategy, ReloadStrategy::HotReload);
        QCOMPARE(plan.components,
            (QStringList { u"tools/echo.py"_s, u"tools/word_count.py"_s, u"tool_registry"_s }));

        // A helper of the entry point: a new process.
        QVERIFY(appendToFile(project.path(u"bootutil.py"_s), "VERSION = 2\n"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, kTimeout);
        plan = lastPlan(planned);
        QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);
        QCOMPARE(plan.reasons,
            QStringList { u"bootutil.py modified ← main.py → full restart (rule \"main.py\")"_s });
        QVERIFY2(lastResult(finished).succeeded(), qPrintable(lastResult(finished).error));
        QVERIFY(lastResult(finished).pid != firstPid);
        QVERIFY2(warnings.isEmpty(),
            qPrintable(warnings.isEmpty() ? QString() : warnings.first().first().toString()));

        QSignalSpy done(&session, &Session::finished);
        session.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    }

    // More files than the start-up hash pass looks at: the graph still holds every module.
    void treeLargerThanTheStartupWalk()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        for (int i = 0; i <= Session::kMaxPrimedFiles; ++i)
            QVERIFY(writeFile(project.path(u"assets/a%1/n%2.txt"_s.arg(i % 50).arg(i)), "x"));
        int modules = 0;
        QDirIterator it(project.root(), { u"*.py"_s }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(u"/tests/"_s))
                ++modules;
        }
        Session session(seedConfig(project));
        QSignalSpy graphReady(&session, &Session::importGraphReady);
        QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(graphReady.size(), 1, kTimeout);
        QCOMPARE(graphReady.first().at(0).toInt(), modules);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeout);
        QSignalSpy done(&session, &Session::finished);
        session.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    }

    void followImportsOff()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        QVERIFY(writeFile(project.path(u"textutil.py"_s), "X = 1\n"));
        QByteArray echo = readFile(project.path(u"tools/echo.py"_s));
        echo.replace("\nNAME = ", "\nimport textutil  # noqa: F401\n\nNAME = ");
        QVERIFY(writeFile(project.path(u"tools/echo.py"_s), echo));
        Config config = seedConfig(project);
        config.watch.followImports = false;
        Session session(config);
        QSignalSpy planned(&session, &Session::planned);
        QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeout);
        QVERIFY(session.importGraph() == nullptr);
        QVERIFY(appendToFile(project.path(u"textutil.py"_s), "Y = 2\n"));
        QTRY_COMPARE_WITH_TIMEOUT(planned.size(), 1, kTimeout);
        QCOMPARE(lastPlan(planned).strategy, ReloadStrategy::FullRestart);
        QCOMPARE(lastPlan(planned).reasons,
            QStringList { u"textutil.py modified → full restart (default strategy)"_s });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        QSignalSpy done(&session, &Session::finished);
        session.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestImportGraphSession)
#include "tst_importgraph_session.moc"
