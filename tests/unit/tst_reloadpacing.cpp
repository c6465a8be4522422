// When ReloadOrchestrator may (re)start a server: the crash backoff and crash-loop stop, and
// watch.max_reloads_per_minute. Both are clocked by the caller, so the time points are made up.
#include "server/CrashBackoff.h"
#include "server/ReloadRateLimit.h"

#include <QTest>

#include <optional>

using namespace foxreload;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::optional<int>)

namespace {
const Clock::time_point t0 = Clock::time_point {} + 1h;
}

class TestReloadPacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffDoubles_data();
    void backoffDoubles();
    void crashLoopStopsAndStartsOver();
    void crashesOutsideTheWindowDoNotLoop();
    void recoveryResetsTheBackoff();
    void rateLimit_data();
    void rateLimit();
};

void TestReloadPacing::backoffDoubles_data()
{
    QTest::addColumn<int>("crashes");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("first") << 1 << 250;
    QTest::newRow("second") << 2 << 500;
    QTest::newRow("fifth") << 5 << 4000;
    QTest::newRow("seventh, capped") << 7 << 16000;
    QTest::newRow("twelfth, capped") << 12 << 16000;
}

void TestReloadPacing::backoffDoubles()
{
    QFETCH(int, crashes);
    QFETCH(int, delayMs);
    // Crashes a minute apart never make a loop within a 10 s window.
    CrashBackoff backoff(3, 10000);
    std::optional<int> delay;
    for (int i = 0; i < crashes; ++i)
        delay = backoff.restartDelayMs(t0 + i * 1min);
    QCOMPARE(delay, std::optional<int>(delayMs));
}

void TestReloadPacing::crashLoopStopsAndStartsOver()
{
    CrashBackoff backoff(3, 10000);
    QCOMPARE(backoff.restartDelayMs(t0), std::optional<int>(250));
    QCOMPARE(backoff.restartDelayMs(t0 + 1s), std::optional<int>(500));
    QCOMPARE(backoff.restartDelayMs(t0 + 2s), std::nullopt); // three within 10 s
    // After the stop the count starts over, and so does the backoff.
    QCOMPARE(backoff.restartDelayMs(t0 + 3s), std::optional<int>(250));
    QCOMPARE(backoff.restartDelayMs(t0 + 4s), std::optional<int>(500));
    QCOMPARE(backoff.restartDelayMs(t0 + 5s), std::nullopt);
}

void TestReloadPacing::crashesOutsideTheWindowDoNotLoop()
{
    CrashBackoff backoff(2, 1000);
    QVERIFY(backoff.restartDelayMs(t0).has_value());
    QVERIFY(backoff.restartDelayMs(t0 + 1001ms).has_value());
    QVERIFY(!backoff.restartDelayMs(t0 + 1500ms).has_value());
}

void TestReloadPacing::recoveryResetsTheBackoff()
{
    CrashBackoff backoff(10, 1000);
    QCOMPARE(backoff.restartDelayMs(t0), std::optional<int>(250));
    QCOMPARE(backoff.restartDelayMs(t0 + 1min), std::optional<int>(500));
    backoff.recovered();
    QCOMPARE(backoff.restartDelayMs(t0 + 2min), std::optional<int>(250));
}

void TestReloadPacing::rateLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<int>>("startedAtS"); // reloads started, in seconds after t0
    QTest::addColumn<int>("askAtS");
    QTest::addColumn<std::optional<int>>("delayMs");
    QTest::newRow("no limit") << 0 << QList<int> { 0, 1, 2, 3 } << 4 << std::optional<int>();
    QTest::newRow("under the limit") << 3 << QList<int> { 0, 1 } << 2 << std::optional<int>();
    QTest::newRow("at the limit: waits for the oldest to leave the minute")
        << 3 << QList<int> { 0, 10, 20 } << 30 << std::optional<int>(30000);
    QTest::newRow("the limit counts the last `limit` starts")
        << 2 << QList<int> { 0, 10, 20 } << 30 << std::optional<int>(40000);
    QTest::newRow("older than a minute no longer counts")
        << 2 << QList<int> { 0, 10 } << 60 << std::optional<int>();
    QTest::newRow("exactly a minute later") << 1 << QList<int> { 0 } << 60 << std::optional<int>();
}

void TestReloadPacing::rateLimit()
{
    QFETCH(int, limit);
    QFETCH(QList<int>, startedAtS);
    QFETCH(int, askAtS);
    QFETCH(std::optional<int>, delayMs);
    ReloadRateLimit rateLimit(limit);
    for (int s : std::as_const(startedAtS))
        rateLimit.started(t0 + s * 1s);
    QCOMPARE(rateLimit.delayMs(t0 + askAtS * 1s), delayMs);
}

QTEST_GUILESS_MAIN(TestReloadPacing)
#include "tst_reloadpacing.moc"
