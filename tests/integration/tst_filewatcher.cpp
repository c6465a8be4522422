// The watch stage on real temporary trees, for every backend available here.
#include "common/WatchBackendRows.h"
#include "match/PathFilter.h"
#include "watch/FileWatcher.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::WatchBackendKind)

namespace {

constexpr int kTimeoutMs = 15000;
constexpr int kPollIntervalMs = 40;

bool writeFile(
    const QString& path, const QByteArray& contents, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile file(path);
    return file.open(mode) && file.write(contents) == contents.size();
}

// Files that exist before the watcher starts get an old mtime, so that a polling
// diff never mistakes "written in the same clock tick as the setup" for "unchanged".
void age(const QString& path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime);
}

QString kindName(FileEvent::Kind kind)
{
    return fileEventKindName(kind);
}

class Fixture
{
public:
    explicit Fixture(WatchBackendKind kind)
    {
        m_root = QDir(m_dir.path()).canonicalPath();
        watcher.setBackend(kind);
        watcher.setPollInterval(kPollIntervalMs);
        QObject::connect(&watcher, &FileWatcher::changed, &watcher, [this](const FileEvent& event) {
            sequence.append(event);
            if (event.kind != FileEvent::Kind::WriteClosed) // a timing hint, asserted on its own
                events.append(event);
        });
        QObject::connect(&watcher, &FileWatcher::warning, &watcher,
            [this](const QString& message) { warnings.append(message); });
    }

    QString path(const QString& relative) const { return m_root + u'/' + relative; }
    QString root() const { return m_root; }

    bool make(const QString& relative, const QByteArray& contents = "x\n"_ba)
    {
        const QString full = path(relative);
        QDir().mkpath(QFileInfo(full).absolutePath());
        const bool ok = writeFile(full, contents);
        age(full);
        return ok;
    }

    bool start(const QStringList& excludes = {}, const QStringList& relativeRoots = {})
    {
        PathFilterPtr filter;
        if (!excludes.isEmpty())
            filter = std::make_shared<PathFilter>(m_root, excludes, false);
        QList<WatchRoot> roots;
        if (relativeRoots.isEmpty())
            roots.append(WatchRoot { m_root, filter });
        for (const auto& relative : relativeRoots)
            roots.append(WatchRoot { path(relative), filter });
        return watcher.start(roots);
    }

    int count(FileEvent::Kind kind, const QString& relative) const
    {
        const QString full = path(relative);
        int n = 0;
        for (const auto& event : events)
            n += event.kind == kind && event.path == full;
        return n;
    }
    bool has(FileEvent::Kind kind, const QString& relative) const { return count(kind, relative) > 0; }
    bool hasRenamed(const QString& from, const QString& to) const
    {
        for (const auto& event : events) {
            if (event.kind == FileEvent::Kind::Renamed && event.oldPath == path(from)
                && event.path == path(to))
                return true;
        }
        return false;
    }
    // Every event about this path (as path or as old path), "kind" each.
    QStringList about(const QString& relative) const
    {
        const QString full = path(relative);
        QStringList kinds;
        for (const auto& event : events) {
            if (event.path == full || event.oldPath == full)
                kinds.append(kindName(event.kind));
        }
        return kinds;
    }
    // Where in `sequence` the last event of this kind about this path is; -1 when there is none.
    qsizetype lastIndex(FileEvent::Kind kind, const QString& relative) const
    {
        const QString full = path(relative);
        for (qsizetype i = sequence.size() - 1; i >= 0; --i) {
            if (sequence.at(i).kind == kind && sequence.at(i).path == full)
                return i;
        }
        return -1;
    }
    QString dump() const
    {
        QStringList lines;
        for (const auto& event : sequence)
            lines.append(kindName(event.kind) + u' '
                + (event.oldPath.isEmpty() ? QString() : event.oldPath + u" -> "_s) + event.path);
        return lines.join(u'\n');
    }

    // Makes one more change and waits for it: everything before it has been
    // reported by then (in order for inotify; in the same or an earlier look for
    // the snapshot backends).
    bool settle()
    {
        const QString name = u"sentinel-%1"_s.arg(++m_sentinels);
        if (!writeFile(path(name), "s"_ba))
            return false;
        return QTest::qWaitFor([&] { return has(FileEvent::Kind::Created, name); }, kTimeoutMs);
    }

    QTemporaryDir m_dir;
    FileWatcher watcher;
    QList<FileEvent> events; // every change, without the write-closed hints
    QList<FileEvent> sequence; // everything, in order
    QStringList warnings;

private:
    QString m_root;
    int m_sentinels = 0;
};

} // namespace

class TestFileWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createFile_data() { test::addWatchBackendRows(); }
    void createFile();
    void modifyInPlace_data() { test::addWatchBackendRows(); }
    void modifyInPlace();
    void append_data() { test::addWatchBackendRows(); }
    void append();
    void truncate_data() { test::addWatchBackendRows(); }
    void truncate();
    void deleteFile_data() { test::addWatchBackendRows(); }
    void deleteFile();
    void renameFile_data() { test::addWatchBackendRows(); }
    void renameFile();
    void atomicSave_data() { test::addWatchBackendRows(); }
    void atomicSave();
    void atomicSaveWhileOldInodeHeldOpen_data() { test::addWatchBackendRows(); }
    void atomicSaveWhileOldInodeHeldOpen();
    void newDirectoryWithFiles_data() { test::addWatchBackendRows(); }
    void newDirectoryWithFiles();
    void renameDirectory_data() { test::addWatchBackendRows(); }
    void renameDirectory();
    void removeDirectoryTree_data() { test::addWatchBackendRows(); }
    void removeDirectoryTree();
    void excludedDirectoryIsNeitherWalkedNorReported_data() { test::addWatchBackendRows(); }
    void excludedDirectoryIsNeitherWalkedNorReported();
    void fileRootReportsOnlyThatFile_data() { test::addWatchBackendRows(); }
    void fileRootReportsOnlyThatFile();
    void manyFilesAtOnce_data() { test::addWatchBackendRows(); }
    void manyFilesAtOnce();
    void missingRootIsNamed_data() { test::addWatchBackendRows(); }
    void missingRootIsNamed();
    void statsCountTheTree_data() { test::addWatchBackendRows(); }
    void statsCountTheTree();

    void writerHoldingTheFileOpen();
    void writeCloseFollowsTheLastWrite_data();
    void writeCloseFollowsTheLastWrite();
    void writeCloseOnlyForFiles_data() { test::addWatchBackendRows(); }
    void writeCloseOnlyForFiles();
    void overflowRescanReportsWhatChanged();
    void realQueueOverflowIsCaughtUp();
    void watchLimitFallsBackToPolling();
    void backendNames();
};

void TestFileWatcher::createFile()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"existing.txt"_s));
    QVERIFY(f.start());

    QVERIFY(writeFile(f.path(u"new.txt"_s), "hello\n"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"new.txt"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.about(u"new.txt"_s), QStringList { u"created"_s });
    QVERIFY2(f.about(u"existing.txt"_s).isEmpty(), qPrintable(f.dump()));
}

void TestFileWatcher::modifyInPlace()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"src/file.py"_s, "value = 1\n"_ba));
    QVERIFY(f.start());

    QFile file(f.path(u"src/file.py"_s));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(8));
    QCOMPARE(file.write("2"), 1);
    file.close();
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"src/file.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.about(u"src/file.py"_s), QStringList { u"modified"_s });
}

void TestFileWatcher::append()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"log.txt"_s, "one\n"_ba));
    QVERIFY(f.start());

    QVERIFY(writeFile(f.path(u"log.txt"_s), "two\n"_ba, QIODevice::Append));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"log.txt"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.about(u"log.txt"_s), QStringList { u"modified"_s });

    // And again: one save, one event, every time.
    QVERIFY(writeFile(f.path(u"log.txt"_s), "three\n"_ba, QIODevice::Append));
    QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, u"log.txt"_s), 2, kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.count(FileEvent::Kind::Modified, u"log.txt"_s), 2);
}

void TestFileWatcher::truncate()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"data.json"_s, "{\"a\": 1}\n"_ba));
    QVERIFY(f.start());

    QVERIFY(QFile::resize(f.path(u"data.json"_s), 0));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"data.json"_s), kTimeoutMs);
    QVERIFY(f.settle());
    // truncate(2) is a write without an open/close pair: inotify reports it after
    // its quiet window, the others on their next look. Exactly once either way.
    QCOMPARE(f.about(u"data.json"_s), QStringList { u"modified"_s });
}

