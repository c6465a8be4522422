#pragma once

#include "NameTable.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <string_view>
#include <unordered_map>

namespace foxreload {

// One directory an inotify watch is armed on, with what it held at the last look.
struct WatchedDirectory
{
    QString path;
    EntryList entries; // the snapshot: names and kinds, no stat
    int target = 0; // whose filter applies
    QList<QByteArray> onlyNames; // non-empty: the parent of file roots, only these count
    bool isRoot = false;
};

// The inotify backend's watches: watch descriptor ↔ directory, and the names every directory
// held (shared through one NameTable). Knows nothing of events or filters.
class InotifyWatchTable
{
public:
    WatchedDirectory* find(int wd);
    const WatchedDirectory* find(int wd) const;
    // A new record for `wd` at `path` (which must not have one).
    WatchedDirectory& insert(int wd, const QString& path, int target);
    int wdOf(const QString& path) const { return m_wdByPath.value(path, -1); }
    bool contains(const QString& path) const { return m_wdByPath.contains(path); }
    // Drops the record and the names it held.
    void erase(int wd);
    // The same directory under a new path (a rename we saw).
    void setPath(int wd, const QString& path);
    // The watch of `path` and of every watched directory below it, parents first.
    QList<int> subtree(const QString& path) const;
    qsizetype size() const { return qsizetype(m_dirs.size()); }
    void clear();

    NameTable& names() { return m_names; }
    const NameTable& names() const { return m_names; }

    template<typename Function>
    void forEach(Function function)
    {
        for (auto& [wd, dir] : m_dirs)
            function(wd, dir);
    }

private:
    std::unordered_map<int, WatchedDirectory> m_dirs;
    QHash<QString, int> m_wdByPath;
    NameTable m_names;
};

// Appends a file name as stored (UTF-8), without a temporary QString for an all-ASCII name.
void appendName(QString& path, QByteArrayView name);
// The path of `name` in `directory`.
QString childPath(const QString& directory, std::string_view name);

} // namespace foxreload
