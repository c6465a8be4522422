#include "DirectoryReader.h"
#include "UnixFileStat.h"

#include <QFile>

#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>

namespace foxreload::platform {

struct DirectoryReader::Handle
{
    DIR* dir = nullptr;
    int fd = -1;
    const dirent* entry = nullptr;
    qsizetype length = 0;
    mutable QByteArray name; // made on demand: most walkers only need nameView()
    mutable bool named = false;
};

DirectoryReader::DirectoryReader(const QString& path)
    : DirectoryReader(QFile::encodeName(path))
{ }

DirectoryReader::DirectoryReader(const QByteArray& encodedPath)
    : d(std::make_unique<Handle>())
{
    d->dir = ::opendir(encodedPath.constData());
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
        d->entry = entry;
        d->length = qsizetype(std::strlen(name));
        d->named = false;
        return true;
    }
    d->entry = nullptr;
    return false;
}

const QByteArray& DirectoryReader::name() const
{
    if (!d->named) {
        d->name = nameView().toByteArray();
        d->named = true;
    }
    return d->name;
}

QByteArrayView DirectoryReader::nameView() const
{
    return d->entry ? QByteArrayView(d->entry->d_name, d->length) : QByteArrayView();
}

bool DirectoryReader::isDirectory() const
{
    if (!d->entry)
        return false;
    if (d->entry->d_type != DT_UNKNOWN)
        return d->entry->d_type == DT_DIR; // DT_LNK for a link: not followed
    struct stat info;
    return ::fstatat(d->fd, d->entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode);
}

namespace {

bool stampAt(int directoryFd, const char* name, EntryStamp* out)
{
    struct stat info;
    if (directoryFd < 0 || ::fstatat(directoryFd, name, &info, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    *out = EntryStamp { qint64(info.st_size), modificationTimeNs(info), quint64(info.st_ino),
        S_ISDIR(info.st_mode) };
    return true;
}

} // namespace

bool DirectoryReader::stamp(EntryStamp* out) const
{
    return d->entry && stampAt(d->fd, d->entry->d_name, out);
}

bool DirectoryReader::stampOf(QByteArrayView name, EntryStamp* out) const
{
    char terminated[NAME_MAX + 1];
    if (name.isEmpty() || name.size() > NAME_MAX)
        return false;
    std::memcpy(terminated, name.data(), size_t(name.size()));
    terminated[name.size()] = 0;
    return stampAt(d->fd, terminated, out);
}

} // namespace foxreload::platform