void TestFileWatcher::deleteFile()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"gone.py"_s));
    QVERIFY(f.make(u"stays.py"_s));
    QVERIFY(f.start());

    QVERIFY(QFile::remove(f.path(u"gone.py"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Removed, u"gone.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.about(u"gone.py"_s), QStringList { u"removed"_s });
    QVERIFY(f.about(u"stays.py"_s).isEmpty());
}

void TestFileWatcher::renameFile()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"tools/old_name.py"_s));
    QVERIFY(f.start());

    QVERIFY(QFile::rename(f.path(u"tools/old_name.py"_s), f.path(u"tools/new_name.py"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f.hasRenamed(u"tools/old_name.py"_s, u"tools/new_name.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.about(u"tools/new_name.py"_s), QStringList { u"renamed"_s });

    // Into another directory: still one "renamed" for inotify; the snapshot
    // backends see a removal and a creation in two directories.
    QVERIFY(QDir().mkpath(f.path(u"other"_s)));
    QVERIFY(QFile::rename(f.path(u"tools/new_name.py"_s), f.path(u"other/moved.py"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f.hasRenamed(u"tools/new_name.py"_s, u"other/moved.py"_s)
            || (f.has(FileEvent::Kind::Removed, u"tools/new_name.py"_s)
                && f.has(FileEvent::Kind::Created, u"other/moved.py"_s)),
        kTimeoutMs);
}

void TestFileWatcher::atomicSave()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"main.py"_s, "print(1)\n"_ba));
    QVERIFY(f.start());

    // What vim, VS Code and QSaveFile do: write a temporary, rename it over the target.
    QVERIFY(writeFile(f.path(u".main.py.swx"_s), "print(2)\n"_ba));
    QCOMPARE(std::rename(qPrintable(f.path(u".main.py.swx"_s)), qPrintable(f.path(u"main.py"_s))), 0);
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"main.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QVERIFY2(f.about(u"main.py"_s) == QStringList { u"modified"_s }, qPrintable(f.dump()));

    // The replaced file is still watched: a later in-place edit is seen too.
    QVERIFY(writeFile(f.path(u"main.py"_s), "print(3)\n"_ba, QIODevice::Append));
    QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, u"main.py"_s), 2, kTimeoutMs);
}

void TestFileWatcher::atomicSaveWhileOldInodeHeldOpen()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"server.py"_s, "old\n"_ba));
    QVERIFY(f.start());

    QFile held(f.path(u"server.py"_s));
    QVERIFY(held.open(QIODevice::ReadOnly)); // e.g. the running server has it open
    QVERIFY(writeFile(f.path(u"server.py.tmp"_s), "new contents\n"_ba));
    QCOMPARE(std::rename(qPrintable(f.path(u"server.py.tmp"_s)), qPrintable(f.path(u"server.py"_s))), 0);
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"server.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.count(FileEvent::Kind::Modified, u"server.py"_s), 1);

    QVERIFY(writeFile(f.path(u"server.py"_s), "more\n"_ba, QIODevice::Append));
    QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, u"server.py"_s), 2, kTimeoutMs);
    held.close();
    QVERIFY(f.settle());
    QVERIFY2(!f.has(FileEvent::Kind::Removed, u"server.py"_s), qPrintable(f.dump()));
}

void TestFileWatcher::newDirectoryWithFiles()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"README"_s));
    QVERIFY(f.start());

    // Created together, faster than any watcher can arm the new directories.
    QVERIFY(QDir().mkpath(f.path(u"tools/weather/impl"_s)));
    QVERIFY(writeFile(f.path(u"tools/weather/__init__.py"_s), "a"_ba));
    QVERIFY(writeFile(f.path(u"tools/weather/impl/core.py"_s), "b"_ba));
    QVERIFY(writeFile(f.path(u"tools/top.py"_s), "c"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"tools/weather/__init__.py"_s)
            && f.has(FileEvent::Kind::Created, u"tools/weather/impl/core.py"_s)
            && f.has(FileEvent::Kind::Created, u"tools/top.py"_s),
        kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.count(FileEvent::Kind::Created, u"tools/weather/impl/core.py"_s), 1);

    // The new directories are armed: a change deep inside is seen.
    QVERIFY(writeFile(f.path(u"tools/weather/impl/core.py"_s), "changed"_ba, QIODevice::Append));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"tools/weather/impl/core.py"_s), kTimeoutMs);
    QVERIFY(writeFile(f.path(u"tools/weather/impl/later.py"_s), "d"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"tools/weather/impl/later.py"_s), kTimeoutMs);
}

void TestFileWatcher::renameDirectory()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"tools/a.py"_s));
    QVERIFY(f.make(u"tools/deep/b.py"_s));
    QVERIFY(f.start());

    QVERIFY(QDir().rename(f.path(u"tools"_s), f.path(u"plugins"_s)));
    // inotify pairs the move; the snapshot backends see the old tree go and a new one come.
    QTRY_VERIFY_WITH_TIMEOUT(f.hasRenamed(u"tools/deep/b.py"_s, u"plugins/deep/b.py"_s)
            || (f.has(FileEvent::Kind::Removed, u"tools/deep/b.py"_s)
                && f.has(FileEvent::Kind::Created, u"plugins/deep/b.py"_s)),
        kTimeoutMs);

    // Still watched, under the new name.
    QVERIFY(writeFile(f.path(u"plugins/deep/b.py"_s), "more"_ba, QIODevice::Append));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"plugins/deep/b.py"_s), kTimeoutMs);
    QVERIFY(writeFile(f.path(u"plugins/deep/c.py"_s), "c"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"plugins/deep/c.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    for (const auto& event : std::as_const(f.events)) {
        QVERIFY2(event.kind == FileEvent::Kind::Renamed || event.kind == FileEvent::Kind::Removed
                || !event.path.startsWith(f.path(u"tools"_s)),
            qPrintable(f.dump()));
    }
}

