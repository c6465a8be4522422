#pragma once

#include "SnapshotTree.h"
#include "WatchBackend.h"

#include <QSet>
#include <QTimer>

namespace foxreload {

// Looks at every directory again every interval and reports the difference
// (name, size, mtime and inode per entry). The one backend that wakes up
// periodically: used as the "polling" backend, and by the inotify backend for
// the directories it could not arm.
class PollingBackend
    : public WatchBackend
    , private SnapshotTree::Listener
{
    Q_OBJECT
public:
    explicit PollingBackend(QObject* parent = nullptr);
    ~PollingBackend() override;

    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }

    bool start(const QList<WatchTarget>& targets, WatchStats* stats) override;
    void stop() override;
    bool addTarget(const WatchTarget& target) override;
    QString name() const override;
    bool isActive() const override { return m_timer.isActive(); }

    // Polls one directory without descending into the subdirectories it has now
    // (their owner walks them); subdirectories that appear later are polled too.
    // reportFiles: report the files found as created (a directory that just appeared).
    bool addDirectory(
        const QString& path, const PathFilterPtr& filter, const QByteArray& onlyName, bool reportFiles);
    qsizetype directoryCount() const { return m_tree.directoryCount(); }

    // Looks once, now (tests and the rescan after an inotify overflow).
    void pollNow();

private:
    void report(FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory) override;
    void directoryRemoved(const QString& path) override;

    SnapshotTree m_tree;
    QSet<QString> m_rootDirectories; // the targets' directories; empty as the inotify fallback
    QTimer m_timer;
};

} // namespace foxreload
