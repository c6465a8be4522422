// The tray menu: a status line per project (like Syncthing Tray) and actions that name the
// project they act on; these run anywhere (offscreen). And a real tray under X: the XEmbed
// tray host `trayer` makes the system tray available, and a reload of a real session must show
// a real notification. Without a desktop notification service on the bus, that is Qt's balloon
// (a top-level QBalloonTip). Needs a display: run it through the README's test command or
// tests/gui/run-under-xvfb.sh; without one that test skips and says why.
#include "GuiTestSupport.h"
#include "common/DurationText.h"
#include "gui/AppSettings.h"
#include "gui/DesktopNotifications.h"
#include "gui/Notifier.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "gui/ProxiedSession.h"
#include "gui/TrayController.h"

#include <QApplication>
#include <QDBusConnection>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

QString g_skipReason;

// A session driven by the test: what the event socket or the orchestrator would report.
class DrivenSession : public ProxiedSession
{
public:
    explicit DrivenSession(const QString& projectRoot)
        : ProxiedSession(projectRoot, projectRoot)
    { }
    using MonitoredSession::noteOrchestratorState;
    using MonitoredSession::notePaused;
    using MonitoredSession::noteReloadFinished;
    using MonitoredSession::noteServerReady;
    void restartNow() override { ++restarts; }
    void setPaused(bool paused) override { notePaused(paused); }
    int restarts = 0;
};

ReloadResult hotReload(qint64 ms, const QDateTime& finished)
{
    ReloadResult result;
    result.performed = result.requested = ReloadStrategy::HotReload;
    result.startToReadyMs = ms;
    result.detectToStartMs = 20;
    result.totalMs = ms + 20;
    result.finishedAtUtc = finished;
    return result;
}

QAction* findAction(const QList<QAction*>& actions, const QString& text)
{
    for (QAction* action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

QStringList texts(const QList<QAction*>& actions)
{
    QStringList list;
    for (QAction* action : actions) {
        if (action->isVisible() && !action->isSeparator())
            list.append(action->text());
    }
    return list;
}

} // namespace

class TestTray : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agoText_data();
    void agoText();
    void statusLine_data();
    void statusLine();
    void menuHasAStatusLinePerProject();
    void restartNamesItsProject();
    void emptyMenuOffersAddProject();
    void keepsRunningHintOnce();
    void notificationShownOnReload();

private:
    static QWidget* visibleBalloon();
    QProcess m_trayer;
    test::EnglishPlurals m_plurals;
};

void TestTray::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::installTranslator(&m_plurals);
    if (!g_skipReason.isEmpty() || QSystemTrayIcon::isSystemTrayAvailable())
        return;
    const QString trayer = QStandardPaths::findExecutable(u"trayer"_s);
    if (trayer.isEmpty())
        return; // the real-tray test says why it skips
    m_trayer.start(trayer,
        { u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"request"_s, u"--height"_s,
            u"24"_s, u"--SetDockType"_s, u"true"_s });
    QVERIFY(m_trayer.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 15000);
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

void TestTray::agoText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << qint64(0) << u"just now"_s;
    QTest::newRow("59 s") << qint64(59) << u"just now"_s;
    QTest::newRow("1 min") << qint64(60) << u"1 min ago"_s;
    QTest::newRow("2 min") << qint64(150) << u"2 min ago"_s;
    QTest::newRow("2 h") << qint64(7300) << u"2 h ago"_s;
    QTest::newRow("1 day") << qint64(86400) << u"1 day ago"_s;
    QTest::newRow("3 days") << qint64(3 * 86400 + 5) << u"3 days ago"_s;
}

void TestTray::agoText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(TrayController::agoText(seconds), expected);
}

void TestTray::statusLine_data()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTest::addColumn<ReloadResult>("result"); // no reload: id 0
    QTest::addColumn<bool>("paused");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no reload yet") << ReloadResult {} << false << u"reynard-server (proxy) — Watching"_s;
    QTest::newRow("hot reload") << hotReload(3, now.addSecs(-125)) << false
                                << u"reynard-server (proxy) — Watching · hot reload 3 ms, 2 min ago"_s;
    QTest::newRow("paused") << hotReload(1400, now.addSecs(-5)) << true
                            << u"reynard-server (proxy) — Paused · hot reload 1.4 s, just now"_s;
    ReloadResult failed = hotReload(40, now.addSecs(-3 * 3600));
    failed.outcome = ReloadOutcome::Failed;
    failed.error = u"SyntaxError"_s;
    QTest::newRow("failed") << failed << false
                            << u"reynard-server (proxy) — Old version serving · hot reload failed, 3 h ago"_s;
}

