#include "InotifyBackend.h"

#include "InotifyTiming.h"
#include "PollingBackend.h"
#include "TreeArmer.h"
#include "WatchLog.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload {

using namespace inotify;

namespace {

constexpr quint32 kDirectoryMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM
    | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

int readProcInt(const char* path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const int value = file.readAll().trimmed().toInt(&ok);
    return ok ? value : -1;
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

    if (m_table.size() == 0 && !m_fallback) {
        stop();
        return false;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &InotifyBackend::readEvents);
    qCDebug(lcWatch) << "inotify armed" << m_table.size() << "directories," << m_table.names().size()
                     << "distinct names";
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
    m_table.forEach([this](int, Dir& dir) {
        for (const auto& target : std::as_const(m_targets)) {
            if (dir.path == target.directory)
                dir.isRoot = true;
        }
    });
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
    const bool wasWatched = m_table.contains(target.directory);
    armTarget(int(index), true, nullptr);
    markRoots();
    if (!target.onlyName.isEmpty() && !wasWatched && m_table.contains(target.directory)
        && ::access(QFile::encodeName(target.rootPath).constData(), F_OK) == 0)
        report(FileEvent::Kind::Created, target.rootPath);
    scheduleDeadline();
    return m_table.contains(target.directory);
}

void InotifyBackend::stop()
{
    m_deadline.stop();
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd); // drops every watch at once
    m_fd = -1;
    m_table.clear();
    m_writes.clear();
    m_move.reset();
    if (m_fallback)
        m_fallback->stop();
}

int InotifyBackend::addWatch(const QByteArray& path)
{
    if (m_watchLimit >= 0 && m_table.size() >= m_watchLimit) {
        errno = ENOSPC;
        return -1;
    }
    return ::inotify_add_watch(m_fd, path.constData(), kDirectoryMask);
}

void InotifyBackend::armTree(const QString& path, int target, bool report, WatchStats* stats)
{
    const PathFilter* filter = m_targets.at(target).filter.get();
    NameTable& names = m_table.names();
    EntryListFiller filler(names);
    QString child;
    // At start-up the tree may be large, so the watches and reads are spread over threads. A
    // tree that appears later (a new directory) is armed on this thread: no threads to start
    // for a directory or two, and the test hook's limit counts the table as it grows.
    const bool parallel = !report && m_watchLimit < 0;
    std::function<int(const QByteArray&)> watch = [this](const QByteArray& bytes) { return addWatch(bytes); };
    if (parallel) // on the workers' threads: the descriptor only, not the table
        watch = [fd = m_fd](const QByteArray& bytes) {
            return ::inotify_add_watch(fd, bytes.constData(), kDirectoryMask);
        };
    TreeArmer armer(std::move(watch), parallel ? TreeArmer::defaultWorkers() : 0);
    armer.run(path, [&](const ArmedListing& listing, std::vector<QString>& next) {
        const QString& directory = listing.path;
        Dir* dir = nullptr;
        if (listing.wd >= 0) {
            dir = m_table.find(listing.wd);
            if (dir && dir->path != directory) {
                // The same inode watched under an old name: a rename we did not see
                // (the queue overflowed). The old name's files are gone from there.
                forgetSubtree(dir->path, true, false);
                dir = nullptr;
            }
            if (dir) {
                if (dir->onlyNames.isEmpty())
                    return; // walked already (overlapping roots)
                dir->onlyNames.clear(); // a file root's parent is now watched whole
                dir->target = target;
                dir->entries.clear(names);
            } else {
                dir = &m_table.insert(listing.wd, directory, target);
            }
        } else if (listing.watchError == ENOSPC) {
            toFallback(directory, target, {}, report);
        } else if (listing.watchError == ENOENT || listing.watchError == ENOTDIR) {
            return; // gone already: its parent's events say so
        } else {
            Q_EMIT warning(u"cannot watch %1: %2"_s.arg(
                directory, QString::fromLocal8Bit(std::strerror(listing.watchError))));
            return;
        }

        if (!listing.readable)
            return;
        if (stats)
            ++stats->directories;
        child = directory;
        if (!child.endsWith(u'/'))
            child += u'/';
        const qsizetype base = child.size();
        // The directory's part of the exclude check once, not for each of its entries.
        const PathFilter::Directory scope = filter ? filter->directory(directory) : PathFilter::Directory();
        if (dir)
            filler.start(&dir->entries);
        listing.forEachEntry([&](std::string_view name, bool isDirectory) {
            child.truncate(base);
            appendName(child, QByteArrayView(name.data(), qsizetype(name.size())));
            if (filter && filter->isExcluded(scope, child, isDirectory)) {
                if (isDirectory && stats)
                    ++stats->prunedTrees;
                return;
            }
            if (dir) // (a polled directory keeps no snapshot here: the fallback has its own)
                filler.add(name, isDirectory);
            if (isDirectory) {
                // A copy of its own size: sharing `child`'s buffer would keep its spare capacity
                // in every directory's record (about 1 MiB at 10,000 directories).
                next.emplace_back(child.constData(), child.size());
                if (report)
                    this->report(FileEvent::Kind::Created, child, {}, true);
            } else {
                if (stats)
                    ++stats->files;
                if (report && dir)
                    this->report(FileEvent::Kind::Created, child);
            }
        });
        if (dir)
            dir->entries.squeeze();
    });
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
    Dir* dir = m_table.find(wd);
    if (dir && dir->onlyNames.isEmpty())
        return; // its directory is watched whole already
    if (!dir)
        dir = &m_table.insert(wd, target.directory, index);
    dir->onlyNames.append(target.onlyName);
    struct stat st;
    if (::lstat(QFile::encodeName(target.rootPath).constData(), &st) == 0) {
        dir->entries.add(m_table.names(), std::string_view(target.onlyName.constData()), S_ISDIR(st.st_mode));
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
                           .arg(m_table.size())
                           .arg(m_fallback ? m_fallback->directoryCount() : 0)
                           .arg(m_pollInterval));
    });
}

void InotifyBackend::forgetSubtree(const QString& path, bool report, bool removeWatches)
{
    const QList<int> watches = m_table.subtree(path);
    for (const int wd : watches) {
        const Dir* dir = m_table.find(wd);
        if (!dir)
            continue;
        if (report) {
            dir->entries.forEach(m_table.names(), [&](std::string_view name, bool isDirectory) {
                this->report(FileEvent::Kind::Removed, childPath(dir->path, name), {}, isDirectory);
            });
        }
        if (removeWatches)
            ::inotify_rm_watch(m_fd, wd); // its IN_IGNORED finds nothing left to forget
        forgetWatch(wd);
    }
}

void InotifyBackend::renameSubtree(const QString& from, const QString& to)
{
    const QList<int> watches = m_table.subtree(from);
    for (const int wd : watches) {
        const Dir* dir = m_table.find(wd);
        if (!dir)
            continue;
        const QString oldPath = dir->path;
        const QString newPath = to + QStringView(oldPath).mid(from.size());
        m_table.setPath(wd, newPath);
        dir->entries.forEach(m_table.names(), [&](std::string_view name, bool isDirectory) {
            report(FileEvent::Kind::Renamed, childPath(newPath, name), childPath(oldPath, name), isDirectory);
        });
    }
}

void InotifyBackend::forgetWatch(int wd)
{
    m_table.erase(wd);
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

} // namespace foxreload
