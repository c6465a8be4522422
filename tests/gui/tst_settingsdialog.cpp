#include "analyze/ChangeAnalyzer.h"
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "config/TrustStore.h"
#include "gui/AppSettings.h"
#include "gui/MonitoredSession.h"
#include "gui/RulesModel.h"
#include "gui/SettingsDialog.h"
#include "ui_SettingsDialog.h"
#include "watch/FileWatcher.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void roundTripsThroughYaml();
    void editsAreSavedAndEmitted();
    void invalidInputIsMarked_data();
    void invalidInputIsMarked();
    void rulesAreEditedAndReordered();
    void previewCountsMatchRealTree();
    void pathTesterAgreesWithAnalyzer_data();
    void pathTesterAgreesWithAnalyzer();
    void allProblemsShownAtOnce();
    void inputsLimitedToValidRange_data();
    void inputsLimitedToValidRange();
    void brokenPatternIsNotLoggedAgain();
    void newProjectStartsOnServerTab_data();
    void newProjectStartsOnServerTab();
    void newProjectWithoutGuessFocusesCommand();

private:
    Config loadExample();
    std::unique_ptr<test::ExampleProject> m_project;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsDialog::init()
{
    m_project = std::make_unique<test::ExampleProject>();
    QVERIFY(m_project->isValid());
}

Config TestSettingsDialog::loadExample()
{
    const ConfigLoadResult loaded = ConfigLoader::loadFile(m_project->path(u".foxreload.yaml"_s));
    if (!loaded.ok())
        qFatal("example config does not load: %s", qPrintable(loaded.errors.first().toString()));
    return *loaded.config;
}

void TestSettingsDialog::roundTripsThroughYaml()
{
    const Config original = loadExample();
    SettingsDialog dialog(original);
    QCOMPARE(dialog.editedConfig(), original); // fields show exactly the file
    const std::optional<Config> validated = dialog.validate();
    QVERIFY2(validated, qPrintable(dialog.markedFields().join(u',')));
    QCOMPARE(*validated, original);
    QVERIFY(dialog.markedFields().isEmpty());

    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QString error;
    QVERIFY2(dialog.save(&error), qPrintable(error));
    QCOMPARE(saved.size(), 1);
    const ConfigLoadResult reread = ConfigLoader::loadFile(m_project->path(u".foxreload.yaml"_s));
    QVERIFY(reread.ok());
    QCOMPARE(*reread.config, original);
    QVERIFY(TrustStore().isTrusted(m_project->path(u".foxreload.yaml"_s))); // written by the user here
}

