#include "PrivateDirectory.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload::platform {

namespace {
QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Closes the descriptor on every way out.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};
} // namespace

bool ensurePrivateDirectory(const QString& path, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), S_IRWXU) != 0 && errno != EEXIST) {
        *error = u"cannot create %1: %2"_s.arg(path, systemError());
        return false;
    }
    const FileDescriptor directory(
        ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (directory.get() < 0) {
        *error = errno == ELOOP || errno == ENOTDIR
            ? u"%1 is a symbolic link or not a directory; it is left alone"_s.arg(path)
            : u"cannot open %1: %2"_s.arg(path, systemError());
        return false;
    }
    struct stat info
    {
    };
    if (::fstat(directory.get(), &info) != 0) {
        *error = u"cannot examine %1: %2"_s.arg(path, systemError());
        return false;
    }
    if (info.st_uid != ::geteuid()) {
        // Whoever owns it can swap what is inside: the socket would not be private.
        *error = u"%1 belongs to uid %2, not to uid %3; it is left alone"_s.arg(
            path, QString::number(info.st_uid), QString::number(::geteuid()));
        return false;
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0 && ::fchmod(directory.get(), S_IRWXU) != 0) {
        *error = u"cannot make %1 private (mode 0700): %2"_s.arg(path, systemError());
        return false;
    }
    return true;
}

bool clearStaleSocket(const QString& path, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info
    {
    };
    if (::lstat(native.constData(), &info) != 0) {
        if (errno == ENOENT)
            return true;
        *error = u"cannot examine %1: %2"_s.arg(path, systemError());
        return false;
    }
    if (!S_ISSOCK(info.st_mode)) {
        *error = u"%1 exists and is not a socket; it is left alone"_s.arg(path);
        return false;
    }
    if (::unlink(native.constData()) != 0 && errno != ENOENT) {
        *error = u"cannot remove the stale socket %1: %2"_s.arg(path, systemError());
        return false;
    }
    return true;
}

bool registerLocalServer(const QString& path, QString* error)
{
    if (QFileInfo::exists(path)) // the socket file QLocalServer::listen() made
        return true;
    *error = u"no socket file at %1 after listening"_s.arg(path);
    return false;
}

void unregisterLocalServer(const QString& path)
{
    QFile::remove(path);
}

} // namespace foxreload::platform
