// Saving through the settings dialog changes only what the user changed: a commented
// .foxreload.yaml keeps every other byte, and the previous version is kept as .bak.
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "config/TrustStore.h"
#include "gui/RulesModel.h"
#include "gui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestSettingsSave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void onlyTheEditedValueChanges_data();
    void onlyTheEditedValueChanges();
    void fixedBoxByKeyboard_data();
    void fixedBoxByKeyboard();
};

void TestSettingsSave::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsSave::onlyTheEditedValueChanges_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("field"); // objectName of the widget the user types into
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("before"); // the one span that changes ...
    QTest::addColumn<QByteArray>("after"); // ... into this

    QTest::newRow("block style, comments everywhere")
        << QByteArray("# Reynard's config\n"
                      "server:\n"
                      "  command: python3   # the interpreter\n"
                      "  args:\n"
                      "    - main.py   # entry point\n"
                      "\n"
                      "  # env for the child\n"
                      "  env:\n"
                      "    PYTHONUNBUFFERED: \"1\"\n"
                      "watch:\n"
                      "  paths: [tools/, main.py]\n"
                      "  debounce_ms: 50 # quiet window\n"
                      "  max_reloads_per_minute: 10\n"
                      "# trailing comment\n")
        << u"debounceSpin"_s << u"80"_s << QByteArray("debounce_ms: 50 ") << QByteArray("debounce_ms: 80 ");
    QTest::newRow("flow maps") << QByteArray(
        "server: {command: python3, args: [main.py], cwd: .}\n"
        "watch: {paths: [tools/, main.py], exclude: [\"**/*.pyc\"], debounce_ms: 50}\n"
        "rules: [{match: main.py, strategy: full_restart}]\n")
                               << u"debounceSpin"_s << u"120"_s << QByteArray("debounce_ms: 50}")
                               << QByteArray("debounce_ms: 120}");
    QTest::newRow("quoted strings and 1.0 kept")
        << QByteArray("server:\n"
                      "  command: 'python3'\n"
                      "  args: [\"main.py\", \"--name\", 'Reynard the Fox']\n"
                      "watch:\n"
                      "  paths: ['tools/', \"main.py\"]\n"
                      "  max_reloads_per_minute: 10\n"
                      "gamification: {enabled: true, xp_multiplier: 1.0}\n")
        << u"maxReloadsSpin"_s << u"30"_s << QByteArray("max_reloads_per_minute: 10")
        << QByteArray("max_reloads_per_minute: 30");
    QTest::newRow("rules with comments between items")
        << QByteArray("server:\n  command: python3\n  args: [main.py]\n"
                      "watch:\n  paths:\n    - tools/\n    - main.py\n  debounce_ms: 50\n"
                      "rules:\n"
                      "  # entry point\n"
                      "  - {match: main.py, strategy: full_restart}\n"
                      "\n"
                      "  # tools reload in place\n"
                      "  - match: \"tools/**/*.py\"\n"
                      "    strategy: hot_reload   # fast\n"
                      "    components: [tool_registry]\n"
                      "default_strategy: full_restart\n")
        << u"commandEdit"_s << u"python3.11"_s << QByteArray("command: python3\n")
        << QByteArray("command: python3.11\n");
    QTest::newRow("no final newline, blank lines, document marker")
        << QByteArray("---\n"
                      "# FoxReload\n"
                      "\n"
                      "server:\n"
                      "  command: python3\n"
                      "  args: [main.py]\n"
                      "\n"
                      "\n"
                      "watch:\n"
                      "  paths: [tools/, main.py]   # what matters\n"
                      "  debounce_ms: 50")
        << u"debounceSpin"_s << u"200"_s << QByteArray("debounce_ms: 50") << QByteArray("debounce_ms: 200");
}

