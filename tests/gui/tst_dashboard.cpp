#include "GuiTestSupport.h"
#include "config/TrustStore.h"
#include "game/GamificationEngine.h"
#include "gui/ChartsPanel.h"
#include "gui/DashboardHeader.h"
#include "gui/DashboardWindow.h"
#include "gui/EventLogModel.h"
#include "gui/GamificationPanel.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"
#include "gui/RulesModel.h"
#include "gui/SettingsDialog.h"
#include "session/Session.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void followsARealSession();
    void historyLoadsFromPreparedDatabase();
    void eventLogFilters();
    void savedSettingsApplyToTheRunningSession();
    void stateIsRemembered();
    void eventLogLoadsFromHistory();
    void headerKeepsItsHeight();

private:
    static int rowsOfKind(QAbstractItemModel* model, LogEntry::Kind kind);
};

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

int TestDashboard::rowsOfKind(QAbstractItemModel* model, LogEntry::Kind kind)
{
    int rows = 0;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(EventLogModel::KindRole).toInt() == kind)
            ++rows;
    }
    return rows;
}

void TestDashboard::followsARealSession()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    ProjectManager projects;
    ProjectController* controller = projects.addProject(test::exampleConfigWithRules(project));
    DashboardWindow dashboard(&projects);
    dashboard.show();
    // The project's folder name; the platform adds the app's display name itself.
    QCOMPARE(dashboard.windowTitle(), u"project"_s);

    QSignalSpy reloads(controller, &MonitoredSession::reloadFinished);
    QVERIFY(controller->start());
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    const qint64 firstPid = controller->serverPid();
    QVERIFY(firstPid > 0);
    QTRY_VERIFY(dashboard.headerText().contains(u"Watching"_s));
    QVERIFY2(dashboard.headerText().contains(QString::number(firstPid)), qPrintable(dashboard.headerText()));
    QVERIFY(controller->toolCount() > 0);
    const int reloadsAtStart = int(reloads.size()); // the startup "reload", not charted

    // A tool edit: a hot reload, charted and logged.
    QVERIFY(
        test::appendToFile(project.path(u"tools/weather.py"_s), "\n# a comment from the dashboard test\n"));
    QTRY_COMPARE_WITH_TIMEOUT(int(reloads.size()), reloadsAtStart + 1, 30000);
    auto result = reloads.last().at(0).value<ReloadResult>();
    QVERIFY2(result.succeeded(), qPrintable(result.error));
    QCOMPARE(result.performed, ReloadStrategy::HotReload);
    QCOMPARE(dashboard.charts()->durationPointCount(ReloadStrategy::HotReload), 1);
    QCOMPARE(dashboard.charts()->durationPointCount(ReloadStrategy::FullRestart), 0);
    QCOMPARE(dashboard.charts()->strategySliceValue(ReloadStrategy::HotReload), 1.0);
    QCOMPARE(dashboard.charts()->perDayTotal(), 1);
    QVERIFY2(dashboard.headerText().contains(u"hot reload"_s), qPrintable(dashboard.headerText()));
    QVERIFY(rowsOfKind(dashboard.logView()->model(), LogEntry::Batch) >= 1);
    QVERIFY(rowsOfKind(dashboard.logView()->model(), LogEntry::Reload) >= 1);
    QVERIFY(dashboard.outputView()->toPlainText().contains(u"reload #"_s));

    // A broken tool: the reload fails while the previous version keeps serving (not "Error":
    // nothing is down), the header says so, the log has an error row.
    const QByteArray good = test::readFile(project.path(u"tools/weather.py"_s));
    QVERIFY(test::writeFile(project.path(u"tools/weather.py"_s), good + "\ndef broken(:\n"));
    QTRY_COMPARE_WITH_TIMEOUT(int(reloads.size()), reloadsAtStart + 2, 60000);
    result = reloads.last().at(0).value<ReloadResult>();
    QVERIFY(!result.succeeded());
    QTRY_COMPARE(controller->status(), MonitoredSession::Status::Degraded);
    QCOMPARE(controller->serverPid(), result.pid);
    QVERIFY2(dashboard.headerText().contains(u"failed"_s), qPrintable(dashboard.headerText()));
    QVERIFY(rowsOfKind(dashboard.logView()->model(), LogEntry::Error) >= 1);

    // The entry point: a full restart with a new process.
    QVERIFY(test::writeFile(project.path(u"tools/weather.py"_s), good));
    QTRY_COMPARE_WITH_TIMEOUT(int(reloads.size()), reloadsAtStart + 3, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    const qint64 pidBefore = controller->serverPid();
    QVERIFY(test::appendToFile(project.path(u"main.py"_s), "\n# touched by the dashboard test\n"));
    QTRY_COMPARE_WITH_TIMEOUT(int(reloads.size()), reloadsAtStart + 4, 60000);
    result = reloads.last().at(0).value<ReloadResult>();
    QVERIFY2(result.succeeded(), qPrintable(result.error));
    QCOMPARE(result.performed, ReloadStrategy::FullRestart);
    QTRY_VERIFY(controller->serverPid() != pidBefore && controller->serverPid() > 0);
    QTRY_VERIFY(dashboard.headerText().contains(QString::number(controller->serverPid())));
    QCOMPARE(dashboard.charts()->durationPointCount(ReloadStrategy::FullRestart), 1);
    QCOMPARE(dashboard.charts()->perDayTotal(), 4);
    QCOMPARE(dashboard.stats().totalReloads(), 4);

    // Pause from the dashboard's own action state follows the session.
    controller->setPaused(true);
    QTRY_COMPARE(controller->status(), MonitoredSession::Status::Paused);
    QVERIFY(dashboard.headerText().contains(u"Paused"_s));
    controller->setPaused(false);

    QSignalSpy stopped(controller, &ProjectController::stopped);
    controller->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
    QVERIFY(!test::processAlive(controller->serverPid()));
}

