// First run and new projects: the welcome page, the example, the guided setup of a folder
// without a config.
#include "GuiTestSupport.h"
#include "ShellTestSupport.h"
#include "config/TrustStore.h"
#include "gui/AppSettings.h"
#include "gui/BundledExample.h"
#include "gui/DashboardWindow.h"
#include "gui/GuiApp.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "gui/SettingsDialog.h"
#include "gui/TrustPrompt.h"
#include "gui/WelcomePage.h"
#include "ui_SettingsDialog.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestWelcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noProjectShowsTheWelcomePage();
    void theExampleIsFoundFromTheBuildTree();
    void tryTheExampleOpensIt();
    void folderWithoutConfigStartsTheGuidedSetup();
    void guidedSetupSaveStartsWithoutPrompt();
    void launchOnAnUntrustedProjectAsksAtOnce_data();
    void launchOnAnUntrustedProjectAsksAtOnce();
    void cleanup();

private:
    static GuiOptions options(const QTemporaryDir& dir);
    static SettingsDialog* openSettingsDialog();
};

GuiOptions TestWelcome::options(const QTemporaryDir& dir)
{
    GuiOptions options;
    options.singleInstance = false;
    options.minimized = false;
    options.database = dir.filePath(u"history.sqlite"_s);
    return options;
}

SettingsDialog* TestWelcome::openSettingsDialog()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget* widget : widgets) {
        if (auto* dialog = qobject_cast<SettingsDialog*>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void TestWelcome::launchOnAnUntrustedProjectAsksAtOnce_data()
{
    QTest::addColumn<bool>("trust");
    QTest::newRow("trusted from the prompt") << true;
    QTest::newRow("cancelled") << false;
}

// `foxreload gui --config FILE` on a config never trusted: the prompt is there when the
// window appears, without holding up the app (it is window-modal, not a nested loop).
void TestWelcome::launchOnAnUntrustedProjectAsksAtOnce()
{
    QFETCH(bool, trust);
    test::ExampleProject example;
    QVERIFY(example.isValid());
    QTemporaryDir dir;
    GuiOptions launch = options(dir);
    launch.configFile = example.path(u".foxreload.yaml"_s);
    GuiApp app(launch);
    QVERIFY(app.start()); // returns with the prompt open: nothing waits for the answer
    ProjectController* project = app.projects()->projects().value(0);
    QVERIFY(project);
    QCOMPARE(project->status(), MonitoredSession::Status::Untrusted);
    TrustPrompt* prompt = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (prompt = app.dashboard()->findChild<TrustPrompt*>()) && prompt->isVisible(), 10000);
    QCOMPARE(prompt->windowModality(), Qt::WindowModal);
    QVERIFY2(prompt->text().contains(u"python3 main.py"_s), qPrintable(prompt->text()));
    if (trust) {
        QTest::mouseClick(prompt->trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(project->status(), MonitoredSession::Status::Watching, 30000);
        QVERIFY(TrustStore().isTrusted(launch.configFile));
    } else {
        QTest::keyClick(prompt, Qt::Key_Escape);
        QTRY_VERIFY(!app.dashboard()->findChild<TrustPrompt*>());
        QCOMPARE(project->status(), MonitoredSession::Status::Untrusted);
        QVERIFY(!project->isRunning());
        QVERIFY(!TrustStore().isTrusted(launch.configFile));
    }
}

void TestWelcome::cleanup()
{
    // Every app of a test starts from nothing remembered.
    AppSettings().setProjects({});
    AppSettings().setCurrentProject({});
}

void TestWelcome::noProjectShowsTheWelcomePage()
{
    ProjectManager projects;
    DashboardWindow dashboard(&projects);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    QVERIFY(dashboard.showsWelcome());
    QVERIFY(dashboard.welcomePage()->isVisible());
    QVERIFY(!dashboard.tabs()->isVisible()); // no empty charts
    QCOMPARE(dashboard.welcomePage()->addProjectButton()->text(), u"&Add project…"_s);
    QCOMPARE(dashboard.welcomePage()->exampleButton()->text(), u"Try the e&xample"_s);
    QVERIFY(dashboard.welcomePage()->addProjectButton()->isVisible());
    QVERIFY(dashboard.welcomePage()->exampleButton()->isVisible());

    QSignalSpy add(&dashboard, &DashboardWindow::addProjectRequested);
    QSignalSpy example(&dashboard, &DashboardWindow::exampleRequested);
    QTest::mouseClick(dashboard.welcomePage()->addProjectButton(), Qt::LeftButton);
    QTest::mouseClick(dashboard.welcomePage()->exampleButton(), Qt::LeftButton);
    QCOMPARE(add.size(), 1);
    QCOMPARE(example.size(), 1);

    // A project replaces the welcome page with the dashboard; removing the last brings it back.
    QTemporaryDir dir;
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    ProjectController* project = projects.addProject(config);
    QVERIFY(!dashboard.showsWelcome());
    QVERIFY(dashboard.tabs()->isVisible());
    projects.removeSession(project);
    QVERIFY(dashboard.showsWelcome());
}

void TestWelcome::theExampleIsFoundFromTheBuildTree()
{
    const QString found = BundledExample::locate(QCoreApplication::applicationDirPath());
    QVERIFY2(!found.isEmpty(), qPrintable(QCoreApplication::applicationDirPath()));
    QCOMPARE(QFileInfo(found).canonicalFilePath(),
        QFileInfo(test::sourceDir() + u"/examples/reynard-server"_s).canonicalFilePath());
    // From an installation's bin/ (a fake prefix holding share/foxreload/examples).
    QTemporaryDir prefix;
    QVERIFY(test::copyTree(found, prefix.filePath(u"share/foxreload/examples/reynard-server"_s)));
    QVERIFY(QDir().mkpath(prefix.filePath(u"bin"_s)));
    QCOMPARE(BundledExample::locate(prefix.filePath(u"bin"_s)),
        prefix.filePath(u"share/foxreload/examples/reynard-server"_s));
    // A writable example is used where it is: nothing is copied anywhere.
    QString copiedTo;
    QString error;
    const QString prepared = BundledExample::prepare(
        prefix.filePath(u"share/foxreload/examples/reynard-server"_s), &copiedTo, &error);
    QCOMPARE(prepared, prefix.filePath(u"share/foxreload/examples/reynard-server"_s));
    QVERIFY(copiedTo.isEmpty());
    QVERIFY(error.isEmpty());
}

void TestWelcome::tryTheExampleOpensIt()
{
    QTemporaryDir dir;
    GuiApp app(options(dir));
    QVERIFY(app.start());
    QVERIFY(app.dashboard()->showsWelcome());
    QVERIFY(app.dashboard()->welcomePage()->exampleButton()->isEnabled());

    QString shown;
    test::DialogAnswerer<TrustPrompt> prompts([&](TrustPrompt* prompt) {
        shown = prompt->text();
        prompt->reject(); // looked at, not trusted: nothing of the example runs
    });
    QTest::mouseClick(app.dashboard()->welcomePage()->exampleButton(), Qt::LeftButton);
    QCOMPARE(app.projects()->projects().size(), 1);
    ProjectController* project = app.projects()->projects().first();
    QCOMPARE(QFileInfo(project->configFile()).canonicalFilePath(),
        QFileInfo(test::sourceDir() + u"/examples/reynard-server/.foxreload.yaml"_s).canonicalFilePath());
    QCOMPARE(app.projects()->current(), project);
    QVERIFY(!app.dashboard()->showsWelcome());
    QCOMPARE(app.dashboard()->windowTitle(), u"reynard-server"_s);
    // The user chose it just now: the prompt comes at once, and says what would run.
    QCOMPARE(prompts.count(), 1);
    QVERIFY2(shown.contains(u"python3 main.py"_s), qPrintable(shown));
    QCOMPARE(project->status(), MonitoredSession::Status::Untrusted);
    QVERIFY(!project->isRunning());
}

void TestWelcome::folderWithoutConfigStartsTheGuidedSetup()
{
    QTemporaryDir dir;
    QTemporaryDir folder;
    GuiApp app(options(dir));
    QVERIFY(app.start());
    test::DialogAnswerer<TrustPrompt> prompts([](TrustPrompt* prompt) { prompt->reject(); });
    test::DialogAnswerer<QMessageBox> messages([](QMessageBox* box) { box->reject(); });

    app.addProjectFolder(folder.path());
    SettingsDialog* dialog = openSettingsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), SettingsDialog::Mode::NewProject);
    QCOMPARE(QFileInfo(dialog->targetFile()).absolutePath(), QFileInfo(folder.path()).absoluteFilePath());
    QVERIFY(app.projects()->sessions().isEmpty()); // nothing is added before Save
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!openSettingsDialog());
    QTest::qWait(100);
    QVERIFY(app.projects()->sessions().isEmpty());
    QVERIFY(app.dashboard()->showsWelcome());
    QVERIFY(!QFileInfo::exists(folder.filePath(u".foxreload.yaml"_s)));
    QCOMPARE(prompts.count(), 0);
    QCOMPARE(messages.count(), 0);
}

