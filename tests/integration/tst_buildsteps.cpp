// server.build with a real tsc (tests/mcp-clients/node_modules/.bin/tsc): a small TypeScript MCP
// server is compiled before every start, a type error fails the reload while the running server
// keeps serving, edits during a slow build restart it without piling up, a build that runs too
// long is stopped, and a hot reload builds only when its rule says build: true.

#include "server/ReloadOrchestrator.h"
#include "session/EventJson.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::ReloadResult)

namespace {
constexpr int kTimeout = 60000;

// Speaks newline-delimited JSON-RPC itself (no SDK, no @types/node): what matters here is
// that it is the compiled output that runs.
const char* const kServerTs = R"TS(declare const process: any;
import { TOOLS } from "./tools.js";

let buffer = "";
function send(message: unknown): void {
    process.stdout.write(JSON.stringify(message) + "\n");
}
function answer(message: any): void {
    const reply = (result: unknown) => send({ jsonrpc: "2.0", id: message.id, result });
    if (message.method === "initialize")
        reply({ protocolVersion: message.params.protocolVersion, capabilities: { tools: {} },
            serverInfo: { name: "ts-build", version: "1" } });
    else if (message.method === "tools/list")
        reply({ tools: TOOLS.map((name: string) => ({ name, inputSchema: { type: "object" } })) });
    else if (message.method === "foxreload/reload" || message.method === "ping")
        reply({});
    else
        send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "method not found" } });
}
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (line.trim() === "")
            continue;
        const message = JSON.parse(line);
        if (message.id !== undefined && message.method !== undefined)
            answer(message);
    }
});
process.stdin.on("end", () => process.exit(0));
)TS";

const char* const kTsconfig = R"({"compilerOptions": {"strict": true, "rootDir": "src", "outDir": "dist",
  "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "types": []},
 "include": ["src"]}
)";

QString tscPath()
{
    return QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/tests/mcp-clients/node_modules/.bin/tsc"_s;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
}

QByteArray toolsTs(const QStringList& tools)
{
    QByteArray list;
    for (const QString& tool : tools)
        list += (list.isEmpty() ? "\"" : ", \"") + tool.toUtf8() + '"';
    return "// the tools this server offers\nexport const TOOLS: string[] = [" + list + "];\n";
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ReloadResult lastResult(const QSignalSpy& spy)
{
    return spy.last().first().value<ReloadResult>();
}

} // namespace

