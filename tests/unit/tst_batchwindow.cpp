#include "analyze/ChangeBatcher.h"
#include "common/EventScript.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace foxreload;
using foxreload::test::fileEvent;

class TestBatchWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyWindow();
    void closesAfterQuietWindow();
    void eventsExtendTheQuietWindow();
    void maxWaitBoundsAContinuousStream();
    void noMaximumWhenMaxWaitIsZero();
    void takeClosesNow();
    void batchIdsIncrease();
    void coalescing_data();
    void coalescing();
    void coalescingKeepsFirstAppearanceOrder();
    void directoryFlagSurvives();
};

namespace {
const Clock::time_point t0 = Clock::time_point(std::chrono::hours(1));

} // namespace

void TestBatchWindow::emptyWindow()
{
    BatchWindow window(50ms, 1000ms);
    QVERIFY(window.isEmpty());
    QVERIFY(!window.deadline());
    QVERIFY(!window.takeIfDue(t0));
    QVERIFY(!window.take(t0));
}

void TestBatchWindow::closesAfterQuietWindow()
{
    BatchWindow window(50ms, 1000ms);
    window.add(fileEvent(FileEvent::Kind::Modified, u"a.py"_s), t0);
    QVERIFY(!window.isEmpty());
    QVERIFY(window.deadline() == t0 + 50ms);
    QVERIFY(!window.takeIfDue(t0));
    QVERIFY(!window.takeIfDue(t0 + 49ms));
    const std::optional<ChangeBatch> batch = window.takeIfDue(t0 + 50ms);
    QVERIFY(batch);
    QCOMPARE(batch->events.size(), 1);
    QCOMPARE(batch->events.first().path, u"/p/a.py"_s);
    QCOMPARE(batch->rawEventCount, 1);
    QCOMPARE(batch->unchangedPaths.size(), 0);
    QVERIFY(batch->firstEventAt == t0);
    QVERIFY(batch->readyAt == t0 + 50ms);
    QVERIFY(window.isEmpty());
    QVERIFY(!window.deadline());
}

void TestBatchWindow::eventsExtendTheQuietWindow()
{
    BatchWindow window(50ms, 1000ms);
    window.add(fileEvent(FileEvent::Kind::Modified, u"a.py"_s), t0);
    window.add(fileEvent(FileEvent::Kind::Modified, u"b.py"_s), t0 + 40ms);
    QVERIFY(window.deadline() == t0 + 90ms);
    QVERIFY(!window.takeIfDue(t0 + 60ms));
    window.add(fileEvent(FileEvent::Kind::Modified, u"a.py"_s), t0 + 80ms);
    QVERIFY(!window.takeIfDue(t0 + 129ms));
    const std::optional<ChangeBatch> batch = window.takeIfDue(t0 + 130ms);
    QVERIFY(batch);
    QCOMPARE(batch->rawEventCount, 3);
    QCOMPARE(batch->events.size(), 2); // a.py twice is one change
    QVERIFY(batch->firstEventAt == t0);
}

void TestBatchWindow::maxWaitBoundsAContinuousStream()
{
    // An event every 10 ms never leaves 50 ms of quiet: only the maximum wait closes batches.
    BatchWindow window(50ms, 1000ms);
    QList<ChangeBatch> batches;
    int sent = 0;
    for (auto now = t0; now <= t0 + 3500ms; now += 10ms) {
        window.add(fileEvent(FileEvent::Kind::Modified, u"f"_s + QString::number(sent++)), now);
        if (std::optional<ChangeBatch> batch = window.takeIfDue(now))
            batches.append(*batch);
    }
    QCOMPARE(batches.size(), 3);
    QVERIFY(batches.at(0).firstEventAt == t0);
    QVERIFY(batches.at(0).readyAt == t0 + 1000ms);
    QCOMPARE(batches.at(0).rawEventCount, 101); // t0 .. t0+1000ms inclusive
    QVERIFY(batches.at(1).firstEventAt == t0 + 1010ms);
    QVERIFY(batches.at(1).readyAt == t0 + 2010ms);
    QVERIFY(batches.at(2).readyAt == t0 + 3020ms);
    // Nothing is lost: what is still pending plus what was batched is everything sent.
    const std::optional<ChangeBatch> rest = window.take(t0 + 4s);
    QVERIFY(rest);
    int total = rest->rawEventCount;
    for (const ChangeBatch& batch : std::as_const(batches))
        total += batch.rawEventCount;
    QCOMPARE(total, sent);
}

void TestBatchWindow::noMaximumWhenMaxWaitIsZero()
{
    BatchWindow window(50ms, 0ms);
    for (auto now = t0; now <= t0 + 5s; now += 10ms) {
        window.add(fileEvent(FileEvent::Kind::Modified, u"a"_s), now);
        QVERIFY(!window.takeIfDue(now));
    }
    QVERIFY(window.deadline() == t0 + 5s + 50ms);
    QVERIFY(window.takeIfDue(t0 + 5s + 50ms));
}

void TestBatchWindow::takeClosesNow()
{
    BatchWindow window(50ms, 1000ms);
    window.add(fileEvent(FileEvent::Kind::Created, u"a"_s), t0);
    const std::optional<ChangeBatch> batch = window.take(t0 + 1ms);
    QVERIFY(batch);
    QVERIFY(batch->readyAt == t0 + 1ms);
    QVERIFY(window.isEmpty());
}

