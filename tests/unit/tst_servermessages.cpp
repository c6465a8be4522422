// What a server says reaches the user as it said it: texts from the server (error messages) and
// from the config (method names) are placed in FoxReload's messages verbatim, even when they
// contain QString::arg() placeholders such as %1 and %2 themselves.

#include "common/ExampleProject.h"
#include "server/JsonRpc.h"
#include "server/McpClient.h"
#include "server/ReloadOrchestrator.h"
#include "server/ServerChannel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
// A channel nobody answers on: every request times out.
class SilentChannel : public ServerChannel
{
public:
    bool isOpen() const override { return true; }
    QString describe() const override { return u"nowhere"_s; }

protected:
    void writeMessage(const QByteArray&) override { }
};

// Answers the opening; then the hot reload method (FIXTURE_HOT) with an error whose message is
// FIXTURE_MESSAGE, or not at all (FIXTURE_HOT=silent). With FIXTURE_INIT=refuse, initialize and
// server/discover are refused with FIXTURE_MESSAGE instead.
const QByteArray kServer = R"PY(
import json, os, sys
hot, message = os.environ["FIXTURE_HOT"], os.environ["FIXTURE_MESSAGE"]
refuse = os.environ.get("FIXTURE_INIT") == "refuse"
def send(obj):
    print(json.dumps(obj), flush=True)
for line in sys.stdin:
    msg = json.loads(line)
    method, mid = msg.get("method"), msg.get("id")
    if mid is None:
        continue
    if method in ("initialize", "server/discover") and refuse:
        send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32000, "message": message}})
    elif method == "initialize":
        send({"jsonrpc": "2.0", "id": mid, "result": {"protocolVersion": msg["params"]["protocolVersion"],
              "capabilities": {"tools": {}}, "serverInfo": {"name": "texts", "version": "1"}}})
    elif method == "tools/list":
        send({"jsonrpc": "2.0", "id": mid, "result": {"tools": []}})
    elif hot == "silent":
        continue
    else:
        send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32000, "message": message}})
)PY";

ReloadPlan hotReloadPlan()
{
    ReloadPlan plan;
    plan.strategy = ReloadStrategy::HotReload;
    plan.detectedAt = Clock::now();
    return plan;
}
} // namespace

Q_DECLARE_METATYPE(foxreload::ReloadResult)

class TestServerMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ReloadResult>();
        QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(), "python3 runs the test server");
    }

    void texts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("%1 %2") << u"bad %1 %2 value"_s;
        QTest::newRow("%2 alone") << u"expected %2"_s;
        QTest::newRow("%1 at the end") << u"x%1"_s;
        QTest::newRow("localised %L1") << u"%L1 and %L2"_s;
        QTest::newRow("%99") << u"100% sure, %99"_s;
    }

    void replyDescribe_data() { texts_data(); }

    void replyDescribe()
    {
        QFETCH(QString, text);
        jsonrpc::Reply reply;
        reply.status = jsonrpc::Reply::Status::Error;
        reply.errorCode = -32000;
        reply.errorMessage = text;
        QCOMPARE(reply.describe(), text + u" (-32000)"_s);
    }

    void clientTimeoutNamesTheMethod_data() { texts_data(); }

    void clientTimeoutNamesTheMethod()
    {
        QFETCH(QString, text);
        SilentChannel channel;
        McpClient client(&channel);
        std::optional<jsonrpc::Reply> reply;
        client.request(text, QJsonObject {}, 1, [&reply](const jsonrpc::Reply& r) { reply = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
        QCOMPARE(reply->status, jsonrpc::Reply::Status::Timeout);
        QCOMPARE(reply->errorMessage, text + u" was not answered within 1 ms"_s);
    }

    // Through the orchestrator, against a real server process.
    void orchestratorKeepsServerText_data()
    {
        QTest::addColumn<QString>("case_"); // error | silent | refuse
        QTest::addColumn<QString>("method"); // server.hot_reload.method
        QTest::addColumn<QString>("message"); // the server's error message
        QTest::addColumn<QString>("expected"); // in the result's error or escalation reason

        QTest::newRow("hot reload error message")
            << u"error"_s << u"foxreload/reload"_s << u"NameError: %1 %2 not defined"_s
            << u"foxreload/reload failed: NameError: %1 %2 not defined"_s;
        QTest::newRow("hot reload method unanswered")
            << u"silent"_s << u"reload/%1%2"_s << u"unused"_s
            << u"the server did not answer reload/%1%2 within 300 ms"_s;
        QTest::newRow("opening refused") << u"refuse"_s << u"foxreload/reload"_s << u"refused: %2 then %1"_s
                                         << u"initialize failed: refused: %2 then %1 (-32000)"_s;
    }

    void orchestratorKeepsServerText()
    {
        QFETCH(QString, case_);
        QFETCH(QString, method);
        QFETCH(QString, message);
        QFETCH(QString, expected);

        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"server.py"_s), kServer));
        Config config = Config::defaults(dir.path());
        config.server.command = u"python3"_s;
        config.server.args = { dir.filePath(u"server.py"_s) };
        config.server.cwd = dir.path();
        config.server.hotReload.method = method;
        config.server.hotReload.timeoutMs = 300;
        config.server.shutdownGraceMs = 500;
        config.server.env.insert(u"FIXTURE_HOT"_s, case_ == u"silent"_s ? u"silent"_s : u"error"_s);
        config.server.env.insert(u"FIXTURE_MESSAGE"_s, message);
        if (case_ == u"refuse"_s)
            config.server.env.insert(u"FIXTURE_INIT"_s, u"refuse"_s);
        ReloadOrchestrator orchestrator(config);
        QSignalSpy finished(&orchestrator, &ReloadOrchestrator::reloadFinished);
        orchestrator.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        ReloadResult result = finished.last().first().value<ReloadResult>();
        if (case_ == u"refuse"_s) {
            QCOMPARE(result.outcome, ReloadOutcome::Failed);
            QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        } else {
            QVERIFY2(result.succeeded(), qPrintable(result.error));
            orchestrator.submit(hotReloadPlan());
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
            result = finished.last().first().value<ReloadResult>();
            const QString said = case_ == u"silent"_s ? result.escalationReason : result.error;
            QVERIFY2(said.contains(expected), qPrintable(said));
        }
        QSignalSpy down(&orchestrator, &ReloadOrchestrator::shutdownComplete);
        orchestrator.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestServerMessages)
#include "tst_servermessages.moc"