void TestSettingsSave::onlyTheEditedValueChanges()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QCOMPARE(yaml.count(before), 1);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.filePath(u"main.py"_s), "print('hi')\n"));
    QVERIFY(test::writeFile(dir.filePath(u"tools/weather.py"_s), "\n"));
    const QString file = dir.filePath(u".foxreload.yaml"_s);
    QVERIFY(test::writeFile(file, yaml));
    const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.errors.first().toString()));

    SettingsDialog dialog(*loaded.config);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* widget = dialog.findChild<QWidget*>(field);
    QVERIFY(widget);
    for (int i = 0; i < dialog.form()->tabs->count(); ++i) {
        if (dialog.form()->tabs->widget(i)->isAncestorOf(widget))
            dialog.form()->tabs->setCurrentIndex(i);
    }
    widget->setFocus();
    QTRY_VERIFY(widget->hasFocus());
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier); // select all, then type over it
    QTest::keyClicks(widget, typed);
    QTRY_VERIFY(dialog.saveButton()->isEnabled());

    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(!dialog.isVisible()); // accepted

    QByteArray expected = yaml;
    expected.replace(before, after);
    const QByteArray written = test::readFile(file);
    QCOMPARE(QString::fromUtf8(written), QString::fromUtf8(expected));
    QCOMPARE(test::readFile(file + u".bak"_s), yaml);
    QVERIFY(TrustStore().isTrusted(file)); // the user wrote it here
    const ConfigLoadResult reread = ConfigLoader::loadFile(file);
    QVERIFY(reread.ok());
    QCOMPARE(saved.at(0).at(0).value<Config>(), *reread.config);
}

// The rules table's Fixed column: Space on the cell ticks or clears `fixed: true` of that rule,
// and nothing else in the file changes.
void TestSettingsSave::fixedBoxByKeyboard_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("row");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    const QByteArray head = "server: {command: python3, args: [main.py]}\n"
                            "watch: {paths: [tools/, main.py]}\n"
                            "rules:\n"
                            "  # entry point\n"
                            "  - {match: main.py, strategy: full_restart}\n";
    QTest::newRow("tick, flow map") << head + "  - {match: \"tools/**/*.py\", strategy: hot_reload}  # fast\n"
                                    << 1 << QByteArray("strategy: hot_reload}")
                                    << QByteArray("strategy: hot_reload, fixed: true}");
    QTest::newRow("clear, block map")
        << head + "  - match: \"tools/**/*.py\"\n    strategy: hot_reload\n    fixed: true   # never learn\n"
        << 1 << QByteArray("    strategy: hot_reload\n    fixed: true   # never learn\n")
        << QByteArray("    strategy: hot_reload\n");
}

void TestSettingsSave::fixedBoxByKeyboard()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, row);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QCOMPARE(yaml.count(before), 1);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.filePath(u"main.py"_s), "print('hi')\n"));
    QVERIFY(test::writeFile(dir.filePath(u"tools/weather.py"_s), "\n"));
    const QString file = dir.filePath(u".foxreload.yaml"_s);
    QVERIFY(test::writeFile(file, yaml));
    const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.errors.first().toString()));
    const bool wasFixed = loaded.config->rules.at(row).fixed;

    SettingsDialog dialog(*loaded.config);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.form()->tabs->setCurrentWidget(dialog.form()->rulesTab);
    auto* view = dialog.form()->rulesView;
    view->setFocus();
    const QModelIndex fixed = dialog.rulesModel()->index(row, RulesModel::FixedColumn);
    view->setCurrentIndex(fixed);
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(fixed.data(Qt::CheckStateRole).toInt(), int(wasFixed ? Qt::Checked : Qt::Unchecked));
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(fixed.data(Qt::CheckStateRole).toInt(), int(wasFixed ? Qt::Unchecked : Qt::Checked));
    QTRY_VERIFY(dialog.saveButton()->isEnabled());

    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QByteArray expected = yaml;
    expected.replace(before, after);
    QCOMPARE(QString::fromUtf8(test::readFile(file)), QString::fromUtf8(expected));
    const ConfigLoadResult reread = ConfigLoader::loadFile(file);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config->rules.at(row).fixed, !wasFixed);
}

QTEST_MAIN(TestSettingsSave)
#include "tst_settingssave.moc"