void TestWelcome::guidedSetupSaveStartsWithoutPrompt()
{
    QTemporaryDir dir;
    test::ExampleProject project;
    QVERIFY(project.isValid());
    QVERIFY(QFile::remove(project.path(u".foxreload.yaml"_s)));
    GuiApp app(options(dir));
    QVERIFY(app.start());
    test::DialogAnswerer<TrustPrompt> prompts([](TrustPrompt* prompt) { prompt->reject(); });

    app.addProjectFolder(project.root());
    SettingsDialog* dialog = openSettingsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), SettingsDialog::Mode::NewProject);
    // The folder's main.py was recognised; the user only confirms.
    QCOMPARE(dialog->form()->commandEdit->text(), u"python3"_s);
    QVERIFY2(dialog->form()->argsEdit->text().contains(u"main.py"_s),
        qPrintable(dialog->form()->argsEdit->text()));
    QString error;
    QVERIFY2(dialog->save(&error), qPrintable(error));
    QVERIFY(QFileInfo::exists(project.path(u".foxreload.yaml"_s)));
    QCOMPARE(app.projects()->projects().size(), 1);
    ProjectController* added = app.projects()->projects().first();
    QCOMPARE(prompts.count(), 0);
    QVERIFY(TrustStore().isTrusted(added->configFile()));
    QVERIFY(added->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(added->status(), MonitoredSession::Status::Watching, 30000);
    QSignalSpy stopped(added, &ProjectController::stopped);
    added->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
    dialog->close();
}

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    foxreload::test::isolateXdgDirectories(home);
    QApplication app(argc, argv);
    TestWelcome test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_welcome.moc"
