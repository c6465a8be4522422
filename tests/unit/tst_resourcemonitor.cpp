// The resource monitor: the throttle rule on an injected clock, CPU figures from injected
// totals, sampling that stops when nothing happens, the batcher knobs it turns, the /proc
// reading of a process tree (a fixture /proc), and the `resources` event.

#include "analyze/ChangeBatcher.h"
#include "resources/ResourceEvent.h"
#include "resources/ResourceMonitor.h"
#include "resources/ResourceSampler.h"
#include "resources/ResourceThrottle.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::resources;
using namespace std::chrono_literals;

namespace {
const Clock::time_point kT0 = Clock::time_point(1000s);

ResourceSample sampleOf(double cpuPercent, double rssMb)
{
    ResourceSample sample;
    sample.cpuPercent = cpuPercent;
    sample.rssMb = rssMb;
    return sample;
}

// A /proc/PID/stat line: utime and stime in clock ticks (fields 14, 15), rss in pages (24).
QByteArray statLine(qint64 pid, qint64 utime, qint64 stime, qint64 rssPages)
{
    QList<QByteArray> fields { "S", "1", QByteArray::number(pid), QByteArray::number(pid), "0", "-1", "0",
        "0", "0", "0", "0", QByteArray::number(utime), QByteArray::number(stime), "0", "0", "20", "0", "1",
        "0", "100", "1000000", QByteArray::number(rssPages) };
    return QByteArray::number(pid) + " (fake (server)) " + fields.join(' ') + '\n';
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

FileEvent modified(const QString& path)
{
    FileEvent event;
    event.path = path;
    event.kind = FileEvent::Kind::Modified;
    return event;
}
} // namespace

class TestResourceMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policyDecides_data()
    {
        QTest::addColumn<bool>("throttled");
        QTest::addColumn<int>("secondsSinceChange");
        QTest::addColumn<double>("cpuPercent");
        QTest::addColumn<double>("rssMb");
        QTest::addColumn<bool>("expectThrottled");
        QTest::addColumn<bool>("expectChanged");

        // Budget: 5 % CPU, 50 MB; release below 4 % and 40 MB, after 10 s at the least.
        QTest::newRow("within, stays within") << false << 0 << 1.0 << 20.0 << false << false;
        QTest::newRow("CPU over: throttle at once") << false << 0 << 5.5 << 20.0 << true << true;
        QTest::newRow("memory over: throttle at once") << false << 0 << 0.0 << 51.0 << true << true;
        QTest::newRow("at the budget is within") << false << 0 << 5.0 << 50.0 << false << false;
        QTest::newRow("unknown figures do not throttle") << false << 0 << -1.0 << -1.0 << false << false;
        QTest::newRow("still over: stays, nothing said") << true << 60 << 9.0 << 20.0 << true << false;
        QTest::newRow("under but too soon: stays") << true << 9 << 0.0 << 10.0 << true << false;
        QTest::newRow("under after the hold: released") << true << 10 << 0.0 << 10.0 << false << true;
        QTest::newRow("CPU in the hysteresis band: stays") << true << 60 << 4.5 << 10.0 << true << false;
        QTest::newRow("memory in the hysteresis band: stays") << true << 60 << 0.0 << 45.0 << true << false;
        QTest::newRow("unknown CPU does not release") << true << 60 << -1.0 << 10.0 << true << false;
    }

    void policyDecides()
    {
        QFETCH(bool, throttled);
        QFETCH(int, secondsSinceChange);
        QFETCH(double, cpuPercent);
        QFETCH(double, rssMb);
        QFETCH(bool, expectThrottled);
        QFETCH(bool, expectChanged);

        const ThrottlePolicy policy(ResourceBudget { 5.0, 50.0 });
        const ThrottleState current { throttled, kT0, throttled ? u"before"_s : QString() };
        const Clock::time_point now = kT0 + std::chrono::seconds(secondsSinceChange);
        const ThrottlePolicy::Decision decision = policy.decide(current, sampleOf(cpuPercent, rssMb), now);
        QCOMPARE(decision.state.throttled, expectThrottled);
        QCOMPARE(decision.changed, expectChanged);
        if (decision.changed)
            QCOMPARE(decision.state.since, now);
        else
            QCOMPARE(decision.state.since, kT0);
        QCOMPARE(decision.state.reason.isEmpty(), !expectThrottled);
    }

