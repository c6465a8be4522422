#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>

namespace foxreload {

// Waits for watch roots that do not exist (yet, or any more: `rm -rf src; mkdir src`,
// `git checkout` replacing the directory) to appear. It watches the nearest existing
// parent of each missing directory (moving down as the path is built up again), so a
// root that comes back is noticed at once; a slow timer looks as well, in case a parent
// watch is lost or refused. appeared() is emitted from the event loop, never from inside
// watchFor(), so the caller's state is settled when it runs.
class MissingRoots : public QObject
{
    Q_OBJECT
public:
    explicit MissingRoots(QObject* parent = nullptr);

    // directory: absolute and clean.
    void watchFor(const QString& directory);
    void clear();
    bool isWaitingFor(const QString& directory) const { return m_missing.contains(directory); }

    static constexpr int kBackstopMs = 1000;

Q_SIGNALS:
    void appeared(const QString& directory);

private:
    void check();
    void updateParentWatches();

    QSet<QString> m_missing;
    // Made only while a root is missing: each one is an inotify instance of its own, and
    // fs.inotify.max_user_instances is small (128).
    std::unique_ptr<QFileSystemWatcher> m_parents;
    QTimer m_backstop;
    QTimer m_soon; // coalesces the parent signals of one burst into one look
};

} // namespace foxreload