void TestBatchWindow::batchIdsIncrease()
{
    BatchWindow window(50ms, 1000ms);
    window.add(fileEvent(FileEvent::Kind::Modified, u"a"_s), t0);
    const quint64 first = window.take(t0)->id;
    window.add(fileEvent(FileEvent::Kind::Modified, u"a"_s), t0);
    const quint64 second = window.take(t0)->id;
    QVERIFY(first > 0);
    QCOMPARE(second, first + 1);
}

void TestBatchWindow::coalescing_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char* name, const QStringList& events, const QStringList& expected) {
        QTest::newRow(name) << events << expected;
    };
    row("single", { u"m a"_s }, { u"m a"_s });
    row("created+modified", { u"c a"_s, u"m a"_s }, { u"c a"_s });
    row("created+removed", { u"c a"_s, u"d a"_s }, {});
    row("created+modified+removed", { u"c a"_s, u"m a"_s, u"m a"_s, u"d a"_s }, {});
    row("modified+removed", { u"m a"_s, u"d a"_s }, { u"d a"_s });
    row("removed+created", { u"d a"_s, u"c a"_s }, { u"m a"_s });
    row("removed+created+modified", { u"d a"_s, u"c a"_s, u"m a"_s }, { u"m a"_s });
    row("modified many times", { u"m a"_s, u"m a"_s, u"m a"_s }, { u"m a"_s });
    row("removed twice", { u"d a"_s, u"d a"_s }, { u"d a"_s });
    row("created+removed+created", { u"c a"_s, u"d a"_s, u"c a"_s }, { u"c a"_s });
    row("renamed keeps old path", { u"r a>b"_s, u"m b"_s }, { u"r a>b"_s });
    row("modified then renamed", { u"m a"_s, u"r a>b"_s }, { u"r a>b"_s });
    row("created then renamed", { u"c a"_s, u"r a>b"_s }, { u"c b"_s });
    row("editor temp file save", { u"c a.tmp"_s, u"m a.tmp"_s, u"r a.tmp>a"_s }, { u"c a"_s });
    row("rename chain", { u"r a>b"_s, u"r b>c"_s }, { u"r a>c"_s });
    row("renamed back", { u"r a>b"_s, u"r b>a"_s }, { u"m a"_s });
    row("renamed then removed", { u"r a>b"_s, u"d b"_s }, { u"d a"_s });
    row("renamed over a modified file", { u"m b"_s, u"r a>b"_s }, { u"r a>b"_s });
    row("renamed over a removed file", { u"d b"_s, u"c a"_s, u"r a>b"_s }, { u"m b"_s });
    row("renamed over a renamed file", { u"r y>b"_s, u"r a>b"_s }, { u"r a>b"_s, u"d y"_s });
    row("rename without origin", { u"r a"_s }, { u"m a"_s });
    row("independent paths", { u"m a"_s, u"c b"_s, u"d c"_s }, { u"m a"_s, u"c b"_s, u"d c"_s });
    row("renamed, original path re-created, then removed", { u"r a>b"_s, u"c a"_s, u"d b"_s }, { u"m a"_s });
}

void TestBatchWindow::coalescing()
{
    QFETCH(QStringList, events);
    QFETCH(QStringList, expected);
    BatchWindow window(50ms, 1000ms);
    for (const QString& spec : std::as_const(events))
        window.add(test::parseEvent(spec), t0);
    const std::optional<ChangeBatch> batch = window.take(t0 + 50ms);
    QVERIFY(batch);
    QStringList actual;
    for (const FileEvent& e : batch->events)
        actual.append(test::describeEvent(e));
    QCOMPARE(actual, expected);
    QCOMPARE(batch->rawEventCount, events.size());
}

void TestBatchWindow::coalescingKeepsFirstAppearanceOrder()
{
    BatchWindow window(50ms, 1000ms);
    for (const QString& spec : { u"m b"_s, u"m a"_s, u"m b"_s, u"c c"_s, u"m a"_s })
        window.add(test::parseEvent(spec), t0);
    const std::optional<ChangeBatch> batch = window.take(t0);
    QVERIFY(batch);
    QStringList actual;
    for (const FileEvent& e : batch->events)
        actual.append(test::describeEvent(e));
    QCOMPARE(actual, QStringList({ u"m b"_s, u"m a"_s, u"c c"_s }));
}

void TestBatchWindow::directoryFlagSurvives()
{
    BatchWindow window(50ms, 1000ms);
    FileEvent dir = fileEvent(FileEvent::Kind::Created, u"tools/geo"_s);
    dir.isDirectory = true;
    window.add(dir, t0);
    window.add(fileEvent(FileEvent::Kind::Created, u"tools/geo/maps.py"_s), t0);
    window.add(fileEvent(FileEvent::Kind::Modified, u"tools/geo"_s), t0); // a directory's mtime changed
    const std::optional<ChangeBatch> batch = window.take(t0);
    QCOMPARE(batch->events.size(), 2);
    QCOMPARE(batch->events.at(0).kind, FileEvent::Kind::Created);
    QVERIFY(batch->events.at(0).isDirectory);
    QVERIFY(!batch->events.at(1).isDirectory);
}

QTEST_GUILESS_MAIN(TestBatchWindow)
#include "tst_batchwindow.moc"
