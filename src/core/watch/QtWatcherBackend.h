#pragma once

#include "SnapshotTree.h"
#include "WatchBackend.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace foxreload {

// The portable backend, on QFileSystemWatcher. QFSW alone says only "something
// in this directory changed" or "this file changed", and on Linux (Qt 6.4) it
// misses content writes in a watched directory and drops a file's watch after an
// atomic save. So this backend watches every directory AND every file, keeps a
// snapshot (name, size, mtime, inode) per directory, and on any signal looks at
// the directory again: the diff classifies created / removed / modified (and
// renamed, when the same inode shows up under a new name), and a file whose
// inode changed is re-armed.
//
// Limits: one OS watch per file as well as per directory (100,000 files need
// 100,000+ inotify watches on Linux, kqueue descriptors on macOS); every signal
// costs a listing of the directory; IN_Q_OVERFLOW is invisible through Qt; a
// rewrite that keeps the size within one tick of the file system's clock looks
// like no change to the diff. Prefer the inotify backend on Linux.
class QtWatcherBackend
    : public WatchBackend
    , private SnapshotTree::Listener
{
    Q_OBJECT
public:
    explicit QtWatcherBackend(QObject* parent = nullptr);
    ~QtWatcherBackend() override;

    bool start(const QList<WatchTarget>& targets, WatchStats* stats) override;
    void stop() override;
    bool addTarget(const WatchTarget& target) override;
    QString name() const override;
    bool isActive() const override { return m_active; }

private:
    void onDirectoryChanged(const QString& path);
    void onFileChanged(const QString& path);
    void addFileWatch(const QString& path);
    void watchRoot(const QString& directory);
    void checkRootsIn(const QString& parent);

    void report(FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory) override;
    void directoryAdded(const QString& path) override;
    void directoryRemoved(const QString& path) override;
    void fileArrived(const QString& path, bool replaced) override;
    void fileGone(const QString& path) override;

    std::unique_ptr<QFileSystemWatcher> m_watcher;
    SnapshotTree m_tree;
    bool m_active = false;
    bool m_starting = false;
    bool m_filesExhausted = false; // the OS refused a file watch: stop asking
    QStringList m_startDirectories; // added in one addPaths() call at the end of start()
    QStringList m_startFiles;
    QSet<QString> m_rootDirectories; // the targets' directories
    // QFileSystemWatcher does not ask for IN_MOVE_SELF: a root moved away (or replaced by
    // another directory) is seen only through its parent, which is watched for that.
    QHash<QString, quint64> m_rootInodes;
    QSet<QString> m_rootParents;
};

} // namespace foxreload