void TestSettingsDialog::editsAreSavedAndEmitted()
{
    const Config original = loadExample();
    SettingsDialog dialog(original);
    auto* ui = dialog.form();
    ui->commandEdit->setText(u"python3"_s);
    ui->argsEdit->setText(u"main.py --name \"Reynard the Fox\""_s);
    ui->debounceSpin->setValue(120);
    ui->maxReloadsSpin->setValue(30);
    ui->gitignoreCheck->setChecked(false);
    ui->excludesEdit->setPlainText(u"**/__pycache__/**\n**/*.log"_s);
    ui->restartModeCombo->setCurrentIndex(ui->restartModeCombo->findData(u"stop_start"_s));
    ui->envAdd->click();
    ui->envTable->item(ui->envTable->rowCount() - 1, 0)->setText(u"REYNARD_MODE"_s);
    ui->envTable->item(ui->envTable->rowCount() - 1, 1)->setText(u"dev"_s);
    ui->gamificationCheck->setChecked(false);
    // The URL means something only for an HTTP server.
    QVERIFY(!ui->urlEdit->isEnabled());
    ui->transportCombo->setCurrentIndex(ui->transportCombo->findData(u"http"_s));
    QVERIFY(ui->urlEdit->isEnabled());
    QCOMPARE(ui->urlEdit->text(), u"http://127.0.0.1:{port}/mcp"_s);
    ui->urlEdit->setText(u"http://127.0.0.1:{port}/rpc"_s);

    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QString error;
    QVERIFY2(dialog.save(&error), qPrintable(error + dialog.markedFields().join(u',')));
    QCOMPARE(saved.size(), 1);
    const Config emitted = saved.at(0).at(0).value<Config>();
    const ConfigLoadResult reread = ConfigLoader::loadFile(m_project->path(u".foxreload.yaml"_s));
    QVERIFY(reread.ok());
    QCOMPARE(emitted, *reread.config);
    const Config& c = *reread.config;
    QCOMPARE(c.server.args, (QStringList { u"main.py"_s, u"--name"_s, u"Reynard the Fox"_s }));
    QCOMPARE(c.watch.debounceMs, 120);
    QCOMPARE(c.watch.maxReloadsPerMinute, 30);
    QCOMPARE(c.watch.respectGitignore, false);
    QCOMPARE(c.watch.exclude, (QStringList { u"**/__pycache__/**"_s, u"**/*.log"_s }));
    QCOMPARE(c.server.restartMode, RestartMode::StopStart);
    QCOMPARE(c.server.env.value(u"REYNARD_MODE"_s), u"dev"_s);
    QCOMPARE(c.server.env.value(u"PYTHONUNBUFFERED"_s), u"1"_s);
    QCOMPARE(c.gamification.enabled, false);
    QCOMPARE(c.server.transport, ServerTransport::Http);
    QCOMPARE(c.server.url, u"http://127.0.0.1:{port}/rpc"_s);
    QCOMPARE(c.rules, original.rules);
    QCOMPARE(c.watch.paths, original.watch.paths);
}

void TestSettingsDialog::invalidInputIsMarked_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expectedLabel");
    QTest::newRow("empty command") << u"command"_s << u"commandError"_s;
    QTest::newRow("unclosed quote") << u"args"_s << u"argsError"_s;
    QTest::newRow("missing working directory") << u"cwd"_s << u"cwdError"_s;
    QTest::newRow("bad variable name") << u"env"_s << u"envError"_s;
    QTest::newRow("bad exclude glob") << u"exclude"_s << u"excludesError"_s;
    QTest::newRow("debounce above max wait") << u"debounce"_s << u"debounceError"_s;
    QTest::newRow("bad rule pattern") << u"rule"_s << u"rulesError"_s;
    QTest::newRow("no watch path") << u"paths"_s << u"pathsError"_s;
}

