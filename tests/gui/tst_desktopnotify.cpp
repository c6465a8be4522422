// Notifications reach a real notification daemon: the test starts its own session bus
// (dbus-daemon) and a real `dunst` on it, drives reload results through Notifier →
// DesktopNotifications and reads back what dunst received with `dunstctl history`.
// dunst 1.9's history has no urgency field, so the test's dunstrc writes the urgency
// into the formatted message ("critical|summary|body") through urgency rules.
// Needs an X display (dunst draws its windows): run under Xvfb, e.g. through
// tests/gui/run-under-xvfb.sh; without a display, dbus-daemon or dunst it skips and says why.
#include "GuiTestSupport.h"
#include "common/DurationText.h"
#include "gui/DesktopNotifications.h"
#include "gui/Notifier.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "gui/TrayController.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

QString g_skipReason;
const QString kService = u"org.freedesktop.Notifications"_s;

struct Received
{
    QString summary;
    QString body; // as sent
    QString message; // as dunst formatted it: "urgency|summary|body"
    QString appName;
    QString iconPath;
    qint64 timeoutUs = -1;
    int id = 0;
};

void stopProcess(QProcess& process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000))
        process.kill();
    process.waitForFinished(5000);
}

} // namespace

class TestDesktopNotify : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void reloadOfARealSessionReachesDunst();
    void markupInTheBodyIsText();
    void burstUpdatesOneNotification();
    void actionsReachTheApp();
    void balloonWithoutAService();

private:
    QByteArray dunstctl(const QStringList& arguments);
    QList<Received> closeAllAndReadHistory();
    int displayedCount();
    bool startDunst();

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_dunst;
    QProcess m_trayer;
    QString m_address;
    int m_lastSeenId = 0; // history entries up to this id were read by an earlier step
    QProcessEnvironment m_env;
    std::optional<QDBusConnection> m_connection;
};

void TestDesktopNotify::initTestCase()
{
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(g_skipReason));
    for (const auto& tool : { u"dbus-daemon"_s, u"dunst"_s, u"dunstctl"_s, u"dbus-send"_s }) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QSKIP(qPrintable(u"`%1` is not installed (apt-get install dbus dunst)"_s.arg(tool)));
    }
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());

    // A private session bus: nothing of the developer's desktop is touched, nothing leaks into it.
    // Its own configuration: no service directories, so nothing is started by D-Bus activation
    // (dunst is activatable on a normal session bus, which would defeat the test without a service).
    QFile busConfig(m_dir.filePath(u"bus.conf"_s));
    QVERIFY(busConfig.open(QIODevice::WriteOnly));
    busConfig.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                    " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                    "<busconfig>\n  <type>session</type>\n  <listen>unix:dir="
        + m_dir.path().toUtf8()
        + "</listen>\n  <auth>EXTERNAL</auth>\n"
          "  <policy context=\"default\">\n    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
          "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n");
    busConfig.close();
    m_bus.start(u"dbus-daemon"_s,
        { u"--config-file="_s + busConfig.fileName(), u"--nofork"_s, u"--nopidfile"_s,
            u"--print-address=1"_s });
    QVERIFY2(m_bus.waitForStarted(5000), qPrintable(m_bus.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    QVERIFY2(m_address.startsWith(u"unix:"_s), qPrintable(m_address));
    qInfo().noquote() << "private bus" << m_address << "pid" << m_bus.processId();
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_address);
    m_connection = QDBusConnection::connectToBus(m_address, u"tst-desktopnotify"_s);
    QVERIFY2(m_connection->isConnected(), qPrintable(m_connection->lastError().message()));

    // dunst: urgency made visible in the history through rules; "Show error" picked by the "dmenu".
    QFile picker(m_dir.filePath(u"pick-action.sh"_s));
    QVERIFY(picker.open(QIODevice::WriteOnly));
    picker.write("grep -m1 'Show error'\n");
    picker.close();
    QFile rc(m_dir.filePath(u"dunstrc"_s));
    QVERIFY(rc.open(QIODevice::WriteOnly));
    rc.write("[global]\n    font = Monospace 9\n    markup = full\n    history_length = 100\n"
             "    dmenu = /bin/sh "
        + m_dir.filePath(u"pick-action.sh"_s).toUtf8()
        + "\n"
          "[fox-low]\n    msg_urgency = low\n    format = \"low|%s|%b\"\n"
          "[fox-normal]\n    msg_urgency = normal\n    format = \"normal|%s|%b\"\n"
          "[fox-critical]\n    msg_urgency = critical\n    format = \"critical|%s|%b\"\n");
    rc.close();
    QVERIFY(startDunst());

    // A tray host for the balloon of the last test, where one is installed.
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        const QString trayer = QStandardPaths::findExecutable(u"trayer"_s);
        if (!trayer.isEmpty()) {
            m_trayer.start(trayer,
                { u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"request"_s,
                    u"--height"_s, u"24"_s, u"--SetDockType"_s, u"true"_s });
            m_trayer.waitForStarted(5000);
        }
    }
}

