#include "analyze/ChangeBatcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace foxreload;

class TestChangeBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void editIsReady();
    void identicalRewriteIsSkipped();
    void firstSightCountsAsChange();
    void touchIsSkipped();
    void mixedBatchDropsOnlyTheIdenticalFile();
    void removedFileIsForgotten();
    void tempFileThatCameAndWentIsSkipped();
    void atomicSaveOfAKnownFileIsAModification();
    void atomicSaveWithoutEditsIsSkipped();
    void hashingCanBeTurnedOff();
    void burstBecomesOneBatch();
    void flushEmitsAtOnce();
    void streamCannotPostponeForever();
    void settledSaveComesBeforeTheQuietWindow();
    void symlinkCreatedNeedsNoClose_data();
    void symlinkCreatedNeedsNoClose();
    void settleNeedsCloseEventsAndRestsWhileThrottled();
    void hashCacheBasics();
    void largeFilesAreJudgedBySizeAndTime();

private:
    QString path(const QString& name) const { return m_dir->path() + u'/' + name; }
    static void write(const QString& path, const QByteArray& content);
    static FileEvent event(FileEvent::Kind kind, const QString& path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestChangeBatcher::write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), content.size());
}

FileEvent TestChangeBatcher::event(FileEvent::Kind kind, const QString& path)
{
    FileEvent e;
    e.kind = kind;
    e.path = path;
    return e;
}

void TestChangeBatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestChangeBatcher::editIsReady()
{
    const QString file = path(u"weather.py"_s);
    write(file, "def forecast(): return 'sun'\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(file);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);

    write(file, "def forecast(): return 'rain'\n");
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(batch.events.size(), 1);
    QCOMPARE(batch.events.first().path, file);
    QCOMPARE(batch.events.first().kind, FileEvent::Kind::Modified);
    QCOMPARE(batch.unchangedPaths.size(), 0);
    QVERIFY(batch.readyAt >= batch.firstEventAt);
    QCOMPARE(skipped.count(), 0);
}

void TestChangeBatcher::identicalRewriteIsSkipped()
{
    const QString file = path(u"weather.py"_s);
    write(file, "def forecast(): return 'sun'\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(file);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);

    write(file, "def forecast(): return 'sun'\n"); // a save without edits
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 1, 10000);
    const auto batch = skipped.at(0).at(0).value<ChangeBatch>();
    QVERIFY(batch.events.isEmpty());
    QCOMPARE(batch.unchangedPaths.size(), 1);
    QCOMPARE(batch.rawEventCount, 1);
    QCOMPARE(ready.count(), 0);
}

void TestChangeBatcher::firstSightCountsAsChange()
{
    const QString file = path(u"a.py"_s);
    write(file, "x = 1\n");
    ChangeBatcher batcher(20ms, 1000ms);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);

    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    QCOMPARE(batcher.hashes().size(), 1);

    write(file, "x = 1\n");
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 1, 10000);

    write(file, "x = 2\n");
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 10000);
    QCOMPARE(skipped.count(), 1);
}

void TestChangeBatcher::touchIsSkipped()
{
    const QString file = path(u"a.py"_s);
    write(file, "x = 1\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(file);
    QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);

    QFile handle(file);
    QVERIFY(handle.open(QIODevice::ReadWrite));
    QVERIFY(
        handle.setFileTime(QDateTime::currentDateTimeUtc().addSecs(60), QFileDevice::FileModificationTime));
    handle.close();
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 1, 10000);
}

void TestChangeBatcher::mixedBatchDropsOnlyTheIdenticalFile()
{
    const QString same = path(u"same.py"_s);
    const QString edited = path(u"edited.py"_s);
    write(same, "same\n");
    write(edited, "old\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(same);
    batcher.hashes().prime(edited);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);

    write(same, "same\n");
    write(edited, "new\n");
    batcher.addEvent(event(FileEvent::Kind::Modified, same));
    batcher.addEvent(event(FileEvent::Kind::Modified, edited));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(batch.events.size(), 1);
    QCOMPARE(batch.events.first().path, edited);
    QCOMPARE(batch.unchangedPaths.size(), 1);
    QCOMPARE(batch.rawEventCount, 2);
}

