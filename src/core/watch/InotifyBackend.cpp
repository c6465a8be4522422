#include "InotifyBackend.h"

#include "PollingBackend.h"
#include "SnapshotTree.h"
#include "WatchLog.h"

#include <QFile>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <string_view>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

constexpr quint32 kDirectoryMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM
    | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
constexpr qint64 kWriteSettleNs = 75'000'000; // a write without a close is reported after this quiet time
constexpr qint64 kMoveGraceNs = 2'000'000; // for a MOVED_TO still on its way when the queue ran dry
constexpr size_t kBufferSize = 64 * 1024;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 realtimeNs()
{
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// File timestamps come from the coarse clock, which may lag the real time by a tick.
qint64 coarseClockSlackNs()
{
    timespec resolution {};
    if (::clock_getres(CLOCK_REALTIME_COARSE, &resolution) != 0)
        return 10'000'000;
    return 2 * (qint64(resolution.tv_sec) * 1000000000LL + resolution.tv_nsec);
}

int readProcInt(const char* path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const int value = file.readAll().trimmed().toInt(&ok);
    return ok ? value : -1;
}

// The snapshot of one directory is a string of entries, each a kind byte ('f' or
// 'd'), the name and a NUL: ~12 bytes a file, and no per-file allocation.
struct EntryRef
{
    std::string_view name;
    char kind;
};

size_t findEntry(const std::string& entries, std::string_view name)
{
    const char* data = entries.data();
    const size_t size = entries.size();
    size_t pos = 0;
    while (pos < size) {
        const char* entryName = data + pos + 1;
        const size_t length = std::strlen(entryName);
        if (length == name.size() && std::memcmp(entryName, name.data(), length) == 0)
            return pos;
        pos += length + 2;
    }
    return std::string::npos;
}

bool removeEntry(std::string& entries, std::string_view name, char* kind = nullptr)
{
    const size_t pos = findEntry(entries, name);
    if (pos == std::string::npos)
        return false;
    if (kind)
        *kind = entries[pos];
    entries.erase(pos, name.size() + 2);
    return true;
}

void addEntry(std::string& entries, char kind, std::string_view name)
{
    entries.push_back(kind);
    entries.append(name);
    entries.push_back('\0');
}

std::vector<EntryRef> parseEntries(const std::string& entries)
{
    std::vector<EntryRef> result;
    size_t pos = 0;
    while (pos < entries.size()) {
        const char* entryName = entries.data() + pos + 1;
        const size_t length = std::strlen(entryName);
        result.push_back({ std::string_view(entryName, length), entries[pos] });
        pos += length + 2;
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return result;
}

template<typename Function>
void forEachEntry(const std::string& entries, Function function)
{
    size_t pos = 0;
    while (pos < entries.size()) {
        const char* entryName = entries.data() + pos + 1;
        const size_t length = std::strlen(entryName);
        function(entries[pos], std::string_view(entryName, length));
        pos += length + 2;
    }
}

// Appends a file name without a temporary QString for the common all-ASCII name.
void appendName(QString& path, const char* name)
{
    const size_t length = std::strlen(name);
    for (size_t i = 0; i < length; ++i) {
        if (static_cast<unsigned char>(name[i]) >= 0x80) {
            path += QString::fromUtf8(name, qsizetype(length));
            return;
        }
    }
    path.append(QLatin1StringView(name, qsizetype(length)));
}

QString childPath(const QString& directory, std::string_view name)
{
    return joinPath(directory, QString::fromUtf8(name.data(), qsizetype(name.size())));
}

// opendir/readdir with d_type, falling back to lstat where the file system does not fill it in.
class DirectoryReader
{
public:
    explicit DirectoryReader(const QByteArray& path)
        : m_handle(::opendir(path.constData()))
    { }
    ~DirectoryReader()
    {
        if (m_handle)
            ::closedir(m_handle);
    }
    DirectoryReader(const DirectoryReader&) = delete;
    DirectoryReader& operator=(const DirectoryReader&) = delete;

    bool isOpen() const { return m_handle != nullptr; }
    int fd() const { return ::dirfd(m_handle); }

    // Next entry other than "." and "..": its name, and whether it is a directory
    // (symbolic links are not followed).
    bool next(const char** name, bool* isDirectory)
    {
        while (const dirent* entry = ::readdir(m_handle)) {
            const char* entryName = entry->d_name;
            if (entryName[0] == '.' && (entryName[1] == 0 || (entryName[1] == '.' && entryName[2] == 0)))
                continue;
            *name = entryName;
            if (entry->d_type != DT_UNKNOWN) {
                *isDirectory = entry->d_type == DT_DIR;
            } else {
                struct stat st;
                if (::fstatat(fd(), entryName, &st, AT_SYMLINK_NOFOLLOW) != 0)
                    continue;
                *isDirectory = S_ISDIR(st.st_mode);
            }
            return true;
        }
        return false;
    }

private:
    DIR* m_handle;
};

QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash > 0 ? path.left(slash) : u"/"_s;
}

} // namespace

