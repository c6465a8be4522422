#include "DirectoryReader.h"
#include "UnixFileStat.h"

#include <QFile>

#include <dirent.h>
#include <fcntl.h>

namespace foxreload::platform {

struct DirectoryReader::Handle
{
    DIR* dir = nullptr;
    int fd = -1;
    QByteArray name;
};

DirectoryReader::DirectoryReader(const QString& path)
    : d(std::make_unique<Handle>())
{
    d->dir = ::opendir(QFile::encodeName(path).constData());
    if (d->dir)
        d->fd = ::dirfd(d->dir);
}

DirectoryReader::~DirectoryReader()
{
    if (d->dir)
        ::closedir(d->dir);
}

bool DirectoryReader::isOpen() const
{
    return d->dir != nullptr;
}

bool DirectoryReader::next()
{
    if (!d->dir)
        return false;
    while (const dirent* entry = ::readdir(d->dir)) {
        const char* name = entry->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
            continue;
        d->name = QByteArray(name);
        return true;
    }
    return false;
}

const QByteArray& DirectoryReader::name() const
{
    return d->name;
}

bool DirectoryReader::stamp(EntryStamp* out) const
{
    struct stat info;
    if (::fstatat(d->fd, d->name.constData(), &info, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    *out = EntryStamp { qint64(info.st_size), modificationTimeNs(info), quint64(info.st_ino),
        S_ISDIR(info.st_mode) };
    return true;
}

} // namespace foxreload::platform
