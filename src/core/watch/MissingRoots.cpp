#include "MissingRoots.h"

#include "WatchLog.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

QString nearestExistingParent(const QString& path)
{
    QString current = path;
    while (true) {
        const qsizetype slash = current.lastIndexOf(u'/');
        if (slash <= 0)
            return u"/"_s;
        current.truncate(slash);
        if (QFileInfo(current).isDir())
            return current;
    }
}

} // namespace

MissingRoots::MissingRoots(QObject* parent)
    : QObject(parent)
{
    m_backstop.setInterval(kBackstopMs);
    connect(&m_backstop, &QTimer::timeout, this, &MissingRoots::check);
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_soon, &QTimer::timeout, this, &MissingRoots::check);
}

void MissingRoots::watchFor(const QString& directory)
{
    m_missing.insert(directory);
    updateParentWatches();
    m_backstop.start();
    m_soon.start(); // it may be back already
}

void MissingRoots::clear()
{
    m_missing.clear();
    m_backstop.stop();
    m_soon.stop();
    m_parents.reset();
}

void MissingRoots::check()
{
    const QSet<QString> missing = m_missing;
    for (const QString& directory : missing) {
        if (!QFileInfo(directory).isDir())
            continue;
        m_missing.remove(directory);
        qCDebug(lcWatch) << "watch root is back:" << directory;
        Q_EMIT appeared(directory);
    }
    if (m_missing.isEmpty()) {
        clear();
        return;
    }
    updateParentWatches();
}

void MissingRoots::updateParentWatches()
{
    if (!m_parents) {
        m_parents = std::make_unique<QFileSystemWatcher>();
        connect(m_parents.get(), &QFileSystemWatcher::directoryChanged, &m_soon, qOverload<>(&QTimer::start));
    }
    QSet<QString> wanted;
    for (const QString& directory : std::as_const(m_missing))
        wanted.insert(nearestExistingParent(directory));
    const QStringList watched = m_parents->directories();
    for (const QString& path : watched) {
        if (!wanted.contains(path))
            m_parents->removePath(path);
    }
    for (const QString& path : std::as_const(wanted)) {
        if (!watched.contains(path))
            m_parents->addPath(path); // refused (watch limit): the backstop timer still looks
    }
}

} // namespace foxreload