InotifyBackend::InotifyBackend(QObject* parent)
    : WatchBackend(parent)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &InotifyBackend::onDeadline);
}

InotifyBackend::~InotifyBackend()
{
    stop();
}

QString InotifyBackend::name() const
{
    return m_fallback && m_fallback->directoryCount() > 0 ? u"inotify+polling"_s : u"inotify"_s;
}

int InotifyBackend::systemWatchLimit()
{
    return readProcInt("/proc/sys/fs/inotify/max_user_watches");
}

void InotifyBackend::setPollInterval(int milliseconds)
{
    m_pollInterval = milliseconds;
    if (m_fallback)
        m_fallback->setInterval(milliseconds);
}

bool InotifyBackend::start(const QList<WatchTarget>& targets, WatchStats* stats)
{
    stop();
    m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
        const int error = errno;
        Q_EMIT warning(u"cannot use inotify: %1%2"_s.arg(QString::fromLocal8Bit(std::strerror(error)),
            error == EMFILE ? u" (fs.inotify.max_user_instances reached)"_s : QString()));
        return false;
    }
    // The queue's size is fixed now, when the instance is made; the knob may change later.
    m_queueLimit = readProcInt("/proc/sys/fs/inotify/max_queued_events");
    m_buffer = std::make_unique<char[]>(kBufferSize);
    m_targets = targets;
    m_previousDrainStartNs = realtimeNs();

    for (int i = 0; i < m_targets.size(); ++i)
        armTarget(i, false, stats);
    markRoots();

    if (m_dirs.empty() && !m_fallback) {
        stop();
        return false;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &InotifyBackend::readEvents);
    qCDebug(lcWatch) << "inotify armed" << m_dirs.size() << "directories";
    return true;
}

void InotifyBackend::armTarget(int index, bool report, WatchStats* stats)
{
    const WatchTarget& target = m_targets.at(index);
    if (target.onlyName.isEmpty())
        armTree(target.directory, index, report, stats);
    else
        armFileRoot(target, index, stats);
}

void InotifyBackend::markRoots()
{
    for (auto& [wd, dir] : m_dirs) {
        for (const auto& target : std::as_const(m_targets)) {
            if (dir.path == target.directory)
                dir.isRoot = true;
        }
    }
}

bool InotifyBackend::addTarget(const WatchTarget& target)
{
    if (m_fd < 0)
        return false;
    // The same root again (it came back) keeps its index, so its filter stays the one in use.
    qsizetype index = -1;
    for (qsizetype i = 0; i < m_targets.size() && index < 0; ++i) {
        if (m_targets.at(i).rootPath == target.rootPath)
            index = i;
    }
    if (index < 0) {
        m_targets.append(target);
        index = m_targets.size() - 1;
    }
    const bool wasWatched = m_wdByPath.contains(target.directory);
    armTarget(int(index), true, nullptr);
    markRoots();
    if (!target.onlyName.isEmpty() && !wasWatched && m_wdByPath.contains(target.directory)
        && ::access(QFile::encodeName(target.rootPath).constData(), F_OK) == 0)
        report(FileEvent::Kind::Created, target.rootPath);
    scheduleDeadline();
    return m_wdByPath.contains(target.directory);
}

