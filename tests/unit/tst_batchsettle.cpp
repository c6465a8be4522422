// The settle rule of BatchWindow: a batch closes once every file written in it is complete
// and a short settle time has passed, driven here by an injected clock through the event
// sequences real editors and tools produce.
#include "analyze/ChangeBatcher.h"
#include "common/EventScript.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace foxreload;
using foxreload::test::fileEvent;

class TestBatchSettle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savePatterns_data();
    void savePatterns();
    void gitCheckout_data();
    void gitCheckout();
    void closeEventsAloneStartNoBatch();
    void closeEventsAreNeverInABatch();
    void turningSettleOnMidBatchKeepsOpenFilesOpen();
};

namespace {

constexpr auto kQuiet = 50ms;
constexpr auto kMaxWait = 1000ms;
constexpr auto kSettle = 5ms;
// Steps of a script without an explicit pause follow each other this closely (an editor's
// syscalls, one inotify read).
constexpr auto kStep = std::chrono::microseconds(10);
const Clock::time_point t0 = Clock::time_point(std::chrono::hours(1));

// Plays a script against a window the way ChangeBatcher's timer does (a batch closes at its
// deadline, before any later event), and says for each batch what closed it:
// "settle: m a.py, d b.py" (or quiet, max-wait).
class Player
{
public:
    explicit Player(BatchWindow& window)
        : m_window(window)
    { }

    // Steps in EventScript.h's notation, and "+N": wait N ms (fractions allowed).
    void play(const QStringList& script)
    {
        for (const QString& step : script) {
            if (step.startsWith(u'+')) {
                m_now += std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double, std::milli>(step.mid(1).toDouble()));
                continue;
            }
            send(test::parseEvent(step));
            m_now += kStep;
        }
    }

    void send(const FileEvent& e)
    {
        closeDue(m_now);
        if (m_window.isEmpty())
            m_firstAt = m_now;
        m_lastAt = m_now; // any kind, a write-close too
        m_window.add(e, m_now);
    }

    void advance(Clock::duration by) { m_now += by; }

    // Closes what is due by `until` (the end of time when not given).
    void closeDue(std::optional<Clock::time_point> until = std::nullopt)
    {
        while (const std::optional<Clock::time_point> due = m_window.deadline()) {
            if (until && *due > *until)
                return;
            const QString reason = *due == m_lastAt + m_window.settle() && *due < m_lastAt + kQuiet
                ? u"settle"_s
                : *due == m_firstAt + kMaxWait && *due < m_lastAt + kQuiet ? u"max-wait"_s
                                                                           : u"quiet"_s;
            std::optional<ChangeBatch> batch = m_window.takeIfDue(*due);
            QVERIFY(batch);
            QStringList events;
            for (const FileEvent& e : std::as_const(batch->events))
                events.append(test::describeEvent(e));
            m_closed.append(reason + u": "_s + events.join(u", "_s));
            m_batches.append(*batch);
        }
    }

    QStringList closed() const { return m_closed; }
    QList<ChangeBatch> batches() const { return m_batches; }

private:
    BatchWindow& m_window;
    Clock::time_point m_now = t0;
    Clock::time_point m_firstAt = t0;
    Clock::time_point m_lastAt = t0;
    QStringList m_closed;
    QList<ChangeBatch> m_batches;
};

// Symlinks (emacs' lock files .#name) are never closed; so the tests' probe says for ".#" names.
bool mayBeWritten(const QString& path)
{
    return !path.section(u'/', -1).startsWith(u".#"_s);
}

} // namespace

