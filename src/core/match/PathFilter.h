#pragma once

#include "Glob.h"

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <memory>

namespace foxreload {

// Decides which paths below a root are out of FoxReload's sight: the exclude
// globs (anchored at the root) and, optionally, the .gitignore files found in
// the tree. Watchers ask it before entering a directory, so an excluded tree
// is never walked nor watched. Thread-compatible: const methods only read,
// apart from an internal .gitignore cache guarded by a mutex.
class PathFilter
{
public:
    PathFilter(const QString& root, const QStringList& excludeGlobs, bool respectGitignore);
    ~PathFilter();
    PathFilter(const PathFilter&) = delete;
    PathFilter& operator=(const PathFilter&) = delete;

    QString root() const;
    // Invalid exclude patterns, one message each ("pattern "[a-": unclosed bracket").
    QStringList errors() const;

    // absolutePath must be clean (QDir::cleanPath). Paths outside root, and the root
    // itself, are never excluded. A path is excluded when an exclude glob covers it
    // (Glob::covers: the path or one of its parent directories matches) or git ignores
    // it. For a directory the answer means "prune": true also when every path inside
    // would be excluded ("**/__pycache__/**" for "a/__pycache__").
    bool isExcluded(QStringView absolutePath, bool isDirectory) const;

    // For a walk that asks about every entry of a directory: what the directory's path
    // contributes to the answer is worked out once, so that an entry costs a look at its
    // name (one NFA step per exclude glob, nothing when no glob can reach below).
    // Valid while the filter lives; .gitignore answers stay per entry.
    class Directory
    {
    private:
        friend class PathFilter;
        qsizetype prefixLength = 0; // the directory's path and the '/' after it
        bool belowRoot = false; // the root or a directory inside it
        bool everythingExcluded = false; // a glob covers the directory itself
        bool globsCanMatch = false; // some glob still has live positions
        QVarLengthArray<Glob::Position, 16> positions; // per glob, per alternative
        QVarLengthArray<QStringView, 2> ownNames; // own files in this directory
    };
    Directory directory(QStringView absoluteDirPath) const;
    // absoluteEntryPath is the directory's path, a '/' (unless it ends with one) and the
    // entry's name. The answer is isExcluded(absoluteEntryPath, isDirectory)'s.
    bool isExcluded(const Directory& scope, QStringView absoluteEntryPath, bool isDirectory) const;

    // FoxReload's own files (its history database with its -wal/-shm/-journal, its log,
    // the trust store): never reported, wherever they are, or FoxReload's own writes would
    // reload the server in a loop. Absolute paths; a symbolic link in their directory is
    // resolved as well. Set before the filter is shared with a watcher.
    void addOwnFiles(const QStringList& absolutePaths);
    bool isOwnFile(QStringView absolutePath) const;

    bool respectsGitignore() const;
    // Re-read the .gitignore files and .git/info/exclude on the next question;
    // call it when one of them changed.
    void reloadIgnoreFiles() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

using PathFilterPtr = std::shared_ptr<const PathFilter>;

} // namespace foxreload