bool TestDesktopNotify::startDunst()
{
    m_dunst.setProcessEnvironment(m_env);
    m_dunst.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_dunst.start(u"dunst"_s, { u"-config"_s, m_dir.filePath(u"dunstrc"_s) });
    if (!m_dunst.waitForStarted(5000))
        return false;
    QDBusConnectionInterface* bus = m_connection->interface();
    return QTest::qWaitFor([&] { return bus->isServiceRegistered(kService).value(); }, 15000);
}

void TestDesktopNotify::cleanupTestCase()
{
    stopProcess(m_trayer);
    stopProcess(m_dunst);
    if (m_connection)
        QDBusConnection::disconnectFromBus(m_connection->name());
    stopProcess(m_bus); // by the PID this test started, never by name
}

void TestDesktopNotify::init()
{
    if (m_dunst.state() == QProcess::Running)
        closeAllAndReadHistory(); // each test reads only its own notifications
}

QByteArray TestDesktopNotify::dunstctl(const QStringList& arguments)
{
    QProcess ctl;
    ctl.setProcessEnvironment(m_env);
    ctl.start(u"dunstctl"_s, arguments);
    if (!ctl.waitForFinished(10000) || ctl.exitCode() != 0) {
        qWarning().noquote() << "dunstctl" << arguments.join(u' ') << "failed:" << ctl.readAllStandardError();
        return {};
    }
    return ctl.readAllStandardOutput();
}

int TestDesktopNotify::displayedCount()
{
    return dunstctl({ u"count"_s, u"displayed"_s }).trimmed().toInt();
}

QList<Received> TestDesktopNotify::closeAllAndReadHistory()
{
    dunstctl({ u"close-all"_s });
    const QJsonObject root = QJsonDocument::fromJson(dunstctl({ u"history"_s })).object();
    QList<Received> received;
    const auto field = [](const QJsonObject& entry, const char* name) {
        return entry.value(QLatin1StringView(name)).toObject().value("data"_L1);
    };
    int newest = m_lastSeenId;
    for (const auto& group : root.value("data"_L1).toArray()) {
        for (const auto& value : group.toArray()) {
            const QJsonObject entry = value.toObject();
            const int id = field(entry, "id").toInt();
            newest = qMax(newest, id);
            if (id <= m_lastSeenId)
                continue; // dunst 1.9 cannot clear its history: read only what came since
            received.append({ field(entry, "summary").toString(), field(entry, "body").toString(),
                field(entry, "message").toString(), field(entry, "appname").toString(),
                field(entry, "icon_path").toString(), qint64(field(entry, "timeout").toDouble(-1)), id });
        }
    }
    m_lastSeenId = newest;
    return received;
}

