// The desktop app's config application for history and game (GuiApp + SessionHistory): each
// project's sessions award XP with that project's own gamification.* (not the first project's),
// its rewards become desktop notifications only when its gamification.notifications is on, and
// the one database of the app keeps what the most generous project's history.* asks for.
#include "GuiTestSupport.h"
#include "ShellTestSupport.h"
#include "config/TrustStore.h"
#include "game/GamificationEngine.h"
#include "gui/AppSettings.h"
#include "gui/GuiApp.h"
#include "gui/Notifier.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "session/Session.h"
#include "session/SessionHistory.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

constexpr int kStartTimeout = 30000;

// The example project with its gamification line replaced by `settings` (YAML lines), trusted.
QString writeProject(const test::ExampleProject& project, const QByteArray& settings)
{
    const QString file = project.path(u".foxreload.yaml"_s);
    QByteArray text = test::readFile(file);
    const qsizetype at = text.indexOf("gamification:");
    if (at < 0)
        return {};
    text.truncate(at);
    if (!test::writeFile(file, text + settings))
        return {};
    const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    if (!loaded.ok() || !TrustStore().trust(*loaded.config))
        return {};
    return loaded.config->sourceFile;
}

const SessionHistory* historyOf(const ProjectController* project)
{
    return project->session() ? project->session()->findChild<SessionHistory*>() : nullptr;
}

} // namespace

class TestGuiHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachProjectGetsItsOwnSettings_data();
    void eachProjectGetsItsOwnSettings();
    void cleanup();
};

void TestGuiHistory::eachProjectGetsItsOwnSettings_data()
{
    // The first project is the one whose settings the app used to give every project.
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<bool>("firstPlays");
    QTest::addColumn<double>("secondMultiplier");
    QTest::addColumn<int>("rawDays");
    QTest::addColumn<int>("maxRawReloads");
    QTest::newRow("first without notifications, second with")
        << QByteArray("gamification: {enabled: true, xp_multiplier: 2.5, notifications: false}\n"
                      "history: {retention_days: 30, max_raw_reloads: 900000}\n")
        << QByteArray("gamification: {enabled: true, xp_multiplier: 0.5, notifications: true}\n"
                      "history: {retention_days: 400, max_raw_reloads: 5000}\n")
        << true << 0.5 << 400 << 900000;
    QTest::newRow("first without the game, second with")
        << QByteArray("gamification: {enabled: false}\nhistory: {retention_days: 7, max_raw_reloads: 2000}\n")
        << QByteArray("gamification: {enabled: true, xp_multiplier: 3.0, notifications: true}\n"
                      "history: {retention_days: 20, max_raw_reloads: 1000}\n")
        << false << 3.0 << 20 << 2000;
}

void TestGuiHistory::eachProjectGetsItsOwnSettings()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(bool, firstPlays);
    test::ExampleProject firstProject, secondProject;
    QVERIFY(firstProject.isValid() && secondProject.isValid());
    const QString firstFile = writeProject(firstProject, first);
    const QString secondFile = writeProject(secondProject, second);
    QVERIFY(!firstFile.isEmpty() && !secondFile.isEmpty());
    AppSettings().setProjects({ firstFile, secondFile });

    QTemporaryDir dir;
    GuiOptions options;
    options.singleInstance = false;
    options.minimized = true;
    options.database = dir.filePath(u"history.sqlite"_s);
    GuiApp app(options);
    QVERIFY(app.start());
    QCOMPARE(app.projects()->projects().size(), 2);
    ProjectController* one = app.projects()->projects().at(0);
    ProjectController* two = app.projects()->projects().at(1);
    QCOMPARE(one->configFile(), firstFile);
    QTRY_VERIFY_WITH_TIMEOUT(historyOf(one) && historyOf(two), kStartTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(one->status(), MonitoredSession::Status::Watching, kStartTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(two->status(), MonitoredSession::Status::Watching, kStartTimeout);

    // gamification.*: each its own.
    const SessionHistory* firstHistory = historyOf(one);
    const SessionHistory* secondHistory = historyOf(two);
    QCOMPARE(firstHistory->engine() != nullptr, firstPlays);
    QVERIFY(!firstHistory->notifiesRewards());
    QVERIFY(secondHistory->engine());
    QVERIFY(secondHistory->notifiesRewards());
    QTEST(secondHistory->gameSettings().xpMultiplier, "secondMultiplier");
    QCOMPARE(one->config().gamification, firstHistory->gameSettings());
    QCOMPARE(two->config().gamification, secondHistory->gameSettings());

    // history.*: the shared database keeps the most generous of each.
    QTEST(app.store()->retention().rawDays, "rawDays");
    QTEST(app.store()->retention().maxRawReloads, "maxRawReloads");

    // Rewards: a desktop notification only from the project that wants them (the notifier
    // shows the first of a burst at once, so a wrong one would be counted here).
    QSignalSpy notified(app.notifier(), &Notifier::notify);
    QSignalSpy dashboardView(app.engine(), &GamificationEngine::xpAwarded);
    if (GamificationEngine* quiet = firstHistory->engine()) {
        Q_EMIT quiet->achievementUnlocked(u"first_reload"_s);
        Q_EMIT quiet->levelUp(4);
        QCOMPARE(notified.size(), 0);
    }
    Q_EMIT secondHistory->engine()->achievementUnlocked(u"first_reload"_s);
    QCOMPARE(notified.size(), 1);
    // The dashboard's view of the game hears of every project's XP.
    Q_EMIT secondHistory->engine()->xpAwarded(5, u"hot reload"_s, 105);
    QCOMPARE(dashboardView.size(), 1);
    QCOMPARE(dashboardView.first().at(2).toLongLong(), 105);
}

void TestGuiHistory::cleanup()
{
    AppSettings().setProjects({});
    AppSettings().setCurrentProject({});
}

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    foxreload::test::isolateXdgDirectories(home);
    QApplication app(argc, argv);
    TestGuiHistory test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_guihistory.moc"