void TestBatchSettle::savePatterns_data()
{
    QTest::addColumn<bool>("writeCloses"); // false: a backend without close events
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QStringList>("closed");

    // vim 9 (backupcopy=auto), as inotifywait saw it: a probe file 4913 to learn whether it may
    // rename, the original renamed to the backup, the new file written and closed, the backup removed.
    const QStringList vim { u"c 4913"_s, u"w 4913"_s, u"d 4913"_s, u"r tool.py>tool.py~"_s, u"c tool.py"_s,
        u"m tool.py"_s, u"m tool.py"_s, u"w tool.py"_s, u"d tool.py~"_s };
    QTest::newRow("vim") << true << vim << QStringList { u"settle: m tool.py"_s };
    QTest::newRow("vim, no close events") << false << vim << QStringList { u"quiet: m tool.py"_s };
    // vim saving over a file it cannot rename (or with backupcopy=yes): in place, with O_TRUNC.
    QTest::newRow("vim in place") << true << QStringList { u"m tool.py"_s, u"m tool.py"_s, u"w tool.py"_s }
                                  << QStringList { u"settle: m tool.py"_s };
    // fsync between the write and the close: the file is still open, so the batch waits.
    QTest::newRow("vim with a slow fsync") << true
                                           << QStringList { u"r tool.py>tool.py~"_s, u"c tool.py"_s,
                                                  u"m tool.py"_s, u"+20"_s, u"w tool.py"_s, u"d tool.py~"_s }
                                           << QStringList { u"settle: m tool.py"_s };

    // VS Code (node's writeFile): open with O_TRUNC (a modify), write, close.
    QTest::newRow("vscode") << true << QStringList { u"m src/app.ts"_s, u"m src/app.ts"_s, u"w src/app.ts"_s }
                            << QStringList { u"settle: m src/app.ts"_s };
    QTest::newRow("vscode, save all of three")
        << true
        << QStringList { u"m a.ts"_s, u"m a.ts"_s, u"w a.ts"_s, u"+0.3"_s, u"m b.ts"_s, u"w b.ts"_s,
               u"+0.3"_s, u"m c.ts"_s, u"w c.ts"_s }
        << QStringList { u"settle: m a.ts, m b.ts, m c.ts"_s };

    // JetBrains' safe write: a temporary file written and closed, the original renamed away,
    // the temporary renamed into place, the old one removed.
    QTest::newRow("jetbrains") << true
                               << QStringList { u"c a.py___jb_tmp___"_s, u"m a.py___jb_tmp___"_s,
                                      u"w a.py___jb_tmp___"_s, u"r a.py>a.py___jb_old___"_s,
                                      u"r a.py___jb_tmp___>a.py"_s, u"d a.py___jb_old___"_s }
                               << QStringList { u"settle: m a.py"_s };

    // emacs: the original renamed to the backup on the first save, the file written and closed,
    // the lock (a symlink .#a.py, made when the buffer was first modified) removed.
    QTest::newRow("emacs first save")
        << true << QStringList { u"r a.py>a.py~"_s, u"c a.py"_s, u"m a.py"_s, u"w a.py"_s, u"d .#a.py"_s }
        << QStringList { u"settle: r a.py>a.py~, c a.py, d .#a.py"_s };
    QTest::newRow("emacs later save")
        << true << QStringList { u"m a.py"_s, u"m a.py"_s, u"w a.py"_s, u"d .#a.py"_s }
        << QStringList { u"settle: m a.py, d .#a.py"_s };
    // The lock appears when the buffer is first modified: a symlink, never closed.
    QTest::newRow("emacs lock") << true << QStringList { u"c .#a.py"_s }
                                << QStringList { u"settle: c .#a.py"_s };

    // A writer that keeps its file open (a log, a slow generator): the quiet window decides.
    QTest::newRow("held open") << true << QStringList { u"m gen.py"_s, u"+20"_s, u"m gen.py"_s, u"+20"_s }
                               << QStringList { u"quiet: m gen.py"_s };
    QTest::newRow("held open, closed later")
        << true << QStringList { u"m gen.py"_s, u"+30"_s, u"m gen.py"_s, u"w gen.py"_s }
        << QStringList { u"settle: m gen.py"_s };
    QTest::newRow("held open past the quiet window")
        << true << QStringList { u"m gen.py"_s, u"+80"_s, u"m gen.py"_s, u"w gen.py"_s }
        << QStringList { u"quiet: m gen.py"_s, u"settle: m gen.py"_s };
    QTest::newRow("held open forever") << true
                                       << QStringList { u"m log.py"_s, u"+30"_s, u"m log.py"_s, u"+30"_s,
                                              u"m log.py"_s, u"+30"_s, u"m log.py"_s, u"+30"_s }
                                       << QStringList { u"quiet: m log.py"_s };
    // One file closed, another still open: the open one holds the batch.
    QTest::newRow("one of two still open") << true << QStringList { u"m a.py"_s, u"w a.py"_s, u"m b.py"_s }
                                           << QStringList { u"quiet: m a.py, m b.py"_s };

    // Written, closed, then renamed into place; or renamed while still open (complete either way).
    QTest::newRow("closed then renamed")
        << true << QStringList { u"c x.tmp"_s, u"m x.tmp"_s, u"w x.tmp"_s, u"r x.tmp>x.py"_s }
        << QStringList { u"settle: c x.py"_s };
    QTest::newRow("renamed while open")
        << true << QStringList { u"c x.tmp"_s, u"m x.tmp"_s, u"r x.tmp>x.py"_s }
        << QStringList { u"settle: c x.py"_s };
    QTest::newRow("removed while open")
        << true << QStringList { u"c x.tmp"_s, u"m x.tmp"_s, u"d x.tmp"_s } << QStringList { u"settle: "_s };
    QTest::newRow("directory removed with an open file in it")
        << true << QStringList { u"C out"_s, u"c out/a.py"_s, u"m out/a.py"_s, u"D out"_s }
        << QStringList { u"settle: c out/a.py"_s }; // the coalescer leaves children to later stages
    QTest::newRow("directory created")
        << true << QStringList { u"C pkg"_s } << QStringList { u"settle: c pkg"_s };

    // A created file the probe takes for a regular one, without a close (moved in from outside the
    // tree, a hard link): it may still be written, so the quiet window decides.
    QTest::newRow("created, never closed")
        << true << QStringList { u"c moved.py"_s } << QStringList { u"quiet: c moved.py"_s };

    // Settle is measured from the last event of any kind: close events keep a batch open.
    QTest::newRow("closes keep it open")
        << true << QStringList { u"m a.py"_s, u"w a.py"_s, u"+4"_s, u"w b.py"_s, u"+4"_s, u"w c.py"_s }
        << QStringList { u"settle: m a.py"_s };
    // A second save soon after a batch the settle rule closed is a stream: it waits for the quiet window.
    QTest::newRow("save right after a settled batch")
        << true
        << QStringList { u"m a.py"_s, u"w a.py"_s, u"+20"_s, u"m a.py"_s, u"w a.py"_s, u"+100"_s, u"m a.py"_s,
               u"w a.py"_s }
        << QStringList { u"settle: m a.py"_s, u"quiet: m a.py"_s, u"settle: m a.py"_s };
}

