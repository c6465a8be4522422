#include "QtWatcherBackend.h"

#include "WatchLog.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace foxreload {

QtWatcherBackend::QtWatcherBackend(QObject* parent)
    : WatchBackend(parent)
    , m_tree(this)
{ }

QtWatcherBackend::~QtWatcherBackend() = default;

QString QtWatcherBackend::name() const
{
    return u"qt"_s;
}

bool QtWatcherBackend::start(const QList<WatchTarget>& targets, WatchStats* stats)
{
    stop();
    m_watcher = std::make_unique<QFileSystemWatcher>();
    connect(
        m_watcher.get(), &QFileSystemWatcher::directoryChanged, this, &QtWatcherBackend::onDirectoryChanged);
    connect(m_watcher.get(), &QFileSystemWatcher::fileChanged, this, &QtWatcherBackend::onFileChanged);
    m_starting = true;
    bool any = false;
    for (const auto& target : targets) {
        watchRoot(target.directory);
        if (m_tree.addDirectory(target.directory, target.filter, target.onlyName, true, false, stats))
            any = true;
        else
            Q_EMIT warning(u"cannot read %1"_s.arg(target.directory));
    }
    m_starting = false;
    if (!m_startDirectories.isEmpty()) {
        const QStringList failed = m_watcher->addPaths(m_startDirectories);
        if (!failed.isEmpty())
            Q_EMIT warning(
                u"QFileSystemWatcher could not watch %1 of %2 directories (first: %3); changes there "
                "are not seen"_s.arg(failed.size())
                    .arg(m_startDirectories.size())
                    .arg(failed.first()));
    }
    // One by one, so that the first refusal (the OS's watch limit) stops the
    // attempt instead of logging a failure for each of the remaining files.
    for (qsizetype i = 0; i < m_startFiles.size() && !m_filesExhausted; ++i)
        addFileWatch(m_startFiles.at(i));
    m_startDirectories.clear();
    m_startFiles.clear();
    m_active = any;
    return any;
}

void QtWatcherBackend::stop()
{
    m_watcher.reset();
    m_tree.clear();
    m_rootDirectories.clear();
    m_rootInodes.clear();
    m_rootParents.clear();
    m_active = false;
    m_filesExhausted = false;
}

bool QtWatcherBackend::addTarget(const WatchTarget& target)
{
    if (!m_watcher)
        return false;
    watchRoot(target.directory);
    return m_tree.addDirectory(target.directory, target.filter, target.onlyName, true, true);
}

namespace {
quint64 inodeOf(const QString& path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}
QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash > 0 ? path.left(slash) : u"/"_s;
}
} // namespace

void QtWatcherBackend::watchRoot(const QString& directory)
{
    m_rootDirectories.insert(directory);
    m_rootInodes.insert(directory, inodeOf(directory));
    const QString parent = parentOf(directory);
    if (parent != directory && !m_rootParents.contains(parent)) {
        m_rootParents.insert(parent);
        m_watcher->addPath(parent); // false when it is watched already (a managed directory)
    }
}

void QtWatcherBackend::checkRootsIn(const QString& parent)
{
    for (auto it = m_rootInodes.cbegin(); it != m_rootInodes.cend(); ++it) {
        if (parentOf(it.key()) != parent || !m_tree.contains(it.key()))
            continue;
        if (inodeOf(it.key()) != it.value())
            m_tree.forget(it.key()); // directoryRemoved() says rootLost
    }
}

void QtWatcherBackend::onDirectoryChanged(const QString& path)
{
    if (m_rootParents.contains(path))
        checkRootsIn(path);
    m_tree.rescan(path);
}

void QtWatcherBackend::onFileChanged(const QString& path)
{
    // The file's own signal cannot be trusted to name the inode it is about (after an
    // atomic save it arrives for the old one), so the directory's diff decides.
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString directory = slash > 0 ? path.left(slash) : u"/"_s;
    if (m_tree.contains(directory) && QFileInfo::exists(path)) {
        // Re-arm first and look after: a watch dropped by an atomic save (or left on
        // a dead inode) is replaced, and whatever happens in between shows in the diff.
        m_watcher->removePath(path);
        addFileWatch(path);
    }
    m_tree.rescan(directory);
}

void QtWatcherBackend::report(
    FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory)
{
    emitChange(kind, path, oldPath, isDirectory);
}

void QtWatcherBackend::directoryAdded(const QString& path)
{
    if (m_starting)
        m_startDirectories.append(path);
    else
        m_watcher->addPath(path);
}

void QtWatcherBackend::directoryRemoved(const QString& path)
{
    m_watcher->removePath(path);
    if (m_rootDirectories.contains(path))
        Q_EMIT rootLost(path);
}

void QtWatcherBackend::fileArrived(const QString& path, bool replaced)
{
    if (m_starting) {
        m_startFiles.append(path);
        return;
    }
    if (replaced)
        m_watcher->removePath(path); // it watches the old inode, which may still be alive
    addFileWatch(path);
}

// Only for a path not watched now: QFileSystemWatcher answers false for one it
// already watches, which would read as the OS refusing.
void QtWatcherBackend::addFileWatch(const QString& path)
{
    if (m_filesExhausted || m_watcher->addPath(path))
        return;
    if (!QFileInfo::exists(path))
        return; // gone already; its directory's diff says so
    m_filesExhausted = true;
    Q_EMIT warning(u"QFileSystemWatcher cannot watch more files (the OS limit on watches; on Linux "
                   "fs.inotify.max_user_watches): from %1 on, content writes are seen only when their "
                   "directory changes. The inotify backend needs one watch per directory only"_s.arg(path));
}

void QtWatcherBackend::fileGone(const QString& path)
{
    m_watcher->removePath(path);
}

} // namespace foxreload
