// The name tables of the value types that cross stages, and of the enums whose names are written
// out (the orchestrator's state in the event stream, a metric's type on the metrics page): every
// enumerator's name reads back as the same enumerator, so a row left out of a table (or spelt
// twice) fails here.
#include "common/BuildResult.h"
#include "common/FileEvent.h"
#include "common/ReloadResult.h"
#include "common/ReloadStrategy.h"
#include "game/GameRules.h"
#include "metrics/Exposition.h"
#include "server/ReloadOrchestrator.h"

#include <QTest>

#include <optional>

using namespace foxreload;
using namespace Qt::StringLiterals;

namespace {

// The current row's enumerator has the row's name, and the name parses back to it.
template<typename Enum, typename ToName, typename FromName>
void checkRoundTrip(ToName toName, FromName fromName)
{
    QFETCH(Enum, value);
    QFETCH(QString, name);
    QCOMPARE(toName(value), name);
    const std::optional<Enum> parsed = fromName(name);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, value);
    QCOMPARE(toName(*parsed), name);
}

} // namespace

class TestEnumNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildOutcome_data();
    void buildOutcome();
    void fileEventKind_data();
    void fileEventKind();
    void reloadTrigger_data();
    void reloadTrigger();
    void reloadOutcome_data();
    void reloadOutcome();
    void reloadStrategy_data();
    void reloadStrategy();
    void orchestratorState_data();
    void orchestratorState();
    void metricType_data();
    void metricType();
    void noXpReason_data();
    void noXpReason();
    void unknownNamesAreRejected();
};

void TestEnumNames::buildOutcome_data()
{
    QTest::addColumn<BuildResult::Outcome>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("succeeded") << BuildResult::Outcome::Succeeded << u"succeeded"_s;
    QTest::newRow("failed") << BuildResult::Outcome::Failed << u"failed"_s;
    QTest::newRow("timed_out") << BuildResult::Outcome::TimedOut << u"timed_out"_s;
    QTest::newRow("cancelled") << BuildResult::Outcome::Cancelled << u"cancelled"_s;
    QTest::newRow("failed_to_start") << BuildResult::Outcome::FailedToStart << u"failed_to_start"_s;
}

void TestEnumNames::buildOutcome()
{
    checkRoundTrip<BuildResult::Outcome>(buildOutcomeName, buildOutcomeFromName);
}

void TestEnumNames::fileEventKind_data()
{
    QTest::addColumn<FileEvent::Kind>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("created") << FileEvent::Kind::Created << u"created"_s;
    QTest::newRow("modified") << FileEvent::Kind::Modified << u"modified"_s;
    QTest::newRow("removed") << FileEvent::Kind::Removed << u"removed"_s;
    QTest::newRow("renamed") << FileEvent::Kind::Renamed << u"renamed"_s;
    QTest::newRow("write-closed") << FileEvent::Kind::WriteClosed << u"write-closed"_s;
}

void TestEnumNames::fileEventKind()
{
    checkRoundTrip<FileEvent::Kind>(fileEventKindName, fileEventKindFromName);
}

void TestEnumNames::reloadTrigger_data()
{
    QTest::addColumn<ReloadTrigger>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("file_change") << ReloadTrigger::FileChange << u"file_change"_s;
    QTest::newRow("manual") << ReloadTrigger::Manual << u"manual"_s;
    QTest::newRow("crash_restart") << ReloadTrigger::CrashRestart << u"crash_restart"_s;
    QTest::newRow("startup") << ReloadTrigger::Startup << u"startup"_s;
}

void TestEnumNames::reloadTrigger()
{
    checkRoundTrip<ReloadTrigger>(reloadTriggerName, reloadTriggerFromName);
}

void TestEnumNames::reloadOutcome_data()
{
    QTest::addColumn<ReloadOutcome>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("success") << ReloadOutcome::Success << u"success"_s;
    QTest::newRow("failed") << ReloadOutcome::Failed << u"failed"_s;
}

