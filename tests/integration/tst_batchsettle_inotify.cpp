// The settle rule end to end: real writes on a real tree, seen by the real FileWatcher (inotify,
// with its write-close events), batched by a ChangeBatcher whose quiet window (10 s) is longer
// than the test waits: a batch that arrives was closed by the settle rule.
#include "analyze/ChangeBatcher.h"
#include "watch/FileWatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace foxreload;

class TestBatchSettleInotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void saveClosesTheBatch_data();
    void saveClosesTheBatch();
    void fileHeldOpenWaitsForTheQuietWindow();
    void backendWithoutCloseEventsKeepsTheQuietWindow();

private:
    QString path(const QString& relative) const { return m_root + u'/' + relative; }
    bool start(WatchBackendKind kind, std::chrono::milliseconds quiet);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    std::unique_ptr<FileWatcher> m_watcher;
    std::unique_ptr<ChangeBatcher> m_batcher;
};

namespace {

constexpr int kWaitMs = 5000; // well below the quiet window
constexpr auto kLongQuiet = 10s;

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QStringList describe(const ChangeBatch& batch, const QString& root)
{
    QStringList out;
    for (const FileEvent& e : batch.events)
        out.append(fileEventKindName(e.kind) + u' ' + QDir(root).relativeFilePath(e.path));
    return out;
}

} // namespace

void TestBatchSettleInotify::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("write-close events come from inotify (Linux)");
#endif
}

void TestBatchSettleInotify::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = QDir(m_dir->path()).canonicalPath();
    QVERIFY(writeFile(path(u"tool.py"_s), "def weather(): return 'sun'\n"));
}

void TestBatchSettleInotify::cleanup()
{
    m_batcher.reset();
    m_watcher.reset();
    m_dir.reset();
}

bool TestBatchSettleInotify::start(WatchBackendKind kind, std::chrono::milliseconds quiet)
{
    m_watcher = std::make_unique<FileWatcher>();
    m_batcher = std::make_unique<ChangeBatcher>(quiet, 20s);
    m_batcher->setContentHashing(false);
    m_batcher->setSettleTime(5ms);
    m_watcher->setBackend(kind);
    connect(m_watcher.get(), &FileWatcher::changed, m_batcher.get(), &ChangeBatcher::addEvent);
    if (!m_watcher->start({ WatchRoot { m_root, nullptr } }))
        return false;
    m_batcher->setWriteClosesReported(m_watcher->reportsWriteClose()); // as the session does
    return true;
}

void TestBatchSettleInotify::saveClosesTheBatch_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QStringList>("batch");

    QTest::newRow("in place (VS Code)") << u"vscode"_s << QStringList { u"modified tool.py"_s };
    QTest::newRow("vim") << u"vim"_s << QStringList { u"modified tool.py"_s };
    QTest::newRow("JetBrains safe write") << u"jetbrains"_s << QStringList { u"modified tool.py"_s };
    QTest::newRow("emacs first save")
        << u"emacs"_s << QStringList { u"renamed tool.py~"_s, u"created tool.py"_s };
    QTest::newRow("new file renamed into place") << u"rename"_s << QStringList { u"created new.py"_s };
}

void TestBatchSettleInotify::saveClosesTheBatch()
{
    QFETCH(QString, editor);
    QFETCH(QStringList, batch);

    QVERIFY(start(WatchBackendKind::Inotify, kLongQuiet));
    QVERIFY(m_watcher->reportsWriteClose());
    QSignalSpy ready(m_batcher.get(), &ChangeBatcher::batchReady);
    const QString file = path(u"tool.py"_s);
    const QByteArray content = "def weather(): return 'rain'\n";

    // Each sequence as the editor makes it (vim's checked with inotifywait).
    if (editor == u"vscode"_s) {
        QVERIFY(writeFile(file, content));
    } else if (editor == u"vim"_s) {
        QVERIFY(writeFile(path(u"4913"_s), {}));
        QVERIFY(QFile::remove(path(u"4913"_s)));
        QVERIFY(QFile::rename(file, file + u'~'));
        QVERIFY(writeFile(file, content));
        QVERIFY(QFile::remove(file + u'~'));
    } else if (editor == u"jetbrains"_s) {
        QVERIFY(writeFile(file + u"___jb_tmp___"_s, content));
        QVERIFY(QFile::rename(file, file + u"___jb_old___"_s));
        QVERIFY(QFile::rename(file + u"___jb_tmp___"_s, file));
        QVERIFY(QFile::remove(file + u"___jb_old___"_s));
    } else if (editor == u"emacs"_s) {
        QVERIFY(QFile::rename(file, file + u'~'));
        QVERIFY(writeFile(file, content));
    } else if (editor == u"rename"_s) {
        QVERIFY(writeFile(path(u"new.py.tmp"_s), content));
        QVERIFY(QFile::rename(path(u"new.py.tmp"_s), path(u"new.py"_s)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWaitMs);
    const auto closed = ready.at(0).at(0).value<ChangeBatch>();
    QCOMPARE(describe(closed, m_root), batch); // the whole save, nothing left for a second batch
}

void TestBatchSettleInotify::fileHeldOpenWaitsForTheQuietWindow()
{
    const auto quiet = 1500ms;
    QVERIFY(start(WatchBackendKind::Inotify, quiet));
    QSignalSpy ready(m_batcher.get(), &ChangeBatcher::batchReady);
    QFile held(path(u"tool.py"_s));
    QVERIFY(held.open(QIODevice::WriteOnly | QIODevice::Append));
    QVERIFY(held.write("# more\n") > 0);
    QVERIFY(held.flush());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QVERIFY(batch.readyAt - batch.firstEventAt >= quiet);
    held.close(); // the close of a write already reported starts no batch
    QVERIFY(QFile::remove(path(u"tool.py"_s))); // the next event after it: still its own batch
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 10000);
    QCOMPARE(describe(ready.at(1).at(0).value<ChangeBatch>(), m_root), QStringList { u"removed tool.py"_s });
}

void TestBatchSettleInotify::backendWithoutCloseEventsKeepsTheQuietWindow()
{
    QVERIFY(start(WatchBackendKind::QtFileSystemWatcher, 300ms));
    QVERIFY(!m_watcher->reportsWriteClose());
    QCOMPARE(m_batcher->settleWindow(), 0ms);
    QSignalSpy ready(m_batcher.get(), &ChangeBatcher::batchReady);
    QVERIFY(writeFile(path(u"tool.py"_s), "x = 2\n"));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    const auto batch = ready.at(0).at(0).value<ChangeBatch>();
    QVERIFY(batch.readyAt - batch.firstEventAt >= 300ms);
}

QTEST_GUILESS_MAIN(TestBatchSettleInotify)
#include "tst_batchsettle_inotify.moc"
