// The settings dialog works by keyboard: typing into every table cell, the strategy changed only
// through its own editor, Tab never trapped, mnemonics unique in every language.
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "gui/RulesModel.h"
#include "gui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestSettingsKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typingEditsTextCells_data();
    void typingEditsTextCells();
    void escapeCancelsAndF2EditsInPlace();
    void lettersNeverChangeTheStrategy();
    void strategyChangesThroughItsEditor_data();
    void strategyChangesThroughItsEditor();
    void typingEditsEnvironmentCells();
    void tabLeavesEveryTable_data();
    void tabLeavesEveryTable();
    void mnemonicsAreUnique_data();
    void mnemonicsAreUnique();

private:
    std::unique_ptr<SettingsDialog> openDialog();
    static void type(const QString& text); // to whichever widget has the focus, as a user types
    static void press(Qt::Key key);
    std::unique_ptr<test::ExampleProject> m_project;
    Config m_config;
};

void TestSettingsKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsKeyboard::init()
{
    // The old dialog printed this when typed text did not reach the editor (and for clicks that
    // opened no editor): fail on it everywhere.
    QTest::failOnWarning(QRegularExpression(u"editing failed"_s));
    m_project = std::make_unique<test::ExampleProject>();
    QVERIFY(m_project->isValid());
    const ConfigLoadResult loaded = ConfigLoader::loadFile(m_project->path(u".foxreload.yaml"_s));
    QVERIFY(loaded.ok());
    m_config = *loaded.config;
}

void TestSettingsKeyboard::cleanup()
{
    m_project.reset();
}

std::unique_ptr<SettingsDialog> TestSettingsKeyboard::openDialog()
{
    auto dialog = std::make_unique<SettingsDialog>(m_config);
    dialog->show();
    QApplication::setActiveWindow(dialog.get());
    if (!QTest::qWaitForWindowActive(dialog.get()))
        qWarning("the dialog did not become active");
    return dialog;
}

void TestSettingsKeyboard::type(const QString& text)
{
    for (const QChar c : text) {
        QWidget* target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClicks(target, QString(c));
    }
}

void TestSettingsKeyboard::press(Qt::Key key)
{
    QWidget* target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClick(target, key);
}

void TestSettingsKeyboard::typingEditsTextCells_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<Qt::Key>("commitKey");
    QTest::newRow("pattern, Enter") << int(RulesModel::PatternColumn) << u"MYVAR/**"_s << Qt::Key_Return;
    QTest::newRow("pattern, keypad Enter") << int(RulesModel::PatternColumn) << u"app.py"_s << Qt::Key_Enter;
    QTest::newRow("components, Enter")
        << int(RulesModel::ComponentsColumn) << u"alpha, beta"_s << Qt::Key_Return;
    QTest::newRow("components, Tab") << int(RulesModel::ComponentsColumn) << u"gamma"_s << Qt::Key_Tab;
}

void TestSettingsKeyboard::typingEditsTextCells()
{
    QFETCH(int, column);
    QFETCH(QString, typed);
    QFETCH(Qt::Key, commitKey);
    const QByteArray before = test::readFile(m_project->path(u".foxreload.yaml"_s));
    auto dialog = openDialog();
    auto* view = dialog->form()->rulesView;
    dialog->form()->tabs->setCurrentWidget(dialog->form()->rulesTab);
    view->setFocus();
    view->setCurrentIndex(dialog->rulesModel()->index(0, column));
    QTRY_COMPARE(QApplication::focusWidget(), view);

    type(typed); // the first key opens the editor with itself as the text; the rest follow
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY2(editor, "typing did not open a text editor");
    QCOMPARE(editor->text(), typed);
    press(commitKey);
    QTRY_VERIFY(QApplication::focusWidget() == view || commitKey == Qt::Key_Tab);
    const Rule rule = dialog->rulesModel()->rules().at(0);
    if (column == RulesModel::PatternColumn)
        QCOMPARE(rule.match, typed);
    else
        QCOMPARE(rule.components.join(u", "_s), typed);
    QCOMPARE(rule.strategy, m_config.rules.at(0).strategy);
    // Enter committed the cell; it did not press Save for the whole dialog.
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->result(), 0);
    QCOMPARE(test::readFile(m_project->path(u".foxreload.yaml"_s)), before);
}