void TestTray::statusLine()
{
    QFETCH(ReloadResult, result);
    QFETCH(bool, paused);
    QFETCH(QString, expected);
    DrivenSession session(u"/srv/reynard-server"_s);
    session.noteOrchestratorState(ReloadOrchestrator::State::Ready);
    if (result.finishedAtUtc.isValid())
        session.noteReloadFinished(result);
    if (paused)
        session.notePaused(true);
    QCOMPARE(TrayController::statusLine(&session, QDateTime::currentDateTimeUtc()), expected);
}

void TestTray::menuHasAStatusLinePerProject()
{
    ProjectManager projects;
    auto* reynard = new DrivenSession(u"/srv/reynard-server"_s);
    auto* other = new DrivenSession(u"/srv/R&D tools"_s);
    projects.addProxiedSession(reynard);
    projects.addProxiedSession(other);
    Notifier notifier;
    TrayController tray(&projects, &notifier);

    reynard->noteOrchestratorState(ReloadOrchestrator::State::Ready);
    reynard->noteServerReady(4242, 9);
    const QDateTime finished = QDateTime::currentDateTimeUtc().addSecs(-120);
    reynard->noteReloadFinished(hotReload(3, finished)); // the menu follows without being rebuilt
    QMenu* reynardMenu = nullptr;
    QMenu* otherMenu = nullptr;
    for (QAction* action : tray.menu()->actions()) {
        if (!action->menu())
            continue;
        if (action->text().startsWith(u"reynard-server"_s))
            reynardMenu = action->menu();
        if (action->text().startsWith(u"R&&D tools"_s))
            otherMenu = action->menu();
    }
    QVERIFY2(reynardMenu && otherMenu, qPrintable(texts(tray.menu()->actions()).join(u" | "_s)));
    QCOMPARE(reynardMenu->title(), u"reynard-server (proxy) — Watching · hot reload 3 ms, 2 min ago"_s);
    QCOMPARE(otherMenu->title(), u"R&&D tools (proxy) — Stopped"_s); // its "&" is no mnemonic

    // The submenu: what runs where, then the project's own actions, named after it.
    const QStringList items = texts(reynardMenu->actions());
    QCOMPARE(items.first(), u"/srv/reynard-server · PID 4242 · 9 tools"_s);
    QVERIFY(!reynardMenu->actions().first()->isEnabled());
    QVERIFY2(items.contains(u"&Restart reynard-server (proxy)"_s), qPrintable(items.join(u" | "_s)));
    QVERIFY2(items.contains(u"&Pause Watching reynard-server (proxy)"_s), qPrintable(items.join(u" | "_s)));
    findAction(reynardMenu->actions(), u"&Restart reynard-server (proxy)"_s)->trigger();
    QCOMPARE(reynard->restarts, 1);
    QCOMPARE(other->restarts, 0);
    findAction(reynardMenu->actions(), u"&Pause Watching reynard-server (proxy)"_s)->trigger();
    QVERIFY(reynard->isPaused());
    QVERIFY(findAction(reynardMenu->actions(), u"Res&ume Watching reynard-server (proxy)"_s));
    QVERIFY2(reynardMenu->title().startsWith(u"reynard-server (proxy) — Paused"_s),
        qPrintable(reynardMenu->title()));

    // "Open in Dashboard" makes it current.
    QSignalSpy dashboard(&tray, &TrayController::dashboardRequested);
    projects.setCurrent(other);
    findAction(reynardMenu->actions(), u"Open in &Dashboard"_s)->trigger();
    QCOMPARE(projects.current(), reynard);
    QCOMPARE(dashboard.size(), 1);

    // The tooltip sums up every project.
    const QString tip = tray.icon()->toolTip();
    QVERIFY2(
        tip.contains(u"reynard-server (proxy) — Paused · hot reload 3 ms, 2 min ago"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"R&D tools (proxy) — Stopped"_s), qPrintable(tip));

    // A project that goes away leaves the menu.
    projects.removeSession(other);
    for (QAction* action : tray.menu()->actions())
        QVERIFY2(!action->text().startsWith(u"R&&D"_s), qPrintable(action->text()));
}

