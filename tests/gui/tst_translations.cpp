// The app speaks German when asked to, and the German and French translations are complete.
#include "gui/DashboardWindow.h"
#include "gui/GuiApp.h"
#include "gui/MonitoredSession.h"
#include "gui/ProjectManager.h"
#include "gui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void germanLocaleShowsGerman();
    void frenchIsCompiledIn();
    void translationsComplete_data();
    void translationsComplete();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The system locale decides (main() set a German one); no language was chosen in the settings.
    QCOMPARE(QLocale::system().language(), QLocale::German);
    QCOMPARE(installTranslations(qApp, QString()), u"de"_s);
}

void TestTranslations::germanLocaleShowsGerman()
{
    ProjectManager projects;
    DashboardWindow dashboard(&projects);
    QCOMPARE(dashboard.tabs()->tabText(DashboardWindow::OverviewTab), u"Ü&bersicht"_s);
    QCOMPARE(dashboard.tabs()->tabText(DashboardWindow::EventsTab), u"&Ereignisse"_s);
    QCOMPARE(dashboard.windowTitle(), u"FoxReload"_s);
    QCOMPARE(MonitoredSession::statusText(MonitoredSession::Status::Watching), u"Überwacht"_s);
    QCOMPARE(MonitoredSession::strategyText(ReloadStrategy::FullRestart), u"Neustart"_s);

    QTemporaryDir dir;
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    SettingsDialog dialog(config);
    QVERIFY2(dialog.windowTitle().startsWith(u"Einstellungen — "_s), qPrintable(dialog.windowTitle()));
    QCOMPARE(dialog.form()->commandLabel->text(), u"&Befehl:"_s); // from the Designer form
    QCOMPARE(dialog.form()->tabs->tabText(2), u"Re&geln"_s);
}

void TestTranslations::frenchIsCompiledIn()
{
    QTranslator french;
    QVERIFY(french.load(u":/i18n/foxreload_fr.qm"_s));
    QCOMPARE(french.translate("foxreload::gui::MonitoredSession", "Watching"), u"Surveillance"_s);
    QCOMPARE(french.translate("SettingsDialog", "&Command:"), u"&Commande :"_s);
}

void TestTranslations::translationsComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << u"foxreload_de.ts"_s;
    QTest::newRow("fr") << u"foxreload_fr.ts"_s;
}

void TestTranslations::translationsComplete()
{
    QFETCH(QString, file);
    QFile ts(QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/translations/"_s + file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QStringList missing;
    int messages = 0;
    QString source;
    bool plural = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"message") {
            ++messages;
            plural = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            if (type == u"obsolete" || type == u"vanished")
                continue;
            if (plural) {
                bool any = false;
                while (xml.readNextStartElement()) {
                    any = any || !xml.readElementText().isEmpty();
                }
                if (type == u"unfinished" || !any)
                    missing.append(source);
            } else if (type == u"unfinished" || xml.readElementText().isEmpty()) {
                missing.append(source);
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 100);
    QVERIFY2(missing.isEmpty(), qPrintable(u"untranslated: "_s + missing.join(u" | "_s)));
}

int main(int argc, char* argv[])
{
    // A German desktop session (CTest pins LC_ALL=C.UTF-8 for every other test).
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LANGUAGE", "de");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_translations.moc"