void InotifyBackend::stop()
{
    m_deadline.stop();
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd); // drops every watch at once
    m_fd = -1;
    m_dirs.clear();
    m_wdByPath.clear();
    m_writes.clear();
    m_move.reset();
    if (m_fallback)
        m_fallback->stop();
}

int InotifyBackend::addWatch(const QByteArray& path)
{
    if (m_watchLimit >= 0 && qsizetype(m_dirs.size()) >= m_watchLimit) {
        errno = ENOSPC;
        return -1;
    }
    return ::inotify_add_watch(m_fd, path.constData(), kDirectoryMask);
}

void InotifyBackend::armTree(const QString& path, int target, bool report, WatchStats* stats)
{
    const PathFilter* filter = m_targets.at(target).filter.get();
    std::vector<QString> pending { path };
    QString child;
    while (!pending.empty()) {
        const QString directory = std::move(pending.back());
        pending.pop_back();
        const QByteArray bytes = QFile::encodeName(directory);

        Dir* dir = nullptr;
        const int wd = addWatch(bytes);
        if (wd >= 0) {
            auto existing = m_dirs.find(wd);
            if (existing != m_dirs.end() && existing->second.path != directory) {
                // The same inode watched under an old name: a rename we did not see
                // (the queue overflowed). The old name's files are gone from there.
                forgetSubtree(existing->second.path, true, false);
                existing = m_dirs.end();
            }
            if (existing != m_dirs.end()) {
                if (existing->second.onlyNames.isEmpty())
                    continue; // walked already (overlapping roots)
                existing->second.onlyNames.clear(); // a file root's parent is now watched whole
                existing->second.target = target;
                dir = &existing->second;
            } else {
                dir = &m_dirs[wd];
                dir->path = directory;
                dir->target = target;
                m_wdByPath.insert(directory, wd);
            }
        } else if (errno == ENOSPC) {
            toFallback(directory, target, {}, report);
        } else if (errno == ENOENT || errno == ENOTDIR) {
            continue; // gone already: its parent's events say so
        } else {
            Q_EMIT warning(
                u"cannot watch %1: %2"_s.arg(directory, QString::fromLocal8Bit(std::strerror(errno))));
            continue;
        }

        DirectoryReader reader(bytes);
        if (!reader.isOpen())
            continue;
        if (stats)
            ++stats->directories;
        std::string entries;
        child = directory;
        if (!child.endsWith(u'/'))
            child += u'/';
        const qsizetype base = child.size();
        const char* name = nullptr;
        bool isDirectory = false;
        while (reader.next(&name, &isDirectory)) {
            child.truncate(base);
            appendName(child, name);
            if (filter && filter->isExcluded(child, isDirectory)) {
                if (isDirectory && stats)
                    ++stats->prunedTrees;
                continue;
            }
            addEntry(entries, isDirectory ? 'd' : 'f', name);
            if (isDirectory) {
                pending.push_back(child);
                if (report)
                    this->report(FileEvent::Kind::Created, child, {}, true);
            } else {
                if (stats)
                    ++stats->files;
                if (report && dir)
                    this->report(FileEvent::Kind::Created, child);
            }
        }
        if (dir) {
            entries.shrink_to_fit();
            dir->entries = std::move(entries);
        }
    }
}

