// A real tray under X: the XEmbed tray host `trayer` makes the system tray available,
// and a reload of a real session must show a real notification (Qt's balloon, a
// top-level QBalloonTip). Needs a display: run it through the README's test command
// or tests/gui/run-under-xvfb.sh; without one it skips and says why.
#include "GuiTestSupport.h"
#include "gui/Notifier.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "gui/ProxiedSession.h"
#include "gui/TrayController.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {
QString g_skipReason;
}

class TestTray : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void notificationShownOnReload();

private:
    static QWidget* visibleBalloon();
    QProcess m_trayer;
};

void TestTray::initTestCase()
{
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(g_skipReason));
    QStandardPaths::setTestModeEnabled(true);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        const QString trayer = QStandardPaths::findExecutable(u"trayer"_s);
        if (trayer.isEmpty())
            QSKIP("no system tray on this display and no `trayer` to provide one (apt-get install trayer)");
        m_trayer.start(trayer,
            { u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"request"_s, u"--height"_s,
                u"24"_s, u"--SetDockType"_s, u"true"_s });
        QVERIFY(m_trayer.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 15000);
    }
}

void TestTray::cleanupTestCase()
{
    if (m_trayer.state() != QProcess::NotRunning) {
        m_trayer.terminate();
        if (!m_trayer.waitForFinished(3000))
            m_trayer.kill();
        m_trayer.waitForFinished(3000);
    }
}

QWidget* TestTray::visibleBalloon()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget* widget : widgets) {
        if (widget->isVisible() && qstrcmp(widget->metaObject()->className(), "QBalloonTip") == 0)
            return widget;
    }
    return nullptr;
}

void TestTray::notificationShownOnReload()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    ProjectManager projects;
    ProjectController* controller = projects.addProject(test::exampleConfigWithRules(project));
    Notifier notifier;
    notifier.setLevel(NotificationLevel::All);
    TrayController tray(&projects, &notifier);
    tray.show();
    QTRY_VERIFY_WITH_TIMEOUT(tray.icon()->isVisible(), 10000);
    QObject::connect(controller, &MonitoredSession::reloadFinished, &notifier,
        [&](const ReloadResult& result) { notifier.reloadFinished(controller->name(), result); });

    QVERIFY(controller->start());
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    QCOMPARE(tray.shownStatus(), int(MonitoredSession::Status::Watching));
    QVERIFY(tray.icon()->toolTip().contains(u"Watching"_s));
    // The menu has the everyday actions.
    QStringList actions;
    for (QAction* action : tray.menu()->actions())
        actions.append(action->text());
    for (const auto& expected : { u"Open &Dashboard"_s, u"&Restart Server Now"_s, u"&Pause Watching"_s,
             u"&Settings…"_s, u"&Quit FoxReload"_s })
        QVERIFY2(actions.contains(expected), qPrintable(actions.join(u" | "_s)));

    QSignalSpy notified(&notifier, &Notifier::notify);
    QVERIFY(test::appendToFile(project.path(u"tools/weather.py"_s), "\n# tray test\n"));
    QTRY_VERIFY_WITH_TIMEOUT(notified.size() >= 1, 30000);
    QWidget* balloon = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((balloon = visibleBalloon()) != nullptr, 10000);
    QStringList texts;
    for (auto* label : balloon->findChildren<QLabel*>())
        texts.append(label->text());
    const QString shown = texts.join(u'\n');
    qInfo().noquote() << "balloon says:" << shown;
    QVERIFY2(shown.contains(u"reloaded"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"hot reload"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"tools/weather.py"_s), qPrintable(shown));

    // With a second session, the menu lists both; picking one makes it current.
    auto* other = new ProxiedSession(u"/tmp/socket"_s, u"/srv/other-server"_s);
    projects.addProxiedSession(other);
    QAction* otherEntry = nullptr;
    for (QAction* action : tray.menu()->actions()) {
        if (action->text().startsWith(u"other-server (proxy)"_s))
            otherEntry = action;
    }
    QVERIFY(otherEntry);
    QVERIFY(otherEntry->isCheckable() && !otherEntry->isChecked());
    otherEntry->trigger();
    QCOMPARE(projects.current(), other);
    projects.setCurrent(controller);
    projects.removeSession(other);

    // Pausing turns the fox grey.
    controller->setPaused(true);
    QTRY_COMPARE(tray.shownStatus(), int(MonitoredSession::Status::Paused));

    QSignalSpy stopped(controller, &ProjectController::stopped);
    controller->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
}

int main(int argc, char* argv[])
{
    // The tray needs a real X display; the offscreen platform the other tests use has none.
    if (!qEnvironmentVariableIsEmpty("DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "xcb");
    } else {
        g_skipReason
            = u"no X display: run under Xvfb (tests/gui/run-under-xvfb.sh, or the README's test command)"_s;
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    TestTray test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tray.moc"
