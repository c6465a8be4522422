// The dashboard by keyboard: standard shortcuts wherever the focus is, no focus traps,
// unique mnemonics in every language; and what it keeps of itself (title, geometry, tab).
#include "GuiTestSupport.h"
#include "ShellTestSupport.h"
#include "gui/AppSettings.h"
#include "gui/DashboardHeader.h"
#include "gui/DashboardWindow.h"
#include "gui/GuiApp.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "gui/SettingsDialog.h"
#include "gui/TrustPrompt.h"
#include "gui/WelcomePage.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestShortcuts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void standardShortcutsWorkWhereverTheFocusIs_data();
    void standardShortcutsWorkWhereverTheFocusIs();
    void f5RestartsTheCurrentProject();
    void ctrlCommaOpensSettings();
    void tabLeavesTheEventTable();
    void mnemonicsAreUnique_data();
    void mnemonicsAreUnique();
    void titleNamesTheProjectOnce();
    void geometryAndTabSurviveCtrlQ();

private:
    static void activate(QWidget* window);
};

void TestShortcuts::activate(QWidget* window)
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->activateWindow();
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
}

void TestShortcuts::standardShortcutsWorkWhereverTheFocusIs_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<bool>("toolbarHidden");
    QTest::newRow("overview") << int(DashboardWindow::OverviewTab) << false;
    QTest::newRow("events, in the filter") << int(DashboardWindow::EventsTab) << false;
    QTest::newRow("output") << int(DashboardWindow::OutputTab) << false;
    QTest::newRow("toolbar hidden") << int(DashboardWindow::EventsTab) << true;
}

void TestShortcuts::standardShortcutsWorkWhereverTheFocusIs()
{
    QFETCH(int, tab);
    QFETCH(bool, toolbarHidden);
    QTemporaryDir dir;
    ProjectManager projects;
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    projects.addProject(config);
    DashboardWindow dashboard(&projects);
    activate(&dashboard);
    if (toolbarHidden) {
        for (auto* bar : dashboard.findChildren<QToolBar*>())
            bar->hide();
    }
    dashboard.tabs()->setCurrentIndex(tab);
    QWidget* focus = dashboard.tabs()->currentWidget();
    if (tab == DashboardWindow::EventsTab)
        focus = dashboard.tabs()->currentWidget()->findChild<QLineEdit*>();
    focus->setFocus();
    QTRY_VERIFY(focus->hasFocus());

    QSignalSpy quit(&dashboard, &DashboardWindow::quitRequested);
    QTest::keySequence(&dashboard, QKeySequence(u"Ctrl+Q"_s));
    QCOMPARE(quit.size(), 1);
    // And the platform's own Quit keys (none on some platforms; Ctrl+Q on most).
    const auto platformQuit = QKeySequence::keyBindings(QKeySequence::Quit);
    for (const auto& keys : platformQuit)
        QTest::keySequence(&dashboard, keys);
    QCOMPARE(quit.size(), 1 + platformQuit.size());
    QSignalSpy settings(&dashboard, &DashboardWindow::settingsRequested);
    QTest::keySequence(&dashboard, QKeySequence(u"Ctrl+,"_s));
    QCOMPARE(settings.size(), 1);
    // Close closes the window (the app lives on in the tray).
    QSignalSpy closed(&dashboard, &DashboardWindow::closedToTray);
    QTest::keySequence(&dashboard, QKeySequence(QKeySequence::Close));
    QTRY_VERIFY(!dashboard.isVisible());
    QCOMPARE(closed.size(), 1);
}

void TestShortcuts::f5RestartsTheCurrentProject()
{
    test::ExampleProject example;
    QVERIFY(example.isValid());
    ProjectManager projects;
    ProjectController* project = projects.addProject(test::exampleConfigWithRules(example));
    DashboardWindow dashboard(&projects);
    activate(&dashboard);
    dashboard.logView()->setFocus();
    QCOMPARE(project->status(), MonitoredSession::Status::Stopped);
    // Not running: F5 starts it.
    QTest::keyClick(&dashboard, Qt::Key_F5);
    QVERIFY(project->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(project->status(), MonitoredSession::Status::Watching, 30000);
    const qint64 firstPid = project->serverPid();
    QVERIFY(firstPid > 0);
    // Running: F5 restarts the server (a new process).
    QSignalSpy reloads(project, &MonitoredSession::reloadFinished);
    QTest::keyClick(dashboard.focusWidget(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(!reloads.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(project->serverPid() > 0 && project->serverPid() != firstPid, 30000);
    QSignalSpy stopped(project, &ProjectController::stopped);
    project->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
}

void TestShortcuts::ctrlCommaOpensSettings()
{
    test::ExampleProject example;
    QVERIFY(example.isValid());
    QTemporaryDir dir;
    GuiOptions options;
    options.singleInstance = false;
    options.database = dir.filePath(u"history.sqlite"_s);
    options.configFile = example.path(u".foxreload.yaml"_s);
    GuiApp app(options);
    QVERIFY(app.start());
    // The example is not trusted here: the app asks first; the shortcut works once that is answered.
    TrustPrompt* prompt = nullptr;
    QTRY_VERIFY((prompt = app.dashboard()->findChild<TrustPrompt*>()) && prompt->isVisible());
    prompt->reject();
    activate(app.dashboard());
    app.dashboard()->logView()->setFocus();
    QTest::keySequence(app.dashboard(), QKeySequence(u"Ctrl+,"_s));
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = app.dashboard()->findChild<SettingsDialog*>()) && dialog->isVisible());
    QCOMPARE(dialog->targetFile(), QFileInfo(options.configFile).absoluteFilePath());
    dialog->close();
    AppSettings().setProjects({});
}

void TestShortcuts::tabLeavesTheEventTable()
{
    QTemporaryDir dir;
    ProjectManager projects;
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    ProjectController* project = projects.addProject(config);
    for (int i = 0; i < 5; ++i)
        project->eventLog()->append(
            { QDateTime::currentDateTime(), LogEntry::Server, u"row %1"_s.arg(i), {} });
    DashboardWindow dashboard(&projects);
    activate(&dashboard);
    dashboard.tabs()->setCurrentIndex(DashboardWindow::EventsTab);
    QTableView* view = dashboard.logView();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY2(!view->hasFocus(), "Tab stayed in the event table");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QVERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Backtab);
    QVERIFY2(!view->hasFocus(), "Shift+Tab stayed in the event table");
}

void TestShortcuts::mnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("welcome");
    for (const auto& language : { u"en"_s, u"de"_s, u"fr"_s }) {
        QTest::addRow("%s, welcome", qPrintable(language)) << language << true;
        QTest::addRow("%s, project", qPrintable(language)) << language << false;
    }
}