void TestFileWatcher::removeDirectoryTree()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"pkg/a.py"_s));
    QVERIFY(f.make(u"pkg/sub/b.py"_s));
    QVERIFY(f.start());

    QVERIFY(QDir(f.path(u"pkg"_s)).removeRecursively());
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Removed, u"pkg/a.py"_s)
            && f.has(FileEvent::Kind::Removed, u"pkg/sub/b.py"_s)
            && f.has(FileEvent::Kind::Removed, u"pkg"_s),
        kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.count(FileEvent::Kind::Removed, u"pkg/sub/b.py"_s), 1);

    // The same name again is a new directory, watched again.
    QVERIFY(f.make(u"pkg/sub/c.py"_s));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"pkg/sub/c.py"_s), kTimeoutMs);
}

void TestFileWatcher::excludedDirectoryIsNeitherWalkedNorReported()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"app.py"_s));
    QVERIFY(f.make(u"node_modules/left-pad/index.js"_s));
    QVERIFY(f.make(u"node_modules/left-pad/lib/deep.js"_s));
    QVERIFY(f.make(u"tools/__pycache__/weather.cpython-311.pyc"_s));
    QVERIFY(f.make(u"tools/weather.py"_s));
    QVERIFY(f.start({ u"node_modules/"_s, u"**/__pycache__/**"_s, u"**/*.log"_s }));

    const WatchStats stats = f.watcher.stats();
    QCOMPARE(stats.prunedTrees, 2); // node_modules and tools/__pycache__, never entered
    QCOMPARE(stats.files, 2); // app.py, tools/weather.py
    QCOMPARE(stats.directories, 2); // the root and tools

    QVERIFY(writeFile(f.path(u"node_modules/left-pad/index.js"_s), "changed"_ba, QIODevice::Append));
    QVERIFY(writeFile(f.path(u"node_modules/left-pad/new.js"_s), "new"_ba));
    QVERIFY(writeFile(f.path(u"tools/__pycache__/other.pyc"_s), "pyc"_ba));
    QVERIFY(writeFile(f.path(u"debug.log"_s), "log"_ba));
    QVERIFY(QDir().mkpath(f.path(u"tools/sub/__pycache__"_s)));
    QVERIFY(writeFile(f.path(u"tools/sub/__pycache__/x.pyc"_s), "pyc"_ba));
    QVERIFY(writeFile(f.path(u"tools/sub/ok.py"_s), "ok"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"tools/sub/ok.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    for (const auto& event : std::as_const(f.events)) {
        QVERIFY2(!event.path.contains(u"node_modules"_s) && !event.path.contains(u"__pycache__"_s)
                && !event.path.endsWith(u".log"_s),
            qPrintable(u"reported an excluded path: "_s + event.path));
    }
}

void TestFileWatcher::fileRootReportsOnlyThatFile()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"main.py"_s, "one\n"_ba));
    QVERIFY(f.make(u"setup.py"_s));
    QVERIFY(f.make(u"tools/a.py"_s));
    QVERIFY(f.start({}, { u"main.py"_s, u"tools"_s }));
    QCOMPARE(f.watcher.stats().files, 2);

    QVERIFY(writeFile(f.path(u"setup.py"_s), "ignored"_ba, QIODevice::Append));
    QVERIFY(writeFile(f.path(u"unrelated.txt"_s), "ignored"_ba));
    QVERIFY(writeFile(f.path(u"main.py.tmp"_s), "two\n"_ba));
    QCOMPARE(std::rename(qPrintable(f.path(u"main.py.tmp"_s)), qPrintable(f.path(u"main.py"_s))), 0);
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"main.py"_s), kTimeoutMs);
    QVERIFY(writeFile(f.path(u"main.py"_s), "three\n"_ba, QIODevice::Append));
    QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, u"main.py"_s), 2, kTimeoutMs);

    QVERIFY(writeFile(f.path(u"tools/b.py"_s), "b"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"tools/b.py"_s), kTimeoutMs);
    for (const auto& event : std::as_const(f.events)) {
        QVERIFY2(event.path == f.path(u"main.py"_s) || event.path.startsWith(f.path(u"tools/"_s)),
            qPrintable(f.dump()));
    }
}

