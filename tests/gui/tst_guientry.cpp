// How `foxreload` picks the desktop app or the headless session.
#include "common/ExampleProject.h"
#include "launcher/GuiLauncher.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestGuiEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invocation_data();
    void invocation();
    void display_data();
    void display();
    void noDisplayRunsHeadlessSession();
    void secondLaunchHandsOver();
    void loginSessionsDoNotShareTheInstance();
    void headlessCommandsDoNotLoadTheDesktopApp();
    void moduleIsFoundNextToTheExecutable();
};

void TestGuiEntry::invocation_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("gui");
    QTest::newRow("bare") << QStringList {} << true;
    QTest::newRow("minimized") << QStringList { u"--minimized"_s } << true;
    QTest::newRow("gui") << QStringList { u"gui"_s, u"--config"_s, u"x.yaml"_s } << true;
    QTest::newRow("run") << QStringList { u"run"_s } << false;
    QTest::newRow("help") << QStringList { u"--help"_s } << false;
}

void TestGuiEntry::invocation()
{
    QFETCH(QStringList, args);
    QFETCH(bool, gui);
    QList<QByteArray> storage { "foxreload" };
    for (const auto& arg : args)
        storage.append(arg.toLocal8Bit());
    std::vector<char*> argv;
    for (auto& item : storage)
        argv.push_back(item.data());
    QCOMPARE(gui::isGuiInvocation(int(argv.size()), argv.data()), gui);
}

void TestGuiEntry::display_data()
{
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("wayland");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<bool>("available");
    QTest::newRow("nothing") << QString() << QString() << QString() << false;
    QTest::newRow("x11") << u":0"_s << QString() << QString() << true;
    QTest::newRow("wayland") << QString() << u"wayland-0"_s << QString() << true;
    QTest::newRow("offscreen asked for") << QString() << QString() << u"offscreen"_s << true;
    QTest::newRow("xcb asked for, no display") << QString() << QString() << u"xcb"_s << false;
}

void TestGuiEntry::display()
{
    QFETCH(QString, display);
    QFETCH(QString, wayland);
    QFETCH(QString, platform);
    QFETCH(bool, available);
    const QByteArray oldDisplay = qgetenv("DISPLAY");
    const QByteArray oldWayland = qgetenv("WAYLAND_DISPLAY");
    const QByteArray oldPlatform = qgetenv("QT_QPA_PLATFORM");
    qputenv("DISPLAY", display.toLocal8Bit());
    qputenv("WAYLAND_DISPLAY", wayland.toLocal8Bit());
    qputenv("QT_QPA_PLATFORM", platform.toLocal8Bit());
    char name[] = "foxreload";
    char* argv[] = { name, nullptr };
    const bool result = gui::displayAvailable(1, argv);
    qputenv("DISPLAY", oldDisplay);
    qputenv("WAYLAND_DISPLAY", oldWayland);
    qputenv("QT_QPA_PLATFORM", oldPlatform);
    QCOMPARE(result, available);
}

void TestGuiEntry::noDisplayRunsHeadlessSession()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    QTemporaryDir home;
    QProcess foxreload;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    foxreload.setProcessEnvironment(env);
    foxreload.setWorkingDirectory(project.root());
    foxreload.start(QStringLiteral(FOXRELOAD_EXECUTABLE), {});
    QVERIFY(foxreload.waitForStarted());
    // The example's config is not trusted in this fresh home: `run` says so and exits.
    QVERIFY(foxreload.waitForFinished(30000));
    const QString err = QString::fromLocal8Bit(foxreload.readAllStandardError());
    QVERIFY2(err.contains(u"no display"_s), qPrintable(err));
    QVERIFY2(err.contains(u"foxreload run"_s), qPrintable(err));
    QCOMPARE(err.count(u"no display"_s), 1);
}