    // The desktop app's own memory is a baseline: the budget counts what lies above it.
    void baselineIsNotCounted()
    {
        const ThrottlePolicy policy(ResourceBudget { 5.0, 50.0, 45.0 });
        QCOMPARE(policy.countedRssMb(sampleOf(0.0, 60.0)), 15.0);
        QVERIFY(!policy.decide(ThrottleState {}, sampleOf(0.0, 90.0), kT0).changed);
        const ThrottlePolicy::Decision over = policy.decide(ThrottleState {}, sampleOf(0.0, 100.0), kT0);
        QVERIFY(over.state.throttled);
        QCOMPARE(over.state.reason, u"memory 55.0 MB over the 50 MB budget"_s);
        const ThrottleState held = over.state;
        QVERIFY(!policy.decide(held, sampleOf(0.0, 86.0), kT0 + 60s).changed); // 41 MB: in the band
        QVERIFY(policy.decide(held, sampleOf(0.0, 84.0), kT0 + 60s).changed); // 39 MB: released
    }

    void reasonNamesWhatIsOver()
    {
        const ThrottlePolicy policy(ResourceBudget { 5.0, 50.0 });
        QCOMPARE(policy.overBudgetReason(sampleOf(12.34, 60.0)),
            u"CPU 12.3 % over the 5 % budget, memory 60.0 MB over the 50 MB budget"_s);
        QCOMPARE(policy.overBudgetReason(sampleOf(1.0, 10.0)), QString());
    }

    // CPU % is the totals' difference over the injected clock's interval; a crossing is said once
    // each way, and throttling ends only after the hold.
    void monitorComputesAndSaysCrossingsOnce()
    {
        Clock::time_point now = kT0;
        ProcessTotals self { 10.0, 20.0 * 1024 * 1024, 1 };
        ProcessTotals tree { 3.0, 40.0 * 1024 * 1024, 2 };
        ResourceMonitor monitor(ResourceBudget { 5.0, 50.0 });
        monitor.setClock([&now] { return now; });
        monitor.setSources(
            [&self] { return self; }, [&tree](qint64 pid) { return pid == 42 ? tree : ProcessTotals {}; });
        monitor.setServerPid(42);
        QSignalSpy crossings(&monitor, &ResourceMonitor::throttleChanged);
        QSignalSpy samples(&monitor, &ResourceMonitor::sampled);

        monitor.noteActivity(); // the baseline at kT0
        QVERIFY(monitor.isSampling());
        QCOMPARE(samples.size(), 0);

        now += 2s;
        self.cpuSeconds += 0.04; // 2 % of 2 s
        tree.cpuSeconds += 1.0; // 50 %: the server's, never budgeted
        monitor.sampleNow();
        QCOMPARE(samples.size(), 1);
        QCOMPARE(qRound(monitor.latest().cpuPercent * 10), 20);
        QCOMPARE(qRound(monitor.latest().serverCpuPercent), 50);
        QCOMPARE(qRound(monitor.latest().rssMb), 20);
        QCOMPARE(qRound(monitor.latest().serverRssMb), 40);
        QCOMPARE(monitor.latest().serverProcesses, 2);
        QCOMPARE(crossings.size(), 0);

        now += 2s;
        self.cpuSeconds += 0.3; // 15 %
        monitor.sampleNow();
        QCOMPARE(crossings.size(), 1);
        QVERIFY(monitor.throttle().throttled);
        QVERIFY2(
            monitor.throttle().reason.startsWith(u"CPU 15.0 %"_s), qPrintable(monitor.throttle().reason));

        now += 2s;
        self.cpuSeconds += 0.5; // still over: nothing more said
        monitor.sampleNow();
        QCOMPARE(crossings.size(), 1);

        now += 2s; // idle, but only 4 s after throttling began
        monitor.sampleNow();
        QCOMPARE(crossings.size(), 1);
        QVERIFY(monitor.throttle().throttled);

        now += 8s; // 12 s: released
        monitor.sampleNow();
        QCOMPARE(crossings.size(), 2);
        QVERIFY(!monitor.throttle().throttled);
        QCOMPARE(crossings.last().at(0).value<ThrottleState>().throttled, false);
    }

