#pragma once

#include "InotifyWatchTable.h"
#include "WatchBackend.h"

#include <QByteArray>
#include <QHash>
#include <QTimer>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QSocketNotifier;
struct inotify_event;

namespace foxreload {

class PollingBackend;

// Linux's native backend: one inotify watch per directory (never per file), armed
// by its own walk, which asks the filter before entering a directory, so an
// excluded tree costs nothing. Events are read when the descriptor becomes
// readable and reported in that same wake-up; nothing runs while nothing changes.
//
// What it reports, and how it decides:
// - created: a file when its creator closes it (or ~75 ms after its last write if
//   the creator keeps it open), so that "created" arrives with the content; a new
//   directory at once, armed first and walked after (race-free), its files
//   reported as created.
// - modified: once per save, on IN_CLOSE_WRITE; a write without a close (a writer
//   holding the file open) ~75 ms after the last write.
// - write-closed: at every IN_CLOSE_WRITE of a file that counts, right after its
//   created/modified (the writer is done: the batcher need not wait out its window),
//   and after the modified/created of a file renamed into place (it arrives written).
// - renamed: IN_MOVED_FROM/IN_MOVED_TO paired by cookie. When a rename lands on a
//   name that already exists (an editor's atomic save: write a temporary, rename it
//   over the target) it is reported as "modified target" (plus "removed temporary"
//   if the temporary itself had been reported), because what changed for the user
//   is the target. Unpaired: moved out = removed, moved in = created.
// - IN_Q_OVERFLOW: every directory is listed again and compared with the names kept
//   per directory (a compact snapshot: names only, no per-file stat at start-up);
//   files whose mtime is newer than the last complete read are reported modified.
// - ENOSPC (fs.inotify.max_user_watches, or a user namespace's user.max_inotify_watches,
//   reached): one warning naming the lower of the two, and the directories
//   that could not be armed are polled.
class InotifyBackend : public WatchBackend
{
    Q_OBJECT
public:
    explicit InotifyBackend(QObject* parent = nullptr);
    ~InotifyBackend() override;

    bool start(const QList<WatchTarget>& targets, WatchStats* stats) override;
    void stop() override;
    bool addTarget(const WatchTarget& target) override;
    QString name() const override;
    bool isActive() const override { return m_fd >= 0; }
    bool reportsWriteClose() const override { return true; }

    void setPollInterval(int milliseconds); // for the directories that could not be armed
    // Watches beyond this count fail as if the system limit were reached (tests).
    void setWatchLimitForTesting(int maxWatches) { m_watchLimit = maxWatches; }
    // Stops reading the queue, so that changes pile up unseen (tests).
    void setPausedForTesting(bool paused);
    // Discards what is queued and runs the rescan an IN_Q_OVERFLOW triggers (tests).
    void simulateOverflowForTesting();
    PollingBackend* fallback() const { return m_fallback; }
    qsizetype watchCount() const { return m_table.size(); }

    static int systemWatchLimit();

private:
    using Dir = WatchedDirectory;
    struct WriteKey
    {
        int wd;
        QByteArray name;
        friend bool operator==(const WriteKey& a, const WriteKey& b)
        {
            return a.wd == b.wd && a.name == b.name;
        }
        friend size_t qHash(const WriteKey& key, size_t seed = 0)
        {
            return qHashMulti(seed, key.wd, key.name);
        }
    };
    struct PendingWrite
    {
        qint64 lastWriteNs = 0; // steady clock
        bool created = false; // reported as "created" when it settles
        bool unreported = true;
    };
    struct PendingMove
    {
        quint32 cookie = 0;
        int wd = -1;
        QString path;
        qint64 deadlineNs = 0;
        bool isDirectory = false;
        bool announced = false; // the consumer knows this path exists
    };

    void readEvents();
    void processEvent(const inotify_event* event);
    void handleMovedTo(
        Dir& dir, int wd, const char* name, qsizetype length, bool isDirectory, quint32 cookie);
    void resolveMove();
    void onDeadline();
    void scheduleDeadline();

    int addWatch(const QByteArray& path);
    // Arms `path` and everything below it the filter lets through: arm first, list
    // after, so nothing created meanwhile is missed. With `report`, what is found is
    // reported as created.
    void armTree(const QString& path, int target, bool report, WatchStats* stats);
    void armFileRoot(const WatchTarget& target, int index, WatchStats* stats);
    // Drops the watches of `path` and below; with `report`, the files they held are
    // reported removed. removeWatches=false when the inodes are being re-armed.
    void forgetSubtree(const QString& path, bool report, bool removeWatches = true);
    void renameSubtree(const QString& from, const QString& to);
    void forgetWatch(int wd);
    void armTarget(int index, bool report, WatchStats* stats);
    void markRoots();
    void dropLostRoot(QString directory, bool moved); // a copy: the Dir holding it is erased
    void toFallback(const QString& path, int target, const QByteArray& onlyName, bool report);
    void warnWatchLimit();
    // InotifyOverflow.cpp: after IN_Q_OVERFLOW, every directory is listed again and compared
    // with its snapshot; files written since `thresholdNs` (realtime) are reported modified.
    void rescanAfterOverflow(qint64 thresholdNs);
    void rescanDirectory(int wd, qint64 thresholdNs);
    bool hasUnreportedWrite(int wd, std::string_view name) const;
    bool isVisible(
        const Dir& dir, const QString& path, const char* name, qsizetype length, bool isDirectory) const;

    // False when the file does not count (excluded): nothing was reported.
    bool reportWrite(const Dir& dir, std::string_view name, bool created);
    void report(
        FileEvent::Kind kind, const QString& path, const QString& oldPath = {}, bool isDirectory = false);

    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QList<WatchTarget> m_targets;
    InotifyWatchTable m_table;
    QHash<WriteKey, PendingWrite> m_writes;
    std::optional<PendingMove> m_move;
    QTimer m_deadline;
    PollingBackend* m_fallback = nullptr;
    int m_pollInterval = 1000;
    int m_watchLimit = -1;
    int m_queueLimit = -1; // fs.inotify.max_queued_events when the instance was made
    bool m_limitWarned = false;
    bool m_overflowWarned = false;
    bool m_overflowed = false;
    qint64 m_previousDrainStartNs = 0; // realtime: every change before it has been read
    bool m_paused = false;
    std::unique_ptr<char[]> m_buffer;
};

} // namespace foxreload
