// The settings dialog cuts no text: in English, German and French, in a light and a dark
// palette, at its default size, with error messages shown. Set FOXRELOAD_SCREENSHOT_DIR to keep
// a picture of every page.
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "gui/RulesModel.h"
#include "gui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabBar>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

} // namespace

class TestSettingsLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noTextIsCut_data();
    void noTextIsCut();
};

void TestSettingsLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
}

void TestSettingsLayout::noTextIsCut_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    for (const auto& language : { u"en"_s, u"de"_s, u"fr"_s }) {
        QTest::addRow("%s light", qPrintable(language)) << language << false;
        QTest::addRow("%s dark", qPrintable(language)) << language << true;
    }
}

void TestSettingsLayout::noTextIsCut()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    const QString qmDir = qEnvironmentVariable("FOXRELOAD_QM_DIR", u":/i18n"_s);
    QTranslator translator;
    QVERIFY(translator.load(qmDir + u"/foxreload_"_s + language + u".qm"_s));
    QCoreApplication::installTranslator(&translator);
    const QPalette lightPalette = QApplication::palette();
    if (dark)
        QApplication::setPalette(darkPalette());
    auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&translator);
        QApplication::setPalette(lightPalette);
    });

    test::ExampleProject project;
    QVERIFY(project.isValid());
    const ConfigLoadResult loaded = ConfigLoader::loadFile(project.path(u".foxreload.yaml"_s));
    QVERIFY(loaded.ok());
    SettingsDialog dialog(*loaded.config);
    auto* ui = dialog.form();
    // Problems on every page, so that the messages take their room too.
    ui->commandEdit->clear();
    ui->excludesEdit->setPlainText(u"**/[a-\n**/*.pyc"_s);
    dialog.rulesModel()->setData(dialog.rulesModel()->index(1, 0), u"protocol/[x"_s);
    QVERIFY(!dialog.validate());
    dialog.resize(dialog.size().expandedTo(dialog.minimumSizeHint()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QStringList cut;
    const QString shots = qEnvironmentVariable("FOXRELOAD_SCREENSHOT_DIR");
    for (int tab = 0; tab < ui->tabs->count(); ++tab) {
        ui->tabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        const QRect tabRect = ui->tabs->tabBar()->tabRect(tab);
        if (tabRect.width() < ui->tabs->tabBar()->fontMetrics().horizontalAdvance(ui->tabs->tabText(tab)))
            cut.append(u"tab "_s + ui->tabs->tabText(tab));
        const auto widgets = dialog.findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            if (!widget->isVisible() || widget->objectName().startsWith(u"qt_"_s))
                continue;
            const auto* label = qobject_cast<QLabel*>(widget);
            if (label && label->wordWrap()) {
                if (label->heightForWidth(label->width()) > label->height() + 1)
                    cut.append(u"%1 (%2 px high, needs %3)"_s.arg(label->objectName())
                                   .arg(label->height())
                                   .arg(label->heightForWidth(label->width())));
            } else if (label || qobject_cast<QAbstractButton*>(widget)) {
                if (widget->width() < widget->sizeHint().width())
                    cut.append(u"%1 (%2 px wide, needs %3)"_s.arg(widget->objectName())
                                   .arg(widget->width())
                                   .arg(widget->sizeHint().width()));
            } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
                const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
                if (combo->width() < needed)
                    cut.append(combo->objectName());
            }
        }
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            QVERIFY(dialog.grab().save(
                u"%1/settings-%2-%3-%4.png"_s.arg(shots, language, dark ? u"dark"_s : u"light"_s).arg(tab)));
        }
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u"; "_s)));
}

QTEST_MAIN(TestSettingsLayout)
#include "tst_settingslayout.moc"
