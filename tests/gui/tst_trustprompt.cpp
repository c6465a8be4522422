// The desktop app's trust prompt: what it shows, and that only a deliberate click trusts.
#include "GuiTestSupport.h"
#include "ShellTestSupport.h"
#include "config/TrustStore.h"
#include "gui/ProjectController.h"
#include "gui/TrustPrompt.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestTrustPrompt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textNamesCommandDirectoryAndEnvironment_data();
    void textNamesCommandDirectoryAndEnvironment();
    void cancelIsTheDefault();
    void keysDoNotTrust_data();
    void keysDoNotTrust();
    void trustAndStartTrustsAndStarts();
    void noPromptForAMissingFile();
};

void TestTrustPrompt::textNamesCommandDirectoryAndEnvironment_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("cwd");
    QTest::addColumn<QMap<QString, QString>>("env");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain") << u"python3"_s << QStringList { u"main.py"_s } << u"/srv/reynard"_s
                           << QMap<QString, QString> { { u"PYTHONUNBUFFERED"_s, u"1"_s } }
                           << QStringList { u"python3 main.py"_s, u"/srv/reynard"_s,
                                  u"PYTHONUNBUFFERED=1"_s };
    QTest::newRow("quoted") << u"node"_s << QStringList { u"server.js"_s, u"--name"_s, u"two words"_s }
                            << u"/home/a b/proj"_s
                            << QMap<QString, QString> { { u"GREETING"_s, u"hello world"_s },
                                   { u"EMPTY"_s, QString() } }
                            << QStringList { u"node server.js --name 'two words'"_s, u"/home/a b/proj"_s,
                                   u"GREETING='hello world'"_s, u"EMPTY=''"_s };
    QTest::newRow("no env") << u"uv"_s << QStringList { u"run"_s, u"it's.py"_s } << u"/p"_s
                            << QMap<QString, QString> {}
                            << QStringList { u"uv run 'it'\\''s.py'"_s, u"/p"_s };
}

void TestTrustPrompt::textNamesCommandDirectoryAndEnvironment()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(QString, cwd);
    QFETCH(QStringList, expected);
    using Env = QMap<QString, QString>;
    QFETCH(Env, env);
    Config config = Config::defaults(cwd);
    config.server.command = command;
    config.server.args = args;
    config.server.cwd = cwd;
    config.server.env = env;
    TrustPrompt prompt(cwd + u"/.foxreload.yaml"_s, config);
    const QString text = prompt.text();
    QVERIFY2(text.contains(cwd + u"/.foxreload.yaml"_s), qPrintable(text));
    for (const auto& part : expected)
        QVERIFY2(text.contains(part), qPrintable(u"missing «%1» in:\n%2"_s.arg(part, text)));
    // The same text as the CLI's `foxreload trust`.
    QVERIFY(text.contains(trustSummary(config)));
    QCOMPARE(prompt.trustButton()->text(), u"Trust and &Start"_s);
}

void TestTrustPrompt::cancelIsTheDefault()
{
    Config config = Config::defaults(u"/p"_s);
    config.server.command = u"python3"_s;
    TrustPrompt prompt(u"/p/.foxreload.yaml"_s, config);
    prompt.show();
    QVERIFY(QTest::qWaitForWindowExposed(&prompt));
    QVERIFY(prompt.cancelButton()->isDefault());
    QVERIFY(!prompt.trustButton()->isDefault());
    QVERIFY(!prompt.trustButton()->autoDefault());
    QCOMPARE(QApplication::focusWidget(), prompt.cancelButton());
}

void TestTrustPrompt::keysDoNotTrust_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Enter") << int(Qt::Key_Return);
    QTest::newRow("keypad Enter") << int(Qt::Key_Enter);
    QTest::newRow("Escape") << int(Qt::Key_Escape);
    QTest::newRow("Space") << int(Qt::Key_Space); // on the focused button: Cancel
}

void TestTrustPrompt::keysDoNotTrust()
{
    QFETCH(int, key);
    test::ExampleProject project;
    QVERIFY(project.isValid());
    const QString file = project.path(u".foxreload.yaml"_s);
    ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    QVERIFY(loaded.ok());
    ProjectController controller(*loaded.config);
    QVERIFY(!controller.start());
    QCOMPARE(controller.status(), MonitoredSession::Status::Untrusted);

    QString shown;
    test::DialogAnswerer<TrustPrompt> answerer([&](TrustPrompt* prompt) {
        shown = prompt->text();
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : prompt, Qt::Key(key));
    });
    QVERIFY(!TrustPrompt::askAndStart(&controller, nullptr));
    QCOMPARE(answerer.count(), 1);
    QVERIFY2(shown.contains(u"python3 main.py"_s), qPrintable(shown));
    QVERIFY(shown.contains(project.root()));
    QVERIFY(shown.contains(u"PYTHONUNBUFFERED=1"_s));
    QVERIFY(!TrustStore().isTrusted(file));
    QCOMPARE(controller.status(), MonitoredSession::Status::Untrusted);
}

void TestTrustPrompt::trustAndStartTrustsAndStarts()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    const QString file = project.path(u".foxreload.yaml"_s);
    ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    QVERIFY(loaded.ok());
    ProjectController controller(*loaded.config);
    QVERIFY(!controller.start());
    test::DialogAnswerer<TrustPrompt> answerer(
        [](TrustPrompt* prompt) { QTest::mouseClick(prompt->trustButton(), Qt::LeftButton); });
    QVERIFY(TrustPrompt::askAndStart(&controller, nullptr));
    QCOMPARE(answerer.count(), 1);
    QVERIFY(TrustStore().isTrusted(file));
    QVERIFY(controller.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(controller.status(), MonitoredSession::Status::Watching, 30000);
    QSignalSpy stopped(&controller, &ProjectController::stopped);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
}

void TestTrustPrompt::noPromptForAMissingFile()
{
    QTemporaryDir dir;
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    config.sourceFile = dir.filePath(u".foxreload.yaml"_s); // never written
    ProjectController controller(config);
    QVERIFY(!controller.start());
    test::DialogAnswerer<TrustPrompt> prompts([](TrustPrompt* prompt) { prompt->reject(); });
    QString message;
    test::DialogAnswerer<QMessageBox> messages([&](QMessageBox* box) {
        message = box->text();
        box->reject();
    });
    QVERIFY(!TrustPrompt::askAndStart(&controller, nullptr));
    QCOMPARE(prompts.count(), 0);
    QCOMPARE(messages.count(), 1);
    QVERIFY2(message.contains(u".foxreload.yaml"_s), qPrintable(message));
    QVERIFY(!QFileInfo::exists(config.sourceFile));
}

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    foxreload::test::isolateXdgDirectories(home);
    QApplication app(argc, argv);
    TestTrustPrompt test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_trustprompt.moc"
