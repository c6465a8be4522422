// platform::DeadlineTimer, the batcher's timer for a point on the steady clock: it never fires
// before its deadline, once per start(), and a new start() or stop() replaces what was set.
// How close to the deadline it fires is a figure of bench/run (the batch closing time), not a test.
#include "platform/DeadlineTimer.h"

#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <thread>

using namespace std::chrono_literals;
using foxreload::platform::DeadlineTimer;
using SteadyClock = std::chrono::steady_clock;

class TestDeadlineTimer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesOnceAtItsDeadline_data();
    void firesOnceAtItsDeadline();
    void laterDeadlineReplacesAnExpiredOne();
    void earlierDeadlineReplacesALaterOne();
    void stoppedTimerStaysQuiet();
    void restartsAfterFiring();
};

namespace {
// Records when each timeout came, on the steady clock.
struct FiringLog
{
    explicit FiringLog(DeadlineTimer& timer)
    {
        QObject::connect(&timer, &DeadlineTimer::timeout, &timer, [this, &timer] {
            times.append(SteadyClock::now());
            activeWhenFired.append(timer.isActive());
        });
    }
    QList<SteadyClock::time_point> times;
    QList<bool> activeWhenFired;
};
} // namespace

void TestDeadlineTimer::firesOnceAtItsDeadline_data()
{
    QTest::addColumn<int>("fromNowMs");
    QTest::newRow("long past") << -1000;
    QTest::newRow("now") << 0;
    QTest::newRow("1 ms") << 1;
    QTest::newRow("5 ms, a settle time") << 5;
    QTest::newRow("50 ms, a quiet window") << 50;
}

void TestDeadlineTimer::firesOnceAtItsDeadline()
{
    QFETCH(int, fromNowMs);
    DeadlineTimer timer;
    FiringLog log(timer);
    QVERIFY(!timer.isActive());
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(fromNowMs);
    timer.start(deadline);
    QVERIFY(timer.isActive());
    QTRY_COMPARE_WITH_TIMEOUT(log.times.size(), 1, 5000);
    QVERIFY2(log.times.first() >= deadline, "fired before its deadline");
    QCOMPARE(log.activeWhenFired.first(), false);
    QVERIFY(!timer.isActive());
    QTest::qWait(fromNowMs > 0 ? 2 * fromNowMs : 20);
    QCOMPARE(log.times.size(), 1);
}

void TestDeadlineTimer::laterDeadlineReplacesAnExpiredOne()
{
    // The first deadline passes before the event loop runs again: its expiry is pending when the
    // second start() comes, and must not fire the timer early.
    DeadlineTimer timer;
    FiringLog log(timer);
    timer.start(SteadyClock::now());
    const auto later = SteadyClock::now() + 100ms;
    std::this_thread::sleep_for(2ms);
    timer.start(later);
    QTRY_COMPARE_WITH_TIMEOUT(log.times.size(), 1, 5000);
    QVERIFY2(log.times.first() >= later, "the replaced deadline fired");
    QTest::qWait(150);
    QCOMPARE(log.times.size(), 1);
}

void TestDeadlineTimer::earlierDeadlineReplacesALaterOne()
{
    DeadlineTimer timer;
    FiringLog log(timer);
    const auto start = SteadyClock::now();
    timer.start(start + 60s);
    timer.start(start + 5ms);
    QTRY_COMPARE_WITH_TIMEOUT(log.times.size(), 1, 5000);
    QVERIFY(log.times.first() >= start + 5ms);
    QVERIFY(log.times.first() < start + 60s);
}

void TestDeadlineTimer::stoppedTimerStaysQuiet()
{
    DeadlineTimer timer;
    FiringLog log(timer);
    timer.start(SteadyClock::now());
    std::this_thread::sleep_for(2ms); // expired, not yet seen by the event loop
    timer.stop();
    QVERIFY(!timer.isActive());
    timer.stop(); // twice is harmless
    QTest::qWait(50);
    QCOMPARE(log.times.size(), 0);
}

void TestDeadlineTimer::restartsAfterFiring()
{
    DeadlineTimer timer;
    FiringLog log(timer);
    for (int round = 1; round <= 3; ++round) {
        const auto deadline = SteadyClock::now() + 3ms;
        timer.start(deadline);
        QTRY_COMPARE_WITH_TIMEOUT(log.times.size(), round, 5000);
        QVERIFY(log.times.last() >= deadline);
    }
}

QTEST_GUILESS_MAIN(TestDeadlineTimer)
#include "tst_deadlinetimer.moc"
