#pragma once

#include "FileWatcher.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace foxreload {

// One root as the backends see it: a directory watched recursively, or a single
// file watched through its parent directory (editors replace the file's inode on
// save, so a watch on the file itself would go stale).
struct WatchTarget
{
    QString directory; // absolute, clean
    PathFilterPtr filter; // may be null
    QByteArray onlyName; // non-empty for a file root: the one entry of `directory` reported
    QString rootPath; // the root as given (the directory itself or the file)
};

// The internal interface every backend implements. Backends report synchronously
// from the event loop (no queued hops), so an event reaches the FileWatcher's
// listeners in the same wake-up that saw it.
class WatchBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~WatchBackend() override = default;

    // Walks and arms synchronously; fills the counters of *stats it owns.
    // Returns false when nothing at all could be watched.
    virtual bool start(const QList<WatchTarget>& targets, WatchStats* stats) = 0;
    virtual void stop() = 0;
    // Arms a root that appeared after start() or came back after rootLost(); what it holds
    // now is reported as created. False when it cannot be read (gone again).
    virtual bool addTarget(const WatchTarget& target) = 0;
    virtual QString name() const = 0;
    virtual bool isActive() const = 0;
    // Whether FileEvent::Kind::WriteClosed is reported (a writer closed a file it wrote):
    // only a backend that sees closes can say a save is over before a quiet window passes.
    virtual bool reportsWriteClose() const { return false; }

protected:
    // The one place a backend turns what it saw into a FileEvent.
    void emitChange(
        FileEvent::Kind kind, const QString& path, const QString& oldPath = {}, bool isDirectory = false)
    {
        Q_EMIT changed(FileEvent { kind, path, oldPath, isDirectory, Clock::now() });
    }

Q_SIGNALS:
    void changed(const foxreload::FileEvent& event);
    void warning(const QString& message);
    // The directory of a target is gone (removed, or moved away). What it held has been
    // reported removed, and nothing is watched there any more until addTarget().
    void rootLost(const QString& directory);
};

} // namespace foxreload