void TestSettingsDialog::invalidInputIsMarked()
{
    QFETCH(QString, what);
    QFETCH(QString, expectedLabel);
    const QByteArray before = test::readFile(m_project->path(u".foxreload.yaml"_s));
    SettingsDialog dialog(loadExample());
    auto* ui = dialog.form();
    if (what == u"command") {
        ui->commandEdit->clear();
    } else if (what == u"args") {
        ui->argsEdit->setText(u"main.py \"unclosed"_s);
    } else if (what == u"cwd") {
        ui->cwdEdit->setText(u"no/such/dir"_s);
    } else if (what == u"env") {
        ui->envAdd->click();
        ui->envTable->item(ui->envTable->rowCount() - 1, 0)->setText(u"1BAD NAME"_s);
    } else if (what == u"exclude") {
        ui->excludesEdit->setPlainText(u"**/[a-"_s);
    } else if (what == u"debounce") {
        ui->debounceSpin->setValue(5000); // max_wait_ms stays 1000
    } else if (what == u"rule") {
        dialog.rulesModel()->setData(dialog.rulesModel()->index(2, RulesModel::PatternColumn), u"tools/[x"_s);
    } else if (what == u"paths") {
        ui->pathsList->clear();
    }
    QVERIFY(!dialog.validate());
    const QStringList marked = dialog.markedFields();
    QVERIFY2(marked.contains(expectedLabel), qPrintable(marked.join(u',')));
    auto* label = dialog.findChild<QLabel*>(expectedLabel);
    QVERIFY(label && !label->isHidden() && !label->text().isEmpty());
    qInfo().noquote() << expectedLabel << "says:" << label->text();
    if (what == u"rule")
        QVERIFY(!dialog.rulesModel()->rowError(2).isEmpty());

    QString error;
    QVERIFY(!dialog.save(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(test::readFile(m_project->path(u".foxreload.yaml"_s)), before); // nothing written
}

void TestSettingsDialog::rulesAreEditedAndReordered()
{
    const Config original = loadExample();
    SettingsDialog dialog(original);
    auto* ui = dialog.form();
    RulesModel* rules = dialog.rulesModel();
    const int count = rules->rowCount();
    QCOMPARE(count, int(original.rules.size()));

    // Add after the first rule, edit it through the model (as the delegates do).
    ui->rulesView->setCurrentIndex(rules->index(0, 0));
    ui->ruleAdd->click();
    QCOMPARE(rules->rowCount(), count + 1);
    QCOMPARE(ui->rulesView->currentIndex().row(), 1);
    QVERIFY(rules->setData(rules->index(1, RulesModel::PatternColumn), u"prompts/**/*.md"_s));
    QVERIFY(rules->setData(rules->index(1, RulesModel::StrategyColumn), u"hot_reload"_s));
    QVERIFY(rules->setData(rules->index(1, RulesModel::ComponentsColumn), u"prompts, docs"_s));
    QVERIFY(!rules->setData(rules->index(1, RulesModel::StrategyColumn), u"teleport"_s));
    QCOMPARE(rules->index(1, RulesModel::StrategyColumn).data().toString(), u"hot reload"_s);

    // Move it down twice and back up once with the buttons.
    ui->ruleDown->click();
    ui->ruleDown->click();
    ui->ruleUp->click();
    QCOMPARE(ui->rulesView->currentIndex().row(), 2);
    QList<Rule> expected = original.rules;
    expected.insert(
        2, Rule { u"prompts/**/*.md"_s, ReloadStrategy::HotReload, { u"prompts"_s, u"docs"_s }, 0 });
    QCOMPARE(rules->rules(), expected);

    // Moving past either end does nothing.
    ui->rulesView->setCurrentIndex(rules->index(0, 0));
    ui->ruleUp->click();
    QCOMPARE(rules->rules(), expected);

    // Remove the first rule (main.py) and save: the file has the new order.
    ui->ruleRemove->click();
    expected.removeFirst();
    QCOMPARE(dialog.editedConfig().rules, expected);
    QString error;
    QVERIFY2(dialog.save(&error), qPrintable(error + dialog.markedFields().join(u',')));
    const ConfigLoadResult reread = ConfigLoader::loadFile(m_project->path(u".foxreload.yaml"_s));
    QVERIFY(reread.ok());
    QCOMPARE(reread.config->rules, expected);
}

void TestSettingsDialog::previewCountsMatchRealTree()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    // 6 watched files; 3 excluded by globs (a pruned __pycache__ and node_modules), 1 by .gitignore.
    for (const auto& file : { u"main.py"_s, u"tools/a.py"_s, u"tools/b.py"_s, u"tools/deep/c.py"_s,
             u"services/cache.py"_s, u".gitignore"_s, u"tools/__pycache__/a.cpython-311.pyc"_s,
             u"tools/__pycache__/b.cpython-311.pyc"_s, u"node_modules/x/index.js"_s, u"build.log"_s })
        QVERIFY(test::writeFile(root + u'/' + file, "x\n"));
    QVERIFY(test::writeFile(root + u"/.gitignore"_s, "*.log\n"));

    Config config = Config::defaults(root);
    config.server.command = u"python3"_s;
    config.watch.paths = { root };
    config.watch.exclude = { u"**/__pycache__/**"_s, u"node_modules/**"_s };
    config.watch.respectGitignore = true;
    SettingsDialog dialog(config);
    QSignalSpy spy(&dialog, &SettingsDialog::previewUpdated);
    dialog.refreshPreviewNow();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1 && !dialog.previewScanner()->isScanning(), 20000);
    const PreviewResult preview = *dialog.lastPreview();
    QCOMPARE(preview.watchedFiles, 6);
    QCOMPARE(preview.excludedFiles, 4);
    QCOMPARE(preview.excludedDirectories, 2);
    QVERIFY(!preview.capped);
    QVERIFY2(dialog.form()->previewLabel->text().contains(u"6 files watched, 4 excluded"_s),
        qPrintable(dialog.form()->previewLabel->text()));

    // The watcher itself sees the same files.
    FileWatcher watcher;
    auto filter = std::make_shared<PathFilter>(root, config.watch.exclude, true);
    QVERIFY(watcher.start({ WatchRoot { root, filter } }));
    QCOMPARE(watcher.stats().files, preview.watchedFiles);
    watcher.stop();

    // Editing the excludes updates the preview.
    dialog.form()->excludesEdit->setPlainText(u"**/__pycache__/**"_s);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.lastPreview()->watchedFiles == 7, 20000);
    QCOMPARE(dialog.lastPreview()->excludedFiles, 3);
}

