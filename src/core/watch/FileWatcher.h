#pragma once

#include "common/FileEvent.h"
#include "match/PathFilter.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace foxreload {

// A file or directory to watch and the filter that decides what below it is excluded.
struct WatchRoot
{
    QString path; // absolute, clean; a file is watched through its parent directory
    PathFilterPtr filter; // may be null: nothing excluded
};

struct WatchStats
{
    int roots = 0;
    qint64 files = 0; // files seen by the initial walk (not excluded)
    qint64 directories = 0; // directories watched
    qint64 prunedTrees = 0; // excluded directories never entered
    qint64 startupMs = 0; // walk + arming
    QString backend; // "inotify", "qt", "polling", or "inotify+polling" after a fallback
};

enum class WatchBackendKind { Auto, Inotify, QtFileSystemWatcher, Polling };

// Reports changes below its roots as FileEvents. Picks the native backend by
// default and falls back to polling for what it cannot watch natively
// (watch limit reached, a failed inotify_init), saying so once through warning().
//
// What changed() carries, whatever the backend:
// - files: created / modified (once per save) / removed / renamed (oldPath set);
//   directories too, with isDirectory set; a new directory's files are reported
//   created, a removed directory's files removed one by one, a renamed one's renamed
//   one by one (the snapshot backends see a directory rename as removal + creation).
// - an editor's atomic save (temporary renamed over the file) is "modified" of the
//   file itself (inotify; the snapshot backends see the same through the inode).
// - write-closed (only when reportsWriteClose()): a file that counts was closed by a
//   writer, or renamed into place (an atomic save), after its last created/modified;
//   never for a directory.
// - excluded paths (the root's PathFilter) are never reported, and excluded
//   directories are never entered.
// - a root that is a file is watched through its directory; only that file counts.
// - a root that does not exist is named in a warning (once) and watched as soon as it
//   appears; a root that is removed or moved away (`rm -rf src; mkdir src`, a checkout
//   that replaces the directory) is watched again when it comes back. Either way what it
//   holds then is reported as created. start() fails only when no root exists.
// Events are emitted synchronously from the event loop's wake-up (direct
// connections), so a slot runs within microseconds of the kernel's notification.
class FileWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FileWatcher(QObject* parent = nullptr);
    ~FileWatcher() override;

    void setBackend(WatchBackendKind kind);
    void setPollInterval(int milliseconds);

    // Walks the roots, arms the watches, then reports changes from here on.
    // Returns false (and emits warning) when no root could be watched at all.
    bool start(const QList<WatchRoot>& roots);
    void stop();
    bool isActive() const;
    // Whether changed() also carries FileEvent::Kind::WriteClosed (the active backend sees a
    // writer close a file: inotify). False before start() and for the snapshot backends.
    bool reportsWriteClose() const;
    WatchStats stats() const;

    static std::optional<WatchBackendKind> backendFromName(QStringView name); // auto|inotify|qt|polling

    // Test hooks, for what a test cannot provoke without changing system settings.
    // Inotify backend only; no-ops with the others.
    void setWatchLimitForTesting(int maxWatches); // before start(): arming beyond this fails like ENOSPC
    void setPausedForTesting(bool paused); // stop reading the event queue
    void simulateOverflowForTesting(); // drop what is queued and rescan as after IN_Q_OVERFLOW

Q_SIGNALS:
    void changed(const foxreload::FileEvent& event);
    void warning(const QString& message);

private:
    void onRootLost(const QString& directory);
    void onRootAppeared(const QString& directory);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload

Q_DECLARE_METATYPE(foxreload::FileEvent)
