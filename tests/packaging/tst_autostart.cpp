// "Start at login" on the settings dialog's Desktop tab: ticking it and saving writes the XDG
// autostart entry with `--minimized`, unticking removes it; an entry the user wrote or edited is
// never overwritten or deleted: it is kept as .bak, and the dialog says so before anything happens.
#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "gui/Autostart.h"
#include "gui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QByteArray execLineOf(const QByteArray& entry)
{
    for (const QByteArray& line : entry.split('\n')) {
        if (line.startsWith("Exec="))
            return line.mid(5);
    }
    return {};
}

const QByteArray kUserEntry = "[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=FoxReload (mine)\n"
                              "Exec=sh -c 'sleep 20; foxreload --minimized'\n";

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void togglingWritesAndRemovesTheEntry();
    void usersOwnEntryIsKept_data();
    void usersOwnEntryIsKept();
    void hiddenEntryCountsAsOff();
    void execLine_data();
    void execLine();
    void entryIsValid();

private:
    // Opens the dialog on its Desktop tab, clicks the box if asked, saves; the dialog's state before.
    void openClickSave(bool click, bool* wasChecked, bool* noteShown);
    QTemporaryDir m_home; // XDG_CONFIG_HOME and XDG_DATA_HOME: nothing of the user's is touched
    QTemporaryDir m_project;
    QString m_entry;
};

void TestAutostart::initTestCase()
{
    QVERIFY(m_home.isValid() && m_project.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    m_entry = Autostart::entryPath();
    QCOMPARE(m_entry, m_home.filePath(u"config/autostart/io.github.foxreload.FoxReload.desktop"_s));
    QVERIFY(writeAll(m_project.filePath(u"main.py"_s), "print('hi')\n"));
    QVERIFY(writeAll(m_project.filePath(u".foxreload.yaml"_s),
        "server: {command: python3, args: [main.py]}\nwatch: {paths: [main.py]}\n"));
}

void TestAutostart::init()
{
    QDir(m_home.filePath(u"config/autostart"_s)).removeRecursively();
}

void TestAutostart::openClickSave(bool click, bool* wasChecked, bool* noteShown)
{
    const ConfigLoadResult loaded = ConfigLoader::loadFile(m_project.filePath(u".foxreload.yaml"_s));
    QVERIFY(loaded.ok());
    SettingsDialog dialog(*loaded.config);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* ui = dialog.form();
    ui->tabs->setCurrentWidget(ui->appTab);
    QTRY_VERIFY(ui->autostartCheck->isVisible());
    *wasChecked = ui->autostartCheck->isChecked();
    *noteShown = ui->autostartNote->isVisible();
    if (click) {
        QTest::mouseClick(
            ui->autostartCheck, Qt::LeftButton, {}, QPoint(8, ui->autostartCheck->height() / 2));
        QCOMPARE(ui->autostartCheck->isChecked(), !*wasChecked);
    }
    QTRY_VERIFY_WITH_TIMEOUT(dialog.saveButton()->isEnabled(), 10000);
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    QVERIFY2(!ui->summaryError->isVisible(), qPrintable(ui->summaryError->text()));
}

void TestAutostart::togglingWritesAndRemovesTheEntry()
{
    bool wasChecked = true;
    bool noteShown = true;
    openClickSave(true, &wasChecked, &noteShown);
    QVERIFY(!wasChecked && !noteShown);
    const QByteArray entry = readAll(m_entry);
    QVERIFY2(QFileInfo::exists(m_entry), qPrintable(m_entry));
    QCOMPARE(execLineOf(entry), Autostart::execLine(QCoreApplication::applicationFilePath()).toUtf8());
    QVERIFY(execLineOf(entry).endsWith(" --minimized"));
    QCOMPARE(Autostart::state(), Autostart::State::On);

    // Saving without touching the box leaves the entry as it is.
    openClickSave(false, &wasChecked, &noteShown);
    QVERIFY(wasChecked && !noteShown);
    QCOMPARE(readAll(m_entry), entry);

    openClickSave(true, &wasChecked, &noteShown);
    QVERIFY(wasChecked);
    QVERIFY(!QFileInfo::exists(m_entry));
    QVERIFY(QDir(m_home.filePath(u"config/autostart"_s)).entryList(QDir::Files).isEmpty()); // no .bak of ours
    QCOMPARE(Autostart::state(), Autostart::State::Off);
}

void TestAutostart::usersOwnEntryIsKept_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::newRow("own entry, unticked") << kUserEntry;
    // FoxReload's entry with one line changed by hand no longer matches its digest: it is the user's now.
    QByteArray edited = Autostart::entryContents(u"/usr/bin/foxreload"_s);
    edited.replace("--minimized", "--minimized --settings");
    QTest::newRow("edited entry, unticked") << edited;
    QTest::newRow("edited entry, a .bak exists") << edited;
}