void TestSettingsDialog::pathTesterAgreesWithAnalyzer_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("tool") << u"tools/weather.py"_s;
    QTest::newRow("nested tool") << u"tools/sub/x.py"_s;
    QTest::newRow("service") << u"services/cache.py"_s;
    QTest::newRow("entry point") << u"main.py"_s;
    QTest::newRow("protocol") << u"protocol/tool_registry.py"_s;
    QTest::newRow("settings") << u"config/settings.json"_s;
    QTest::newRow("unmatched") << u"README.md"_s;
    QTest::newRow("excluded") << u"tools/__pycache__/weather.cpython-311.pyc"_s;
    QTest::newRow("excluded test") << u"tests/test_tools.py"_s;
}

void TestSettingsDialog::pathTesterAgreesWithAnalyzer()
{
    QFETCH(QString, path);
    const Config config = loadExample();
    SettingsDialog dialog(config);
    dialog.form()->pathTester->pathEdit()->setText(path);
    const QString shown = dialog.form()->pathTester->resultText();

    ChangeAnalyzer analyzer(config.projectRoot, config.rules, config.defaultStrategy);
    analyzer.setPathFilter(std::make_shared<PathFilter>(
        config.projectRoot, config.watch.exclude, config.watch.respectGitignore));
    const QString absolute = QDir(config.projectRoot).absoluteFilePath(path);
    const FileChange expected
        = analyzer.classify(absolute, FileEvent::Kind::Modified, QFileInfo(absolute).isDir());
    qInfo().noquote() << path << "→" << shown;
    QVERIFY2(shown.contains(MonitoredSession::strategyText(expected.strategy)), qPrintable(shown));
    if (expected.excluded)
        QVERIFY2(shown.startsWith(u"Excluded"_s), qPrintable(shown));
    else if (!expected.rule.isEmpty())
        QVERIFY2(shown.contains(u"(%1)"_s.arg(expected.rule)), qPrintable(shown));
    else
        QVERIFY2(shown.startsWith(u"No rule matches"_s), qPrintable(shown));
}