void TestShortcuts::mnemonicsAreUnique()
{
    QFETCH(QString, language);
    QFETCH(bool, welcome);
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/foxreload_%1.qm"_s.arg(language)));
    QCoreApplication::installTranslator(&translator);

    QTemporaryDir dir;
    ProjectManager projects;
    if (!welcome) {
        // An untrusted project: the header's trust button is shown too.
        Config config = Config::defaults(dir.path());
        config.server.command = u"python3"_s;
        QVERIFY(test::writeFile(dir.filePath(u".foxreload.yaml"_s), "server: {command: python3}\n"));
        config.sourceFile = dir.filePath(u".foxreload.yaml"_s);
        ProjectController* project = projects.addProject(config);
        QVERIFY(!project->start());
    }
    DashboardWindow dashboard(&projects);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    QCOMPARE(dashboard.showsWelcome(), welcome);
    if (!welcome)
        QVERIFY(dashboard.header()->trustButton()->isVisible());

    // What takes Alt+letter in this window: buttons (tool buttons show action texts without
    // their mnemonic), labels with a buddy, tabs. Each letter may be used once.
    QMap<QChar, QStringList> owners;
    const auto note = [&](const QString& text) {
        const qsizetype amp = text.indexOf(u'&');
        if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == u'&')
            return;
        owners[text.at(amp + 1).toLower()].append(text);
    };
    int collected = 0;
    for (auto* button : dashboard.findChildren<QAbstractButton*>()) {
        if (qobject_cast<QToolButton*>(button) || !button->isVisibleTo(&dashboard))
            continue;
        note(button->text());
        ++collected;
    }
    for (auto* label : dashboard.findChildren<QLabel*>()) {
        if (label->buddy() && label->isVisibleTo(&dashboard)) {
            note(label->text());
            ++collected;
        }
    }
    for (auto* bar : dashboard.findChildren<QTabBar*>()) {
        if (!bar->isVisibleTo(&dashboard))
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            note(bar->tabText(i));
            ++collected;
        }
    }
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(collected >= (welcome ? 2 : 10));
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            clashes.append(u"Alt+%1: %2"_s.arg(it.key(), it.value().join(u", "_s)));
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
}

void TestShortcuts::titleNamesTheProjectOnce()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"reynard-server"_s));
    ProjectManager projects;
    DashboardWindow dashboard(&projects);
    dashboard.show();
    QCOMPARE(dashboard.windowTitle(), u"FoxReload"_s); // as the display name: shown once
    Config config = Config::defaults(dir.filePath(u"reynard-server"_s));
    config.server.command = u"python3"_s;
    projects.addProject(config);
    // The platform appends the display name itself ("reynard-server — FoxReload").
    QCOMPARE(QGuiApplication::applicationDisplayName(), u"FoxReload"_s);
    QCOMPARE(dashboard.windowTitle(), u"reynard-server"_s);
    QCOMPARE(dashboard.windowHandle()->title(), u"reynard-server"_s);
}

void TestShortcuts::geometryAndTabSurviveCtrlQ()
{
    QTemporaryDir dir;
    GuiOptions options;
    options.singleInstance = false;
    options.database = dir.filePath(u"history.sqlite"_s);
    AppSettings().setDashboardGeometry({});
    QSize size;
    {
        Config config = Config::defaults(dir.path());
        GuiApp app(options);
        QVERIFY(app.start());
        app.projects()->addProject(config); // not remembered (no file), but the dashboard shows tabs
        DashboardWindow* dashboard = app.dashboard();
        activate(dashboard);
        dashboard->resize(1013, 717);
        QTRY_COMPARE(dashboard->size(), QSize(1013, 717));
        size = dashboard->size();
        dashboard->tabs()->setCurrentIndex(DashboardWindow::OutputTab);
        // Only the tab is saved as it changes; the geometry must come from the way out.
        QVERIFY(AppSettings().dashboardGeometry().isEmpty());
        QTest::keySequence(dashboard, QKeySequence(u"Ctrl+Q"_s));
        QVERIFY(!dashboard->isVisible());
        QVERIFY(!AppSettings().dashboardGeometry().isEmpty());
    }
    ProjectManager projects;
    Config config = Config::defaults(dir.path());
    projects.addProject(config);
    DashboardWindow again(&projects);
    QCOMPARE(again.size(), size);
    QCOMPARE(again.tabs()->currentIndex(), int(DashboardWindow::OutputTab));
}

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    foxreload::test::isolateXdgDirectories(home);
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(u"FoxReload"_s);
    TestShortcuts test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_shortcuts.moc"
