#include "ConfigFileMonitor.h"

#include "ConfigLog.h"
#include "TrustStore.h"

#include <QFile>
#include <QFileInfo>

namespace foxreload {

ConfigFileMonitor::ConfigFileMonitor(QObject* parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &ConfigFileMonitor::check);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
}

void ConfigFileMonitor::watch(const QString& path, const QByteArray& knownSha256)
{
    stop();
    m_path = QFileInfo(path).absoluteFilePath();
    m_known = knownSha256;
    m_missing = !QFileInfo::exists(m_path);
    arm();
}

void ConfigFileMonitor::stop()
{
    m_settle.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_path.clear();
}

void ConfigFileMonitor::arm()
{
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!m_watcher.directories().contains(directory))
        m_watcher.addPath(directory);
    // A file replaced by rename is a new inode: watch it afresh.
    if (QFileInfo::exists(m_path)) {
        m_watcher.removePath(m_path);
        m_watcher.addPath(m_path);
    }
}

void ConfigFileMonitor::check()
{
    if (m_path.isEmpty())
        return;
    arm();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!m_missing) {
            m_missing = true;
            qCInfo(lcConfig).noquote() << m_path << "is gone";
            Q_EMIT removed();
        }
        return;
    }
    m_missing = false;
    const QByteArray contents = file.readAll();
    const QByteArray digest = TrustStore::sha256Hex(contents);
    if (digest == m_known)
        return; // touched, or rewritten with the same bytes
    m_known = digest;
    qCInfo(lcConfig).noquote() << m_path << "changed on disk";
    Q_EMIT changed(ConfigLoader::loadBytes(contents, m_path));
}

} // namespace foxreload
