#include "QtWatcherBackend.h"

#include "WatchLog.h"

#include <QFileInfo>

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
        if (m_tree.addDirectory(target.directory, target.filter, target.onlyName, true, false, stats))
            any = true;
        else
            Q_EMIT warning(u"cannot read %1"_s.arg(target.directory));
    }
    m_starting = false;
    if (!m_startDirectories.isEmpty())
        m_watcher->addPaths(m_startDirectories);
    if (!m_startFiles.isEmpty()) {
        const QStringList failed = m_watcher->addPaths(m_startFiles);
        if (!failed.isEmpty())
            Q_EMIT warning(u"QFileSystemWatcher could not watch %1 files (first: %2)"_s.arg(failed.size())
                               .arg(failed.first()));
    }
    m_startDirectories.clear();
    m_startFiles.clear();
    m_active = any;
    return any;
}

void QtWatcherBackend::stop()
{
    m_watcher.reset();
    m_tree.clear();
    m_active = false;
}

void QtWatcherBackend::onDirectoryChanged(const QString& path)
{
    m_tree.rescan(path);
}

void QtWatcherBackend::onFileChanged(const QString& path)
{
    // The file's own signal cannot be trusted to name the inode it is about (after an
    // atomic save it arrives for the old one), so the directory's diff decides.
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString directory = slash > 0 ? path.left(slash) : u"/"_s;
    m_tree.rescan(directory);
    if (m_tree.contains(directory) && QFileInfo::exists(path))
        m_watcher->addPath(path); // re-arms a dropped watch; a no-op while still watched
}

void QtWatcherBackend::report(
    FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory)
{
    FileEvent event;
    event.kind = kind;
    event.path = path;
    event.oldPath = oldPath;
    event.isDirectory = isDirectory;
    Q_EMIT changed(event);
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
}

void QtWatcherBackend::fileArrived(const QString& path, bool replaced)
{
    if (m_starting) {
        m_startFiles.append(path);
        return;
    }
    if (replaced)
        m_watcher->removePath(path); // it watches the old inode, which may still be alive
    m_watcher->addPath(path);
}

void QtWatcherBackend::fileGone(const QString& path)
{
    m_watcher->removePath(path);
}

} // namespace foxreload
