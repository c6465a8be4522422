// ProjectController with the example server and a real .foxreload.yaml: edits made to the
// file outside the app are applied once trusted, and never run before.

#include "GuiTestSupport.h"
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "config/TrustStore.h"
#include "gui/ProjectController.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;
using namespace foxreload::test;

namespace {
constexpr int kReadyTimeout = 20000;

QByteArray configText(int debounceMs)
{
    return "# written by the test; comments stay the user's\n"
           "server:\n"
           "  command: python3\n"
           "  args: [main.py]\n"
           "  env: {PYTHONUNBUFFERED: \"1\", PYTHONDONTWRITEBYTECODE: \"1\"}\n"
           "  shutdown_grace_ms: 1000\n"
           "watch:\n"
           "  paths: [tools/]\n"
           "  debounce_ms: "
        + QByteArray::number(debounceMs)
        + "\n"
          "rules:\n"
          "  - {match: \"tools/**/*.py\", strategy: hot_reload}\n";
}
} // namespace

class TestProjectController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path())); // a trust store of our own
    }

    void externalEditWaitsForTrustThenApplies()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        const QString file = project.path(u".foxreload.yaml"_s);
        QVERIFY(writeFile(file, configText(50)));
        const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
        QVERIFY(loaded.ok());
        QVERIFY(TrustStore().trust(*loaded.config));

        ProjectController controller(*loaded.config);
        QSignalSpy applied(&controller, &ProjectController::configApplied);
        QVERIFY(controller.start());
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        const qint64 pid = controller.serverPid();

        // Someone else edits the file: nothing of it runs until it is trusted.
        QVERIFY(writeFile(file, configText(80)));
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Untrusted, 5000);
        QVERIFY(controller.hasChangeAwaitingTrust());
        QCOMPARE(controller.configToTrust().watch.debounceMs, 80);
        QCOMPARE(controller.config().watch.debounceMs, 50);
        QCOMPARE(controller.serverPid(), pid);
        QVERIFY(controller.session() != nullptr);
        QVERIFY(logContains(controller, u"was changed outside FoxReload"_s));

        QString error;
        QVERIFY2(controller.trustAndStart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QCOMPARE(controller.config().watch.debounceMs, 80);
        QVERIFY(controller.session());
        QCOMPARE(controller.session()->config().watch.debounceMs, 80);
        QVERIFY(!controller.hasChangeAwaitingTrust());

        // A version that is trusted already (e.g. checked out again) applies at once.
        const QByteArray trustedAgain = configText(120);
        QVERIFY(TrustStore().trustContents(file, trustedAgain));
        QVERIFY(writeFile(file, trustedAgain));
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QCOMPARE(controller.session()->config().watch.debounceMs, 120);

        // Comments only: nothing to apply, the session stays.
        Session* session = controller.session();
        QVERIFY(writeFile(file, "# another comment\n" + trustedAgain));
        QTest::qWait(ConfigFileMonitor::kSettleMs * 4);
        QCOMPARE(controller.session(), session);
        QCOMPARE(controller.status(), MonitoredSession::Status::Watching);

        // A broken edit keeps the running settings and says why.
        QVERIFY(writeFile(file, "watch:\n  debounce_ms: [\n"));
        QTRY_VERIFY_WITH_TIMEOUT(logContains(controller, u"cannot be used"_s), 5000);
        QCOMPARE(controller.session(), session);

        QSignalSpy stopped(&controller, &ProjectController::stopped);
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    }

    // The desktop app runs HTTP servers too (server.transport: http): a new port per generation.
    void httpServerIsWatchedAndReloaded()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"tools.txt"_s), "extra_tool\n"));
        const QString file = dir.filePath(u".foxreload.yaml"_s);
        QVERIFY(writeFile(file,
            u"server:\n  command: python3\n  args: [\"%1\"]\n  transport: http\n  shutdown_grace_ms: 300\n"
            u"  env: {HTTP_FIXTURE_TOOLS_FILE: tools.txt}\nwatch: {paths: [tools.txt], debounce_ms: 20}\n"_s
                .arg(QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures/http_server.py"))
                .toUtf8()));
        const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
        QVERIFY(loaded.ok());
        QVERIFY(TrustStore().trust(*loaded.config));
        ProjectController controller(*loaded.config);
        QVERIFY(controller.start());
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QVERIFY(controller.toolCount() > 0);
        const qint64 pid = controller.serverPid();
        QSignalSpy reloads(&controller, &MonitoredSession::reloadFinished);
        QVERIFY(writeFile(dir.filePath(u"tools.txt"_s), "extra_tool\nsecond_tool\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!reloads.isEmpty(), kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QVERIFY(controller.serverPid() != pid);
        QSignalSpy stopped(&controller, &ProjectController::stopped);
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    }

private:
    QTemporaryDir m_dataHome;
};

QTEST_MAIN(TestProjectController)
#include "tst_projectcontroller.moc"