void TestDashboard::historyLoadsFromPreparedDatabase()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));

    // 50,000 reloads over the last 23 days: 60% hot, 25% service, 15% full; one in 20 failed.
    constexpr int kReloads = 50000;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<ReloadRecord> records;
    records.reserve(kReloads);
    qint64 hot = 0;
    qint64 full = 0;
    for (int i = 0; i < kReloads; ++i) {
        ReloadRecord r;
        r.atUtc = now.addSecs(-qint64(i) * 40);
        const int bucket = i % 20;
        r.performed = r.requested = bucket < 12 ? ReloadStrategy::HotReload
            : bucket < 17                       ? ReloadStrategy::ServiceRestart
                                                : ReloadStrategy::FullRestart;
        hot += r.performed == ReloadStrategy::HotReload;
        full += r.performed == ReloadStrategy::FullRestart;
        r.outcome = bucket == 3 ? ReloadOutcome::Failed : ReloadOutcome::Success;
        r.error = r.outcome == ReloadOutcome::Failed ? u"boom"_s : QString();
        r.totalMs = 20 + (i % 17) * 13;
        r.startToReadyMs = r.totalMs - 5;
        r.detectToStartMs = 5;
        r.fileCount = 1;
        records.append(r);
    }
    QElapsedTimer write;
    write.start();
    QVERIFY(store.recordReloads(records));
    qInfo() << "wrote" << kReloads << "reloads in" << write.elapsed() << "ms";
    XpEventRecord xp;
    for (int day = 10; day >= 0; --day) {
        xp.atUtc = now.addDays(-day);
        xp.amount = 25;
        xp.rule = u"test"_s;
        xp.reason = u"prepared"_s;
        store.recordXp(xp);
    }

    GamificationEngine engine(&store, GamificationSettings {});
    ProjectManager projects;
    DashboardWindow dashboard(&projects);
    QElapsedTimer load;
    load.start();
    dashboard.setHistory(&store, &engine);
    const qint64 loadMs = load.elapsed();
    qInfo() << "dashboard loaded" << kReloads << "reloads in" << loadMs << "ms";
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));

    QCOMPARE(dashboard.stats().totalReloads(), qint64(kReloads));
    QCOMPARE(dashboard.stats().count(ReloadStrategy::HotReload), hot);
    // Failures (every 20th reload, all of them hot reloads here) have a slice of their own.
    QCOMPARE(dashboard.charts()->strategySliceValue(ReloadStrategy::HotReload), qreal(hot - kReloads / 20));
    QCOMPARE(dashboard.charts()->failedSliceValue(), qreal(kReloads / 20));
    QCOMPARE(dashboard.charts()->strategySliceValue(ReloadStrategy::FullRestart), qreal(full));
    // The scatter keeps only the newest points (3,000 from the store), whatever the history holds.
    const qsizetype points = dashboard.charts()->durationPointCount(ReloadStrategy::HotReload)
        + dashboard.charts()->durationPointCount(ReloadStrategy::ServiceRestart)
        + dashboard.charts()->durationPointCount(ReloadStrategy::FullRestart)
        + dashboard.charts()->outlierPointCount() + dashboard.charts()->failurePointCount();
    QCOMPARE(points, qsizetype(3000));
    QCOMPARE(dashboard.charts()->perDayTotal(), kReloads); // all within the last four weeks
    QVERIFY(dashboard.charts()->xpPointCount() >= 10);
    QVERIFY2(dashboard.gamePanel()->levelText().startsWith(u"Level "_s),
        qPrintable(dashboard.gamePanel()->levelText()));
    QVERIFY(dashboard.gamePanel()->badgeCount() >= 15);
    QCOMPARE(dashboard.gamePanel()->challengeCount(), GamificationEngine::kChallengesPerDay);

    // Rendering the charts stays cheap: they hold hundreds of points, not 50,000.
    QElapsedTimer paint;
    paint.start();
    const QPixmap pixmap = dashboard.grab();
    QVERIFY(!pixmap.isNull());
    qInfo() << "rendered the dashboard in" << paint.elapsed() << "ms";
}

