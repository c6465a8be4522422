#include "PollingBackend.h"

#include "WatchLog.h"

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace foxreload {

PollingBackend::PollingBackend(QObject* parent)
    : WatchBackend(parent)
    , m_tree(this)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &PollingBackend::pollNow);
}

PollingBackend::~PollingBackend() = default;

void PollingBackend::setInterval(int milliseconds)
{
    m_timer.setInterval(qMax(1, milliseconds));
}

QString PollingBackend::name() const
{
    return u"polling"_s;
}

bool PollingBackend::start(const QList<WatchTarget>& targets, WatchStats* stats)
{
    bool any = false;
    for (const auto& target : targets) {
        m_rootDirectories.insert(target.directory);
        if (m_tree.addDirectory(target.directory, target.filter, target.onlyName, true, false, stats))
            any = true;
        else
            Q_EMIT warning(
                u"cannot read %1: %2"_s.arg(target.directory, QString::fromLocal8Bit(strerror(errno))));
    }
    if (any)
        m_timer.start();
    return any;
}

void PollingBackend::stop()
{
    m_timer.stop();
    m_tree.clear();
    m_rootDirectories.clear();
}

bool PollingBackend::addTarget(const WatchTarget& target)
{
    m_rootDirectories.insert(target.directory);
    const bool ok = m_tree.addDirectory(target.directory, target.filter, target.onlyName, true, true);
    if (ok && !m_timer.isActive())
        m_timer.start();
    return ok;
}

void PollingBackend::directoryRemoved(const QString& path)
{
    if (m_rootDirectories.contains(path))
        Q_EMIT rootLost(path);
}

bool PollingBackend::addDirectory(
    const QString& path, const PathFilterPtr& filter, const QByteArray& onlyName, bool reportFiles)
{
    const bool ok = m_tree.addDirectory(path, filter, onlyName, false, reportFiles);
    if (ok && !m_timer.isActive())
        m_timer.start();
    return ok;
}

void PollingBackend::pollNow()
{
    m_tree.rescanAll();
}

void PollingBackend::report(
    FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory)
{
    emitChange(kind, path, oldPath, isDirectory);
}

} // namespace foxreload