void InotifyBackend::armFileRoot(const WatchTarget& target, int index, WatchStats* stats)
{
    const QByteArray bytes = QFile::encodeName(target.directory);
    const int wd = addWatch(bytes);
    if (wd < 0) {
        if (errno == ENOSPC)
            toFallback(target.directory, index, target.onlyName, false);
        else
            Q_EMIT warning(
                u"cannot watch %1: %2"_s.arg(target.directory, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    auto existing = m_dirs.find(wd);
    if (existing != m_dirs.end() && existing->second.onlyNames.isEmpty())
        return; // its directory is watched whole already
    Dir& dir = existing != m_dirs.end() ? existing->second : m_dirs[wd];
    if (existing == m_dirs.end()) {
        dir.path = target.directory;
        dir.target = index;
        m_wdByPath.insert(target.directory, wd);
    }
    dir.onlyNames.append(target.onlyName);
    struct stat st;
    if (::lstat(QFile::encodeName(target.rootPath).constData(), &st) == 0) {
        addEntry(dir.entries, S_ISDIR(st.st_mode) ? 'd' : 'f', std::string_view(target.onlyName.constData()));
        if (stats)
            ++stats->files;
    }
}

void InotifyBackend::toFallback(const QString& path, int target, const QByteArray& onlyName, bool report)
{
    if (!m_fallback) {
        m_fallback = new PollingBackend(this);
        m_fallback->setInterval(m_pollInterval);
        connect(m_fallback, &WatchBackend::changed, this, &WatchBackend::changed);
        connect(m_fallback, &WatchBackend::warning, this, &WatchBackend::warning);
    }
    m_fallback->addDirectory(path, m_targets.at(target).filter, onlyName, report);
    warnWatchLimit();
}

void InotifyBackend::warnWatchLimit()
{
    if (m_limitWarned)
        return;
    m_limitWarned = true;
    // Said once, after the walk, when the number of polled directories is known.
    QTimer::singleShot(0, this, [this] {
        int limit = m_watchLimit;
        QString key = u"fs.inotify.max_user_watches"_s;
        if (limit < 0) {
            // In a user namespace (a container) the kernel also applies the namespace's own limit,
            // which fs.inotify.max_user_watches does not show there: name the one that is lower.
            limit = systemWatchLimit();
            const int namespaceLimit = readProcInt("/proc/sys/user/max_inotify_watches");
            if (namespaceLimit >= 0 && (limit < 0 || namespaceLimit < limit)) {
                limit = namespaceLimit;
                key = u"user.max_inotify_watches"_s;
            }
        }
        Q_EMIT warning(u"inotify watch limit reached (%1 = %2; %3 directories armed): "
                       "%4 directories are polled every %5 ms instead. Raise the limit with "
                       "'sudo sysctl %1=524288' (persist it in /etc/sysctl.d/)"_s.arg(key)
                           .arg(limit)
                           .arg(m_dirs.size())
                           .arg(m_fallback ? m_fallback->directoryCount() : 0)
                           .arg(m_pollInterval));
    });
}

void InotifyBackend::setPausedForTesting(bool paused)
{
    m_paused = paused;
    if (m_notifier)
        m_notifier->setEnabled(!paused);
}

void InotifyBackend::simulateOverflowForTesting()
{
    if (m_fd < 0)
        return;
    while (::read(m_fd, m_buffer.get(), kBufferSize) > 0) { } // the lost events
    m_writes.clear();
    rescanAfterOverflow(m_previousDrainStartNs - coarseClockSlackNs());
    scheduleDeadline();
}

void InotifyBackend::readEvents()
{
    const qint64 drainStartNs = realtimeNs();
    char* buffer = m_buffer.get();
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, kBufferSize);
        if (length < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN)
                qCWarning(lcWatch) << "reading inotify events failed:" << std::strerror(errno);
            break;
        }
        if (length == 0)
            break;
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            processEvent(event);
            offset += ssize_t(sizeof(inotify_event) + event->len);
        }
    }
    if (m_overflowed) {
        m_overflowed = false;
        rescanAfterOverflow(m_previousDrainStartNs - coarseClockSlackNs());
    }
    m_previousDrainStartNs = drainStartNs;
    scheduleDeadline();
}

bool InotifyBackend::isVisible(
    const Dir& dir, const QString& path, const char* name, qsizetype length, bool isDirectory) const
{
    if (!dir.onlyNames.isEmpty())
        return !isDirectory && dir.onlyNames.contains(QByteArrayView(name, length));
    const PathFilter* filter = m_targets.at(dir.target).filter.get();
    return !filter || !filter->isExcluded(path, isDirectory);
}

