// Issue 10, hole 4: a watch root that is removed and recreated (rm -rf src; mkdir src),
// moved away and recreated, or replaced by another directory (what a checkout does) is
// watched again, and what it holds then is reported as created; a root that does not exist
// at start is watched once it appears (said once). Real directories, every backend.
#include "common/WatchBackendRows.h"
#include "match/PathFilter.h"
#include "watch/FileWatcher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::WatchBackendKind)

namespace {

constexpr int kTimeoutMs = 15000;

bool writeFile(const QString& path, const QByteArray& contents = "x\n"_ba)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

class Recorder
{
public:
    explicit Recorder(FileWatcher* watcher)
    {
        QObject::connect(watcher, &FileWatcher::changed, watcher,
            [this](const FileEvent& event) { events.append(event); });
        QObject::connect(watcher, &FileWatcher::warning, watcher,
            [this](const QString& message) { warnings.append(message); });
    }
    bool saw(FileEvent::Kind kind, const QString& path) const
    {
        for (const auto& event : events) {
            if (event.kind == kind && event.path == path)
                return true;
        }
        return false;
    }
    int warningsMentioning(const QString& text) const
    {
        int count = 0;
        for (const auto& warning : warnings)
            count += warning.contains(text);
        return count;
    }
    QString dump() const
    {
        QStringList lines;
        for (const auto& event : events)
            lines.append(fileEventKindName(event.kind) + u' ' + event.path);
        return lines.join(u'\n') + u"\nwarnings:\n"_s + warnings.join(u'\n');
    }
    QList<FileEvent> events;
    QStringList warnings;
};

} // namespace

class WatchRootsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rootComesBack_data()
    {
        QTest::addColumn<WatchBackendKind>("backend");
        QTest::addColumn<QString>("how");
        const QList<std::pair<const char*, WatchBackendKind>> backends {
#ifdef Q_OS_LINUX
            { "inotify", WatchBackendKind::Inotify },
#endif
            { "qt", WatchBackendKind::QtFileSystemWatcher }, { "polling", WatchBackendKind::Polling }
        };
        for (const auto& [name, kind] : backends) {
            for (const char* how : { "rm -rf; mkdir", "mv away; mkdir", "replaced by another directory" })
                QTest::addRow("%s: %s", name, how) << kind << QString::fromLatin1(how);
        }
    }
    void rootComesBack()
    {
        QFETCH(WatchBackendKind, backend);
        QFETCH(QString, how);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString base = QDir(dir.path()).canonicalPath();
        const QString src = base + u"/src"_s;
        QVERIFY(QDir().mkpath(src + u"/pkg"_s));
        QVERIFY(writeFile(src + u"/main.py"_s));
        QVERIFY(writeFile(src + u"/pkg/tool.py"_s));

        FileWatcher watcher;
        watcher.setBackend(backend);
        watcher.setPollInterval(50);
        Recorder recorder(&watcher);
        QVERIFY(
            watcher.start({ WatchRoot { src, std::make_shared<PathFilter>(src, QStringList(), false) } }));

        if (how == u"rm -rf; mkdir") {
            QVERIFY(QDir(src).removeRecursively());
            QTRY_VERIFY_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Removed, src + u"/main.py"_s), kTimeoutMs);
            QVERIFY(QDir().mkpath(src));
        } else if (how == u"mv away; mkdir") {
            QVERIFY(QDir().rename(src, base + u"/away"_s));
            QTRY_VERIFY_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Removed, src + u"/main.py"_s), kTimeoutMs);
            QVERIFY(QDir().mkpath(src));
        } else {
            // A new directory, filled elsewhere, takes the old one's place.
            QVERIFY(QDir().mkpath(base + u"/next/pkg"_s));
            QVERIFY(writeFile(base + u"/next/pkg/tool.py"_s, "y = 2\n"));
            QVERIFY(writeFile(base + u"/next/fresh.py"_s));
            QVERIFY(QDir().rename(src, base + u"/old"_s));
            QVERIFY(QDir().rename(base + u"/next"_s, src));
            QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/fresh.py"_s),
                qPrintable(recorder.dump()), kTimeoutMs);
            // Same name, other content: created (the new tree) or modified (a diff by name).
            QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/pkg/tool.py"_s)
                    || recorder.saw(FileEvent::Kind::Modified, src + u"/pkg/tool.py"_s),
                qPrintable(recorder.dump()), kTimeoutMs);
        }
        // Watched again: a file made now is seen, and so is one in a new subdirectory.
        QTRY_VERIFY2_WITH_TIMEOUT(
            recorder.warningsMentioning(u"there again"_s) + (how.startsWith(u"replaced"_s) ? 1 : 0) >= 1,
            qPrintable(recorder.dump()), kTimeoutMs);
        QVERIFY(writeFile(src + u"/after.py"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/after.py"_s)
                || recorder.saw(FileEvent::Kind::Modified, src + u"/after.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
        QVERIFY(QDir().mkpath(src + u"/later"_s));
        QVERIFY(writeFile(src + u"/later/deep.py"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/later/deep.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
        // And once more: it can go and come back again.
        QVERIFY(QDir(src).removeRecursively());
        QTRY_VERIFY_WITH_TIMEOUT(
            recorder.saw(FileEvent::Kind::Removed, src + u"/later/deep.py"_s), kTimeoutMs);
        QVERIFY(QDir().mkpath(src));
        QTest::qWait(200);
        QVERIFY(writeFile(src + u"/third.py"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/third.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
    }

    void filesOfTheReturnedRootAreReported_data()
    {
        test::addWatchBackendRows();
    }
    void filesOfTheReturnedRootAreReported()
    {
        // `git checkout` of another branch: the directory goes and comes back full.
        QFETCH(WatchBackendKind, backend);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString base = QDir(dir.path()).canonicalPath();
        const QString src = base + u"/src"_s;
        QVERIFY(QDir().mkpath(src));
        QVERIFY(writeFile(src + u"/a.py"_s));
        FileWatcher watcher;
        watcher.setBackend(backend);
        watcher.setPollInterval(50);
        Recorder recorder(&watcher);
        QVERIFY(watcher.start({ WatchRoot { src, nullptr } }));
        QVERIFY(QDir(src).removeRecursively());
        QTRY_VERIFY_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Removed, src + u"/a.py"_s), kTimeoutMs);
        // Recreated with content in one go, faster than any watcher can look.
        QVERIFY(QDir().mkpath(src + u"/sub"_s));
        QVERIFY(writeFile(src + u"/b.py"_s));
        QVERIFY(writeFile(src + u"/sub/c.py"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/b.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, src + u"/sub/c.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
    }

    void rootThatAppearsLater_data()
    {
        test::addWatchBackendRows();
    }
    void rootThatAppearsLater()
    {
        QFETCH(WatchBackendKind, backend);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString base = QDir(dir.path()).canonicalPath();
        const QString present = base + u"/present"_s;
        const QString later = base + u"/not/yet/src"_s; // its parents do not exist either
        QVERIFY(QDir().mkpath(present));
        FileWatcher watcher;
        watcher.setBackend(backend);
        watcher.setPollInterval(50);
        Recorder recorder(&watcher);
        QVERIFY(watcher.start({ WatchRoot { present, nullptr }, WatchRoot { later, nullptr } }));
        QCOMPARE(recorder.warningsMentioning(u"does not exist (yet)"_s), 1);
        QVERIFY(QDir().mkpath(later));
        QVERIFY(writeFile(later + u"/first.py"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, later + u"/first.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
        QVERIFY(writeFile(later + u"/second.py"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(recorder.saw(FileEvent::Kind::Created, later + u"/second.py"_s),
            qPrintable(recorder.dump()), kTimeoutMs);
        QCOMPARE(recorder.warningsMentioning(u"does not exist (yet)"_s), 1); // said once
    }
};

QTEST_GUILESS_MAIN(WatchRootsTest)
#include "tst_watchroots.moc"
