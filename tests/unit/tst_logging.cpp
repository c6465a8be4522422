#include "cli/Commands.h"
#include "common/ExampleProject.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// The one logging rule (CONTRIBUTING.md, "Logging"): every category is declared with QtInfoMsg,
// so debug is off until asked for; the executable hides info as well unless --verbose; warnings
// always show; QT_LOGGING_RULES wins over both.
class TestLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCategoryDefaultsToInfo();
    void verboseShowsInfoAndDebug_data();
    void verboseShowsInfoAndDebug();
    void environmentRulesWin();
};

void TestLogging::everyCategoryDefaultsToInfo()
{
    const QRegularExpression declaration(u"Q_LOGGING_CATEGORY\\((\\w+),\\s*\"([^\"]+)\"([^)]*)\\)"_s);
    QStringList wrong;
    int found = 0;
    QDirIterator it(foxreload::test::sourceDir() + u"/src"_s, { u"*.cpp"_s, u"*.h"_s }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());
        for (const auto& match : declaration.globalMatch(text)) {
            ++found;
            if (match.captured(3).trimmed() != u", QtInfoMsg")
                wrong.append(match.captured(2) + u" in "_s + it.fileName());
        }
    }
    QVERIFY2(found >= 20, qPrintable(QString::number(found))); // the scan found the stages' categories
    QVERIFY2(wrong.isEmpty(), qPrintable(u"not QtInfoMsg: "_s + wrong.join(u", "_s)));
}

void TestLogging::verboseShowsInfoAndDebug_data()
{
    QTest::addColumn<bool>("verbose");
    QTest::newRow("default") << false;
    QTest::newRow("--verbose") << true;
}

void TestLogging::verboseShowsInfoAndDebug()
{
    QFETCH(bool, verbose);
    foxreload::cli::configureLogging(verbose);
    const QLoggingCategory stage("foxreload.logtest.stage", QtInfoMsg);
    QCOMPARE(stage.isDebugEnabled(), verbose);
    QCOMPARE(stage.isInfoEnabled(), verbose);
    QVERIFY(stage.isWarningEnabled());
    QVERIFY(stage.isCriticalEnabled());
    const QLoggingCategory other("somelibrary.logtest", QtInfoMsg); // not FoxReload's: left alone
    QVERIFY(other.isInfoEnabled());
    QVERIFY(!other.isDebugEnabled());
}

void TestLogging::environmentRulesWin()
{
    // main() set QT_LOGGING_RULES before the application read it, as a user's shell would.
    foxreload::cli::configureLogging(false);
    const QLoggingCategory chosen("foxreload.logtest.env", QtInfoMsg);
    QVERIFY(chosen.isDebugEnabled());
    const QLoggingCategory stage("foxreload.logtest.stage", QtInfoMsg);
    QVERIFY(!stage.isDebugEnabled());
}

int main(int argc, char* argv[])
{
    qputenv("QT_LOGGING_RULES", "foxreload.logtest.env.debug=true");
    QCoreApplication app(argc, argv);
    TestLogging test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_logging.moc"