void InotifyBackend::processEvent(const inotify_event* event)
{
    const quint32 mask = event->mask;
    if (m_move && !((mask & IN_MOVED_TO) && event->cookie == m_move->cookie))
        resolveMove(); // keep the order: the move-out happened before this event
    if (mask & IN_Q_OVERFLOW) {
        m_overflowed = true;
        return;
    }
    const int wd = event->wd;
    auto found = m_dirs.find(wd);
    if (found == m_dirs.end())
        return; // a watch already forgotten
    Dir& dir = found->second;
    if (mask & IN_IGNORED) {
        forgetWatch(wd);
        return;
    }
    if (mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        // A directory below a root is reported through its parent's event.
        if (dir.isRoot && m_wdByPath.value(dir.path, -1) == wd)
            dropLostRoot(dir.path, mask & IN_MOVE_SELF);
        return;
    }
    if (event->len == 0)
        return;
    const char* name = event->name;
    const qsizetype length = qsizetype(std::strlen(name));
    const bool isDirectory = mask & IN_ISDIR;
    const std::string_view nameView(name, size_t(length));

    if (mask & IN_MODIFY) {
        // The hot path: no path and no filter here; whether the file counts is
        // decided once, when the write is reported.
        auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
        if (pending != m_writes.end()) {
            pending->lastWriteNs = steadyNs();
            pending->unreported = true;
            return;
        }
        if (!dir.onlyNames.isEmpty() && !dir.onlyNames.contains(QByteArrayView(name, length)))
            return;
        m_writes.insert(WriteKey { wd, QByteArray(name, length) }, PendingWrite { steadyNs(), false, true });
        return;
    }
    if (mask & IN_CLOSE_WRITE) {
        if (isDirectory)
            return;
        auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
        bool visible = false;
        if (pending != m_writes.end()) {
            const bool wasCreated = pending->created;
            const bool unreported = pending->unreported;
            m_writes.erase(pending);
            if (unreported)
                visible = reportWrite(dir, nameView, wasCreated);
            else // reported by its deadline while still open
                visible = isVisible(dir, childPath(dir.path, nameView), name, length, false);
        } else {
            if (!dir.onlyNames.isEmpty() && !dir.onlyNames.contains(QByteArrayView(name, length)))
                return;
            visible = reportWrite(dir, nameView, false); // opened for writing before we looked
        }
        // After the file's last "modified": the batcher may close as soon as every writer is done.
        if (visible)
            report(FileEvent::Kind::WriteClosed, childPath(dir.path, nameView));
        return;
    }

    if (!dir.onlyNames.isEmpty() && !(mask & (IN_MOVED_FROM | IN_MOVED_TO))
        && !dir.onlyNames.contains(QByteArrayView(name, length)))
        return;
    const QString path = childPath(dir.path, nameView);

    if (mask & IN_CREATE) {
        if (!isVisible(dir, path, name, length, isDirectory))
            return;
        if (findEntry(dir.entries, nameView) != std::string::npos)
            return; // the walk of a new directory found and reported it already
        addEntry(dir.entries, isDirectory ? 'd' : 'f', nameView);
        if (isDirectory) {
            report(FileEvent::Kind::Created, path, {}, true);
            armTree(path, dir.target, true, nullptr);
        } else {
            m_writes.insert(
                WriteKey { wd, QByteArray(name, length) }, PendingWrite { steadyNs(), true, true });
        }
        return;
    }
    if (mask & IN_DELETE) {
        if (!isVisible(dir, path, name, length, isDirectory))
            return;
        removeEntry(dir.entries, nameView);
        if (isDirectory) {
            forgetSubtree(path, true);
            report(FileEvent::Kind::Removed, path, {}, true);
            return;
        }
        auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
        if (pending != m_writes.end()) {
            const bool neverAnnounced = pending->created && pending->unreported;
            m_writes.erase(pending);
            if (neverAnnounced)
                return; // came and went before it settled: nothing to tell
        }
        report(FileEvent::Kind::Removed, path);
        return;
    }
    if (mask & IN_MOVED_FROM) {
        PendingMove move;
        move.cookie = event->cookie;
        move.wd = wd;
        move.path = path;
        move.isDirectory = isDirectory;
        move.deadlineNs = steadyNs() + kMoveGraceNs;
        const bool visible = (dir.onlyNames.isEmpty() || dir.onlyNames.contains(QByteArrayView(name, length)))
            && isVisible(dir, path, name, length, isDirectory);
        move.announced = visible && removeEntry(dir.entries, nameView);
        if (!isDirectory) {
            auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
            if (pending != m_writes.end()) {
                if (pending->created && pending->unreported)
                    move.announced = false;
                m_writes.erase(pending);
            }
        }
        m_move = std::move(move);
        return;
    }
    if (mask & IN_MOVED_TO)
        handleMovedTo(dir, wd, name, length, isDirectory, event->cookie);
}