    // The desktop app's windows: what drawing them cost is shown with the app's CPU but not
    // counted against the budget; without a figure for them, everything counts.
    void excludedCpuIsNotCounted_data()
    {
        QTest::addColumn<double>("selfSeconds");
        QTest::addColumn<double>("windowSeconds"); // -1: the source says it does not know
        QTest::addColumn<int>("expectedExcludedPercent");
        QTest::addColumn<bool>("expectThrottled");
        QTest::newRow("mostly drawing") << 0.30 << 0.26 << 13 << false; // counts 2 %
        QTest::newRow("drawing and watching") << 0.30 << 0.10 << 5 << true; // counts 10 %
        QTest::newRow("no window figure") << 0.30 << -1.0 << 0 << true;
        QTest::newRow("idle windows") << 0.04 << 0.0 << 0 << false;
    }
    void excludedCpuIsNotCounted()
    {
        QFETCH(double, selfSeconds);
        QFETCH(double, windowSeconds);
        QFETCH(int, expectedExcludedPercent);
        QFETCH(bool, expectThrottled);
        Clock::time_point now = kT0;
        ProcessTotals self { 10.0, 20.0 * 1024 * 1024, 1 };
        double windows = windowSeconds < 0 ? -1 : 3.0;
        ResourceMonitor monitor(ResourceBudget { 5.0, 50.0 });
        monitor.setClock([&now] { return now; });
        monitor.setSources([&self] { return self; }, [](qint64) { return ProcessTotals {}; });
        monitor.setExcludedCpu([&windows] { return windows; });
        monitor.noteActivity();

        now += 2s;
        self.cpuSeconds += selfSeconds;
        if (windowSeconds >= 0)
            windows += windowSeconds;
        monitor.sampleNow();
        QCOMPARE(qRound(monitor.latest().cpuPercent), qRound(selfSeconds * 50)); // all of it is shown
        QCOMPARE(qRound(monitor.latest().excludedCpuPercent), expectedExcludedPercent);
        QCOMPARE(monitor.throttle().throttled, expectThrottled);
        if (expectThrottled)
            QVERIFY2(monitor.throttle().reason.startsWith(
                         u"CPU %1"_s.arg((selfSeconds - std::max(windowSeconds, 0.0)) * 50, 0, 'f', 1)),
                qPrintable(monitor.throttle().reason));
    }

    // A server that changed between two samples has no CPU figure for that interval; a tree
    // whose child exited never shows negative CPU.
    void serverFiguresSurviveChanges()
    {
        Clock::time_point now = kT0;
        ProcessTotals tree { 5.0, 1024.0 * 1024, 2 };
        ResourceMonitor monitor(ResourceBudget {});
        monitor.setClock([&now] { return now; });
        monitor.setSources(
            [] {
                return ProcessTotals { 1.0, 1024.0 * 1024, 1 };
            },
            [&tree](qint64) { return tree; });
        monitor.setServerPid(7);
        monitor.noteActivity();
        now += 1s;
        monitor.setServerPid(8);
        monitor.sampleNow();
        QCOMPARE(monitor.latest().serverCpuPercent, -1.0);
        now += 1s;
        tree.cpuSeconds -= 2.0;
        monitor.sampleNow();
        QCOMPARE(monitor.latest().serverCpuPercent, 0.0);
    }

