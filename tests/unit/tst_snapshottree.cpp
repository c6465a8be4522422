// SnapshotTree, the engine of the QFileSystemWatcher and polling backends: a directory that
// appears is read, then watched; a file that arrives between the two is still reported.

#include "watch/SnapshotTree.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

bool touch(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("x\n") == 2;
}

class Recorder : public SnapshotTree::Listener
{
public:
    QStringList created; // files and directories reported created
    std::function<void(const QString&)> onDirectoryAdded;

    void report(FileEvent::Kind kind, const QString& path, const QString&, bool) override
    {
        if (kind == FileEvent::Kind::Created)
            created.append(path);
    }
    void directoryAdded(const QString& path) override
    {
        if (onDirectoryAdded)
            onDirectoryAdded(path);
    }
};

} // namespace

class TestSnapshotTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The backend starts watching a new directory in directoryAdded(), after the tree read it.
    // Files that arrive in that gap (the rest of a checkout) are found by a second look.
    void fileArrivingBeforeTheWatchIsReported_data()
    {
        QTest::addColumn<int>("arriving");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("a subdirectory's worth") << 40;
    }
    void fileArrivingBeforeTheWatchIsReported()
    {
        QFETCH(int, arriving);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        Recorder listener;
        SnapshotTree tree(&listener);
        QVERIFY(tree.addDirectory(root, {}, {}, true, false));
        QVERIFY(listener.created.isEmpty());

        const QString fresh = root + u"/fresh"_s;
        QVERIFY(QDir().mkpath(fresh));
        QVERIFY(touch(fresh + u"/first.txt"_s));
        QStringList late;
        listener.onDirectoryAdded = [&](const QString& path) {
            if (path != fresh || !late.isEmpty())
                return;
            for (int i = 0; i < arriving; ++i) {
                late.append(fresh + u"/late%1.txt"_s.arg(i));
                QVERIFY(touch(late.last()));
            }
        };
        tree.rescan(root);
        QVERIFY(listener.created.contains(fresh));
        QVERIFY(listener.created.contains(fresh + u"/first.txt"_s));
        for (const QString& path : std::as_const(late))
            QVERIFY2(listener.created.contains(path), qPrintable(path + u" not reported"_s));
        QCOMPARE(listener.created.size(), 2 + arriving); // each once
    }
};

QTEST_GUILESS_MAIN(TestSnapshotTree)
#include "tst_snapshottree.moc"