void InotifyBackend::handleMovedTo(
    Dir& dir, int wd, const char* name, qsizetype length, bool isDirectory, quint32 cookie)
{
    Q_UNUSED(wd)
    std::optional<PendingMove> move;
    if (m_move && m_move->cookie == cookie)
        move.swap(m_move);
    const std::string_view nameView(name, size_t(length));
    const QString path = childPath(dir.path, nameView);
    const bool visible = (dir.onlyNames.isEmpty() || dir.onlyNames.contains(QByteArrayView(name, length)))
        && isVisible(dir, path, name, length, isDirectory);
    const bool fromKnown = move && move->announced;

    if (isDirectory) {
        const bool wasWatched = fromKnown && m_wdByPath.contains(move->path);
        if (!visible) {
            if (fromKnown) {
                forgetSubtree(move->path, true);
                report(FileEvent::Kind::Removed, move->path, {}, true);
            }
            return;
        }
        if (findEntry(dir.entries, nameView) == std::string::npos)
            addEntry(dir.entries, 'd', nameView);
        if (wasWatched) {
            report(FileEvent::Kind::Renamed, path, move->path, true);
            renameSubtree(move->path, path);
        } else {
            if (fromKnown)
                report(FileEvent::Kind::Removed, move->path, {}, true);
            report(FileEvent::Kind::Created, path, {}, true);
            armTree(path, dir.target, true, nullptr);
        }
        return;
    }

    if (!visible) {
        if (fromKnown)
            report(FileEvent::Kind::Removed, move->path);
        return;
    }
    const bool replacesExisting = findEntry(dir.entries, nameView) != std::string::npos;
    if (replacesExisting) {
        // An atomic save: what changed for the user is the target.
        report(FileEvent::Kind::Modified, path);
        if (fromKnown)
            report(FileEvent::Kind::Removed, move->path);
        return;
    }
    addEntry(dir.entries, 'f', nameView);
    if (fromKnown)
        report(FileEvent::Kind::Renamed, path, move->path);
    else
        report(FileEvent::Kind::Created, path);
}

void InotifyBackend::resolveMove()
{
    std::optional<PendingMove> move;
    move.swap(m_move);
    if (!move || !move->announced)
        return;
    // Moved out of sight: gone, as far as the watched tree is concerned.
    if (move->isDirectory) {
        forgetSubtree(move->path, true);
        report(FileEvent::Kind::Removed, move->path, {}, true);
    } else {
        report(FileEvent::Kind::Removed, move->path);
    }
}