void TestDesktopNotify::reloadOfARealSessionReachesDunst()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    ProjectManager projects;
    ProjectController* controller = projects.addProject(test::exampleConfigWithRules(project));
    Notifier notifier;
    notifier.setCoalesceWindow(0);
    DesktopNotifications desktop(*m_connection);
    QObject::connect(&notifier, &Notifier::notify, &desktop, &DesktopNotifications::show);
    QSignalSpy shown(&desktop, &DesktopNotifications::shown);
    QSignalSpy fallback(&desktop, &DesktopNotifications::fallbackNeeded);
    QList<ReloadResult> results;
    QObject::connect(
        controller, &MonitoredSession::reloadFinished, &notifier, [&](const ReloadResult& result) {
            results.append(result);
            notifier.reloadFinished(controller->name(), result);
        });

    QVERIFY(controller->start());
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    results.clear(); // the start is no news

    QVERIFY(test::appendToFile(project.path(u"tools/weather.py"_s), "\n# a real edit\n"));
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() == 1, 30000);
    QCOMPARE(results.size(), 1);
    QVERIFY(results.first().succeeded());
    QCOMPARE(desktop.availability(), DesktopNotifications::Availability::Available);
    QVERIFY(desktop.capabilities().contains(u"actions"_s));
    QList<Received> got = closeAllAndReadHistory();
    QCOMPARE(got.size(), 1);
    const QString name = controller->name();
    qInfo().noquote() << "dunst received:" << got.first().message;
    QCOMPARE(got.first().appName, u"FoxReload"_s);
    QCOMPARE(got.first().summary, name + u": hot reload done"_s);
    QVERIFY2(got.first().body.startsWith(u"tools/weather.py · "_s), qPrintable(got.first().body));
    // The reload's own duration, the figure the terminal prints.
    QVERIFY2(got.first().body.contains(u" · "_s + durationText(results.first().startToReadyMs)),
        qPrintable(got.first().body));
    QVERIFY2(got.first().message.startsWith(u"low|"_s), qPrintable(got.first().message));
    QCOMPARE(got.first().timeoutUs, 4'000'000);
    QVERIFY2(got.first().iconPath.endsWith(u".png"_s) && QFile::exists(got.first().iconPath),
        qPrintable(got.first().iconPath));

    // A syntax error: critical, stays until dismissed, says the error once.
    QVERIFY(test::appendToFile(project.path(u"tools/weather.py"_s), "\ndef broken(\n"));
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() == 2, 30000);
    QVERIFY(!results.last().succeeded());
    QTRY_COMPARE(displayedCount(), 1);
    got = closeAllAndReadHistory();
    QCOMPARE(got.size(), 1);
    qInfo().noquote() << "dunst received:" << got.first().message;
    QCOMPARE(got.first().summary, name + u": reload failed"_s);
    QVERIFY2(got.first().body.startsWith(u"SyntaxError: "_s), qPrintable(got.first().body));
    QVERIFY2(got.first().body.contains(u"weather.py"_s), qPrintable(got.first().body));
    QCOMPARE(got.first().body.count(u"SyntaxError"_s), 1);
    QVERIFY2(!got.first().body.contains(u"foxreload/reload"_s), qPrintable(got.first().body));
    QVERIFY2(got.first().message.startsWith(u"critical|"_s), qPrintable(got.first().message));
    QCOMPARE(got.first().timeoutUs, 0);
    QCOMPARE(fallback.size(), 0);

    QSignalSpy stopped(controller, &ProjectController::stopped);
    controller->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
}

void TestDesktopNotify::markupInTheBodyIsText()
{
    Notifier notifier;
    DesktopNotifications desktop(*m_connection);
    QObject::connect(&notifier, &Notifier::notify, &desktop, &DesktopNotifications::show);
    QSignalSpy shown(&desktop, &DesktopNotifications::shown);
    notifier.sessionProblem(u"reynard"_s, u"TypeError: '<' not supported between <int> & <str>"_s);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
    const QList<Received> got = closeAllAndReadHistory();
    QCOMPARE(got.size(), 1);
    // dunst parses body markup: the text arrives escaped, so it shows what the server said.
    QCOMPARE(got.first().body, u"TypeError: '&lt;' not supported between &lt;int&gt; &amp; &lt;str&gt;"_s);
    QVERIFY2(got.first().message.startsWith(u"critical|reynard: needs attention|"_s),
        qPrintable(got.first().message));
}

void TestDesktopNotify::burstUpdatesOneNotification()
{
    Notifier notifier;
    notifier.setCoalesceWindow(300);
    DesktopNotifications desktop(*m_connection);
    QObject::connect(&notifier, &Notifier::notify, &desktop, &DesktopNotifications::show);
    QSignalSpy shown(&desktop, &DesktopNotifications::shown);
    ReloadResult result;
    result.performed = result.requested = ReloadStrategy::HotReload;
    result.startToReadyMs = 4;
    for (int i = 0; i < 4; ++i)
        notifier.reloadFinished(u"reynard"_s, result);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 10000); // the first at once, the other three merged
    QCOMPARE(shown.at(1).at(0).toUInt(), shown.at(0).at(0).toUInt()); // replaced, not stacked
    QCOMPARE(displayedCount(), 1);
    // A failure of the same project replaces it too; another project's gets its own.
    notifier.setCoalesceWindow(0);
    QTest::qWait(400);
    ReloadResult failed = result;
    failed.outcome = ReloadOutcome::Failed;
    failed.error = u"ValueError: bad"_s;
    notifier.reloadFinished(u"reynard"_s, failed);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 3, 10000);
    QCOMPARE(shown.at(2).at(0).toUInt(), shown.at(0).at(0).toUInt());
    QTest::qWait(50);
    notifier.reloadFinished(u"other"_s, failed);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 4, 10000);
    QVERIFY(shown.at(3).at(0).toUInt() != shown.at(0).at(0).toUInt());
    QCOMPARE(displayedCount(), 2);
    const QList<Received> got = closeAllAndReadHistory();
    QCOMPARE(got.size(), 2);
}

