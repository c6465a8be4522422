#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace foxreload::platform {

// What the snapshot diff compares of a directory entry, read without following a symbolic link.
struct EntryStamp
{
    qint64 size = 0;
    qint64 mtimeNs = 0; // nanoseconds since the epoch (Windows: 100 ns resolution)
    quint64 inode = 0; // 0 where the OS does not say cheaply (Windows)
    bool isDirectory = false; // a link to a directory is not one
};

// Lists one directory, the fast way each OS offers: Unix opendir/readdir (the kind from d_type,
// fstatat relative to the open directory only where needed: st_mtim on Linux, st_mtimespec on
// macOS); Windows FindFirstFileW, whose entries carry their size and times already.
//
// The tree-walking rules every walker of a watched tree shares, decided here once:
// - "." and ".." are skipped; hidden entries (".git", ".env") are listed like any other, so that
//   the path filter alone decides what is excluded;
// - a symbolic link is an entry of its own and is never followed: it is not a directory, even
//   when it points at one (no loops, no tree watched twice, no escape from the root).
class DirectoryReader
{
public:
    explicit DirectoryReader(const QString& path);
    // The path as the file system stores it (QFile::encodeName): no conversion per directory.
    explicit DirectoryReader(const QByteArray& encodedPath);
    ~DirectoryReader();
    DirectoryReader(const DirectoryReader&) = delete;
    DirectoryReader& operator=(const DirectoryReader&) = delete;

    bool isOpen() const;
    // Moves to the next entry; false at the end.
    bool next();
    // The current entry's name as stored (UTF-8 on Windows, the file system's bytes on Unix).
    const QByteArray& name() const;
    // The same without a copy; valid until the next call to next().
    QByteArrayView nameView() const;
    // Whether the current entry is a directory (a link never is), without a stat where the OS
    // says from the listing itself; false also when it vanished since next().
    bool isDirectory() const;
    // The current entry's stamp; false when it vanished since next().
    bool stamp(EntryStamp* out) const;
    // The stamp of any entry of this directory by name; false when there is none.
    bool stampOf(QByteArrayView name, EntryStamp* out) const;

private:
    struct Handle;
    std::unique_ptr<Handle> d;
};

} // namespace foxreload::platform
