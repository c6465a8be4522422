#include "SnapshotTree.h"

#include "platform/DirectoryReader.h"

#include <QFile>
#include <QHash>

#include <algorithm>

namespace foxreload {

QString joinPath(const QString& directory, QStringView name)
{
    if (directory.endsWith(u'/'))
        return directory + name;
    return directory + u'/' + name;
}

namespace {

QString childPath(const QString& directory, const QByteArray& name)
{
    return joinPath(directory, QString::fromUtf8(name));
}

bool sameContentStamp(const SnapshotEntry& a, const SnapshotEntry& b)
{
    return a.inode == b.inode && a.size == b.size && a.mtimeNs == b.mtimeNs;
}

} // namespace

SnapshotTree::SnapshotTree(Listener* listener)
    : m_listener(listener)
{ }

bool SnapshotTree::read(
    const QString& path, const Dir& dir, std::vector<SnapshotEntry>* out, qint64* pruned) const
{
    platform::DirectoryReader reader(path);
    if (!reader.isOpen())
        return false;
    out->clear();
    QString childBuffer;
    const PathFilter::Directory scope = dir.filter ? dir.filter->directory(path) : PathFilter::Directory();
    // The walking rules (links not followed, hidden entries listed) are the reader's.
    while (reader.next()) {
        const QByteArrayView nameView = reader.nameView();
        if (!dir.onlyNames.isEmpty() && !dir.onlyNames.contains(nameView))
            continue;
        platform::EntryStamp stamp;
        if (!reader.stamp(&stamp))
            continue; // gone between readdir and stat: the next look reports it
        const QByteArray& nameBytes = reader.name();
        if (dir.filter) {
            childBuffer = childPath(path, nameBytes);
            if (dir.filter->isExcluded(scope, childBuffer, stamp.isDirectory)) {
                if (stamp.isDirectory && pruned)
                    ++*pruned;
                continue;
            }
        }
        out->push_back(
            SnapshotEntry { nameBytes, stamp.size, stamp.mtimeNs, stamp.inode, stamp.isDirectory });
    }
    std::sort(out->begin(), out->end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return true;
}

bool SnapshotTree::addDirectory(const QString& path, const PathFilterPtr& filter, const QByteArray& onlyName,
    bool descend, bool reportFiles, WatchStats* stats)
{
    auto existing = m_dirs.find(path);
    if (existing != m_dirs.end()) {
        Dir& dir = existing->second;
        if (dir.onlyNames.isEmpty() || (!onlyName.isEmpty() && dir.onlyNames.contains(onlyName)))
            return true;
        // Widen a file root's parent: to everything, or to one more file.
        if (onlyName.isEmpty())
            dir.onlyNames.clear();
        else
            dir.onlyNames.append(onlyName);
        std::vector<SnapshotEntry> now;
        if (!read(path, dir, &now, nullptr))
            return false;
        dir.entries = std::move(now);
        return true;
    }

    Dir dir;
    dir.filter = filter;
    if (!onlyName.isEmpty())
        dir.onlyNames.append(onlyName);
    std::vector<SnapshotEntry> entries;
    qint64 pruned = 0;
    if (!read(path, dir, &entries, &pruned))
        return false;
    dir.entries = std::move(entries);
    if (stats) {
        ++stats->directories;
        stats->prunedTrees += pruned;
    }
    QList<QString> subdirectories;
    for (const auto& entry : dir.entries) {
        if (entry.isDirectory) {
            if (descend)
                subdirectories.append(childPath(path, entry.name));
            continue;
        }
        if (stats)
            ++stats->files;
        const QString filePath = childPath(path, entry.name);
        m_listener->fileArrived(filePath, false);
        if (reportFiles)
            m_listener->report(FileEvent::Kind::Created, filePath, {}, false);
    }
    m_dirs.emplace(path, std::move(dir));
    m_listener->directoryAdded(path);
    // The listener watches the directory only from now on: a file that arrived after the read
    // (the rest of a `git checkout`, `mkdir x && cp … x/`) shows in a second look.
    if (reportFiles)
        rescan(path);
    for (const auto& subdirectory : subdirectories) {
        if (reportFiles)
            m_listener->report(FileEvent::Kind::Created, subdirectory, {}, true);
        addDirectory(subdirectory, filter, {}, true, reportFiles, stats);
    }
    return true;
}

void SnapshotTree::rescan(const QString& path)
{
    auto it = m_dirs.find(path);
    if (it == m_dirs.end())
        return;
    std::vector<SnapshotEntry> now;
    if (!read(path, it->second, &now, nullptr)) {
        // A managed parent reports the directory's disappearance with its own diff;
        // without one (a root, or a fallback directory below an inotify watch) the
        // files must still be reported gone.
        const qsizetype slash = path.lastIndexOf(u'/');
        const QString parent = slash > 0 ? path.left(slash) : QStringLiteral("/");
        if (!contains(parent))
            removeSubtree(path, true);
        return;
    }
    diff(path, it->second, std::move(now));
}

void SnapshotTree::rescanAll()
{
    QList<QString> paths;
    paths.reserve(qsizetype(m_dirs.size()));
    for (const auto& [path, dir] : m_dirs)
        paths.append(path);
    for (const auto& path : paths)
        rescan(path); // a no-op for a directory a parent's diff already dropped
}

void SnapshotTree::diff(const QString& path, Dir& dir, std::vector<SnapshotEntry>&& now)
{
    std::vector<SnapshotEntry> before = std::move(dir.entries);
    dir.entries = std::move(now);
    const PathFilterPtr filter = dir.filter; // `dir` may not survive the subtree work below
    const auto& after = m_dirs.at(path).entries;

    std::vector<const SnapshotEntry*> removed;
    std::vector<const SnapshotEntry*> created;
    auto oldIt = before.cbegin();
    auto newIt = after.cbegin();
    while (oldIt != before.cend() || newIt != after.cend()) {
        if (newIt == after.cend() || (oldIt != before.cend() && oldIt->name < newIt->name)) {
            removed.push_back(&*oldIt++);
        } else if (oldIt == before.cend() || newIt->name < oldIt->name) {
            created.push_back(&*newIt++);
        } else {
            if (oldIt->isDirectory != newIt->isDirectory) {
                removed.push_back(&*oldIt);
                created.push_back(&*newIt);
            } else if (!newIt->isDirectory && !sameContentStamp(*oldIt, *newIt)) {
                const QString filePath = childPath(path, newIt->name);
                const bool replaced = oldIt->inode != newIt->inode;
                m_listener->report(FileEvent::Kind::Modified, filePath, {}, false);
                if (replaced)
                    m_listener->fileArrived(filePath, true);
            }
            ++oldIt;
            ++newIt;
        }
    }
    if (removed.empty() && created.empty())
        return;

    // A file that left one name and arrived under another in the same directory,
    // same inode, was renamed.
    QHash<quint64, const SnapshotEntry*> removedFilesByInode;
    if (!created.empty()) {
        for (const auto* entry : removed) {
            if (!entry->isDirectory)
                removedFilesByInode.insert(entry->inode, entry);
        }
    }
    QList<const SnapshotEntry*> renamedFrom;
    QList<QString> newDirectories;
    for (const auto* entry : created) {
        const QString entryPath = childPath(path, entry->name);
        if (entry->isDirectory) {
            newDirectories.append(entryPath);
            continue;
        }
        if (const auto* old = removedFilesByInode.value(entry->inode)) {
            removedFilesByInode.remove(entry->inode);
            renamedFrom.append(old);
            const QString oldPath = childPath(path, old->name);
            m_listener->fileGone(oldPath);
            m_listener->report(FileEvent::Kind::Renamed, entryPath, oldPath, false);
        } else {
            m_listener->report(FileEvent::Kind::Created, entryPath, {}, false);
        }
        m_listener->fileArrived(entryPath, false);
    }
    for (const auto* entry : removed) {
        if (renamedFrom.contains(entry))
            continue;
        const QString entryPath = childPath(path, entry->name);
        if (entry->isDirectory) {
            removeSubtree(entryPath, true);
            m_listener->report(FileEvent::Kind::Removed, entryPath, {}, true);
        } else {
            m_listener->fileGone(entryPath);
            m_listener->report(FileEvent::Kind::Removed, entryPath, {}, false);
        }
    }
    for (const auto& directory : newDirectories) {
        m_listener->report(FileEvent::Kind::Created, directory, {}, true);
        addDirectory(directory, filter, {}, true, true);
    }
}

void SnapshotTree::removeSubtree(const QString& path, bool report)
{
    const auto forget = [this, report](const QString& directory, const Dir& dir) {
        for (const auto& entry : dir.entries) {
            const QString entryPath = childPath(directory, entry.name);
            if (!entry.isDirectory)
                m_listener->fileGone(entryPath);
            if (report)
                m_listener->report(FileEvent::Kind::Removed, entryPath, {}, entry.isDirectory);
        }
        m_listener->directoryRemoved(directory);
    };
    if (auto it = m_dirs.find(path); it != m_dirs.end()) {
        forget(it->first, it->second);
        m_dirs.erase(it);
    }
    // Everything below `path` sorts contiguously after "path/".
    const QString prefix = path + u'/';
    const auto first = m_dirs.lower_bound(prefix);
    auto last = first;
    for (; last != m_dirs.end() && last->first.startsWith(prefix); ++last)
        forget(last->first, last->second);
    m_dirs.erase(first, last);
}

} // namespace foxreload