void TestFileWatcher::manyFilesAtOnce()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"burst/.keep"_s));
    QVERIFY(f.make(u"quiet.txt"_s));
    QVERIFY(f.start());

    constexpr int kFiles = 5000;
    QSet<QString> expected;
    for (int i = 0; i < kFiles; ++i) {
        // Half in the existing directory, half in 50 new ones (a `git checkout`).
        const QString relative
            = i % 2 ? u"burst/file-%1.py"_s.arg(i) : u"fresh/d%1/file-%2.py"_s.arg(i % 50).arg(i);
        if (i < 100)
            QDir().mkpath(QFileInfo(f.path(relative)).absolutePath());
        QVERIFY(writeFile(f.path(relative), QByteArray::number(i)));
        expected.insert(f.path(relative));
    }
    const auto createdFiles = [&] {
        QSet<QString> created;
        for (const auto& event : std::as_const(f.events)) {
            if (event.kind == FileEvent::Kind::Created && !event.isDirectory
                && !event.path.contains(u"sentinel"_s))
                created.insert(event.path);
        }
        return created;
    };
    QTRY_COMPARE_WITH_TIMEOUT(createdFiles().size(), kFiles, 60000);
    QVERIFY(f.settle());
    const QSet<QString> created = createdFiles();
    QVERIFY2(created == expected,
        qPrintable(u"missing %1, unexpected %2"_s.arg(QStringList((expected - created).values()).join(u' '),
            QStringList((created - expected).values()).join(u' '))));
    int fileEvents = 0;
    for (const auto& event : std::as_const(f.events)) {
        if (event.isDirectory || event.path.contains(u"sentinel"_s))
            continue;
        ++fileEvents;
        QVERIFY2(
            event.kind == FileEvent::Kind::Created, qPrintable(kindName(event.kind) + u' ' + event.path));
    }
    QCOMPARE(fileEvents, kFiles); // each exactly once, nothing else
}

void TestFileWatcher::missingRootIsNamed()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"here/a.txt"_s));
    QVERIFY(f.start({}, { u"here"_s, u"not-here"_s }));
    QCOMPARE(f.warnings.size(), 1);
    QVERIFY2(f.warnings.first().contains(f.path(u"not-here"_s)), qPrintable(f.warnings.first()));
    QVERIFY(writeFile(f.path(u"here/b.txt"_s), "b"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"here/b.txt"_s), kTimeoutMs);

    Fixture nothing(backend);
    QVERIFY(!nothing.start({}, { u"nowhere"_s }));
    QVERIFY(!nothing.warnings.isEmpty());
}

void TestFileWatcher::statsCountTheTree()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    for (int d = 0; d < 10; ++d) {
        for (int i = 0; i < 10; ++i)
            QVERIFY(f.make(u"d%1/e/f%2.txt"_s.arg(d).arg(i)));
    }
    QVERIFY(f.start({ u"d9/"_s }));
    const WatchStats stats = f.watcher.stats();
    QCOMPARE(stats.roots, 1);
    QCOMPARE(stats.files, 90);
    QCOMPARE(stats.directories, 1 + 9 * 2);
    QCOMPARE(stats.prunedTrees, 1);
    QVERIFY(!stats.backend.isEmpty());
    QVERIFY(f.watcher.isActive());
}

void TestFileWatcher::writerHoldingTheFileOpen()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify only");
#endif
    // A writer that keeps the file open (a log, a slow generator): no close will
    // come, yet the write is reported, once, after a short quiet time; what it
    // writes after that is reported at its close.
    Fixture f(WatchBackendKind::Inotify);
    QVERIFY(f.make(u"open.txt"_s));
    QVERIFY(f.start());
    QFile writer(f.path(u"open.txt"_s));
    QVERIFY(writer.open(QIODevice::Append | QIODevice::Unbuffered));
    QCOMPARE(writer.write("first\n"), 6);
    QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, u"open.txt"_s), 1, kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.count(FileEvent::Kind::Modified, u"open.txt"_s), 1);
    QCOMPARE(writer.write("second\n"), 7);
    writer.close();
    QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, u"open.txt"_s), 2, kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.count(FileEvent::Kind::Modified, u"open.txt"_s), 2);
}

