// The resource monitor in the desktop app: a project over a tiny memory budget shows
// "throttled" in the dashboard header's Own use column (with the budget and the server's figures
// in its tooltip) and says so once in its event log; the settings preview waits while throttled.

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
} // namespace

class TestResourceView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void headerShowsOwnUseAndThrottle_data()
    {
        QTest::addColumn<int>("maxRssMb");
        QTest::addColumn<bool>("throttled");
        QTest::newRow("within budget") << 100000 << false;
        QTest::newRow("over a 1 MB budget") << 1 << true;
    }

    void headerShowsOwnUseAndThrottle()
    {
        QFETCH(int, maxRssMb);
        QFETCH(bool, throttled);
        test::ExampleProject project;
        QVERIFY(project.isValid());
        Config config = test::exampleConfigWithRules(project);
        config.resources.maxRssMb = maxRssMb;
        config.resources.maxCpuPercent = 10000; // only memory decides here
        ProjectManager projects;
        ProjectController* controller = projects.addProject(config);
        DashboardWindow dashboard(&projects);
        dashboard.show();
        auto* header = dashboard.findChild<DashboardHeader*>();
        QVERIFY(header);
        QCOMPARE(header->resourcesText(), u"—"_s);

        QVERIFY(controller->start());
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), MonitoredSession::Status::Watching, 30000);
        // Starting is activity: the first sample follows within the monitor's interval.
        QTRY_VERIFY_WITH_TIMEOUT(controller->resources().known, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(header->resourcesText() != u"—"_s, 5000);
        QCOMPARE(controller->resources().throttle.throttled, throttled);
        if (throttled) {
            QVERIFY2(
                header->resourcesText().startsWith(u"throttled · "_s), qPrintable(header->resourcesText()));
        } else {
            QVERIFY2(header->resourcesText().contains(u"% CPU · "_s), qPrintable(header->resourcesText()));
        }
        const auto* own = header->findChildren<ElidedLabel*>();
        const auto ownUse = std::find_if(own.cbegin(), own.cend(),
            [header](const ElidedLabel* label) { return label->fullText() == header->resourcesText(); });
        QVERIFY(ownUse != own.cend());
        const QString tooltip = (*ownUse)->toolTip();
        QVERIFY2(tooltip.contains(u"budget: 10000 %, %1 MB"_s.arg(maxRssMb)), qPrintable(tooltip));
        QTRY_VERIFY2_WITH_TIMEOUT(
            tooltip.contains(u"Server: "_s) || controller->resources().sample.serverProcesses == 0,
            qPrintable(tooltip), 5000);
        QCOMPARE(tooltip.contains(u"Over budget (memory "_s), throttled);

        // Said once in the event log, however many samples follow.
        QTest::qWait(2500);
        QCOMPARE(
            logLinesContaining(controller->eventLog(), u"Over its resource budget"_s), throttled ? 1 : 0);
        controller->stop();
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
