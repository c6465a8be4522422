// DrainControl: retiring servers wait for their last answer or their grace period, with one timer
// for all of them. Real timers, generous bounds; the servers are plain QObjects.

#include "proxy/DrainControl.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace foxreload;

class TestDrainControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finishBeforeTheGraceRunsProceedOnce();
    void graceOverEmitsExpiredThenProceeds_data();
    void graceOverEmitsExpiredThenProceeds();
    void earliestDeadlineFirst();
    void destroyedServerLeavesTheTable();
    void finishAllRunsEveryProceed();
};

void TestDrainControl::finishBeforeTheGraceRunsProceedOnce()
{
    DrainControl drains;
    QObject server;
    int proceeded = 0;
    QSignalSpy expired(&drains, &DrainControl::expired);
    drains.begin(&server, 200, [&] { ++proceeded; });
    QVERIFY(drains.isDraining(&server));
    drains.finish(&server);
    QCOMPARE(proceeded, 1);
    QVERIFY(!drains.isDraining(&server));
    QVERIFY(drains.isEmpty());
    drains.finish(&server); // a second finish is nothing
    QTest::qWait(400);
    QCOMPARE(proceeded, 1);
    QCOMPARE(expired.count(), 0);
}

void TestDrainControl::graceOverEmitsExpiredThenProceeds_data()
{
    QTest::addColumn<bool>("ownerFinishes");
    QTest::newRow("the owner finishes in expired()") << true;
    QTest::newRow("the owner only settles") << false;
}

void TestDrainControl::graceOverEmitsExpiredThenProceeds()
{
    QFETCH(bool, ownerFinishes);
    DrainControl drains;
    QObject server;
    int proceeded = 0;
    int proceededAtExpiry = -1;
    connect(&drains, &DrainControl::expired, this, [&](QObject* which) {
        QCOMPARE(which, &server);
        proceededAtExpiry = proceeded;
        if (ownerFinishes)
            drains.finish(which);
    });
    QElapsedTimer clock;
    clock.start();
    drains.begin(&server, 100, [&] { ++proceeded; });
    QTRY_COMPARE_WITH_TIMEOUT(proceeded, 1, 5000);
    QVERIFY2(clock.elapsed() >= 100, "the grace is used in full");
    QCOMPARE(proceededAtExpiry, 0); // expired() comes before proceed
    QVERIFY(drains.isEmpty());
}

void TestDrainControl::earliestDeadlineFirst()
{
    DrainControl drains;
    QObject late;
    QObject early;
    QList<QObject*> order;
    connect(&drains, &DrainControl::expired, this, [&](QObject* server) { order.append(server); });
    drains.begin(&late, 400, {});
    drains.begin(&early, 50, {});
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 1, 5000);
    QCOMPARE(order.first(), &early);
    QVERIFY(drains.isDraining(&late));
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 5000);
    QCOMPARE(order.last(), &late);
    QVERIFY(drains.isEmpty());
}

void TestDrainControl::destroyedServerLeavesTheTable()
{
    DrainControl drains;
    auto server = std::make_unique<QObject>();
    int proceeded = 0;
    QSignalSpy expired(&drains, &DrainControl::expired);
    drains.begin(server.get(), 50, [&] { ++proceeded; });
    server.reset();
    QTRY_VERIFY_WITH_TIMEOUT(drains.isEmpty(), 5000);
    QCOMPARE(expired.count(), 0);
    QCOMPARE(proceeded, 0);
}

void TestDrainControl::finishAllRunsEveryProceed()
{
    DrainControl drains;
    QObject a;
    QObject b;
    int proceeded = 0;
    drains.begin(&a, 10000, [&] { ++proceeded; });
    drains.begin(&b, 10000, [&] { ++proceeded; });
    drains.begin(&a, 10000, [&] { proceeded += 10; }); // a second gate replaces the first (which proceeds)
    QCOMPARE(proceeded, 1);
    drains.finishAll();
    QCOMPARE(proceeded, 12);
    QVERIFY(drains.isEmpty());
}

QTEST_GUILESS_MAIN(TestDrainControl)
#include "tst_draincontrol.moc"
