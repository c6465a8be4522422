// The strategy learner: the pure rule on scripted series of reload outcomes, and the
// StrategyLearner that applies it to plans and keeps its memory in a real history store.

#include "learn/LearnRules.h"
#include "learn/StrategyLearner.h"
#include "store/HistoryStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

// A scripted series, oldest first: one token per reload of the file, "<rung><outcome>" with
// rung h (hot reload), s (service restart), f (full restart) and outcome + (succeeded),
// - (failed), ! (the user restarted by hand right after).
QList<LearnedAttempt> script(const QString& text)
{
    QList<LearnedAttempt> attempts;
    for (const QString& token : text.split(u' ', Qt::SkipEmptyParts)) {
        LearnedAttempt attempt;
        attempt.strategy = token.at(0) == u'h' ? ReloadStrategy::HotReload
            : token.at(0) == u's'              ? ReloadStrategy::ServiceRestart
                                               : ReloadStrategy::FullRestart;
        attempt.outcome = token.at(1) == u'+' ? LearnedOutcome::Succeeded
            : token.at(1) == u'-'             ? LearnedOutcome::Failed
                                              : LearnedOutcome::RestartedByHand;
        attempts.append(attempt);
    }
    return attempts;
}

// A plan of one changed file, as the analyzer makes it.
ReloadPlan planFor(const QString& root, const QString& path, ReloadStrategy strategy, const QString& rule)
{
    FileChange file;
    file.path = root + u'/' + path;
    file.relativePath = path;
    file.strategy = strategy;
    file.rule = rule;
    file.reason = u"%1 modified → %2 (rule \"%3\")"_s.arg(path, strategyLabel(strategy), rule);
    ReloadPlan plan;
    plan.files = { file };
    plan.reduceFromFiles();
    return plan;
}

ReloadResult resultOf(
    const ReloadPlan& plan, bool succeeded, ReloadTrigger trigger = ReloadTrigger::FileChange)
{
    ReloadResult result;
    result.trigger = trigger;
    result.plan = plan;
    result.requested = trigger == ReloadTrigger::FileChange ? plan.strategy : ReloadStrategy::FullRestart;
    result.performed = result.requested;
    result.outcome = succeeded ? ReloadOutcome::Success : ReloadOutcome::Failed;
    result.finishedAtUtc = QDateTime::currentDateTimeUtc();
    return result;
}

} // namespace

class TestLearnRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void advice_data()
    {
        QTest::addColumn<ReloadStrategy>("planned");
        QTest::addColumn<QString>("history");
        QTest::addColumn<ReloadStrategy>("expected");
        QTest::addColumn<QString>("reason");

        const auto hot = ReloadStrategy::HotReload;
        const auto service = ReloadStrategy::ServiceRestart;
        const auto full = ReloadStrategy::FullRestart;
        const QString escalatedHot
            = u"learned: 3 of the last 3 hot reloads of services/cache.py failed → service restart"_s;

        QTest::newRow("nothing remembered") << hot << u""_s << hot << QString();
        QTest::newRow("two failures are not enough") << hot << u"h- h-"_s << hot << QString();
        QTest::newRow("three failures escalate") << hot << u"h- h- h-"_s << service << escalatedHot;
        QTest::newRow("2 of the last 3") << hot << u"h- h- h+ h- h-"_s << hot << QString();
        QTest::newRow("an old success is out of the window")
            << hot << u"h+ h- h- h-"_s << service << escalatedHot;
        QTest::newRow("restarted by hand counts as failed")
            << hot << u"h+ h! h- h+ h!"_s << service << escalatedHot;
        QTest::newRow("restart by hand after a failure adds nothing")
            << hot << u"h- h! h- h!"_s << hot << QString();
        QTest::newRow("escalated stays while the rung above works")
            << hot << u"h- h- h- s+ s+ s+ s+"_s << service << escalatedHot;
        QTest::newRow("after 5 successes above, hot reload is tried again")
            << hot << u"h- h- h- s+ s+ s+ s+ s+"_s << hot
            << u"learned: trying hot reload of services/cache.py again after 5 successful service restarts"_s;
        QTest::newRow("the retry failed: escalated again at once")
            << hot << u"h- h- h- s+ s+ s+ s+ s+ h-"_s << service << escalatedHot;
        QTest::newRow("the retry worked: de-escalated")
            << hot << u"h- h- h- s+ s+ s+ s+ s+ h+"_s << hot << QString();
        QTest::newRow("both rungs fail: full restart")
            << hot << u"h- h- h- s- s- s-"_s << full
            << u"learned: 3 of the last 3 service restarts of services/cache.py failed → full restart"_s;
        QTest::newRow("service restart rule escalates")
            << service << u"s- s- s-"_s << full
            << u"learned: 3 of the last 3 service restarts of services/cache.py failed → full restart"_s;
        QTest::newRow("a hot reload history does not touch a service rule")
            << service << u"h- h- h-"_s << service << QString();
        QTest::newRow("full restart is never changed") << full << u"f- f- f-"_s << full << QString();
        QTest::newRow("none is never changed")
            << ReloadStrategy::None << u"h- h- h-"_s << ReloadStrategy::None << QString();
    }

    void advice()
    {
        QFETCH(ReloadStrategy, planned);
        QFETCH(QString, history);
        QFETCH(ReloadStrategy, expected);
        QFETCH(QString, reason);
        const QList<LearnedAttempt> attempts = script(history);
        const LearnedAdvice advice = learnrules::advise(planned, attempts);
        QCOMPARE(strategyName(advice.strategy), strategyName(expected));
        QCOMPARE(learnrules::describe(advice, u"services/cache.py"_s), reason);
    }

    void policyIsAnArgument()
    {
        const QList<LearnedAttempt> attempts = script(u"h- h+ h-"_s);
        const LearnPolicy twoOfThree { 3, 2, 5 };
        QCOMPARE(learnrules::advise(ReloadStrategy::HotReload, attempts, twoOfThree).strategy,
            ReloadStrategy::ServiceRestart);
        QCOMPARE(learnrules::advise(ReloadStrategy::HotReload, attempts).strategy, ReloadStrategy::HotReload);
    }

    void summaryTakesTheMildestRungAsPlanned()
    {
        const QList<LearnedAttempt> attempts = script(u"h+ h! h- h- s+"_s);
        const LearnedSummary summary = learnrules::summarize(u"tools/a.py"_s, attempts);
        QCOMPARE(summary.advice.planned, ReloadStrategy::HotReload);
        QCOMPARE(summary.advice.strategy, ReloadStrategy::ServiceRestart);
        QCOMPARE(summary.failed, 3);
        QCOMPARE(summary.succeeded, 1);
    }

    void outcomeNamesRoundTrip()
    {
        for (const LearnedOutcome outcome :
            { LearnedOutcome::Succeeded, LearnedOutcome::Failed, LearnedOutcome::RestartedByHand })
            QCOMPARE(learnedOutcomeFromName(learnedOutcomeName(outcome)), outcome);
        QVERIFY(!learnedOutcomeFromName(u"maybe"_s));
    }

    // Three failing hot reloads escalate the next plan; the memory survives a new store and
    // learner (a restart of FoxReload); forgetting resets it.
    void learnerEscalatesRemembersAndForgets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"history.sqlite"_s);
        const QString root = dir.filePath(u"project"_s);
        const QList<Rule> rules { { u"services/**"_s, ReloadStrategy::HotReload, {}, 0, false, false } };
        const ReloadPlan plan
            = planFor(root, u"services/cache.py"_s, ReloadStrategy::HotReload, u"services/**"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(file));
            StrategyLearner learner(root, rules, &store);
            for (int i = 0; i < 3; ++i) {
                ReloadPlan next = plan;
                learner.adjust(next);
                QCOMPARE(next.strategy, ReloadStrategy::HotReload);
                learner.recordResult(resultOf(next, false));
            }
            ReloadPlan next = plan;
            learner.adjust(next);
            QCOMPARE(next.strategy, ReloadStrategy::ServiceRestart);
            QCOMPARE(next.files.first().strategy, ReloadStrategy::ServiceRestart);
            QVERIFY2(
                next.reasons.first().endsWith(
                    u"; learned: 3 of the last 3 hot reloads of services/cache.py failed → service restart"_s),
                qPrintable(next.reasons.first()));
        }
        HistoryStore store;
        QVERIFY(store.open(file));
        QCOMPARE(store.learnedOutcomes(root).size(), 3);
        QVERIFY(store.learnedOutcomes(dir.filePath(u"elsewhere"_s)).isEmpty());
        StrategyLearner learner(root, rules, &store);
        ReloadPlan next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::ServiceRestart);

        QCOMPARE(store.forgetLearned(root, { u"services/cache.py"_s }), 3);
        next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::HotReload);
        QCOMPARE(next.reasons, plan.reasons);
    }

    // Another process (`foxreload forget`, a second session) writes through a connection of
    // its own: the learner sees what it learned and what it forgot at the next plan.
    void learnerSeesWhatAnotherProcessLearnsAndForgets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"history.sqlite"_s);
        const QString root = dir.filePath(u"project"_s);
        HistoryStore mine;
        QVERIFY(mine.open(file));
        HistoryStore other;
        QVERIFY(other.open(file));
        StrategyLearner learner(root, {}, &mine);
        const ReloadPlan plan
            = planFor(root, u"services/cache.py"_s, ReloadStrategy::HotReload, u"services/**"_s);
        ReloadPlan next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::HotReload);

        StrategyLearner elsewhere(root, {}, &other);
        for (int i = 0; i < 3; ++i)
            elsewhere.recordResult(resultOf(plan, false));
        next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::ServiceRestart);

        QCOMPARE(other.forgetLearned(root, { u"services/cache.py"_s }), 3);
        next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::HotReload);
    }

    // What the learner reads again hangs on this mark: it stays put for the store's own
    // recordLearnedOutcome() (the learner keeps that in memory) and moves for everything else.
    void learnedOutcomesMarkMovesForWhatTheLearnerDidNotWrite()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"history.sqlite"_s);
        HistoryStore mine;
        QCOMPARE(mine.learnedOutcomesMark().dataVersion, -1); // not open
        QVERIFY(mine.open(file));
        HistoryStore other;
        QVERIFY(other.open(file));
        const LearnedOutcomeRecord outcome { 0, u"/p"_s, u"tools/a.py"_s, u"hot_reload"_s, u"failed"_s,
            QDateTime::currentDateTimeUtc() };
        const LearnedOutcomesMark start = mine.learnedOutcomesMark();
        QVERIFY(start.dataVersion >= 0);
        mine.recordLearnedOutcome(outcome);
        QVERIFY(mine.learnedOutcomesMark() == start);
        other.recordLearnedOutcome(outcome);
        const LearnedOutcomesMark afterOther = mine.learnedOutcomesMark();
        QVERIFY(afterOther != start);
        const LearnedOutcomesMark otherBefore = other.learnedOutcomesMark();
        QCOMPARE(mine.forgetLearned(u"/p"_s, { u"tools/a.py"_s }), 2);
        QVERIFY(mine.learnedOutcomesMark() != afterOther);
        QVERIFY(other.learnedOutcomesMark() != otherBefore);
    }

    void fixedRuleWins()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
        const QString root = dir.filePath(u"project"_s);
        Rule fixed { u"services/**"_s, ReloadStrategy::HotReload, {}, 0, false, true };
        const ReloadPlan plan
            = planFor(root, u"services/cache.py"_s, ReloadStrategy::HotReload, u"services/**"_s);
        // What a learner without the fixed rule remembered: three failures.
        StrategyLearner before(root, {}, &store);
        for (int i = 0; i < 3; ++i)
            before.recordResult(resultOf(plan, false));
        ReloadPlan escalated = plan;
        before.adjust(escalated);
        QCOMPARE(escalated.strategy, ReloadStrategy::ServiceRestart);

        StrategyLearner learner(root, { fixed }, &store);
        ReloadPlan next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::HotReload);
        QCOMPARE(next.reasons, plan.reasons);
        learner.recordResult(resultOf(plan, false)); // and nothing more is remembered about it
        QCOMPARE(store.learnedOutcomes(root).size(), 3);
    }

    void restartByHandAfterASuccessCounts()
    {
        const QString root = u"/project"_s;
        StrategyLearner learner(root, {}, nullptr);
        const ReloadPlan plan = planFor(root, u"tools/a.py"_s, ReloadStrategy::HotReload, u"tools/**"_s);
        for (int i = 0; i < 3; ++i) {
            learner.recordResult(resultOf(plan, true));
            learner.recordResult(resultOf(ReloadPlan {}, true, ReloadTrigger::Manual));
        }
        QCOMPARE(learnrules::effectiveAttempts(learner.history(u"tools/a.py"_s)).size(), 3);
        ReloadPlan next = plan;
        learner.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::ServiceRestart);
        // A manual restart long after a success is the user's own business.
        StrategyLearner later(root, {}, nullptr);
        ReloadResult success = resultOf(plan, true);
        success.finishedAtUtc = QDateTime::currentDateTimeUtc().addSecs(-120);
        for (int i = 0; i < 3; ++i) {
            later.recordResult(success);
            later.recordResult(resultOf(ReloadPlan {}, true, ReloadTrigger::Manual));
        }
        next = plan;
        later.adjust(next);
        QCOMPARE(next.strategy, ReloadStrategy::HotReload);
    }

    void escalationByFoxReloadIsNotLearned()
    {
        StrategyLearner learner(u"/project"_s, {}, nullptr);
        const ReloadPlan plan
            = planFor(u"/project"_s, u"tools/a.py"_s, ReloadStrategy::HotReload, u"tools/**"_s);
        ReloadResult result = resultOf(plan, false);
        result.performed = ReloadStrategy::FullRestart;
        result.escalationReason = u"the server is not running"_s;
        for (int i = 0; i < 3; ++i)
            learner.recordResult(result);
        QVERIFY(learner.history(u"tools/a.py"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLearnRules)
#include "tst_learnrules.moc"
