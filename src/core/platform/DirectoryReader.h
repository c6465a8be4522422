#pragma once

#include <QByteArray>
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

// Lists one directory, the fast way each OS offers: Unix opendir/readdir with fstatat relative to
// the open directory (st_mtim on Linux, st_mtimespec on macOS); Windows FindFirstFileW, whose
// entries carry their size and times already. "." and ".." are skipped.
class DirectoryReader
{
public:
    explicit DirectoryReader(const QString& path);
    ~DirectoryReader();
    DirectoryReader(const DirectoryReader&) = delete;
    DirectoryReader& operator=(const DirectoryReader&) = delete;

    bool isOpen() const;
    // Moves to the next entry; false at the end.
    bool next();
    // The current entry's name as stored (UTF-8 on Windows, the file system's bytes on Unix).
    const QByteArray& name() const;
    // The current entry's stamp; false when it vanished since next().
    bool stamp(EntryStamp* out) const;

private:
    struct Handle;
    std::unique_ptr<Handle> d;
};

} // namespace foxreload::platform