void TestFileWatcher::writeCloseFollowsTheLastWrite_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("written"); // the file whose close is reported
    QTest::addColumn<int>("modifiedBeforeClose"); // how often `written` is reported modified
    QTest::newRow("new file: write, close") << u"create"_s << u"new.py"_s << 0;
    QTest::newRow("rewrite with O_TRUNC") << u"truncate"_s << u"main.py"_s << 1;
    QTest::newRow("held open while written, then closed") << u"held"_s << u"main.py"_s << 2;
    QTest::newRow("temporary written, renamed into place") << u"rename"_s << u"main.py.tmp"_s << 0;
    QTest::newRow("written elsewhere, moved into the tree") << u"movein"_s << u"arrived.py"_s << 0;
}

void TestFileWatcher::writeCloseFollowsTheLastWrite()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify only");
#endif
    QFETCH(QString, action);
    QFETCH(QString, written);
    QFETCH(int, modifiedBeforeClose);
    Fixture f(WatchBackendKind::Inotify);
    QVERIFY(f.make(u"main.py"_s, "old\n"_ba));
    QVERIFY(f.start());
    QVERIFY(f.watcher.reportsWriteClose());

    if (action == u"create") {
        QVERIFY(writeFile(f.path(written), "new\n"_ba));
    } else if (action == u"truncate") {
        QVERIFY(writeFile(f.path(written), "rewritten\n"_ba, QIODevice::WriteOnly | QIODevice::Truncate));
    } else if (action == u"held") {
        QFile writer(f.path(written));
        QVERIFY(writer.open(QIODevice::Append | QIODevice::Unbuffered));
        QCOMPARE(writer.write("one\n"), 4);
        // Still open: the write is reported after its quiet time, and no close yet.
        QTRY_COMPARE_WITH_TIMEOUT(f.count(FileEvent::Kind::Modified, written), 1, kTimeoutMs);
        QCOMPARE(f.lastIndex(FileEvent::Kind::WriteClosed, written), -1);
        QCOMPARE(writer.write("two\n"), 4);
        writer.close();
    } else if (action == u"rename") {
        QVERIFY(writeFile(f.path(written), "new\n"_ba));
        QCOMPARE(std::rename(qPrintable(f.path(written)), qPrintable(f.path(u"main.py"_s))), 0);
        QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"main.py"_s), kTimeoutMs);
    } else if (action == u"movein") {
        QTemporaryDir outside; // same file system: a rename, not a copy
        const QString staged = outside.filePath(u"staged.py"_s);
        QVERIFY(writeFile(staged, "from elsewhere\n"_ba));
        QCOMPARE(std::rename(qPrintable(staged), qPrintable(f.path(written))), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(f.lastIndex(FileEvent::Kind::WriteClosed, written) >= 0, kTimeoutMs);
    QVERIFY(f.settle());

    const qsizetype closed = f.lastIndex(FileEvent::Kind::WriteClosed, written);
    QVERIFY2(closed > f.lastIndex(FileEvent::Kind::Modified, written), qPrintable(f.dump()));
    QVERIFY2(closed > f.lastIndex(FileEvent::Kind::Created, written), qPrintable(f.dump()));
    QCOMPARE(f.count(FileEvent::Kind::Modified, written), modifiedBeforeClose);
    int closes = 0;
    for (const auto& event : std::as_const(f.sequence))
        closes += event.kind == FileEvent::Kind::WriteClosed && event.path == f.path(written);
    QCOMPARE(closes, 1); // one writer, one close
    if (action == u"rename") {
        // The target's new content arrives with the rename, after the temporary's close; the
        // rename ends the target's save as a close would.
        const qsizetype targetModified = f.lastIndex(FileEvent::Kind::Modified, u"main.py"_s);
        QVERIFY2(targetModified > closed, qPrintable(f.dump()));
        QVERIFY2(
            f.lastIndex(FileEvent::Kind::WriteClosed, u"main.py"_s) > targetModified, qPrintable(f.dump()));
    }
}

void TestFileWatcher::writeCloseOnlyForFiles()
{
    QFETCH(WatchBackendKind, backend);
    Fixture f(backend);
    QVERIFY(f.make(u"pkg/a.py"_s));
    QVERIFY(f.start({ u"**/*.log"_s }));
    const bool closes = f.watcher.reportsWriteClose();
    QCOMPARE(closes, backend == WatchBackendKind::Inotify);

    QVERIFY(QDir().mkpath(f.path(u"fresh/sub"_s)));
    QVERIFY(QDir().rename(f.path(u"pkg"_s), f.path(u"moved"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"fresh/sub"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QVERIFY(writeFile(f.path(u"fresh/sub/b.py"_s), "b"_ba));
    QVERIFY(writeFile(f.path(u"moved/a.py"_s), "more"_ba, QIODevice::Append));
    QVERIFY(writeFile(f.path(u"debug.log"_s), "excluded"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"fresh/sub/b.py"_s)
            && f.has(FileEvent::Kind::Modified, u"moved/a.py"_s),
        kTimeoutMs);
    QVERIFY(f.settle());

    QStringList closed;
    for (const auto& event : std::as_const(f.sequence)) {
        if (event.kind != FileEvent::Kind::WriteClosed)
            continue;
        QVERIFY2(!event.isDirectory && QFileInfo(event.path).isFile(), qPrintable(f.dump()));
        closed.append(event.path);
    }
    QVERIFY2(!closed.contains(f.path(u"debug.log"_s)), qPrintable(f.dump())); // excluded stays silent
    if (closes) {
        QVERIFY2(closed.contains(f.path(u"fresh/sub/b.py"_s)) && closed.contains(f.path(u"moved/a.py"_s)),
            qPrintable(f.dump()));
    } else {
        QVERIFY2(closed.isEmpty(), qPrintable(f.dump()));
    }
}

void TestFileWatcher::overflowRescanReportsWhatChanged()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify only");
#endif
    Fixture f(WatchBackendKind::Inotify);
    QVERIFY(f.make(u"edited.py"_s, "1"_ba));
    QVERIFY(f.make(u"deleted.py"_s));
    QVERIFY(f.make(u"untouched.py"_s));
    QVERIFY(f.make(u"old/inside.py"_s));
    QVERIFY(f.make(u"keep/deep/x.py"_s));
    QVERIFY(f.start());

    // The queue overflows while these happen: their events are lost.
    f.watcher.setPausedForTesting(true);
    QVERIFY(writeFile(f.path(u"edited.py"_s), "2"_ba, QIODevice::Append));
    QVERIFY(QFile::remove(f.path(u"deleted.py"_s)));
    QVERIFY(writeFile(f.path(u"born.py"_s), "new"_ba));
    QVERIFY(QDir().mkpath(f.path(u"newdir/sub"_s)));
    QVERIFY(writeFile(f.path(u"newdir/sub/n.py"_s), "n"_ba));
    QVERIFY(QDir(f.path(u"old"_s)).removeRecursively());
    QVERIFY(writeFile(f.path(u"keep/deep/y.py"_s), "y"_ba));
    f.watcher.simulateOverflowForTesting();
    f.watcher.setPausedForTesting(false);

    QVERIFY2(f.has(FileEvent::Kind::Modified, u"edited.py"_s), qPrintable(f.dump()));
    QVERIFY(f.has(FileEvent::Kind::Removed, u"deleted.py"_s));
    QVERIFY(f.has(FileEvent::Kind::Created, u"born.py"_s));
    QVERIFY(f.has(FileEvent::Kind::Created, u"newdir/sub/n.py"_s));
    QVERIFY(f.has(FileEvent::Kind::Removed, u"old/inside.py"_s));
    QVERIFY(f.has(FileEvent::Kind::Created, u"keep/deep/y.py"_s));
    QVERIFY2(f.about(u"untouched.py"_s).isEmpty(), qPrintable(f.dump()));
    QVERIFY(f.about(u"keep/deep/x.py"_s).isEmpty());
    // ...plus the directories: newdir/ and newdir/sub/ created, old/ removed. Nothing else.
    QVERIFY(f.has(FileEvent::Kind::Created, u"newdir"_s) && f.has(FileEvent::Kind::Created, u"newdir/sub"_s));
    QVERIFY(f.has(FileEvent::Kind::Removed, u"old"_s));
    QVERIFY2(f.events.size() == 9, qPrintable(f.dump()));
    QCOMPARE(f.warnings.size(), 1);
    QVERIFY(f.warnings.first().contains(u"overflow"_s));

    // Back to normal afterwards.
    QVERIFY(writeFile(f.path(u"newdir/sub/n.py"_s), "again"_ba, QIODevice::Append));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"newdir/sub/n.py"_s), kTimeoutMs);
}

void TestFileWatcher::realQueueOverflowIsCaughtUp()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify only");
#endif
    // No system setting is touched: the queue is left unread while more events
    // arrive than fs.inotify.max_queued_events holds, so the kernel really drops
    // events and queues IN_Q_OVERFLOW.
    QFile limitFile(u"/proc/sys/fs/inotify/max_queued_events"_s);
    QVERIFY(limitFile.open(QIODevice::ReadOnly));
    const int queueLimit = limitFile.readAll().trimmed().toInt();
    if (queueLimit <= 0 || queueLimit > 50000)
        QSKIP("fs.inotify.max_queued_events is too large to overflow quickly here");
    Fixture f(WatchBackendKind::Inotify);
    QVERIFY(f.make(u"flood/.keep"_s));
    QVERIFY(f.make(u"untouched.py"_s));
    QVERIFY(f.start());

    f.watcher.setPausedForTesting(true);
    const int files = queueLimit / 3 + 2000; // three events a file: create, modify, close
    QSet<QString> expected;
    for (int i = 0; i < files; ++i) {
        const QString relative = u"flood/f%1.txt"_s.arg(i);
        QVERIFY(writeFile(f.path(relative), "x"_ba));
        expected.insert(f.path(relative));
    }
    f.watcher.setPausedForTesting(false);
    QTRY_VERIFY_WITH_TIMEOUT(!f.warnings.isEmpty(), kTimeoutMs);
    QVERIFY2(f.warnings.first().contains(u"overflow"_s), qPrintable(f.warnings.first()));

    const auto createdFiles = [&] {
        QList<QString> created;
        for (const auto& event : std::as_const(f.events)) {
            if (event.kind == FileEvent::Kind::Created && !event.path.contains(u"sentinel"_s))
                created.append(event.path);
        }
        return created;
    };
    QTRY_COMPARE_WITH_TIMEOUT(createdFiles().size(), files, kTimeoutMs);
    QVERIFY(f.settle());
    const QList<QString> created = createdFiles();
    QCOMPARE(created.size(), files); // each once: the rescan does not repeat what was read
    QCOMPARE(QSet<QString>(created.cbegin(), created.cend()), expected);
    for (const auto& event : std::as_const(f.events)) {
        // A file the rescan cannot tell apart from one written after the overflow may
        // also be reported modified (conservative); nothing is removed or invented.
        QVERIFY2(event.kind == FileEvent::Kind::Created || event.kind == FileEvent::Kind::Modified,
            qPrintable(kindName(event.kind) + u' ' + event.path));
        QVERIFY(event.path != f.path(u"untouched.py"_s));
    }
}

