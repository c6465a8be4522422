// The resource monitor in the desktop app: a live project's figures in the dashboard header's
// Own use column and its tooltip; "throttled" (orange, the reason in the tooltip) and one event-log
// line per crossing; the settings preview waits while throttled.

#include "GuiTestSupport.h"
#include "gui/DashboardHeader.h"
#include "gui/DashboardWindow.h"
#include "gui/EventLogModel.h"
#include "gui/PreviewScanner.h"
#include "gui/ProjectController.h"
#include "gui/ProjectManager.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {
int logLinesContaining(EventLogModel* model, const QString& text)
{
    int lines = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column)
            lines += model->index(row, column).data().toString().contains(text) ? 1 : 0;
    }
    return lines;
}
ElidedLabel* ownUseLabel(DashboardHeader* header)
{
    const QList<ElidedLabel*> labels = header->findChildren<ElidedLabel*>();
    for (ElidedLabel* label : labels) {
        if (label->fullText() == header->resourcesText())
            return label;
    }
    return nullptr;
}

// A session fed by the test: MonitoredSession's note*() calls are protected.
class FakeSession : public MonitoredSession
{
public:
    QString name() const override { return u"fake"_s; }
    QString location() const override { return u"/fake"_s; }
    void restartNow() override { }
    void setPaused(bool) override { }
    void feed(const resources::ResourceSample& sample, const resources::ThrottleState& throttle,
        const resources::ResourceBudget& budget)
    {
        noteResources(sample, throttle, budget);
    }
};
} // namespace

class TestResourceView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A real project: its first sample (starting is activity) reaches the header and its tooltip.
    void headerShowsALiveSession()
    {
        test::ExampleProject project;
        QVERIFY(project.isValid());
        Config config = test::exampleConfigWithRules(project);
        config.resources.maxRssMb = 500;
        config.resources.maxCpuPercent = 900;
        ProjectManager projects;
        ProjectController* controller = projects.addProject(config);
        DashboardWindow dashboard(&projects);
        dashboard.show();
        auto* header = dashboard.findChild<DashboardHeader*>();
        QVERIFY(header);
        QCOMPARE(header->resourcesText(), u"—"_s);

        QVERIFY(controller->start());
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(controller->resources().known, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(header->resourcesText().contains(u"% CPU · "_s), 5000);
        QVERIFY(!controller->resources().throttle.throttled);
        // The desktop app's own memory is the baseline the budget sits on.
        QVERIFY(controller->resources().budget.rssBaselineMb > 1.0);
        const QString tooltip = ownUseLabel(header)->toolTip();
        QVERIFY2(tooltip.contains(u"budget: 900 %, 500 MB"_s), qPrintable(tooltip));
        QVERIFY2(tooltip.contains(u"The desktop app's own "_s), qPrintable(tooltip));
        controller->stop();
    }

    // The own-use column gives way first on a narrow window, so that the dashboard still fits a
    // small screen, and comes back when there is room again.
    void ownUseGivesWayOnANarrowWindow()
    {
        QTemporaryDir dir;
        ProjectManager projects;
        projects.addProject(Config::defaults(dir.path())); // the header shows once there is a project
        DashboardWindow dashboard(&projects);
        dashboard.resize(1200, 700);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        auto* header = dashboard.findChild<DashboardHeader*>();
        QVERIFY(header);
        auto* ownUse = header->findChild<ElidedLabel*>();
        for (ElidedLabel* label : header->findChildren<ElidedLabel*>()) {
            if (label->accessibleName() == u"FoxReload's own CPU and memory"_s)
                ownUse = label;
        }
        QTRY_VERIFY(ownUse->isVisible());
        const int wideMinimum = dashboard.minimumSizeHint().width();
        QVERIFY2(wideMinimum <= 900, qPrintable(QString::number(wideMinimum)));

        dashboard.resize(900, 700);
        QTRY_COMPARE(dashboard.width(), 900);
        QTRY_VERIFY(!ownUse->isVisible());
        QCOMPARE(dashboard.minimumSizeHint().width(), wideMinimum);

        dashboard.resize(1200, 700);
        QTRY_VERIFY(ownUse->isVisible());
    }

    // Throttled and back: the header says so in orange with the reason in its tooltip, and the
    // event log says each crossing once however many samples follow.
    void headerAndLogFollowTheThrottle()
    {
        ProjectManager projects;
        DashboardHeader header(&projects);
        FakeSession session;
        header.bindSession(&session);
        connect(&session, &MonitoredSession::headerChanged, &header, &DashboardHeader::refresh);
        resources::ResourceSample sample;
        sample.cpuPercent = 12.0;
        sample.rssMb = 30.0;
        sample.serverRssMb = 41.0;
        sample.serverProcesses = 2;
        const resources::ResourceBudget budget { 5.0, 50.0 };
        const resources::ThrottleState over { true, Clock::now(), u"CPU 12.0 % over the 5 % budget"_s };
        for (int i = 0; i < 3; ++i)
            session.feed(sample, over, budget);
        QCOMPARE(header.resourcesText(), u"throttled · 30 MB"_s);
        const QString tooltip = ownUseLabel(&header)->toolTip();
        QVERIFY2(tooltip.contains(u"Over budget (CPU 12.0 % over the 5 % budget)"_s), qPrintable(tooltip));
        QVERIFY2(tooltip.contains(u"Server: — % CPU, 41 MB in 2 process"_s), qPrintable(tooltip));
        QCOMPARE(logLinesContaining(session.eventLog(), u"Over its resource budget"_s), 1);

        sample.cpuPercent = 0.2;
        for (int i = 0; i < 3; ++i)
            session.feed(sample, resources::ThrottleState {}, budget);
        QCOMPARE(header.resourcesText(), u"0.2 % CPU · 30 MB"_s);
        QCOMPARE(logLinesContaining(session.eventLog(), u"Back within its resource budget"_s), 1);
    }

    void previewWaitsWhileDeferred()
    {
        test::ExampleProject project;
        QVERIFY(project.isValid());
        PreviewScanner scanner;
        QSignalSpy finished(&scanner, &PreviewScanner::finished);
        scanner.setDeferred(true);
        scanner.scan(project.root(), { u"."_s }, {}, false);
        scanner.scan(project.root(), { u"tools"_s }, {}, false); // the newest request wins
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
        scanner.setDeferred(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const PreviewResult tools = finished.first().first().value<PreviewResult>();
        const PreviewResult all = PreviewScanner::count(project.root(), { u"."_s }, {}, false);
        QVERIFY(tools.watchedFiles > 0);
        QVERIFY(tools.watchedFiles < all.watchedFiles);
    }
};

QTEST_MAIN(TestResourceView)
#include "tst_resourceview.moc"