void InotifyBackend::scheduleDeadline()
{
    qint64 next = -1;
    if (m_move)
        next = m_move->deadlineNs;
    for (const auto& pending : std::as_const(m_writes)) {
        if (!pending.unreported)
            continue;
        const qint64 due = pending.lastWriteNs + kWriteSettleNs;
        if (next < 0 || due < next)
            next = due;
    }
    if (next < 0) {
        m_deadline.stop(); // nothing pending: no timer while idle
        return;
    }
    const qint64 waitMs = qMax<qint64>(0, (next - steadyNs() + 999'999) / 1'000'000);
    m_deadline.start(int(waitMs));
}

void InotifyBackend::onDeadline()
{
    // A MOVED_TO may be sitting in the queue: read it before deciding.
    if (!m_paused)
        readEvents();
    const qint64 now = steadyNs();
    if (m_move && m_move->deadlineNs <= now)
        resolveMove();
    for (auto it = m_writes.begin(); it != m_writes.end(); ++it) {
        if (!it->unreported || it->lastWriteNs + kWriteSettleNs > now)
            continue;
        auto dir = m_dirs.find(it.key().wd);
        if (dir == m_dirs.end())
            continue;
        // Still open for writing: say what happened so far; the close reports only
        // what is written after this.
        it->unreported = false;
        const bool wasCreated = it->created;
        it->created = false;
        reportWrite(dir->second, std::string_view(it.key().name.constData(), size_t(it.key().name.size())),
            wasCreated);
    }
    scheduleDeadline();
}

QList<int> InotifyBackend::subtreeWatches(const QString& path) const
{
    QList<int> result;
    const int top = m_wdByPath.value(path, -1);
    if (top < 0)
        return result;
    result.append(top);
    for (qsizetype i = 0; i < result.size(); ++i) {
        const auto it = m_dirs.find(result.at(i));
        if (it == m_dirs.end())
            continue;
        const QString& directory = it->second.path;
        forEachEntry(it->second.entries, [&](char kind, std::string_view name) {
            if (kind != 'd')
                return;
            const int wd = m_wdByPath.value(childPath(directory, name), -1);
            if (wd >= 0 && !result.contains(wd))
                result.append(wd);
        });
    }
    return result;
}

void InotifyBackend::forgetSubtree(const QString& path, bool report, bool removeWatches)
{
    const QList<int> watches = subtreeWatches(path);
    for (const int wd : watches) {
        auto it = m_dirs.find(wd);
        if (it == m_dirs.end())
            continue;
        if (report) {
            const QString directory = it->second.path;
            forEachEntry(it->second.entries, [&](char kind, std::string_view name) {
                this->report(FileEvent::Kind::Removed, childPath(directory, name), {}, kind == 'd');
            });
        }
        if (removeWatches)
            ::inotify_rm_watch(m_fd, wd); // its IN_IGNORED finds nothing left to forget
        forgetWatch(wd);
    }
}

void InotifyBackend::renameSubtree(const QString& from, const QString& to)
{
    const QList<int> watches = subtreeWatches(from);
    for (const int wd : watches) {
        auto it = m_dirs.find(wd);
        if (it == m_dirs.end())
            continue;
        Dir& dir = it->second;
        const QString oldPath = dir.path;
        const QString newPath = to + QStringView(oldPath).mid(from.size());
        if (m_wdByPath.value(oldPath) == wd)
            m_wdByPath.remove(oldPath);
        m_wdByPath.insert(newPath, wd);
        dir.path = newPath;
        forEachEntry(dir.entries, [&](char kind, std::string_view name) {
            report(FileEvent::Kind::Renamed, childPath(newPath, name), childPath(oldPath, name), kind == 'd');
        });
    }
}

void InotifyBackend::forgetWatch(int wd)
{
    auto it = m_dirs.find(wd);
    if (it == m_dirs.end())
        return;
    if (m_wdByPath.value(it->second.path) == wd)
        m_wdByPath.remove(it->second.path);
    m_dirs.erase(it);
    if (!m_writes.isEmpty()) {
        m_writes.removeIf([wd](const auto& entry) { return entry.key().wd == wd; });
    }
}

void InotifyBackend::dropLostRoot(QString directory, bool moved)
{
    // The watches follow a moved inode to wherever it went, and a removed root may come
    // back under the same name: drop them all now (what they held is reported removed),
    // so that a new directory there is armed afresh.
    forgetSubtree(directory, true);
    qCInfo(lcWatch).noquote() << "watch root" << directory << (moved ? "moved away" : "removed");
    Q_EMIT rootLost(directory);
}

void InotifyBackend::rescanAfterOverflow(qint64 thresholdNs)
{
    resolveMove();
    if (!m_overflowWarned) {
        m_overflowWarned = true;
        Q_EMIT warning(u"inotify event queue overflowed (fs.inotify.max_queued_events = %1): "
                       "rescanning %2 directories to catch up"_s.arg(m_queueLimit)
                           .arg(m_dirs.size()));
    }
    std::vector<std::pair<QString, int>> order;
    order.reserve(m_dirs.size());
    for (const auto& [wd, dir] : m_dirs)
        order.emplace_back(dir.path, wd);
    std::sort(order.begin(), order.end()); // parents before children
    for (const auto& [path, wd] : order) {
        auto it = m_dirs.find(wd);
        if (it != m_dirs.end() && it->second.path == path)
            rescanDirectory(wd, thresholdNs);
    }
    if (m_fallback)
        m_fallback->pollNow();
}

bool InotifyBackend::hasUnreportedWrite(int wd, std::string_view name) const
{
    const auto it
        = m_writes.constFind(WriteKey { wd, QByteArray::fromRawData(name.data(), qsizetype(name.size())) });
    return it != m_writes.cend() && it->unreported;
}

void InotifyBackend::rescanDirectory(int wd, qint64 thresholdNs)
{
    Dir& dir = m_dirs.at(wd);
    const QString path = dir.path;
    const QByteArray bytes = QFile::encodeName(path);
    DirectoryReader reader(bytes);
    if (!reader.isOpen()) {
        if (dir.isRoot) {
            dropLostRoot(path, false);
        } else if (!m_wdByPath.contains(parentOf(path))) {
            forgetSubtree(path, true);
        }
        return; // otherwise the parent's rescan reported it
    }

    std::string now;
    QString child = path.endsWith(u'/') ? path : path + u'/';
    const qsizetype base = child.size();
    const char* name = nullptr;
    bool isDirectory = false;
    while (reader.next(&name, &isDirectory)) {
        child.truncate(base);
        appendName(child, name);
        if (!isVisible(dir, child, name, qsizetype(std::strlen(name)), isDirectory))
            continue;
        addEntry(now, isDirectory ? 'd' : 'f', name);
    }

    const std::string before = std::move(dir.entries);
    dir.entries = std::move(now);
    const int target = dir.target;
    const auto oldEntries = parseEntries(before);
    const auto newEntries = parseEntries(m_dirs.at(wd).entries);
    const auto gone = [&](const EntryRef& entry) {
        const QString entryPath = childPath(path, entry.name);
        if (entry.kind == 'd') {
            forgetSubtree(entryPath, true);
            report(FileEvent::Kind::Removed, entryPath, {}, true);
        } else {
            report(FileEvent::Kind::Removed, entryPath);
        }
    };
    const auto arrived = [&](const EntryRef& entry) {
        const QString entryPath = childPath(path, entry.name);
        if (entry.kind == 'd') {
            report(FileEvent::Kind::Created, entryPath, {}, true);
            armTree(entryPath, target, true, nullptr);
        } else {
            report(FileEvent::Kind::Created, entryPath);
        }
    };
    auto oldIt = oldEntries.cbegin();
    auto newIt = newEntries.cbegin();
    while (oldIt != oldEntries.cend() || newIt != newEntries.cend()) {
        if (newIt == newEntries.cend() || (oldIt != oldEntries.cend() && oldIt->name < newIt->name)) {
            gone(*oldIt++);
        } else if (oldIt == oldEntries.cend() || newIt->name < oldIt->name) {
            arrived(*newIt++);
        } else {
            if (oldIt->kind != newIt->kind) {
                gone(*oldIt);
                arrived(*newIt);
            } else if (newIt->kind == 'f' && !hasUnreportedWrite(wd, newIt->name)) {
                // (a pending write is reported by its own deadline, as created or modified)
                const std::string fileName(newIt->name);
                struct stat st;
                if (::fstatat(reader.fd(), fileName.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
                    const qint64 mtime = qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
                    if (mtime >= thresholdNs)
                        report(FileEvent::Kind::Modified, childPath(path, newIt->name));
                }
            }
            ++oldIt;
            ++newIt;
        }
    }
}

bool InotifyBackend::reportWrite(const Dir& dir, std::string_view name, bool created)
{
    const QString path = childPath(dir.path, name);
    // A created file passed the filter at IN_CREATE; a written one is checked now.
    if (!created && !isVisible(dir, path, name.data(), qsizetype(name.size()), false))
        return false;
    report(created ? FileEvent::Kind::Created : FileEvent::Kind::Modified, path);
    return true;
}

void InotifyBackend::report(
    FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory)
{
    emitChange(kind, path, oldPath, isDirectory);
}

} // namespace foxreload