void TestSettingsKeyboard::escapeCancelsAndF2EditsInPlace()
{
    auto dialog = openDialog();
    auto* view = dialog->form()->rulesView;
    dialog->form()->tabs->setCurrentWidget(dialog->form()->rulesTab);
    view->setFocus();
    const QModelIndex pattern = dialog->rulesModel()->index(1, RulesModel::PatternColumn);
    view->setCurrentIndex(pattern);
    const QString original = pattern.data().toString();

    type(u"zzz"_s);
    press(Qt::Key_Escape);
    QTRY_COMPARE(QApplication::focusWidget(), view);
    QCOMPARE(pattern.data().toString(), original);
    QVERIFY(dialog->isVisible()); // Escape closed the editor, not the dialog

    press(Qt::Key_F2); // edits the text in place
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), original);
    press(Qt::Key_End);
    type(u"/x"_s);
    press(Qt::Key_Return);
    QTRY_COMPARE(pattern.data().toString(), original + u"/x"_s);

    press(Qt::Key_Return); // Enter on a cell opens its editor too
    QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
    press(Qt::Key_Escape);

    const QModelIndex components = dialog->rulesModel()->index(2, RulesModel::ComponentsColumn);
    // A real double click: press and release, then the second press that arrives as a double click.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(components).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(components).center());
    editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY2(editor, "a double click did not open the editor");
    editor->selectAll();
    type(u"registry"_s);
    press(Qt::Key_Return);
    QTRY_COMPARE(dialog->rulesModel()->rules().at(2).components, QStringList { u"registry"_s });
}

void TestSettingsKeyboard::lettersNeverChangeTheStrategy()
{
    auto dialog = openDialog();
    auto* view = dialog->form()->rulesView;
    dialog->form()->tabs->setCurrentWidget(dialog->form()->rulesTab);
    view->setFocus();
    for (int row = 0; row < dialog->rulesModel()->rowCount(); ++row) {
        view->setCurrentIndex(dialog->rulesModel()->index(row, RulesModel::StrategyColumn));
        type(u"MYVAR hot service n"_s);
        QCOMPARE(QApplication::focusWidget(), view); // no editor opened
        QCOMPARE(view->currentIndex().row(), row); // no keyboard search moved elsewhere
    }
    QCOMPARE(dialog->rulesModel()->rules(), m_config.rules);
    QCOMPARE(dialog->editedConfig(), m_config);
}

void TestSettingsKeyboard::strategyChangesThroughItsEditor_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("F2") << u"f2"_s;
    QTest::newRow("Enter") << u"enter"_s;
    QTest::newRow("double click") << u"doubleclick"_s;
    QTest::newRow("click") << u"click"_s;
}

void TestSettingsKeyboard::strategyChangesThroughItsEditor()
{
    QFETCH(QString, how);
    auto dialog = openDialog();
    auto* view = dialog->form()->rulesView;
    dialog->form()->tabs->setCurrentWidget(dialog->form()->rulesTab);
    view->setFocus();
    const QModelIndex cell = dialog->rulesModel()->index(0, RulesModel::StrategyColumn); // main.py
    QCOMPARE(cell.data(Qt::EditRole).toString(), u"full_restart"_s);
    view->setCurrentIndex(cell);
    if (how == u"f2")
        press(Qt::Key_F2);
    else if (how == u"enter")
        press(Qt::Key_Return);
    else if (how == u"doubleclick") {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    } else
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    QComboBox* combo = nullptr;
    QTRY_VERIFY((combo = qobject_cast<QComboBox*>(QApplication::focusWidget())));
    combo->hidePopup();
    const int full = combo->findData(u"full_restart"_s);
    QCOMPARE(combo->currentIndex(), full);
    press(Qt::Key_Escape); // cancel leaves it as it was
    QTRY_COMPARE(QApplication::focusWidget(), view);
    QCOMPARE(cell.data(Qt::EditRole).toString(), u"full_restart"_s);

    press(Qt::Key_F2);
    QTRY_VERIFY((combo = qobject_cast<QComboBox*>(QApplication::focusWidget())));
    combo->setCurrentIndex(combo->findData(u"hot_reload"_s)); // what Up/Down or the popup would do
    press(Qt::Key_Return);
    QTRY_COMPARE(cell.data(Qt::EditRole).toString(), u"hot_reload"_s);
    QVERIFY(dialog->isVisible());
}

void TestSettingsKeyboard::typingEditsEnvironmentCells()
{
    auto dialog = openDialog();
    auto* env = dialog->form()->envTable;
    dialog->form()->tabs->setCurrentWidget(dialog->form()->serverTab);
    dialog->form()->envAdd->click(); // opens the new name for editing
    QTRY_VERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
    qobject_cast<QLineEdit*>(QApplication::focusWidget())->selectAll();
    type(u"REYNARD_MODE"_s);
    press(Qt::Key_Return);
    QTRY_COMPARE(QApplication::focusWidget(), env);
    env->setCurrentCell(env->rowCount() - 1, 1);
    type(u"dev"_s);
    press(Qt::Key_Return);
    QTRY_COMPARE(dialog->editedConfig().server.env.value(u"REYNARD_MODE"_s), u"dev"_s);
    QVERIFY(dialog->isVisible());
}