void TestGuiEntry::secondLaunchHandsOver()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, home.path()); // the instance socket lives here: private to this test
    env.insert(u"TMPDIR"_s, home.path());
    QProcess first;
    first.setProcessEnvironment(env);
    first.setWorkingDirectory(project.root());
    first.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"--minimized"_s });
    QVERIFY(first.waitForStarted());
    QByteArray firstErr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (firstErr += first.readAllStandardError()).contains("dashboard is the main window")
            || first.state() != QProcess::Running,
        20000);
    QCOMPARE(first.state(), QProcess::Running);

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(FOXRELOAD_EXECUTABLE), {});
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(
        second.readAllStandardError().contains("already running"), "the second launch did not hand over");
    QCOMPARE(first.state(), QProcess::Running);

    first.terminate();
    if (!first.waitForFinished(15000)) {
        first.kill();
        first.waitForFinished();
    }
}

void TestGuiEntry::loginSessionsDoNotShareTheInstance()
{
    // One user, two login sessions (two runtime directories), one shared $TMPDIR: each
    // session gets its own app; a second launch in the same session still hands over.
    QTemporaryDir home;
    QTemporaryDir tmp;
    const auto environment = [&](const QString& session) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(session + u"/config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(session + u"/data"_s));
        QDir().mkpath(home.filePath(session + u"/runtime"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, home.filePath(session + u"/runtime"_s));
        env.insert(u"TMPDIR"_s, tmp.path());
        return env;
    };
    const auto waitForMainWindow = [](QProcess& process) {
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += process.readAllStandardError()).contains("dashboard is the main window")
                || process.state() != QProcess::Running,
            20000);
        QVERIFY2(process.state() == QProcess::Running, err.constData());
    };
    QProcess first;
    first.setProcessEnvironment(environment(u"a"_s));
    first.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"--minimized"_s });
    QVERIFY(first.waitForStarted());
    waitForMainWindow(first);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFileInfo::exists(home.filePath(u"a/runtime/foxreload-gui.socket"_s)));

    QProcess other;
    other.setProcessEnvironment(environment(u"b"_s));
    other.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"--minimized"_s });
    QVERIFY(other.waitForStarted());
    waitForMainWindow(other);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFileInfo::exists(home.filePath(u"b/runtime/foxreload-gui.socket"_s)));

    QProcess again;
    again.setProcessEnvironment(environment(u"b"_s));
    again.start(QStringLiteral(FOXRELOAD_EXECUTABLE), {});
    QVERIFY(again.waitForFinished(20000));
    QVERIFY(again.readAllStandardError().contains("already running"));
    QCOMPARE(first.state(), QProcess::Running);
    QCOMPARE(other.state(), QProcess::Running);

    for (QProcess* process : { &first, &other }) {
        process->terminate();
        if (!process->waitForFinished(15000)) {
            process->kill();
            process->waitForFinished();
        }
    }
}

QTEST_GUILESS_MAIN(TestGuiEntry)
#include "tst_guientry.moc"

void TestGuiEntry::headlessCommandsDoNotLoadTheDesktopApp()
{
    QTemporaryDir tree;
    QProcess watch;
    watch.start(QStringLiteral(FOXRELOAD_EXECUTABLE), { u"watch"_s, tree.path() });
    QVERIFY(watch.waitForStarted());
    QByteArray err;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (err += watch.readAllStandardError()).contains("watching"), err.constData(), 10000);
    QFile maps(u"/proc/%1/maps"_s.arg(watch.processId()));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY(mapped.contains("libQt6Core"));
    QVERIFY2(!mapped.contains("libQt6Widgets"), "foxreload watch mapped the widget library");
    QVERIFY2(!mapped.contains("libQt6Charts"), "foxreload watch mapped the charts library");
    QVERIFY(!mapped.contains("foxreload-gui.so"));
    watch.terminate();
    QVERIFY(watch.waitForFinished(10000));
}

void TestGuiEntry::moduleIsFoundNextToTheExecutable()
{
    const QString dir = QFileInfo(QStringLiteral(FOXRELOAD_EXECUTABLE)).absolutePath();
    const QStringList candidates = gui::guiModuleCandidates(dir);
    QVERIFY(std::any_of(
        candidates.cbegin(), candidates.cend(), [](const QString& path) { return QFileInfo::exists(path); }));
    QCOMPARE(candidates.value(qEnvironmentVariableIsSet("FOXRELOAD_GUI_MODULE") ? 1 : 0),
        dir + u"/foxreload-gui.so"_s);
}
