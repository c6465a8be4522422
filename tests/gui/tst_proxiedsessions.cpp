// A `foxreload proxy` started by an MCP client shows up in the desktop app next to its
// own projects, follows the proxy's reloads, and takes the app's commands.
#include "common/ExampleProject.h"
#include "gui/ProjectManager.h"
#include "gui/ProxiedSession.h"
#include "gui/SessionDirectory.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestProxiedSessions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void proxyAppearsAndIsSteered();

private:
    QTemporaryDir m_home;
};

void TestProxiedSessions::initTestCase()
{
    QVERIFY(m_home.isValid());
    // The proxy's event socket lives in the runtime directory: one private to this test.
    QDir(m_home.path()).mkpath(u"runtime"_s);
    QFile::setPermissions(m_home.filePath(u"runtime"_s),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", m_home.filePath(u"runtime"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toLocal8Bit());
}

void TestProxiedSessions::proxyAppearsAndIsSteered()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    QProcess proxy;
    proxy.setWorkingDirectory(project.root());
    proxy.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
        { u"proxy"_s, u"--trust"_s, u"--config"_s, project.path(u".foxreload.yaml"_s) });
    QVERIFY(proxy.waitForStarted());
    // What an MCP client says first; the proxy starts its session then.
    proxy.write(
        R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"tst_proxiedsessions","version":"1"}}})"
        "\n");
    QByteArray answer;
    QTRY_VERIFY2_WITH_TIMEOUT((answer += proxy.readAllStandardOutput()).contains("\"id\":1"),
        proxy.readAllStandardError().constData(), 30000);
    proxy.write(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                "\n");

    ProjectManager projects;
    SessionDirectory directory(&projects);
    directory.setPollInterval(200);
    directory.start();
    QTRY_COMPARE_WITH_TIMEOUT(projects.sessions().size(), 1, 20000);
    auto* session = qobject_cast<ProxiedSession*>(projects.sessions().first());
    QVERIFY(session);
    QVERIFY(session->isProxied());
    QCOMPARE(session->name(), u"project (proxy)"_s);
    QCOMPARE(session->location(), project.root());
    QTRY_COMPARE_WITH_TIMEOUT(session->status(), MonitoredSession::Status::Watching, 30000);
    QVERIFY(session->serverPid() > 0);

    QSignalSpy reloads(session, &MonitoredSession::reloadFinished);
    QVERIFY(test::appendToFile(project.path(u"tools/weather.py"_s), "\n# seen through the event socket\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!reloads.isEmpty(), 30000);
    const auto result = reloads.last().at(0).value<ReloadResult>();
    QVERIFY2(result.succeeded(), qPrintable(result.error));
    QCOMPARE(result.performed, ReloadStrategy::HotReload);
    QCOMPARE(result.plan.files.first().relativePath, u"tools/weather.py"_s);
    QVERIFY(session->eventLog()->rowCount() > 0);

    // The app's commands reach the proxy.
    session->setPaused(true);
    QTRY_COMPARE_WITH_TIMEOUT(session->status(), MonitoredSession::Status::Paused, 10000);
    session->setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(session->status(), MonitoredSession::Status::Watching, 10000);
    const qint64 pid = session->serverPid();
    session->restartNow();
    QTRY_VERIFY_WITH_TIMEOUT(session->serverPid() != pid && session->serverPid() > 0, 30000);

    // The client goes away: the proxy stops, and the session leaves the list.
    proxy.closeWriteChannel();
    QVERIFY(proxy.waitForFinished(30000));
    QTRY_VERIFY_WITH_TIMEOUT(projects.sessions().isEmpty(), 10000);
}

QTEST_GUILESS_MAIN(TestProxiedSessions)
#include "tst_proxiedsessions.moc"
