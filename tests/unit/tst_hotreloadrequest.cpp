// What ReloadOrchestrator asks a server for in a hot reload: the scopes, each scope's params, and
// the error detail it keeps when the server reports an error in the user's code.
#include "server/HotReloadRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace foxreload;
using namespace Qt::StringLiterals;

namespace {

// "hot_reload:tools/a.py:weather,geo" -> a file of that strategy and components.
ReloadPlan planOf(const QStringList& files)
{
    ReloadPlan plan;
    for (const QString& spec : files) {
        const QStringList parts = spec.split(u':');
        FileChange change;
        change.strategy = strategyFromName(parts.at(0)).value();
        change.path = u"/p/"_s + parts.at(1);
        change.relativePath = parts.at(1);
        if (parts.size() > 2)
            change.components = parts.at(2).split(u',');
        plan.files.append(change);
    }
    return plan;
}

} // namespace

class TestHotReloadRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scopes_data();
    void scopes();
    void params_data();
    void params();
    void errorDetail_data();
    void errorDetail();
    void saysToolsUnchanged_data();
    void saysToolsUnchanged();
};

void TestHotReloadRequest::scopes_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QStringList>("scopes");
    QTest::newRow("tools") << QStringList { u"hot_reload:a.py"_s } << u"hot_reload"_s
                           << QStringList { u"tools"_s };
    QTest::newRow("services") << QStringList { u"service_restart:db.py"_s } << u"service_restart"_s
                              << QStringList { u"services"_s };
    QTest::newRow("both: services first")
        << QStringList { u"hot_reload:a.py"_s, u"service_restart:db.py"_s } << u"service_restart"_s
        << QStringList { u"services"_s, u"tools"_s };
    QTest::newRow("no files, service restart")
        << QStringList {} << u"service_restart"_s << QStringList { u"services"_s };
    QTest::newRow("no files, hot reload") << QStringList {} << u"hot_reload"_s << QStringList { u"tools"_s };
    QTest::newRow("only files of other strategies")
        << QStringList { u"none:README.md"_s } << u"hot_reload"_s << QStringList { u"tools"_s };
}

void TestHotReloadRequest::scopes()
{
    QFETCH(QStringList, files);
    QFETCH(QString, requested);
    QFETCH(QStringList, scopes);
    QCOMPARE(hotreload::scopes(planOf(files), strategyFromName(requested).value()), scopes);
}

void TestHotReloadRequest::params_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QStringList>("expectedFiles");
    QTest::addColumn<QStringList>("expectedComponents");
    const QStringList mixed { u"hot_reload:tools/a.py:weather,geo"_s, u"service_restart:db.py:db"_s,
        u"hot_reload:tools/b.py:geo"_s, u"full_restart:main.py:app"_s };
    QTest::newRow("tools: each component once")
        << mixed << u"tools"_s << QStringList { u"/p/tools/a.py"_s, u"/p/tools/b.py"_s }
        << QStringList { u"weather"_s, u"geo"_s };
    QTest::newRow("services") << mixed << u"services"_s << QStringList { u"/p/db.py"_s }
                              << QStringList { u"db"_s };
    QTest::newRow("no file of the scope")
        << QStringList { u"hot_reload:a.py"_s } << u"services"_s << QStringList {} << QStringList {};
}

void TestHotReloadRequest::params()
{
    QFETCH(QStringList, files);
    QFETCH(QString, scope);
    QFETCH(QStringList, expectedFiles);
    QFETCH(QStringList, expectedComponents);
    const QJsonObject params = hotreload::params(planOf(files), scope);
    QCOMPARE(params.size(), 3);
    QCOMPARE(params.value("scope"_L1).toString(), scope);
    QCOMPARE(params.value("files"_L1).toArray(), QJsonArray::fromStringList(expectedFiles));
    QCOMPARE(params.value("components"_L1).toArray(), QJsonArray::fromStringList(expectedComponents));
}

void TestHotReloadRequest::errorDetail_data()
{
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QString>("detail");
    QTest::newRow("none") << QJsonValue() << QString();
    QTest::newRow("a string") << QJsonValue(u"boom"_s) << u"boom"_s;
    QTest::newRow("traceback wins") << QJsonValue(
        QJsonObject { { "traceback"_L1, u"Traceback ..."_s }, { "detail"_L1, u"short"_s } })
                                    << u"Traceback ..."_s;
    QTest::newRow("detail") << QJsonValue(QJsonObject { { "detail"_L1, u"short"_s } }) << u"short"_s;
    QTest::newRow("an object without either") << QJsonValue(QJsonObject { { "x"_L1, 1 } }) << QString();
    QTest::newRow("a number") << QJsonValue(42) << QString();
}

void TestHotReloadRequest::errorDetail()
{
    QFETCH(QJsonValue, data);
    QFETCH(QString, detail);
    jsonrpc::Reply reply;
    reply.status = jsonrpc::Reply::Status::Error;
    reply.errorCode = -32000;
    reply.errorMessage = u"reload failed"_s;
    reply.errorData = data;
    QCOMPARE(hotreload::errorDetail(reply), detail);
}

void TestHotReloadRequest::saysToolsUnchanged_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("unchanged");
    // The example server's answer, and what a server that says nothing about its tools sends.
    QTest::newRow("false") << QByteArray(R"({"result": {"reloaded": ["tools.echo"], "toolsChanged": false}})")
                           << true;
    QTest::newRow("true") << QByteArray(R"({"result": {"toolsChanged": true}})") << false;
    QTest::newRow("left out (the TypeScript adapter)")
        << QByteArray(R"({"result": {"reloaded": ["src/tools/a.ts"], "generation": 2}})") << false;
    QTest::newRow("not a boolean") << QByteArray(R"({"result": {"toolsChanged": "false"}})") << false;
    QTest::newRow("zero") << QByteArray(R"({"result": {"toolsChanged": 0}})") << false;
    QTest::newRow("null") << QByteArray(R"({"result": {"toolsChanged": null}})") << false;
    QTest::newRow("a result that is no object") << QByteArray(R"({"result": [false]})") << false;
    QTest::newRow("an error, whatever its data says")
        << QByteArray(R"({"error": {"code": -32000, "message": "x", "data": {"toolsChanged": false}}})")
        << false;
}

void TestHotReloadRequest::saysToolsUnchanged()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, unchanged);
    QJsonObject message = QJsonDocument::fromJson(answer).object();
    QVERIFY(!message.isEmpty());
    message.insert("jsonrpc"_L1, u"2.0"_s);
    message.insert("id"_L1, 7);
    QCOMPARE(hotreload::saysToolsUnchanged(jsonrpc::Reply::fromMessage(message)), unchanged);
}

QTEST_GUILESS_MAIN(TestHotReloadRequest)
#include "tst_hotreloadrequest.moc"