void TestEnumNames::reloadOutcome()
{
    checkRoundTrip<ReloadOutcome>(reloadOutcomeName, reloadOutcomeFromName);
}

void TestEnumNames::reloadStrategy_data()
{
    QTest::addColumn<ReloadStrategy>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << ReloadStrategy::None << u"none"_s;
    QTest::newRow("hot_reload") << ReloadStrategy::HotReload << u"hot_reload"_s;
    QTest::newRow("service_restart") << ReloadStrategy::ServiceRestart << u"service_restart"_s;
    QTest::newRow("full_restart") << ReloadStrategy::FullRestart << u"full_restart"_s;
}

void TestEnumNames::reloadStrategy()
{
    checkRoundTrip<ReloadStrategy>(strategyName, strategyFromName);
}

void TestEnumNames::orchestratorState_data()
{
    using State = ReloadOrchestrator::State;
    QTest::addColumn<State>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("stopped") << State::Stopped << u"stopped"_s;
    QTest::newRow("starting") << State::Starting << u"starting"_s;
    QTest::newRow("ready") << State::Ready << u"ready"_s;
    QTest::newRow("reloading") << State::Reloading << u"reloading"_s;
    QTest::newRow("down") << State::Down << u"down"_s;
    QTest::newRow("shutting_down") << State::ShuttingDown << u"shutting_down"_s;
}

void TestEnumNames::orchestratorState()
{
    checkRoundTrip<ReloadOrchestrator::State>(
        ReloadOrchestrator::stateName, ReloadOrchestrator::stateFromName);
}

void TestEnumNames::metricType_data()
{
    QTest::addColumn<metrics::MetricType>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("counter") << metrics::MetricType::Counter << u"counter"_s;
    QTest::newRow("gauge") << metrics::MetricType::Gauge << u"gauge"_s;
    QTest::newRow("histogram") << metrics::MetricType::Histogram << u"histogram"_s;
}

void TestEnumNames::metricType()
{
    checkRoundTrip<metrics::MetricType>(metrics::metricTypeName, metrics::metricTypeFromName);
}

void TestEnumNames::noXpReason_data()
{
    QTest::addColumn<NoXpReason>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << NoXpReason::None << u"none"_s;
    QTest::newRow("disabled") << NoXpReason::Disabled << u"disabled"_s;
    QTest::newRow("failed") << NoXpReason::Failed << u"failed"_s;
    QTest::newRow("content_identical") << NoXpReason::ContentIdentical << u"content_identical"_s;
    QTest::newRow("crash_restart") << NoXpReason::CrashRestart << u"crash_restart"_s;
    QTest::newRow("crash_loop") << NoXpReason::CrashLoop << u"crash_loop"_s;
    QTest::newRow("startup") << NoXpReason::Startup << u"startup"_s;
    QTest::newRow("no_reload") << NoXpReason::NoReload << u"no_reload"_s;
    QTest::newRow("minute_cap") << NoXpReason::MinuteCap << u"minute_cap"_s;
}

void TestEnumNames::noXpReason()
{
    // Written to the log only, never parsed back: the name is all there is to check.
    QFETCH(NoXpReason, value);
    QFETCH(QString, name);
    QCOMPARE(noXpReasonName(value), name);
}

void TestEnumNames::unknownNamesAreRejected()
{
    // Names are exact: another case or the human label is not a name.
    QVERIFY(!buildOutcomeFromName(u"Succeeded").has_value());
    QVERIFY(!fileEventKindFromName(u"write_closed").has_value());
    QVERIFY(!reloadTriggerFromName(u"").has_value());
    QVERIFY(!reloadOutcomeFromName(u"ok").has_value());
    QVERIFY(!strategyFromName(u"hot reload").has_value());
    QVERIFY(!ReloadOrchestrator::stateFromName(u"Ready").has_value());
    QVERIFY(!metrics::metricTypeFromName(u"summary").has_value());
}

QTEST_GUILESS_MAIN(TestEnumNames)
#include "tst_enumnames.moc"
