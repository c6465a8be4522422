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
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload

Q_DECLARE_METATYPE(foxreload::FileEvent)