void TestSettingsDialog::allProblemsShownAtOnce()
{
    const QByteArray before = test::readFile(m_project->path(u".foxreload.yaml"_s));
    SettingsDialog dialog(loadExample());
    auto* ui = dialog.form();
    QVERIFY(dialog.saveButton()->isEnabled());
    ui->commandEdit->clear();
    ui->excludesEdit->setPlainText(u"**/[a-\n**/*.pyc\n{x"_s);
    ui->debounceSpin->setValue(5000); // above max_wait_ms (1000): only the loader knows
    dialog.rulesModel()->setData(dialog.rulesModel()->index(2, RulesModel::PatternColumn), u"tools/[x"_s);
    QVERIFY(!dialog.validate());

    // Each problem in place, all at once, the loader's too.
    QCOMPARE(dialog.markedFields(),
        (QStringList { u"commandError"_s, u"debounceError"_s, u"excludesError"_s, u"rulesError"_s }));
    QCOMPARE(ui->excludesError->text().count(u'\n'), 1); // both broken patterns, one line each
    QVERIFY(!dialog.rulesModel()->rowError(2).isEmpty());
    QCOMPARE(dialog.problems().size(), 5);

    // Save says why it is blocked, where the user looks: the disabled button and the summary.
    QVERIFY(!dialog.saveButton()->isEnabled());
    const QString reason = dialog.saveButton()->toolTip();
    // ("problem(s)" until a translation, English included, gives the plural its forms)
    QVERIFY2(reason.startsWith(u"Save is blocked until 5 problem"_s), qPrintable(reason));
    for (const auto& place :
        { u"Server › Command"_s, u"Watching › Exclude patterns"_s, u"Watching › Debounce"_s, u"Rules"_s })
        QVERIFY2(reason.contains(place), qPrintable(reason));
    QVERIFY(!ui->summaryError->isHidden());
    QVERIFY(ui->summaryError->text().startsWith(reason));
    QString error;
    QVERIFY(!dialog.save(&error));
    QCOMPARE(error, reason);
    QCOMPARE(test::readFile(m_project->path(u".foxreload.yaml"_s)), before);

    // Fixing them one by one unblocks Save at the last one.
    ui->commandEdit->setText(u"python3"_s);
    ui->excludesEdit->setPlainText(u"**/*.pyc"_s);
    ui->debounceSpin->setValue(50);
    QVERIFY(!dialog.validate());
    QCOMPARE(dialog.markedFields(), QStringList { u"rulesError"_s });
    QVERIFY(dialog.saveButton()->toolTip().contains(u"until 1 problem"_s));
    dialog.rulesModel()->setData(dialog.rulesModel()->index(2, RulesModel::PatternColumn), u"tools/**"_s);
    QVERIFY(dialog.validate());
    QVERIFY(dialog.saveButton()->isEnabled());
    QVERIFY(dialog.saveButton()->toolTip().isEmpty());
    QVERIFY(ui->summaryError->isHidden());
}

void TestSettingsDialog::inputsLimitedToValidRange_data()
{
    QTest::addColumn<QString>("spin");
    QTest::addColumn<int>("maximum"); // ConfigLoader's range
    QTest::newRow("debounce") << u"debounceSpin"_s << 60000;
    QTest::newRow("max reloads") << u"maxReloadsSpin"_s << 6000;
}

void TestSettingsDialog::inputsLimitedToValidRange()
{
    QFETCH(QString, spin);
    QFETCH(int, maximum);
    SettingsDialog dialog(loadExample());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.form()->tabs->setCurrentWidget(dialog.form()->watchTab);
    auto* box = dialog.findChild<QSpinBox*>(spin);
    QVERIFY(box);
    QCOMPARE(box->minimum(), 0);
    QCOMPARE(box->maximum(), maximum);
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, u"99999"_s);
    QTest::keyClick(box, Qt::Key_Tab);
    QVERIFY2(box->value() <= maximum, qPrintable(QString::number(box->value())));
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, u"-5"_s);
    QVERIFY(box->value() >= 0);
}

namespace {
QStringList g_messages;
// What reaches a user's terminal: the app turns debug and info output off unless asked for.
void recordMessage(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg)
        g_messages.append(message);
}
} // namespace

void TestSettingsDialog::brokenPatternIsNotLoggedAgain()
{
    SettingsDialog dialog(loadExample());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.form()->tabs->setCurrentWidget(dialog.form()->watchTab);
    QSignalSpy previews(&dialog, &SettingsDialog::previewUpdated);
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
    auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });

    // Type a broken exclude as a user does, with pauses that let every check and preview run.
    auto* excludes = dialog.form()->excludesEdit;
    excludes->setFocus();
    QTest::keyClick(excludes, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(excludes, Qt::Key_Return);
    for (const QChar c : u"src/[ab-"_s) {
        QTest::keyClicks(excludes, QString(c));
        QTest::qWait(20);
    }
    for (int i = 0; i < 3; ++i) { // and wait as a user does, while the dialog keeps checking
        previews.clear();
        dialog.refreshPreviewNow();
        QTRY_VERIFY_WITH_TIMEOUT(previews.size() >= 1 && !dialog.previewScanner()->isScanning(), 20000);
        dialog.form()->pathTester->pathEdit()->setText(u"tools/a%1.py"_s.arg(i));
    }
    QTRY_VERIFY(dialog.markedFields().contains(u"excludesError"_s));
    QVERIFY(dialog.lastPreview()->patternErrors.size() == 1);
    restore.dismiss();
    qInstallMessageHandler(previous);

    QMap<QString, int> counts;
    for (const auto& message : std::as_const(g_messages))
        ++counts[message];
    qInfo() << g_messages.size() << "messages while typing:" << g_messages;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 times: %2"_s.arg(it.value()).arg(it.key())));
}

