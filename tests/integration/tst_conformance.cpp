// The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in
// tests/mcp-clients) run against FoxReload's HTTP front.
//
// Server scenarios, against tests/fixtures/conformance-server (written to the suite's names):
//   direct         the fixture's own Streamable HTTP endpoint: the baseline
//   listen         `foxreload proxy --listen 127.0.0.1:0 -- node server.mjs` (the fixture on stdio)
//   listen+edits   the same while a file the proxy watches is edited every 1.5 s: the fixture
//                  restarts under the suite (at least two restarts while it runs)
// Every scenario that passes directly must pass in the other two.
//
// Client scenarios, with FoxReload's HTTP-behind path as the client under test (`foxreload proxy
// --url SUITE_URL`, driven over stdio by client-through-foxreload.mjs): initialize, tools_call,
// sse-retry, elicitation-sep1034-client-defaults. The suite's auth/* client scenarios need an OAuth
// client, which FoxReload is not; they are not run (docs/proxy.md says so).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kClients = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/mcp-clients");
const QString kFixture = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures/conformance-server/server.mjs");
const QString kClientDriver
    = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures/conformance-server/client-through-foxreload.mjs");
constexpr int kSuiteTimeoutMs = 240000;

struct ScenarioResult
{
    int passed = 0;
    int failed = 0;
    QStringList failures; // "check id: message"
    bool passes() const { return passed > 0 && failed == 0; }
};
using Results = QMap<QString, ScenarioResult>;

// checks.json of every scenario the suite wrote to `dir` (a folder "PREFIX-SCENARIO-TIMESTAMP" each).
Results readResults(const QString& dir, const QString& prefix)
{
    Results results;
    const QRegularExpression name(u"^%1(.+)-\\d{4}-\\d\\d-\\d\\dT[0-9-]+Z$"_s.arg(prefix));
    QDirIterator it(dir, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString path = it.next();
        const auto match = name.match(QFileInfo(path).fileName());
        QFile file(path + u"/checks.json"_s);
        if (!match.hasMatch() || !file.open(QIODevice::ReadOnly))
            continue;
        ScenarioResult& result = results[match.captured(1)];
        const QJsonArray checks = QJsonDocument::fromJson(file.readAll()).array();
        for (const QJsonValue& check : checks) {
            const QString status = check[u"status"_s].toString();
            if (status == u"SUCCESS"_s)
                ++result.passed;
            else if (status == u"FAILURE"_s) {
                ++result.failed;
                result.failures += check[u"id"_s].toString() + u": "_s + check[u"errorMessage"_s].toString();
            }
        }
    }
    return results;
}

QString score(const Results& results)
{
    int passed = 0, failed = 0, scenarios = 0;
    for (const ScenarioResult& result : results) {
        passed += result.passed;
        failed += result.failed;
        scenarios += result.passes() ? 1 : 0;
    }
    return u"%1 checks passed, %2 failed; %3 of %4 scenarios pass"_s.arg(passed)
        .arg(failed)
        .arg(scenarios)
        .arg(results.size());
}

// Runs the conformance CLI from tests/mcp-clients (Node 20 needs the node20-compat preload).
bool runSuite(const QStringList& arguments, const QProcessEnvironment& env, QByteArray* output)
{
    QProcess suite;
    suite.setWorkingDirectory(kClients);
    suite.setProcessEnvironment(env);
    suite.setProcessChannelMode(QProcess::MergedChannels);
    suite.start(u"node"_s,
        QStringList { u"--import"_s, u"./node20-compat.mjs"_s,
            u"node_modules/@modelcontextprotocol/conformance/dist/index.js"_s }
            + arguments);
    if (!suite.waitForStarted())
        return false;
    const bool ended = QTest::qWaitFor(
        [&] {
            *output += suite.readAll();
            return suite.state() == QProcess::NotRunning;
        },
        kSuiteTimeoutMs);
    *output += suite.readAll();
    if (!ended) {
        suite.kill();
        suite.waitForFinished(5000);
    }
    return ended;
}