void TestAutostart::usersOwnEntryIsKept()
{
    QFETCH(QByteArray, entry);
    QVERIFY(writeAll(m_entry, entry));
    QString expectedBackup = m_entry + u".bak"_s;
    if (QByteArray(QTest::currentDataTag()).contains(".bak exists")) {
        QVERIFY(writeAll(expectedBackup, "an older backup\n"));
        expectedBackup = m_entry + u".bak.1"_s;
    }
    QCOMPARE(Autostart::state(), Autostart::State::UserEntry);

    bool wasChecked = false;
    bool noteShown = false;
    openClickSave(true, &wasChecked, &noteShown);
    QVERIFY(wasChecked); // it starts something at login
    QVERIFY(noteShown); // and the user was told before touching it
    QCOMPARE(readAll(expectedBackup), entry); // byte for byte
    QVERIFY(!QFileInfo::exists(m_entry)); // unticked: nothing starts at login any more
    if (QFileInfo::exists(m_entry + u".bak"_s) && expectedBackup != m_entry + u".bak"_s)
        QCOMPARE(readAll(m_entry + u".bak"_s), QByteArray("an older backup\n"));

    // Ticking again writes FoxReload's own entry; the kept .bak stays as it is.
    openClickSave(true, &wasChecked, &noteShown);
    QVERIFY(!wasChecked && !noteShown);
    QCOMPARE(Autostart::state(), Autostart::State::On);
    QCOMPARE(readAll(expectedBackup), entry);
}

void TestAutostart::hiddenEntryCountsAsOff()
{
    QVERIFY(writeAll(m_entry, kUserEntry + "Hidden=true\n"));
    QCOMPARE(Autostart::state(), Autostart::State::Off);
    bool wasChecked = true;
    bool noteShown = true;
    openClickSave(true, &wasChecked, &noteShown);
    QVERIFY(!wasChecked);
    QCOMPARE(Autostart::state(), Autostart::State::On);
    QCOMPARE(readAll(m_entry + u".bak"_s), kUserEntry + "Hidden=true\n");
}

void TestAutostart::execLine_data()
{
    QTest::addColumn<QString>("binaryName"); // created in a temporary directory
    QTest::addColumn<bool>("onPath");
    QTest::addColumn<QString>("expected"); // %1: the temporary directory
    QTest::newRow("the foxreload PATH finds") << u"bin/foxreload"_s << true << u"foxreload --minimized"_s;
    QTest::newRow("another copy") << u"opt/foxreload"_s << false << u"%1/opt/foxreload --minimized"_s;
    QTest::newRow("spaces and quotes")
        << u"my apps/fox\"reload$"_s << false << u"\"%1/my apps/fox\\\\\"reload\\\\$\" --minimized"_s;
    QTest::newRow("percent") << u"100%/foxreload"_s << false << u"%1/100%%/foxreload --minimized"_s;
}

void TestAutostart::execLine()
{
    QFETCH(QString, binaryName);
    QFETCH(bool, onPath);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString binary = dir.filePath(binaryName);
    QVERIFY(writeAll(binary, "#!/bin/sh\n"));
    QVERIFY(QFile::setPermissions(binary, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", (onPath ? QFileInfo(binary).absolutePath().toUtf8() : "/nonexistent"));
    const QString line = Autostart::execLine(binary);
    qputenv("PATH", oldPath);
    QCOMPARE(line, expected.arg(dir.path()));
}

void TestAutostart::entryIsValid()
{
    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (apt-get install desktop-file-utils)");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"io.github.foxreload.FoxReload.desktop"_s);
    QVERIFY(writeAll(path, Autostart::entryContents(dir.filePath(u"my apps/foxreload"_s))));
    QProcess process;
    process.start(validator, { path });
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0 && output.isEmpty(), output.constData());
    QVERIFY(Autostart::isOwnEntry(readAll(path)));
}

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