void TestTray::restartNamesItsProject()
{
    ProjectManager projects;
    auto* first = new DrivenSession(u"/srv/reynard-server"_s);
    auto* second = new DrivenSession(u"/srv/vixen"_s);
    projects.addProxiedSession(first);
    projects.addProxiedSession(second);
    Notifier notifier;
    TrayController tray(&projects, &notifier);
    projects.setCurrent(first);
    QAction* restart = findAction(tray.menu()->actions(), u"&Restart reynard-server (proxy)"_s);
    QVERIFY2(restart, qPrintable(texts(tray.menu()->actions()).join(u" | "_s)));
    restart->trigger();
    QCOMPARE(first->restarts, 1);

    projects.setCurrent(second); // the top-level action follows the current project
    QCOMPARE(restart->text(), u"&Restart vixen (proxy)"_s);
    restart->trigger();
    QCOMPARE(second->restarts, 1);
    QCOMPARE(first->restarts, 1);
    QVERIFY(findAction(tray.menu()->actions(), u"&Pause Watching vixen (proxy)"_s));

    // Keyboard: every visible mnemonic of the top level is unique.
    QStringList mnemonics;
    for (const QString& text : texts(tray.menu()->actions())) {
        const qsizetype at = text.indexOf(QRegularExpression(u"&[^&]"_s));
        if (at >= 0) {
            const QString key = text.mid(at + 1, 1).toLower();
            QVERIFY2(!mnemonics.contains(key), qPrintable(u"Alt+"_s + key + u" twice: "_s + text));
            mnemonics.append(key);
        }
    }
}

void TestTray::emptyMenuOffersAddProject()
{
    ProjectManager projects;
    Notifier notifier;
    TrayController tray(&projects, &notifier);
    QSignalSpy add(&tray, &TrayController::addProjectRequested);
    const QStringList items = texts(tray.menu()->actions());
    QCOMPARE(items,
        QStringList({ u"Open &Dashboard"_s, u"No project yet"_s, u"&Add Project…"_s, u"&Quit FoxReload"_s }));
    findAction(tray.menu()->actions(), u"&Add Project…"_s)->trigger();
    QCOMPARE(add.size(), 1);
    QVERIFY2(tray.icon()->toolTip().contains(u"No project yet"_s), qPrintable(tray.icon()->toolTip()));
}

void TestTray::keepsRunningHintOnce()
{
    AppSettings().setTrayHintShown(false);
    ProjectManager projects;
    Notifier notifier;
    notifier.setLevel(NotificationLevel::Off); // the hint is about the app, not about reloads
    TrayController tray(&projects, &notifier);
    QSignalSpy notified(&notifier, &Notifier::notify);
    QVERIFY(tray.showKeepsRunningHint());
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).value<Notification>().title, u"FoxReload keeps running in the tray"_s);
    QVERIFY(!tray.showKeepsRunningHint());
    QVERIFY(!TrayController(&projects, &notifier).showKeepsRunningHint()); // remembered
    QCOMPARE(notified.size(), 1);
    AppSettings().setTrayHintShown(false);
}

void TestTray::notificationShownOnReload()
{
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(g_skipReason));
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("no system tray on this display and no `trayer` to provide one (apt-get install trayer)");
    test::ExampleProject project;
    QVERIFY(project.isValid());
    ProjectManager projects;
    ProjectController* controller = projects.addProject(test::exampleConfigWithRules(project));
    Notifier notifier;
    notifier.setLevel(NotificationLevel::All);
    TrayController tray(&projects, &notifier);
    // No notification service (a bus connection that does not exist): Qt's balloon it is.
    tray.setDesktopNotifications(new DesktopNotifications(QDBusConnection(u"tst-tray-no-bus"_s)));
    tray.show();
    QTRY_VERIFY_WITH_TIMEOUT(tray.icon()->isVisible(), 10000);
    QObject::connect(controller, &MonitoredSession::reloadFinished, &notifier,
        [&](const ReloadResult& result) { notifier.reloadFinished(controller->name(), result); });

    QVERIFY(controller->start());
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    QCOMPARE(tray.shownStatus(), int(MonitoredSession::Status::Watching));
    QVERIFY(tray.icon()->toolTip().contains(u"Watching"_s));
    // The menu has the everyday actions, named after the project.
    const QStringList actions = texts(tray.menu()->actions());
    const QString name = controller->name();
    for (const QString& expected : QStringList { u"Open &Dashboard"_s, u"&Restart "_s + name,
             u"&Pause Watching "_s + name, u"&Settings…"_s, u"&Quit FoxReload"_s })
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
    QVERIFY2(shown.contains(name + u": hot reload done"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"tools/weather.py · "_s), qPrintable(shown));
    QTRY_VERIFY(tray.icon()->toolTip().contains(u"Watching · hot reload "_s));

    // With a second session, the menu has a line for each; "Open in Dashboard" makes it current.
    auto* other = new ProxiedSession(u"/tmp/socket"_s, u"/srv/other-server"_s);
    projects.addProxiedSession(other);
    QMenu* otherMenu = nullptr;
    for (QAction* action : tray.menu()->actions()) {
        if (action->menu() && action->text().startsWith(u"other-server (proxy) — "_s))
            otherMenu = action->menu();
    }
    QVERIFY(otherMenu);
    findAction(otherMenu->actions(), u"Open in &Dashboard"_s)->trigger();
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
    g_skipReason = test::chooseXcbPlatform();
    QApplication app(argc, argv);
    TestTray test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tray.moc"