void TestSettingsDialog::newProjectStartsOnServerTab_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("args");
    QTest::newRow("python") << u"main.py"_s << u"python3"_s << u"main.py"_s;
    QTest::newRow("node") << u"package.json"_s << u"node"_s << u"server.js"_s;
}

void TestSettingsDialog::newProjectStartsOnServerTab()
{
    QFETCH(QString, entry);
    QFETCH(QString, command);
    QFETCH(QString, args);
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(entry), entry == u"package.json" ? R"({"main": "server.js"})" : ""));
    QVERIFY(test::writeFile(dir.filePath(u"server.js"_s), ""));
    AppSettings().setSettingsTab(2); // the last edit ended on the Rules tab

    std::unique_ptr<SettingsDialog> dialog(SettingsDialog::forNewProject(dir.path()));
    QCOMPARE(dialog->mode(), SettingsDialog::Mode::NewProject);
    auto* ui = dialog->form();
    QCOMPARE(ui->tabs->currentWidget(), ui->serverTab);
    QCOMPARE(ui->commandEdit->text(), command);
    QCOMPARE(ui->argsEdit->text(), args);
    const QString file = dir.filePath(u".foxreload.yaml"_s);
    QCOMPARE(dialog->targetFile(), file);
    const QString explanation = ui->configFileLabel->text();
    QVERIFY2(explanation.contains(
                 u"FoxReload will create .foxreload.yaml in "_s + QDir::toNativeSeparators(dir.path())),
        qPrintable(explanation));
    QVERIFY2(explanation.contains(entry), qPrintable(explanation));
    QVERIFY(dialog->saveButton()->isEnabled());
    QVERIFY(!QFileInfo::exists(file)); // nothing before Save

    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QString error;
    QVERIFY2(dialog->save(&error), qPrintable(error));
    QCOMPARE(saved.size(), 1);
    const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config->server.command, command);
    QCOMPARE(loaded.config->server.args, QStringList { args });
    QCOMPARE(loaded.config->watch.paths, QStringList { QDir::cleanPath(dir.path()) });
    QVERIFY(loaded.config->watch.exclude.contains(u"**/node_modules/**"_s));
    QVERIFY(TrustStore().isTrusted(file));
}

void TestSettingsDialog::newProjectWithoutGuessFocusesCommand()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(u"notes.txt"_s), "nothing to run\n"));
    std::unique_ptr<SettingsDialog> dialog(SettingsDialog::forNewProject(dir.path()));
    dialog->show();
    QApplication::setActiveWindow(dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    auto* ui = dialog->form();
    QCOMPARE(ui->tabs->currentWidget(), ui->serverTab);
    QTRY_COMPARE(QApplication::focusWidget(), ui->commandEdit);
    QVERIFY(ui->commandEdit->text().isEmpty());
    QVERIFY(ui->configFileLabel->text().contains(u"enter its command"_s));
    QVERIFY(!dialog->saveButton()->isEnabled()); // and it says why
    QVERIFY(dialog->saveButton()->toolTip().contains(u"Server › Command"_s));

    QTest::keyClicks(ui->commandEdit, u"./run-server"_s);
    QVERIFY(test::writeFile(dir.filePath(u"run-server"_s), "#!/bin/sh\n"));
    QTRY_VERIFY(dialog->saveButton()->isEnabled());
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    const ConfigLoadResult loaded = ConfigLoader::loadFile(dir.filePath(u".foxreload.yaml"_s));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config->server.command, dir.filePath(u"run-server"_s));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