void TestBatchSettle::savePatterns()
{
    QFETCH(bool, writeCloses);
    QFETCH(QStringList, script);
    QFETCH(QStringList, closed);

    BatchWindow window(kQuiet, kMaxWait, writeCloses ? kSettle : 0ms);
    window.setCreatedFileProbe(mayBeWritten);
    if (!writeCloses)
        script.removeIf([](const QString& step) { return step.startsWith(u'w'); });
    Player player(window);
    player.play(script);
    player.closeDue();
    QCOMPARE(player.closed(), closed);
}

void TestBatchSettle::gitCheckout_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("gapMicros"); // between two events
    QTest::addColumn<QList<int>>("stallsAfter"); // the writer stalls after so many files
    QTest::addColumn<int>("stallMs");
    QTest::addColumn<int>("batchCount");

    QList<int> every500;
    for (int files = 500; files < 10000; files += 500)
        every500.append(files);

    QTest::newRow("10,000 files, µs apart") << 10000 << 3 << QList<int> {} << 0 << 1;
    // git is descheduled now and then on a busy machine: a stall shorter than the quiet window
    // never splits a stream once it has written kStreamFiles files.
    QTest::newRow("10,000 files, 8 ms stalls") << 10000 << 3 << every500 << 8 << 1;
    // A stall right at the start can split off what was written so far; the rest follows
    // within the quiet window, so it waits for the quiet window.
    QTest::newRow("10,000 files, a stall after 10") << 10000 << 3 << QList<int> { 10 } << 8 << 2;
    QTest::newRow("10,000 files, stalls after 10 and 5000")
        << 10000 << 3 << QList<int> { 10, 5000 } << 30 << 2;
    QTest::newRow("10,000 files, a stall after 63") << 10000 << 3 << QList<int> { 63 } << 30 << 2;
    QTest::newRow("10,000 files, a stall after 64") << 10000 << 3 << QList<int> { 64 } << 30 << 1;
    // A checkout slower than the maximum wait (1.6 s) is cut by it, as it was before settling.
    QTest::newRow("10,000 files, 40 µs apart") << 10000 << 40 << QList<int> {} << 0 << 2;
}