void TestFileWatcher::watchLimitFallsBackToPolling()
{
#ifndef Q_OS_LINUX
    QSKIP("inotify only");
#endif
    Fixture f(WatchBackendKind::Inotify);
    for (int d = 0; d < 4; ++d)
        QVERIFY(f.make(u"dir%1/file.py"_s.arg(d)));
    f.watcher.setWatchLimitForTesting(2); // the root and dir0, say; the rest cannot be armed
    QVERIFY(f.start());
    QTRY_COMPARE_WITH_TIMEOUT(f.warnings.size(), 1, kTimeoutMs);
    QVERIFY2(f.warnings.first().contains(u"fs.inotify.max_user_watches"_s), qPrintable(f.warnings.first()));
    QCOMPARE(f.watcher.stats().backend, u"inotify+polling"_s);
    QCOMPARE(f.watcher.stats().files, 4);

    for (int d = 0; d < 4; ++d)
        QVERIFY(writeFile(f.path(u"dir%1/file.py"_s.arg(d)), "more"_ba, QIODevice::Append));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Modified, u"dir0/file.py"_s)
            && f.has(FileEvent::Kind::Modified, u"dir1/file.py"_s)
            && f.has(FileEvent::Kind::Modified, u"dir2/file.py"_s)
            && f.has(FileEvent::Kind::Modified, u"dir3/file.py"_s),
        kTimeoutMs);

    // A new directory cannot be armed either: polled too, and no second warning.
    QVERIFY(QDir().mkpath(f.path(u"dir9"_s)));
    QVERIFY(writeFile(f.path(u"dir9/late.py"_s), "late"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"dir9/late.py"_s), kTimeoutMs);
    QVERIFY(writeFile(f.path(u"dir2/new.py"_s), "new"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(f.has(FileEvent::Kind::Created, u"dir2/new.py"_s), kTimeoutMs);
    QVERIFY(f.settle());
    QCOMPARE(f.warnings.size(), 1);
    QCOMPARE(f.count(FileEvent::Kind::Created, u"dir9/late.py"_s), 1);
}

void TestFileWatcher::backendNames()
{
    QCOMPARE(FileWatcher::backendFromName(u"auto"), WatchBackendKind::Auto);
    QCOMPARE(FileWatcher::backendFromName(u"inotify"), WatchBackendKind::Inotify);
    QCOMPARE(FileWatcher::backendFromName(u"qt"), WatchBackendKind::QtFileSystemWatcher);
    QCOMPARE(FileWatcher::backendFromName(u"polling"), WatchBackendKind::Polling);
    QVERIFY(!FileWatcher::backendFromName(u"fsevents").has_value());
}

QTEST_GUILESS_MAIN(TestFileWatcher)
#include "tst_filewatcher.moc"
