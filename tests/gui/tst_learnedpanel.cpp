// The dashboard's Learned tab on a real history store: what the learner remembered about the
// project's files, escalated ones marked, and its Forget buttons.

#include "gui/LearnedPanel.h"
#include "gui/MonitoredSession.h"
#include "learn/LearnRules.h"
#include "store/HistoryStore.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

void remember(HistoryStore& store, const QString& root, const QString& path, ReloadStrategy strategy,
    LearnedOutcome outcome)
{
    LearnedOutcomeRecord record;
    record.projectRoot = root;
    record.path = path;
    record.strategy = strategyName(strategy);
    record.outcome = learnedOutcomeName(outcome);
    store.recordLearnedOutcome(record);
}

QTreeWidgetItem* rowOf(const QTreeWidget* view, const QString& path)
{
    for (int row = 0; row < view->topLevelItemCount(); ++row) {
        if (view->topLevelItem(row)->text(0) == path)
            return view->topLevelItem(row);
    }
    return nullptr;
}

} // namespace

class TestLearnedPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAndForgets()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
        const QString root = dir.filePath(u"project"_s);
        for (int i = 0; i < 3; ++i)
            remember(store, root, u"services/cache.py"_s, ReloadStrategy::HotReload, LearnedOutcome::Failed);
        remember(store, root, u"tools/echo.py"_s, ReloadStrategy::HotReload, LearnedOutcome::Succeeded);
        remember(store, dir.filePath(u"other"_s), u"tools/other.py"_s, ReloadStrategy::HotReload,
            LearnedOutcome::Failed);

        LearnedPanel panel;
        panel.setStore(&store);
        QCOMPARE(panel.view()->topLevelItemCount(), 0); // no project yet
        QVERIFY(!panel.forgetAllButton()->isEnabled());
        panel.setProjectScope(root);
        QCOMPARE(panel.view()->topLevelItemCount(), 2);
        QTreeWidgetItem* cache = rowOf(panel.view(), u"services/cache.py"_s);
        QVERIFY(cache);
        QCOMPARE(cache->text(1), u"hot reload"_s);
        QCOMPARE(cache->text(2), u"service restart"_s);
        QVERIFY(cache->font(2).bold());
        QCOMPARE(cache->text(5), u"hot reload failed 3 of the last 3 times → service restart"_s);
        QTreeWidgetItem* echo = rowOf(panel.view(), u"tools/echo.py"_s);
        QVERIFY(echo);
        QCOMPARE(echo->text(2), u"hot reload"_s);
        QVERIFY(echo->text(5).isEmpty());

        // A new outcome written elsewhere in the app shows without a refresh by hand.
        remember(store, root, u"tools/echo.py"_s, ReloadStrategy::HotReload, LearnedOutcome::Failed);
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(panel.view(), u"tools/echo.py"_s)->text(4), u"1"_s, 5000);

        QVERIFY(!panel.forgetButton()->isEnabled());
        rowOf(panel.view(), u"services/cache.py"_s)->setSelected(true);
        QVERIFY(panel.forgetButton()->isEnabled());
        QTest::mouseClick(panel.forgetButton(), Qt::LeftButton);
        QCOMPARE(panel.view()->topLevelItemCount(), 1);
        QVERIFY(!rowOf(panel.view(), u"services/cache.py"_s));
        QVERIFY(store.learnedOutcomes(root).size() == 2);

        QTest::mouseClick(panel.forgetAllButton(), Qt::LeftButton);
        QCOMPARE(panel.view()->topLevelItemCount(), 0);
        QVERIFY(store.learnedOutcomes(root).isEmpty());
        QCOMPARE(store.learnedOutcomes(dir.filePath(u"other"_s)).size(), 1); // another project's stays
    }

    // The row names the file; the reason says the rest in the desktop's language.
    void reasonIsInTheUsersLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("retrying");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en escalated")
            << u"en"_s << false << u"hot reload failed 3 of the last 3 times → service restart"_s;
        QTest::newRow("de escalated")
            << u"de"_s << false << u"Hot-Reload schlug bei 3 der letzten 3 Versuche fehl → Dienst-Neustart"_s;
        QTest::newRow("fr escalated")
            << u"fr"_s << false << u"%1 : 3 échecs sur les 3 dernières tentatives → %2"_s;
        QTest::newRow("de retrying")
            << u"de"_s << true
            << u"Hot-Reload wird wieder versucht: Dienst-Neustart gelang die letzten 5 Male"_s;
    }
    void reasonIsInTheUsersLanguage()
    {
        QFETCH(QString, language);
        QFETCH(bool, retrying);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/foxreload_%1.qm"_s.arg(language)));
        QCoreApplication::installTranslator(&translator);
        LearnedAdvice advice;
        advice.planned = ReloadStrategy::HotReload;
        if (retrying) {
            advice.strategy = ReloadStrategy::HotReload;
            advice.retrying = true;
            advice.successesAbove = 5;
        } else {
            advice.strategy = ReloadStrategy::ServiceRestart;
            advice.failedStrategy = ReloadStrategy::HotReload;
            advice.failed = 3;
            advice.considered = 3;
        }
        QString text = LearnedPanel::reasonText(advice);
        if (expected.contains(u"%1"_s)) // French strategy names as the app translates them
            expected = expected.arg(MonitoredSession::strategyText(ReloadStrategy::HotReload),
                MonitoredSession::strategyText(ReloadStrategy::ServiceRestart));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(text, expected);
    }
};

QTEST_MAIN(TestLearnedPanel)
#include "tst_learnedpanel.moc"