// Reads JSON event lines from a `--json` process's stderr (text lines, if any, are skipped).
struct EventReader
{
    QByteArray buffer;
    QByteArray all;
    QList<QJsonObject> events;
    void read(QProcess& process)
    {
        const QByteArray chunk = process.readAllStandardError();
        all += chunk;
        buffer += chunk;
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QJsonObject event = QJsonDocument::fromJson(buffer.left(end)).object();
            buffer.remove(0, end + 1);
            if (!event.isEmpty())
                events += event;
        }
    }
    int count(const QString& name, const QString& key = {}, const QJsonValue& value = {}) const
    {
        return int(std::count_if(events.cbegin(), events.cend(), [&](const QJsonObject& event) {
            return event[u"event"_s] == name && (key.isEmpty() || event[key] == value);
        }));
    }
};

void stop(QProcess& process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT
private:
    Results m_direct;

    Results serverScenarios(const QString& url, const QString& outDir, QByteArray* output)
    {
        if (!runSuite({ u"server"_s, u"--url"_s, url, u"-o"_s, outDir },
                QProcessEnvironment::systemEnvironment(), output))
            return {};
        return readResults(outDir, u"server-"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not installed");
        for (const char* module : { "@modelcontextprotocol/conformance", "@modelcontextprotocol/sdk" })
            if (!QFileInfo::exists(kClients + u"/node_modules/"_s + QLatin1String(module)))
                QSKIP("tests/mcp-clients/node_modules is missing: run `npm ci` there (scripts/dev.sh deps "
                      "does)");
    }

    // (a) The baseline: the fixture's own HTTP endpoint.
    void serverScenariosDirect()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess fixture;
        fixture.start(u"node"_s, { kFixture, u"--http"_s, u"--port"_s, u"0"_s });
        QVERIFY(fixture.waitForStarted());
        QByteArray stderrText;
        QString url;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         stderrText += fixture.readAllStandardError();
                         url = QRegularExpression(u"listening (http://\\S+)"_s)
                                   .match(QString::fromUtf8(stderrText))
                                   .captured(1);
                         return !url.isEmpty() || fixture.state() == QProcess::NotRunning;
                     },
                     30000),
            stderrText.constData());
        QVERIFY2(!url.isEmpty(), stderrText.constData());

        QByteArray output;
        m_direct = serverScenarios(url, dir.path(), &output);
        stop(fixture);
        qInfo("direct: %s", qPrintable(score(m_direct)));
        // The fixture is written for the suite: everything it runs by default passes.
        QVERIFY2(m_direct.size() >= 30, output.constData());
        for (auto it = m_direct.cbegin(); it != m_direct.cend(); ++it)
            QVERIFY2(it->passes(), qPrintable(it.key() + u": "_s + it->failures.join(u"; "_s)));
    }

    // (b), (c) Through `foxreload proxy --listen`, with and without restarts under the suite.
    void serverScenariosThroughFoxReload_data()
    {
        QTest::addColumn<bool>("restarting");
        QTest::newRow("listen") << false;
        QTest::newRow("listen, restart every 1.5 s") << true;
    }
    void serverScenariosThroughFoxReload()
    {
        QFETCH(bool, restarting);
        if (m_direct.isEmpty())
            QSKIP("the direct run did not complete: nothing to compare with");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project));
        const QString toolsFile = project + u"/tools.json"_s;
        const auto writeTools = [&](int generation) {
            QFile file(toolsFile);
            if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                file.write("[\"dynamic_" + QByteArray::number(generation) + "\"]\n");
        };
        writeTools(0);

        QProcess proxy;
        proxy.setWorkingDirectory(project);
        proxy.setStandardInputFile(QProcess::nullDevice()); // HTTP clients only
        proxy.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            { u"proxy"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--json"_s, u"--no-game"_s, u"--no-socket"_s,
                u"--db"_s, dir.filePath(u"h.sqlite"_s), u"--watch"_s, project, u"--"_s, u"node"_s, kFixture,
                u"--tools-file"_s, toolsFile });
        QVERIFY(proxy.waitForStarted());
        EventReader events;
        QString url;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         events.read(proxy);
                         for (const QJsonObject& event : std::as_const(events.events))
                             if (event[u"event"_s] == u"http_listening"_s)
                                 url = event[u"url"_s].toString();
                         // The server starts with the first client: the URL is all there is to wait for.
                         return !url.isEmpty() || proxy.state() == QProcess::NotRunning;
                     },
                     60000),
            events.all.constData());
        QVERIFY2(!url.isEmpty(), events.all.constData());

        // Edits every 1.5 s from the event loop while the suite runs (runSuite spins it).
        int generation = 0;
        QTimer editor;
        editor.setInterval(1500);
        connect(&editor, &QTimer::timeout, this, [&] { writeTools(++generation); });
        // A run of the suite takes a few seconds and a restart of the fixture one or two: with
        // edits, the suite runs again (up to three times) until at least two restarts fell into
        // its runs. Every run must pass what passes directly.
        const auto restartsSoFar = [&] {
            events.read(proxy);
            return events.count(u"reload_finished"_s, u"trigger"_s, u"file_change"_s);
        };
        const int restartsBefore = restartsSoFar();
        if (restarting)
            editor.start();
        int restarts = 0;
        for (int run = 1; run <= (restarting ? 3 : 1) && (run == 1 || restarts < 2); ++run) {
            QByteArray output;
            const Results through = serverScenarios(url, dir.filePath(u"results-%1"_s.arg(run)), &output);
            restarts = restartsSoFar() - restartsBefore;
            qInfo("%s, run %d: %s; %d restarts so far", QTest::currentDataTag(), run,
                qPrintable(score(through)), restarts);
            QVERIFY2(!through.isEmpty(), output.constData());
            for (auto it = m_direct.cbegin(); it != m_direct.cend(); ++it) {
                if (!it->passes())
                    continue;
                const ScenarioResult result = through.value(it.key());
                QVERIFY2(result.passes(),
                    qPrintable(u"%1 passes directly but not through FoxReload: %2\n%3"_s.arg(
                        it.key(), result.failures.join(u"; "_s), QString::fromUtf8(events.all.right(4000)))));
            }
        }
        editor.stop();
        stop(proxy);
        if (restarting)
            QVERIFY2(restarts >= 2,
                qPrintable(u"only %1 restarts while the suite ran: the edits did not reach the server\n%2"_s
                               .arg(restarts)
                               .arg(QString::fromUtf8(events.all.right(4000)))));
        else
            QCOMPARE(restarts, 0);
    }

    // FoxReload's HTTP-behind path as the client the suite tests.
    void clientScenarios_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const char* scenario :
            { "initialize", "tools_call", "sse-retry", "elicitation-sep1034-client-defaults" })
            QTest::newRow(scenario) << QString::fromLatin1(scenario);
    }
    void clientScenarios()
    {
        QFETCH(QString, scenario);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"FOXRELOAD_BIN"_s, QStringLiteral(FOXRELOAD_EXECUTABLE));
        env.insert(u"FOXRELOAD_WORKDIR"_s, dir.path());
        QByteArray output;
        // The suite splits --command at spaces: the paths in it must have none.
        QVERIFY2(!kClientDriver.contains(u' '), "the source path contains a space");
        QVERIFY(runSuite({ u"client"_s, u"--command"_s, u"node "_s + kClientDriver, u"--scenario"_s, scenario,
                             u"-o"_s, dir.filePath(u"results"_s) },
            env, &output));
        const Results results = readResults(dir.filePath(u"results"_s), {});
        qInfo("client %s: %s", qPrintable(scenario), qPrintable(score(results)));
        QVERIFY2(results.contains(scenario), output.constData());
        QVERIFY2(results.value(scenario).passes(),
            qPrintable(results.value(scenario).failures.join(u"; "_s) + u"\n"_s + QString::fromUtf8(output)));
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