void TestSettingsKeyboard::tabLeavesEveryTable_data()
{
    QTest::addColumn<int>("tab");
    QTest::newRow("server") << 0;
    QTest::newRow("watching") << 1;
    QTest::newRow("rules") << 2;
    QTest::newRow("desktop") << 3;
}

void TestSettingsKeyboard::tabLeavesEveryTable()
{
    QFETCH(int, tab);
    auto dialog = openDialog();
    auto* ui = dialog->form();
    ui->tabs->setCurrentIndex(tab);
    QVERIFY(ui->envTable->rowCount() > 0 && dialog->rulesModel()->rowCount() > 1); // a trap would show
    ui->tabs->tabBar()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), ui->tabs->tabBar());

    QList<QWidget*> visited;
    for (int i = 0; i < 80; ++i) {
        press(Qt::Key_Tab);
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused);
        if (!visited.isEmpty() && visited.last() == focused)
            QFAIL(qPrintable(u"Tab is trapped in "_s + focused->objectName()));
        visited.append(focused);
        if (focused == ui->tabs->tabBar())
            break; // round trip done
    }
    QCOMPARE(visited.last(), ui->tabs->tabBar());

    // Every control of the page and the dialog's buttons were reached.
    QList<QWidget*> expected;
    const auto widgets = ui->tabs->widget(tab)->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        if (widget->isVisibleTo(dialog.get()) && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
            && !widget->objectName().isEmpty() && !widget->objectName().startsWith(u"qt_"_s))
            expected.append(widget);
    }
    const auto buttons = ui->buttonBox->buttons();
    for (QAbstractButton* button : buttons) {
        if (button->isEnabled())
            expected.append(button);
    }
    QVERIFY(expected.size() >= 4);
    for (QWidget* widget : std::as_const(expected)) {
        QVERIFY2(visited.contains(widget) || visited.contains(widget->focusProxy()),
            qPrintable(u"not reachable by Tab: "_s + widget->objectName() + u" ("_s
                + QString::fromLatin1(widget->metaObject()->className()) + u')'));
    }
}

void TestSettingsKeyboard::mnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("fr") << u"fr"_s;
}

void TestSettingsKeyboard::mnemonicsAreUnique()
{
    QFETCH(QString, language);
    // The translations the app ships (compiled into the resource); FOXRELOAD_QM_DIR points at freshly
    // compiled ones while the .ts files are being updated.
    const QString dir = qEnvironmentVariable("FOXRELOAD_QM_DIR", u":/i18n"_s);
    QTranslator translator;
    QVERIFY2(translator.load(dir + u"/foxreload_"_s + language + u".qm"_s), qPrintable(dir));
    QCoreApplication::installTranslator(&translator);
    auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    SettingsDialog dialog(m_config);
    auto* ui = dialog.form();

    // Alt+letter reaches the tab titles and the dialog's buttons from every page.
    QMap<QString, QString> always;
    QStringList problems;
    auto collect = [&problems](QMap<QString, QString>* keys, const QString& text, const QString& where) {
        const QString key = QKeySequence::mnemonic(text).toString();
        if (key.isEmpty())
            return;
        if (keys->contains(key))
            problems.append(u"%1: \"%2\" and \"%3\" (%4)"_s.arg(key, keys->value(key), text, where));
        else
            keys->insert(key, text);
    };
    for (int tab = 0; tab < ui->tabs->count(); ++tab)
        collect(&always, ui->tabs->tabText(tab), u"tabs"_s);
    const auto dialogButtons = ui->buttonBox->buttons();
    for (QAbstractButton* button : dialogButtons)
        collect(&always, button->text(), u"buttons"_s);
    int mnemonics = always.size();
    for (int tab = 0; tab < ui->tabs->count(); ++tab) {
        QMap<QString, QString> keys = always;
        const auto labels = ui->tabs->widget(tab)->findChildren<QLabel*>();
        for (QLabel* label : labels) {
            if (label->buddy())
                collect(&keys, label->text(), ui->tabs->tabText(tab));
        }
        const auto buttons = ui->tabs->widget(tab)->findChildren<QAbstractButton*>();
        for (QAbstractButton* button : buttons)
            collect(&keys, button->text(), ui->tabs->tabText(tab));
        mnemonics += int(keys.size() - always.size());
    }
    qInfo().noquote() << language << mnemonics << "mnemonics";
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    QVERIFY(mnemonics >= 25);
    // No "(&p)" tacked onto a word: the mnemonic sits inside the wording.
    const auto all = dialog.findChildren<QAbstractButton*>();
    for (QAbstractButton* button : all)
        QVERIFY2(!button->text().contains(u"(&"_s), qPrintable(button->text()));
}

QTEST_MAIN(TestSettingsKeyboard)
#include "tst_settingskeyboard.moc"