    // No timer before any activity; sampling stops once quiet; new activity starts it again.
    void samplingStopsWhenQuiet()
    {
        ResourceMonitor monitor(ResourceBudget { 1000.0, 100000.0 });
        monitor.setSources(
            [] {
                return ProcessTotals { 1.0, 1024.0, 1 };
            },
            [](qint64) { return ProcessTotals {}; });
        monitor.setTiming(20ms, 60ms);
        QSignalSpy samples(&monitor, &ResourceMonitor::sampled);
        QTest::qWait(100);
        QVERIFY(!monitor.isSampling());
        QCOMPARE(samples.size(), 0);

        monitor.noteActivity();
        QVERIFY(monitor.isSampling());
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isSampling(), 5000);
        const qsizetype afterQuiet = samples.size();
        QVERIFY2(afterQuiet >= 3 && afterQuiet <= 4, qPrintable(QString::number(afterQuiet)));
        QTest::qWait(150);
        QCOMPARE(samples.size(), afterQuiet); // nothing while quiet

        monitor.noteActivity();
        QVERIFY(monitor.isSampling());
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isSampling(), 5000);
    }

    // Throttled by memory, a quiet monitor stops (idle does not shrink memory; the next activity
    // samples again); throttled by CPU, it samples on until the falling CPU ends the throttle.
    void memoryThrottleStopsSamplingWhenQuiet()
    {
        ResourceMonitor monitor(ResourceBudget { 1000.0, 1.0 });
        monitor.setSources(
            [] {
                return ProcessTotals { 1.0, 64.0 * 1024 * 1024, 1 };
            },
            [](qint64) { return ProcessTotals {}; });
        monitor.setTiming(20ms, 60ms);
        monitor.noteActivity();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.throttle().throttled, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isSampling(), 5000);
        QVERIFY(monitor.throttle().throttled);
    }

    void cpuThrottleKeepsSamplingUntilReleased()
    {
        const ThrottlePolicy policy(ResourceBudget { 5.0, 50.0 });
        const ThrottleState cpuHeld { true, kT0, u"CPU"_s };
        QVERIFY(policy.releasableByWaiting(cpuHeld, sampleOf(9.0, 20.0)));
        QVERIFY(!policy.releasableByWaiting(cpuHeld, sampleOf(0.0, 45.0)));
        QVERIFY(!policy.releasableByWaiting(ThrottleState {}, sampleOf(0.0, 10.0)));
    }

    // The knobs: a longer quiet window and no content hashing while throttled, the settings
    // before restored exactly afterwards.
    void throttleTurnsTheBatcherKnobs_data()
    {
        QTest::addColumn<int>("quietMs");
        QTest::addColumn<int>("throttledMs");
        QTest::newRow("50 ms becomes the 250 ms floor") << 50 << 250;
        QTest::newRow("200 ms becomes 800 ms") << 200 << 800;
        QTest::newRow("0 ms becomes the floor") << 0 << 250;
    }

    void throttleTurnsTheBatcherKnobs()
    {
        QFETCH(int, quietMs);
        QFETCH(int, throttledMs);
        ChangeBatcher batcher(std::chrono::milliseconds(quietMs), 1000ms);
        ResourceThrottle throttle(&batcher);
        throttle.setThrottled(true);
        QCOMPARE(batcher.quietWindow().count(), throttledMs);
        QVERIFY(!batcher.contentHashing());
        throttle.setThrottled(true); // twice: the normal settings are still the ones before
        throttle.setThrottled(false);
        QCOMPARE(batcher.quietWindow().count(), quietMs);
        QVERIFY(batcher.contentHashing());
    }

    // A file changed while hashing was paused and then saved back to the hash the cache had
    // before is a real change: the cache must not have kept the old hash.
    void pausedHashingForgetsWhatItDidNotRead()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"tool.py"_s);
        QVERIFY(writeFile(file, "version 1\n"));
        ChangeBatcher batcher(0ms, 0ms);
        batcher.hashes().prime(file);
        QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
        QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);

        batcher.setContentHashing(false);
        QVERIFY(writeFile(file, "version 2\n"));
        batcher.addEvent(modified(file));
        batcher.flush();
        QCOMPARE(ready.size(), 1);

        batcher.setContentHashing(true);
        QVERIFY(writeFile(file, "version 1\n"));
        batcher.addEvent(modified(file));
        batcher.flush();
        QCOMPARE(ready.size(), 2);
        QCOMPARE(skipped.size(), 0);

        batcher.addEvent(modified(file)); // and now a save without edits is recognised again
        batcher.flush();
        QCOMPARE(skipped.size(), 1);
    }

    // The server's whole tree, read from a fixture /proc: the server, its child and grandchild;
    // a listed child that is gone counts for nothing.
    void samplerSumsTheTree()
    {
        QTemporaryDir proc;
        QVERIFY(writeFile(proc.filePath(u"stat"_s), "cpu 1 2 3\nbtime 1700000000\n"));
        QVERIFY(writeFile(proc.filePath(u"100/stat"_s), statLine(100, 100, 50, 1000)));
        QVERIFY(writeFile(proc.filePath(u"100/task/100/children"_s), "101 "));
        QVERIFY(writeFile(proc.filePath(u"100/task/103/children"_s), "104 999"));
        QVERIFY(writeFile(proc.filePath(u"101/stat"_s), statLine(101, 200, 0, 2000)));
        QVERIFY(writeFile(proc.filePath(u"101/task/101/children"_s), "102"));
        QVERIFY(writeFile(proc.filePath(u"102/stat"_s), statLine(102, 0, 100, 500)));
        QVERIFY(writeFile(proc.filePath(u"104/stat"_s), statLine(104, 0, 0, 100)));
        QVERIFY(writeFile(proc.filePath(u"self/stat"_s), statLine(55, 10, 10, 4096)));

        const ResourceSampler sampler(proc.path());
        const ProcessTotals tree = sampler.tree(100);
        QCOMPARE(tree.processes, 4);
        const double ticks = double(::sysconf(_SC_CLK_TCK));
        QCOMPARE(qRound(tree.cpuSeconds * ticks), 450);
        const double page = double(::sysconf(_SC_PAGESIZE));
        QCOMPARE(qRound64(tree.rssBytes / page), 3600);
        QCOMPARE(sampler.tree(0).processes, 0);
        QCOMPARE(sampler.tree(12345).cpuSeconds, -1.0);
        QCOMPARE(qRound64(sampler.self().rssBytes / page), 4096);
    }

    void eventSaysBothWays()
    {
        ResourceSample sample = sampleOf(12.345, 30.06);
        sample.serverRssMb = 41.0;
        sample.serverProcesses = 2;
        const ResourceBudget budget { 5.0, 50.0 };
        QJsonObject over = resourcesEvent(
            ThrottleState { true, kT0, u"CPU 12.3 % over the 5 % budget"_s }, sample, budget);
        QCOMPARE(over.value("event"_L1).toString(), u"resources"_s);
        QVERIFY(over.contains("time"_L1));
        QCOMPARE(over.value("throttled"_L1).toBool(), true);
        QCOMPARE(over.value("reason"_L1).toString(), u"CPU 12.3 % over the 5 % budget"_s);
        QCOMPARE(over.value("cpuPercent"_L1).toDouble(), 12.3);
        QCOMPARE(over.value("rssMb"_L1).toDouble(), 30.1);
        QCOMPARE(over.value("maxCpuPercent"_L1).toDouble(), 5.0);
        QCOMPARE(over.value("maxRssMb"_L1).toDouble(), 50.0);
        const QJsonObject server = over.value("server"_L1).toObject();
        QVERIFY(server.value("cpuPercent"_L1).isNull());
        QCOMPARE(server.value("rssMb"_L1).toDouble(), 41.0);
        QCOMPARE(server.value("processes"_L1).toInt(), 2);

        const QJsonObject back = resourcesEvent(ThrottleState {}, sampleOf(0.2, 30.0), budget);
        QCOMPARE(back.value("throttled"_L1).toBool(), false);
        QVERIFY(!back.contains("reason"_L1));
        QCOMPARE(resourcesText(sample), u"CPU 12.3 % · 30 MB (server 41 MB)"_s);
        QCOMPARE(resourcesText(ResourceSample {}), QString());
    }
};

QTEST_GUILESS_MAIN(TestResourceMonitor)
#include "tst_resourcemonitor.moc"