void TestChangeBatcher::removedFileIsForgotten()
{
    const QString file = path(u"a.py"_s);
    write(file, "x = 1\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(file);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);

    QVERIFY(QFile::remove(file));
    batcher.addEvent(event(FileEvent::Kind::Removed, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    QCOMPARE(ready.at(0).at(0).value<ChangeBatch>().events.first().kind, FileEvent::Kind::Removed);
    QVERIFY(!batcher.hashes().contains(file));

    // Coming back with the same bytes is still a change: the server lost it in between.
    write(file, "x = 1\n");
    batcher.addEvent(event(FileEvent::Kind::Created, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 10000);
    QCOMPARE(ready.at(1).at(0).value<ChangeBatch>().events.first().kind, FileEvent::Kind::Created);
}

void TestChangeBatcher::tempFileThatCameAndWentIsSkipped()
{
    const QString temp = path(u".#a.py"_s);
    ChangeBatcher batcher(50ms, 1000ms);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);
    write(temp, "lock\n");
    batcher.addEvent(event(FileEvent::Kind::Created, temp));
    QVERIFY(QFile::remove(temp));
    batcher.addEvent(event(FileEvent::Kind::Removed, temp));
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 1, 10000);
    const auto batch = skipped.at(0).at(0).value<ChangeBatch>();
    QVERIFY(batch.events.isEmpty());
    QCOMPARE(batch.rawEventCount, 2);
    QCOMPARE(ready.count(), 0);
}

void TestChangeBatcher::atomicSaveOfAKnownFileIsAModification()
{
    const QString file = path(u"a.py"_s);
    const QString temp = path(u"a.py.tmp"_s);
    write(file, "x = 1\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(file);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);

    write(temp, "x = 2\n");
    batcher.addEvent(event(FileEvent::Kind::Created, temp));
    QVERIFY(QFile::remove(file));
    QVERIFY(QFile::rename(temp, file));
    FileEvent moved = event(FileEvent::Kind::Renamed, file);
    moved.oldPath = temp;
    batcher.addEvent(moved);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(batch.events.size(), 1);
    QCOMPARE(batch.events.first().path, file);
    QCOMPARE(batch.events.first().kind, FileEvent::Kind::Modified);
}

void TestChangeBatcher::atomicSaveWithoutEditsIsSkipped()
{
    const QString file = path(u"a.py"_s);
    const QString temp = path(u"a.py.tmp"_s);
    write(file, "x = 1\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.hashes().prime(file);
    QSignalSpy skipped(&batcher, &ChangeBatcher::batchSkipped);

    write(temp, "x = 1\n");
    batcher.addEvent(event(FileEvent::Kind::Created, temp));
    QVERIFY(QFile::remove(file));
    QVERIFY(QFile::rename(temp, file));
    FileEvent moved = event(FileEvent::Kind::Renamed, file);
    moved.oldPath = temp;
    batcher.addEvent(moved);
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 1, 10000);
    QCOMPARE(skipped.at(0).at(0).value<ChangeBatch>().unchangedPaths.size(), 1);
}

void TestChangeBatcher::hashingCanBeTurnedOff()
{
    const QString file = path(u"a.py"_s);
    write(file, "x = 1\n");
    ChangeBatcher batcher(20ms, 1000ms);
    batcher.setContentHashing(false);
    batcher.hashes().prime(file);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    write(file, "x = 1\n");
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    QCOMPARE(ready.at(0).at(0).value<ChangeBatch>().unchangedPaths.size(), 0);
}

void TestChangeBatcher::burstBecomesOneBatch()
{
    // A long quiet window: the burst below surely lands within it.
    ChangeBatcher batcher(300ms, 5000ms);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    QStringList files;
    for (int i = 0; i < 20; ++i) {
        files.append(path(u"f%1.py"_s.arg(i)));
        write(files.last(), QByteArray::number(i));
        batcher.addEvent(event(FileEvent::Kind::Created, files.last()));
        batcher.addEvent(event(FileEvent::Kind::Modified, files.last()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(batch.rawEventCount, 40);
    QCOMPARE(batch.events.size(), 20);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(batch.events.at(i).path, files.at(i));
        QCOMPARE(batch.events.at(i).kind, FileEvent::Kind::Created);
    }
}

void TestChangeBatcher::flushEmitsAtOnce()
{
    const QString file = path(u"a.py"_s);
    write(file, "x\n");
    ChangeBatcher batcher(60s, 60s);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    QCOMPARE(ready.count(), 0);
    batcher.flush();
    QCOMPARE(ready.count(), 1); // synchronously
    batcher.flush(); // nothing pending: nothing emitted
    QCOMPARE(ready.count(), 1);
}

void TestChangeBatcher::streamCannotPostponeForever()
{
    // The quiet window (10 s) would never end under this stream; the maximum wait must.
    ChangeBatcher batcher(10s, 200ms);
    batcher.setContentHashing(false);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    int sent = 0;
    QTimer stream;
    stream.setInterval(20);
    connect(&stream, &QTimer::timeout, &batcher,
        [&] { batcher.addEvent(event(FileEvent::Kind::Modified, path(u"f%1"_s.arg(sent++)))); });
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 8000);
    QVERIFY(stream.isActive()); // the batch closed while events kept coming
    stream.stop();
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QVERIFY(batch.rawEventCount >= 1);
    QVERIFY(batch.rawEventCount < sent + 1);
}

void TestChangeBatcher::settledSaveComesBeforeTheQuietWindow()
{
    // With a 10 s quiet window only the settle rule can close this batch within the timeout.
    const QString file = path(u"weather.py"_s);
    ChangeBatcher batcher(10s, 20s);
    batcher.setSettleTime(5ms);
    batcher.setWriteClosesReported(true);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    write(file, "def forecast(): return 'rain'\n");
    batcher.addEvent(event(FileEvent::Kind::Modified, file));
    batcher.addEvent(event(FileEvent::Kind::WriteClosed, file));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(batch.rawEventCount, 1); // the close is no change
    QCOMPARE(batch.events.size(), 1);
    QCOMPARE(batch.events.first().kind, FileEvent::Kind::Modified);
}

void TestChangeBatcher::symlinkCreatedNeedsNoClose()
{
    // An editor's lock file is a symlink: created, never opened for writing, so it is complete
    // at once. A regular file created and not closed (moved in, or still being written) holds
    // the batch until the quiet window ends.
    QFETCH(bool, symlink);
    const QString created = path(u".#weather.py"_s);
    if (symlink)
        QVERIFY(QFile::link(u"dev@host.1234:1700000000"_s, created));
    else
        write(created, "x = 1\n");
    const auto quiet = symlink ? 3000ms : 300ms;
    ChangeBatcher batcher(quiet, 20s);
    batcher.setSettleTime(5ms);
    batcher.setWriteClosesReported(true);
    batcher.setContentHashing(false);
    QSignalSpy ready(&batcher, &ChangeBatcher::batchReady);
    batcher.addEvent(event(FileEvent::Kind::Created, created));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(batch.readyAt - batch.firstEventAt < quiet, symlink);
}

void TestChangeBatcher::symlinkCreatedNeedsNoClose_data()
{
    QTest::addColumn<bool>("symlink");
    QTest::newRow("symlink") << true;
    QTest::newRow("regular file") << false;
}

void TestChangeBatcher::settleNeedsCloseEventsAndRestsWhileThrottled()
{
    ChangeBatcher batcher(50ms, 1000ms);
    QCOMPARE(batcher.settleWindow(), 0ms);
    batcher.setSettleTime(5ms);
    QCOMPARE(batcher.settleWindow(), 0ms); // no close events from the watcher
    batcher.setWriteClosesReported(true);
    QCOMPARE(batcher.settleWindow(), 5ms);
    batcher.setQuietWindow(500ms); // the resource throttle: fewer, larger batches
    QCOMPARE(batcher.settleWindow(), 0ms);
    batcher.setQuietWindow(50ms);
    QCOMPARE(batcher.settleWindow(), 5ms);
    batcher.setSettleTime(80ms); // never longer than the quiet window
    QCOMPARE(batcher.settleWindow(), 50ms);
    batcher.setSettleTime(0ms);
    QCOMPARE(batcher.settleWindow(), 0ms);
    batcher.setSettleTime(5ms);
    batcher.setWriteClosesReported(false);
    QCOMPARE(batcher.settleWindow(), 0ms);
}

void TestChangeBatcher::hashCacheBasics()
{
    const QString file = path(u"a.bin"_s);
    ContentHashCache cache;
    QVERIFY(cache.updateAndCheckChanged(file)); // missing: changed, nothing recorded
    QCOMPARE(cache.size(), 0);
    write(file, QByteArray(200000, 'x'));
    QVERIFY(cache.updateAndCheckChanged(file));
    QVERIFY(!cache.updateAndCheckChanged(file));
    QByteArray changed(200000, 'x');
    changed[199999] = 'y'; // only the last byte differs
    write(file, changed);
    QVERIFY(cache.updateAndCheckChanged(file));
    QVERIFY(cache.contains(file));
    cache.forget(file);
    QVERIFY(!cache.contains(file));
    QVERIFY(cache.updateAndCheckChanged(file));
    QVERIFY(QFile::remove(file));
    QVERIFY(cache.updateAndCheckChanged(file));
    QVERIFY(!cache.contains(file));
}

void TestChangeBatcher::largeFilesAreJudgedBySizeAndTime()
{
    const QString file = path(u"big.bin"_s);
    write(file, QByteArray(65 * 1024 * 1024, 'x'));
    ContentHashCache cache;
    QVERIFY(cache.updateAndCheckChanged(file));
    QVERIFY(!cache.updateAndCheckChanged(file)); // same size, same time
    {
        QFile handle(file);
        QVERIFY(handle.open(QIODevice::ReadWrite));
        QVERIFY(handle.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    }
    QVERIFY(cache.updateAndCheckChanged(file)); // a touch counts for files too large to hash
    QVERIFY(QFile::resize(file, 65 * 1024 * 1024 + 1));
    QVERIFY(cache.updateAndCheckChanged(file));
    QVERIFY(QFile::remove(file));
}

QTEST_GUILESS_MAIN(TestChangeBatcher)
#include "tst_changebatcher.moc"
