#pragma once

#include "FileWatcher.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <vector>

namespace foxreload {

struct SnapshotEntry
{
    QByteArray name;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    quint64 inode = 0;
    bool isDirectory = false;
};

// Directory snapshots (name, size, mtime, inode of every entry) and their diff:
// the engine behind the polling and the QFileSystemWatcher backends, which can only
// learn what changed by looking again. A directory with a snapshot here is
// "managed"; a subdirectory that appears in a managed directory becomes managed too
// and the files already inside it are reported as created.
class SnapshotTree
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void report(
            FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory)
            = 0;
        virtual void directoryAdded(const QString& path) { Q_UNUSED(path) }
        virtual void directoryRemoved(const QString& path) { Q_UNUSED(path) }
        // A file appeared, or its name now points at another inode (an atomic save).
        virtual void fileArrived(const QString& path, bool replaced)
        {
            Q_UNUSED(path)
            Q_UNUSED(replaced)
        }
        virtual void fileGone(const QString& path) { Q_UNUSED(path) }
    };

    explicit SnapshotTree(Listener* listener);

    // onlyName non-empty: track that one entry (the parent of a file root).
    // descend: also manage the subdirectories that exist now; the polling fallback of
    // the inotify backend passes false because the inotify walker owns them.
    // reportFiles: report what is found as created (a directory that appeared later).
    // Returns false when the directory cannot be read.
    bool addDirectory(const QString& path, const PathFilterPtr& filter, const QByteArray& onlyName,
        bool descend, bool reportFiles, WatchStats* stats = nullptr);
    // Looks at one managed directory again and reports the difference.
    void rescan(const QString& path);
    // Looks at every managed directory again, parents before children.
    void rescanAll();
    // Drops a managed directory and everything below it, reporting what it held as removed
    // (a root whose inode is no longer the one at its path).
    void forget(const QString& path) { removeSubtree(path, true); }
    bool contains(const QString& path) const { return m_dirs.count(path) != 0; }
    qsizetype directoryCount() const { return qsizetype(m_dirs.size()); }
    void clear() { m_dirs.clear(); }

private:
    struct Dir
    {
        PathFilterPtr filter;
        QList<QByteArray> onlyNames; // empty: every entry
        std::vector<SnapshotEntry> entries; // sorted by name
    };

    bool read(const QString& path, const Dir& dir, std::vector<SnapshotEntry>* out, qint64* pruned) const;
    void diff(const QString& path, Dir& dir, std::vector<SnapshotEntry>&& now);
    void removeSubtree(const QString& path, bool report);

    Listener* m_listener;
    std::map<QString, Dir> m_dirs;
};

QString joinPath(const QString& directory, QStringView name);

} // namespace foxreload