void TestBatchSettle::gitCheckout()
{
    QFETCH(int, files);
    QFETCH(int, gapMicros);
    QFETCH(QList<int>, stallsAfter);
    QFETCH(int, stallMs);
    QFETCH(int, batchCount);

    // What git does per file of a checkout: unlink the old one, create, write, close.
    BatchWindow window(kQuiet, kMaxWait, kSettle);
    Player player(window);
    QSet<QString> expected;
    const auto gap = std::chrono::microseconds(gapMicros);
    for (int i = 0; i < files; ++i) {
        const QString name
            = u"data/d%1/f%2.py"_s.arg(i / 100, 3, 10, QChar(u'0')).arg(i % 100, 2, 10, QChar(u'0'));
        expected.insert(u"/p/"_s + name);
        for (const FileEvent::Kind kind : { FileEvent::Kind::Removed, FileEvent::Kind::Created,
                 FileEvent::Kind::Modified, FileEvent::Kind::WriteClosed }) {
            player.send(fileEvent(kind, name));
            player.advance(gap);
        }
        if (stallsAfter.contains(i + 1))
            player.advance(std::chrono::milliseconds(stallMs));
    }
    player.closeDue();

    const QList<ChangeBatch> batches = player.batches();
    QStringList reasons;
    for (const QString& closed : player.closed())
        reasons.append(closed.section(u':', 0, 0));
    QVERIFY2(batches.size() == batchCount, qPrintable(reasons.join(u", "_s)));
    QSet<QString> seen;
    for (const ChangeBatch& batch : batches) {
        for (const FileEvent& e : batch.events) {
            QCOMPARE(e.kind, FileEvent::Kind::Modified); // removed + created: replaced
            seen.insert(e.path);
        }
    }
    QCOMPARE(seen.size(), expected.size()); // none missed, none twice
    QCOMPARE(seen, expected);
}

void TestBatchSettle::closeEventsAloneStartNoBatch()
{
    // The close of a file whose write an earlier batch reported (a writer held it open past the
    // quiet window) is no change.
    BatchWindow window(kQuiet, kMaxWait, kSettle);
    window.add(fileEvent(FileEvent::Kind::WriteClosed, u"a.py"_s), t0);
    QVERIFY(window.isEmpty());
    QVERIFY(!window.deadline());
    QVERIFY(!window.take(t0 + 1s));
}

void TestBatchSettle::closeEventsAreNeverInABatch()
{
    BatchWindow window(kQuiet, kMaxWait, kSettle);
    window.add(fileEvent(FileEvent::Kind::Modified, u"a.py"_s), t0);
    window.add(fileEvent(FileEvent::Kind::WriteClosed, u"a.py"_s), t0 + 1ms);
    window.add(fileEvent(FileEvent::Kind::WriteClosed, u"b.py"_s), t0 + 2ms);
    QVERIFY(window.deadline() == t0 + 2ms + kSettle);
    const std::optional<ChangeBatch> batch = window.takeIfDue(t0 + 2ms + kSettle);
    QVERIFY(batch);
    QCOMPARE(batch->rawEventCount, 1);
    QCOMPARE(batch->events.size(), 1);
    QCOMPARE(batch->events.first().kind, FileEvent::Kind::Modified);
}

void TestBatchSettle::turningSettleOnMidBatchKeepsOpenFilesOpen()
{
    BatchWindow window(kQuiet, kMaxWait, 0ms);
    window.add(fileEvent(FileEvent::Kind::Modified, u"a.py"_s), t0);
    QVERIFY(window.deadline() == t0 + kQuiet);
    window.setSettle(kSettle);
    QVERIFY(window.deadline() == t0 + kQuiet); // a.py is still open
    window.add(fileEvent(FileEvent::Kind::WriteClosed, u"a.py"_s), t0 + 1ms);
    QVERIFY(window.deadline() == t0 + 1ms + kSettle);
    window.setSettle(0ms);
    QVERIFY(window.deadline() == t0 + 1ms + kQuiet);
}

QTEST_GUILESS_MAIN(TestBatchSettle)
#include "tst_batchsettle.moc"
