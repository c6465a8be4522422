// Fault: the server crashes and FoxReload restarts it. Promise: the restart's result (the `↻` line)
// lists the tools that changed against the crashed server's last known list — not every tool as
// newly added (docs/reliability.md).

#include "server/ReloadOrchestrator.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::ReloadResult)

namespace {
// Its first run offers FIRST_TOOLS and exits on the first tools/call; later runs offer LATER_TOOLS.
constexpr char kCrashOnceServer[] = R"(
import os, sys
import fixture_mcp as mcp
marker = os.environ["RUNS_FILE"]
first = not os.path.exists(marker)
open(marker, "a").write("run\n")
names = os.environ["FIRST_TOOLS" if first else "LATER_TOOLS"].split(",")
def call(request_id, params):
    if first:
        mcp.log("crash_once", "crashing at the first tools/call")
        os._exit(3)
    mcp.result(request_id, {"content": [{"type": "text", "text": "ok"}], "isError": False})
mcp.serve("crash_once", {"tools/call": call}, [mcp.tool(n, n) for n in names])
)";
} // namespace

class TestFaultsCrashTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ReloadResult>(); }

    void crashRestartComparesWithTheCrashedTools_data()
    {
        QTest::addColumn<QString>("firstTools");
        QTest::addColumn<QString>("laterTools");
        QTest::addColumn<QStringList>("added");
        QTest::addColumn<QStringList>("removed");
        QTest::newRow("same tools") << u"alpha,beta"_s << u"alpha,beta"_s << QStringList {} << QStringList {};
        QTest::newRow("one replaced")
            << u"alpha,beta"_s << u"beta,gamma"_s << QStringList { u"gamma"_s } << QStringList { u"alpha"_s };
    }

    void crashRestartComparesWithTheCrashedTools()
    {
        QFETCH(QString, firstTools);
        QFETCH(QString, laterTools);
        QFETCH(QStringList, added);
        QFETCH(QStringList, removed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile script(dir.filePath(u"crash_once.py"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kCrashOnceServer);
        script.close();

        Config config = Config::defaults(dir.path());
        config.server.command = u"python3"_s;
        config.server.args = { script.fileName() };
        config.server.cwd = dir.path();
        config.server.env.insert(
            u"PYTHONPATH"_s, QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/tests/fixtures"_s);
        config.server.env.insert(u"RUNS_FILE"_s, dir.filePath(u"runs"_s));
        config.server.env.insert(u"FIRST_TOOLS"_s, firstTools);
        config.server.env.insert(u"LATER_TOOLS"_s, laterTools);

        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto startup = finished.first().first().value<ReloadResult>();
        QVERIFY2(startup.succeeded(), qPrintable(startup.error + u'\n' + startup.errorDetail));
        QCOMPARE(orchestrator.server()->toolNames(), firstTools.split(u','));

        orchestrator.server()->client()->request(u"tools/call"_s,
            QJsonObject { { "name"_L1, firstTools.section(u',', 0, 0) } }, 5000,
            [](const jsonrpc::Reply&) {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        const auto restart = finished.last().first().value<ReloadResult>();
        QCOMPARE(restart.trigger, ReloadTrigger::CrashRestart);
        QVERIFY2(restart.succeeded(), qPrintable(restart.error + u'\n' + restart.errorDetail));
        QCOMPARE(restart.toolCount, int(laterTools.split(u',').size()));
        QCOMPARE(restart.toolsAdded, added);
        QCOMPARE(restart.toolsRemoved, removed);
    }
};

QTEST_GUILESS_MAIN(TestFaultsCrashTools)
#include "tst_faults_crashtools.moc"