void TestDashboard::eventLogFilters()
{
    EventLogModel model(nullptr, 100);
    const QDateTime now = QDateTime::currentDateTime();
    for (int i = 0; i < 150; ++i) {
        const auto kind
            = std::array { LogEntry::Batch, LogEntry::Reload, LogEntry::Error }[std::size_t(i % 3)];
        model.append({ now, kind, u"event %1"_s.arg(i), {} });
    }
    QCOMPARE(model.rowCount(), 100); // capped, the oldest went first
    QCOMPARE(model.index(99, EventLogModel::SummaryColumn).data().toString(), u"event 149"_s);
    EventLogFilter filter;
    filter.setSourceModel(&model);
    filter.setKinds(LogEntry::Error);
    QVERIFY(filter.rowCount() >= 33 && filter.rowCount() <= 34);
    for (int i = 0; i < filter.rowCount(); ++i)
        QCOMPARE(filter.index(i, 0).data(EventLogModel::KindRole).toInt(), int(LogEntry::Error));
    filter.setKinds(LogEntry::Batch | LogEntry::Reload | LogEntry::Error);
    filter.setText(u"event 14"_s);
    QCOMPARE(filter.rowCount(), 10); // 140..149
}

void TestDashboard::savedSettingsApplyToTheRunningSession()
{
    test::ExampleProject project;
    QVERIFY(project.isValid());
    const QString file = project.path(u".foxreload.yaml"_s);
    // A project opened from its file, the way the app does: it runs once trusted.
    ProjectManager projects;
    QStringList errors;
    ProjectController* controller = projects.addProjectFile(file, &errors);
    QVERIFY2(controller, qPrintable(errors.join(u'\n')));
    QVERIFY(!controller->start());
    QCOMPARE(controller->status(), MonitoredSession::Status::Untrusted);
    QVERIFY(controller->trustAndStart());
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    Session* first = controller->session();

    // The user makes tool edits restart the whole server, and saves.
    SettingsDialog dialog(controller->config());
    QObject::connect(&dialog, &SettingsDialog::saved, controller, &ProjectController::applyConfig);
    RulesModel* rules = dialog.rulesModel();
    int toolRule = -1;
    for (int row = 0; row < rules->rowCount(); ++row) {
        if (rules->rules().at(row).match == u"tools/**/*.py")
            toolRule = row;
    }
    QVERIFY(toolRule >= 0);
    QVERIFY(rules->setData(rules->index(toolRule, RulesModel::StrategyColumn), u"full_restart"_s));
    QSignalSpy applied(controller, &ProjectController::configApplied);
    QString error;
    QVERIFY2(dialog.save(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 30000);
    QVERIFY(controller->session() != first); // a new session, same app, same controller
    QCOMPARE(controller->config().rules.at(toolRule).strategy, ReloadStrategy::FullRestart);
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
    QVERIFY(TrustStore().isTrusted(file));

    QSignalSpy reloads(controller, &MonitoredSession::reloadFinished);
    QVERIFY(test::appendToFile(project.path(u"tools/weather.py"_s), "\n# now a full restart\n"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !reloads.isEmpty() && reloads.last().at(0).value<ReloadResult>().trigger == ReloadTrigger::FileChange,
        30000);
    QCOMPARE(reloads.last().at(0).value<ReloadResult>().performed, ReloadStrategy::FullRestart);

    QSignalSpy stopped(controller, &ProjectController::stopped);
    controller->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
}

void TestDashboard::stateIsRemembered()
{
    ProjectManager projects;
    {
        DashboardWindow dashboard(&projects);
        dashboard.resize(900, 650);
        dashboard.show();
        dashboard.tabs()->setCurrentIndex(DashboardWindow::EventsTab);
        dashboard.close();
    }
    DashboardWindow again(&projects);
    QCOMPARE(again.tabs()->currentIndex(), int(DashboardWindow::EventsTab));
    QCOMPARE(again.size(), QSize(900, 650));
    again.tabs()->setCurrentIndex(DashboardWindow::OverviewTab);
}

void TestDashboard::eventLogLoadsFromHistory()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(u"reynard"_s);
    const QString other = dir.filePath(u"other"_s);
    QVERIFY(QDir().mkpath(root) && QDir().mkpath(other));
    const QString database = dir.filePath(u"history.sqlite"_s);
    {
        // An earlier run of the app: three reloads of this project (one failed), one of another.
        HistoryStore store;
        QVERIFY(store.open(database));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto& [projectRoot, count] : { std::pair { root, 3 }, std::pair { other, 1 } }) {
            SessionRecord session;
            session.kind = u"gui"_s;
            session.projectRoot = projectRoot;
            session.startedAtUtc = now.addSecs(-600);
            const qint64 sessionId = store.beginSession(session);
            QVERIFY(sessionId > 0);
            for (int i = 0; i < count; ++i) {
                ReloadRecord reload;
                reload.sessionId = sessionId;
                reload.atUtc = now.addSecs(-300 + i * 60);
                reload.performed = reload.requested = ReloadStrategy::HotReload;
                reload.outcome = i == 1 ? ReloadOutcome::Failed : ReloadOutcome::Success;
                reload.error = i == 1 ? u"SyntaxError in tools/weather.py"_s : QString();
                reload.totalMs = 40 + i;
                reload.reason = u"tools/weather.py: hot_reload"_s;
                QVERIFY(store.recordReload(reload) > 0);
            }
        }
    }
    // The app starts again: a new store, project and window over the same file.
    for (int restart = 0; restart < 2; ++restart) {
        HistoryStore store;
        QVERIFY(store.open(database));
        ProjectManager projects;
        Config config = Config::defaults(root);
        config.server.command = u"python3"_s;
        ProjectController* project = projects.addProject(config);
        DashboardWindow dashboard(&projects);
        dashboard.setHistory(&store, nullptr);
        QAbstractItemModel* log = dashboard.logView()->model();
        QCOMPARE(log->rowCount(), 3);
        QCOMPARE(rowsOfKind(log, LogEntry::Reload), 2);
        QCOMPARE(rowsOfKind(log, LogEntry::Error), 1);
        QVERIFY2(log->index(0, EventLogModel::SummaryColumn).data().toString().contains(u"40 ms"_s),
            qPrintable(log->index(0, EventLogModel::SummaryColumn).data().toString()));
        QVERIFY(log->index(1, EventLogModel::SummaryColumn).data().toString().contains(u"SyntaxError"_s));
        // This run's events follow the history.
        project->eventLog()->append({ QDateTime::currentDateTime(), LogEntry::Server, u"now"_s, {} });
        QCOMPARE(log->index(3, EventLogModel::SummaryColumn).data().toString(), u"now"_s);
        // Binding again (another window, a project switch) does not load it twice.
        DashboardWindow second(&projects);
        second.setHistory(&store, nullptr);
        QCOMPARE(second.logView()->model()->rowCount(), 4);
    }
}

void TestDashboard::headerKeepsItsHeight()
{
    QTemporaryDir dir;
    ProjectManager projects;
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    projects.addProject(config);
    DashboardWindow dashboard(&projects);
    dashboard.resize(700, 500);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    const int height = dashboard.header()->height();
    auto* label = dashboard.header()->findChild<ElidedLabel*>();
    QVERIFY(label);
    const QString error
        = u"full restart failed: "_s + QString(u"SyntaxError: invalid syntax "_s).repeated(20);
    label->setFullText(error);
    QTest::qWait(50);
    QCOMPARE(dashboard.header()->height(), height);
    QCOMPARE(label->toolTip(), error);
    QVERIFY(label->text().endsWith(u"…"_s));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