void TestDesktopNotify::actionsReachTheApp()
{
    Notifier notifier;
    DesktopNotifications desktop(*m_connection);
    QObject::connect(&notifier, &Notifier::notify, &desktop, &DesktopNotifications::show);
    QSignalSpy shown(&desktop, &DesktopNotifications::shown);
    QSignalSpy invoked(&desktop, &DesktopNotifications::actionInvoked);
    ReloadResult failed;
    failed.performed = failed.requested = ReloadStrategy::HotReload;
    failed.outcome = ReloadOutcome::Failed;
    failed.error = u"ValueError: bad"_s;
    notifier.reloadFinished(u"reynard"_s, failed);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
    QTRY_COMPARE(displayedCount(), 1);

    // "Show error" from dunst's context menu (its dmenu is a script that picks that entry).
    dunstctl({ u"context"_s });
    QTRY_COMPARE_WITH_TIMEOUT(invoked.size(), 1, 10000);
    QCOMPARE(invoked.at(0).at(0).toString(), u"reynard"_s);
    QCOMPARE(invoked.at(0).at(1).toString(), u"show-error"_s);

    // A click on the notification: its default action, "Open dashboard".
    dunstctl({ u"action"_s, u"0"_s });
    QTRY_COMPARE_WITH_TIMEOUT(invoked.size(), 2, 10000);
    QCOMPARE(invoked.at(1).at(0).toString(), u"reynard"_s);
    QCOMPARE(invoked.at(1).at(1).toString(), u"default"_s);

    closeAllAndReadHistory(); // dunst leaves it open after an action

    // Through the tray: the project becomes current and the dashboard is asked for.
    ProjectManager projects;
    test::ExampleProject example;
    ProjectController* project = projects.addProject(test::exampleConfigWithRules(example));
    Notifier trayNotifier;
    TrayController tray(&projects, &trayNotifier);
    tray.setDesktopNotifications(new DesktopNotifications(*m_connection));
    QSignalSpy dashboard(&tray, &TrayController::dashboardRequested);
    QSignalSpy trayInvoked(&tray, &TrayController::notificationActionInvoked);
    QSignalSpy trayShown(tray.desktopNotifications(), &DesktopNotifications::shown);
    trayNotifier.reloadFinished(project->name(), failed);
    QTRY_COMPARE_WITH_TIMEOUT(trayShown.size(), 1, 10000);
    QTRY_COMPARE(displayedCount(), 1);
    dunstctl({ u"action"_s, u"0"_s });
    QTRY_COMPARE_WITH_TIMEOUT(trayInvoked.size(), 1, 10000);
    QCOMPARE(trayInvoked.at(0).at(0).toString(), project->name());
    QCOMPARE(dashboard.size(), 1);
    QCOMPARE(projects.current(), project);
    closeAllAndReadHistory();
}

void TestDesktopNotify::balloonWithoutAService()
{
    stopProcess(m_dunst); // the bus stays; nobody owns org.freedesktop.Notifications now
    QTRY_VERIFY_WITH_TIMEOUT(!m_connection->interface()->isServiceRegistered(kService).value(), 10000);

    ProjectManager projects;
    Notifier notifier;
    TrayController tray(&projects, &notifier);
    auto* desktop = new DesktopNotifications(*m_connection);
    tray.setDesktopNotifications(desktop);
    QSignalSpy fallback(desktop, &DesktopNotifications::fallbackNeeded);
    QSignalSpy shown(desktop, &DesktopNotifications::shown);
    tray.show();
    notifier.levelUp({}, 4, 2400);
    QTRY_COMPARE_WITH_TIMEOUT(fallback.size(), 1, 10000);
    QCOMPARE(shown.size(), 0);
    QCOMPARE(desktop->availability(), DesktopNotifications::Availability::Unavailable);
    QCOMPARE(fallback.at(0).at(0).value<Notification>().title, u"Level 4 reached"_s);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qInfo("no tray host (trayer): the balloon itself is not checked");
        return;
    }
    QWidget* balloon = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (widget->isVisible() && qstrcmp(widget->metaObject()->className(), "QBalloonTip") == 0)
                    balloon = widget;
            }
            return balloon != nullptr;
        }(),
        10000);
    QStringList texts;
    for (auto* label : balloon->findChildren<QLabel*>())
        texts.append(label->text());
    QVERIFY2(texts.join(u'\n').contains(u"Level 4 reached"_s), qPrintable(texts.join(u'\n')));
}

int main(int argc, char* argv[])
{
    // dunst draws on X; the test itself runs on the same display.
    g_skipReason = test::chooseXcbPlatform();
    QApplication app(argc, argv);
    TestDesktopNotify test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktopnotify.moc"