class TestBuildSteps : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString& relative) const { return m_dir->filePath(relative); }

    // The project, and a config whose build is `prefix; tsc -p .` through sh (prefix: a slow
    // or counted build), or tsc directly.
    Config makeProject(const QString& shellPrefix = {})
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid() || !writeFile(path(u"src/server.ts"_s), kServerTs)
            || !writeFile(path(u"src/tools.ts"_s), toolsTs({ u"alpha"_s }))
            || !writeFile(path(u"tsconfig.json"_s), kTsconfig))
            return {};
        Config config = Config::defaults(m_dir->path());
        config.server.command = QStandardPaths::findExecutable(u"node"_s);
        config.server.args = { u"dist/server.js"_s };
        config.server.cwd = m_dir->path();
        config.server.readyTimeoutMs = 20000;
        if (shellPrefix.isEmpty()) {
            config.server.build.command = tscPath();
            config.server.build.args = { u"-p"_s, u"."_s };
        } else {
            config.server.build.command = u"sh"_s;
            config.server.build.args = { u"-c"_s, shellPrefix + u"; exec \"$TSC\" -p ."_s };
            config.server.env.insert(u"TSC"_s, tscPath());
        }
        config.watch.maxReloadsPerMinute = 0;
        return config;
    }

    ReloadPlan planFor(const QString& relative, ReloadStrategy strategy, const QString& rule = {})
    {
        FileChange change;
        change.path = path(relative);
        change.relativePath = relative;
        change.strategy = strategy;
        change.rule = rule;
        ReloadPlan plan;
        plan.strategy = strategy;
        plan.files = { change };
        plan.detectedAt = Clock::now();
        return plan;
    }

    static bool startAndWait(ReloadOrchestrator& orchestrator, QSignalSpy& finished)
    {
        orchestrator.start();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeout))
            return false;
        const ReloadResult result = lastResult(finished);
        if (!result.succeeded())
            qWarning().noquote() << result.error << result.errorDetail;
        return result.succeeded();
    }

    static void shutdown(ReloadOrchestrator& orchestrator)
    {
        QSignalSpy done(&orchestrator, &ReloadOrchestrator::shutdownComplete);
        orchestrator.shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ReloadResult>();
        qRegisterMetaType<BuildResult>();
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty() || !QFileInfo(tscPath()).isExecutable())
            QSKIP("node and tests/mcp-clients/node_modules (npm ci there) are needed for a real tsc");
    }

    void buildsBeforeEveryStart()
    {
        const Config config = makeProject();
        QVERIFY(!config.server.command.isEmpty());
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QSignalSpy buildStarted(&orchestrator, &ReloadOrchestrator::buildStarted);
        QSignalSpy buildFinished(&orchestrator, &ReloadOrchestrator::buildFinished);
        QVERIFY(startAndWait(orchestrator, finished));
        QCOMPARE(buildStarted.size(), 1);
        QVERIFY(buildStarted.at(0).at(1).toString().contains(u"tsc"_s));
        QCOMPARE(buildFinished.size(), 1);
        QVERIFY(QFile::exists(path(u"dist/server.js"_s)));
        const ReloadResult startup = lastResult(finished);
        QCOMPARE(startup.buildRuns, 1);
        QCOMPARE(startup.buildOutcome, BuildResult::Outcome::Succeeded);
        QVERIFY(startup.buildMs > 0);
        QCOMPARE(orchestrator.server()->toolNames(), QStringList { u"alpha"_s });
        const qint64 firstPid = startup.pid;

        // An edit, a restart: the new server runs what was just compiled.
        QVERIFY(writeFile(path(u"src/tools.ts"_s), toolsTs({ u"alpha"_s, u"beta"_s })));
        orchestrator.submit(planFor(u"src/tools.ts"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        const ReloadResult restart = lastResult(finished);
        QVERIFY2(restart.succeeded(), qPrintable(restart.error));
        QCOMPARE(restart.buildRuns, 1);
        QVERIFY(restart.buildMs > 0);
        // The build is its own figure: the total holds it, the reload's own duration does not.
        QCOMPARE(restart.totalMs, restart.detectToStartMs + restart.buildMs + restart.startToReadyMs);
        QVERIFY(restart.pid != firstPid);
        QCOMPARE(orchestrator.server()->toolNames(), (QStringList { u"alpha"_s, u"beta"_s }));
        qInfo("build %lld ms, restart %lld ms", restart.buildMs, restart.startToReadyMs);
        shutdown(orchestrator);
    }

    void failedBuildKeepsTheServerServing()
    {
        const Config config = makeProject();
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QVERIFY(startAndWait(orchestrator, finished));
        const qint64 pid = lastResult(finished).pid;
        QSignalSpy created(&orchestrator, &ReloadOrchestrator::serverCreated);

        // Line 2: a number where a string list is declared.
        QVERIFY(writeFile(path(u"src/tools.ts"_s), "// the tools\nexport const TOOLS: string[] = [42];\n"));
        orchestrator.submit(planFor(u"src/tools.ts"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        const ReloadResult failed = lastResult(finished);
        QCOMPARE(failed.outcome, ReloadOutcome::Failed);
        QCOMPARE(failed.buildOutcome, BuildResult::Outcome::Failed);
        QVERIFY(failed.buildError.has_value());
        QCOMPARE(failed.buildError->file, u"src/tools.ts"_s);
        QCOMPARE(failed.buildError->line, 2);
        QCOMPARE(failed.buildError->tool, u"tsc"_s);
        QVERIFY2(
            failed.error.startsWith(u"build failed: src/tools.ts:2: TS2322"_s), qPrintable(failed.error));
        QVERIFY(failed.error.contains(u"keeps serving"_s));
        QVERIFY(failed.errorDetail.contains(u"TS2322"_s)); // the whole output
        // The --json / event-socket form.
        const QJsonObject event = eventjson::reloadFinished(failed, m_dir->path());
        QCOMPARE(event.value("outcome"_L1).toString(), u"failed"_s);
        const QJsonObject build = event.value("build"_L1).toObject();
        QCOMPARE(build.value("outcome"_L1).toString(), u"failed"_s);
        QCOMPARE(build.value("runs"_L1).toInt(), 1);
        QCOMPARE(build.value("ms"_L1).toInteger(), failed.buildMs);
        const QJsonObject firstError = build.value("error"_L1).toObject();
        QCOMPARE(firstError.value("file"_L1).toString(), u"src/tools.ts"_s);
        QCOMPARE(firstError.value("line"_L1).toInt(), 2);
        QCOMPARE(firstError.value("tool"_L1).toString(), u"tsc"_s);
        QVERIFY(firstError.value("message"_L1).toString().startsWith(u"TS2322: "_s));
        // The old server was never touched: no new one was made, the same pid serves.
        QCOMPARE(created.size(), 0);
        QCOMPARE(failed.pid, pid);
        QCOMPARE(orchestrator.state(), ReloadOrchestrator::State::Ready);
        QCOMPARE(orchestrator.server()->pid(), pid);
        bool answered = false;
        orchestrator.server()->client()->request(
            u"tools/list"_s, {}, 5000, [&](const jsonrpc::Reply& reply) { answered = reply.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);

        // Fixed: the next reload builds and restarts.
        QVERIFY(writeFile(path(u"src/tools.ts"_s), toolsTs({ u"gamma"_s })));
        orchestrator.submit(planFor(u"src/tools.ts"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kTimeout);
        QVERIFY(lastResult(finished).succeeded());
        QCOMPARE(orchestrator.server()->toolNames(), QStringList { u"gamma"_s });
        shutdown(orchestrator);
    }

    void editsDuringABuildDoNotPileUp()
    {
        // Each run notes itself, then takes 1.5 s before tsc: a slow build.
        const Config config = makeProject(u"echo run >> builds.log; sleep 1.5"_s);
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QVERIFY(startAndWait(orchestrator, finished));
        QVERIFY(QFile::remove(path(u"builds.log"_s)));
        QSignalSpy buildFinished(&orchestrator, &ReloadOrchestrator::buildFinished);

        // Five edits, 100 ms apart, the first one starting a build.
        for (int edit = 1; edit <= 5; ++edit) {
            QVERIFY(writeFile(path(u"src/tools.ts"_s), toolsTs({ u"edit%1"_s.arg(edit) })));
            orchestrator.submit(planFor(u"src/tools.ts"_s, ReloadStrategy::FullRestart));
            if (edit == 1)
                QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(u"builds.log"_s)), kTimeout);
            else
                QTest::qWait(100);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        QTest::qWait(500); // nothing else follows
        QCOMPARE(finished.size(), 2);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        const QByteArray runs = readAll(path(u"builds.log"_s));
        QVERIFY2(runs.count('\n') <= 2, runs.constData());
        QCOMPARE(result.buildRuns, 2);
        QCOMPARE(buildFinished.size(), 2);
        QCOMPARE(buildFinished.at(0).at(1).value<BuildResult>().outcome, BuildResult::Outcome::Cancelled);
        QCOMPARE(buildFinished.at(1).at(1).value<BuildResult>().outcome, BuildResult::Outcome::Succeeded);
        // The last edit is what serves, and every edit's file is in the one plan.
        QCOMPARE(orchestrator.server()->toolNames(), QStringList { u"edit5"_s });
        qInfo("5 edits: %lld build runs, build %lld ms", qint64(runs.count('\n')), result.buildMs);
        shutdown(orchestrator);
    }

    void buildTimeout()
    {
        Config config = makeProject(u"if [ -f slow ]; then sleep 30; fi"_s);
        config.server.buildTimeoutMs = 6000; // tsc itself takes up to ~2 s on a busy machine
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QVERIFY(startAndWait(orchestrator, finished));
        const qint64 pid = lastResult(finished).pid;
        QVERIFY(writeFile(path(u"slow"_s), "1"));
        orchestrator.submit(planFor(u"src/tools.ts"_s, ReloadStrategy::FullRestart));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        const ReloadResult result = lastResult(finished);
        QCOMPARE(result.outcome, ReloadOutcome::Failed);
        QCOMPARE(result.buildOutcome, BuildResult::Outcome::TimedOut);
        QVERIFY2(
            result.buildMs >= 5900 && result.buildMs < 20000, qPrintable(QString::number(result.buildMs)));
        QVERIFY2(result.error.contains(u"timed out"_s), qPrintable(result.error));
        QCOMPARE(orchestrator.server()->pid(), pid);
        QCOMPARE(orchestrator.state(), ReloadOrchestrator::State::Ready);
        shutdown(orchestrator);
    }

    void hotReloadBuildsWhenItsRuleSays_data()
    {
        QTest::addColumn<bool>("ruleBuilds");
        QTest::newRow("build: true") << true;
        QTest::newRow("build: false") << false;
    }

    void hotReloadBuildsWhenItsRuleSays()
    {
        QFETCH(bool, ruleBuilds);
        Config config = makeProject();
        Rule rule;
        rule.match = u"src/tools.ts"_s;
        rule.strategy = ReloadStrategy::HotReload;
        rule.build = ruleBuilds;
        config.rules = { rule };
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        QVERIFY(startAndWait(orchestrator, finished));
        const qint64 pid = lastResult(finished).pid;
        QSignalSpy buildStarted(&orchestrator, &ReloadOrchestrator::buildStarted);
        QVERIFY(writeFile(path(u"src/tools.ts"_s), toolsTs({ u"delta"_s })));
        orchestrator.submit(planFor(u"src/tools.ts"_s, ReloadStrategy::HotReload, u"src/tools.ts"_s));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.performed, ReloadStrategy::HotReload);
        QCOMPARE(result.pid, pid);
        QCOMPARE(buildStarted.size(), ruleBuilds ? 1 : 0);
        QCOMPARE(result.buildRuns, ruleBuilds ? 1 : 0);
        QCOMPARE(result.buildMs > 0, ruleBuilds);
        QCOMPARE(readAll(path(u"dist/tools.js"_s)).contains("delta"), ruleBuilds);
        QCOMPARE(eventjson::reloadFinished(result).contains("build"_L1), ruleBuilds);
        shutdown(orchestrator);
    }
};

QTEST_GUILESS_MAIN(TestBuildSteps)
#include "tst_buildsteps.moc"
