#pragma once

#include "common/ReloadPlan.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace foxreload {

// The timing rule of batching, free of timers so tests can drive it with an
// injected clock: a batch closes after `quiet` without events, or `maxWait`
// after its first event, whichever comes first (a maxWait <= 0 sets no maximum).
//
// With a settle time (> 0; only for backends that report write-closes), a batch
// closes earlier: once every file written in it is complete and `settle` has
// passed since its last event of any kind (write-closes included). A file is
// complete after a WriteClosed that follows its last Created/Modified, or once
// it is removed or renamed (either way); directories always are. An editor's
// save is over within a fraction of a millisecond; a stream (git checkout, a
// formatter) keeps going, so a batch that has written kStreamFiles files, or
// that began within `quiet` of the previous batch's last event (one the settle
// rule or the maximum wait cut short), is a stream: it waits for the quiet window.
//
// Closing a batch coalesces its events per path (see ChangeBatcher.cpp for the
// table); a batch can thus close with no events left (a file created and removed).
// WriteClosed events only time the batch: none is ever part of one.
class BatchWindow
{
public:
    static constexpr int kStreamFiles = 64;
    // Whether a file just created may still be open for writing (a regular file may; a
    // symlink, a fifo or a path already gone will never be closed).
    using CreatedFileProbe = std::function<bool(const QString& path)>;

    BatchWindow(std::chrono::milliseconds quiet, std::chrono::milliseconds maxWait,
        std::chrono::milliseconds settle = std::chrono::milliseconds(0));

    void add(const FileEvent& event, Clock::time_point now);
    bool isEmpty() const;
    // A pending batch keeps its first and last event times: a new quiet window applies to it too.
    void setQuiet(std::chrono::milliseconds quiet) { m_quiet = quiet; }
    std::chrono::milliseconds quiet() const { return m_quiet; }
    // 0 turns the settle rule off (a backend without close events).
    void setSettle(std::chrono::milliseconds settle) { m_settle = settle; }
    std::chrono::milliseconds settle() const { return m_settle; }
    // Without a probe every created file is expected to be closed.
    void setCreatedFileProbe(CreatedFileProbe probe) { m_probe = std::move(probe); }
    // When the pending batch must be closed; nullopt when nothing is pending.
    std::optional<Clock::time_point> deadline() const;
    // Closes the batch if its deadline has passed (coalescing per path).
    std::optional<ChangeBatch> takeIfDue(Clock::time_point now);
    // Closes whatever is pending now.
    std::optional<ChangeBatch> take(Clock::time_point now);

private:
    bool settles() const;
    void trackWrites(const FileEvent& event);
    void forgetUnder(const QString& directory);

    std::chrono::milliseconds m_quiet;
    std::chrono::milliseconds m_maxWait;
    std::chrono::milliseconds m_settle;
    CreatedFileProbe m_probe;
    QList<FileEvent> m_pending;
    Clock::time_point m_first;
    Clock::time_point m_last;
    std::optional<Clock::time_point> m_previousLast; // the last event of the batch closed before
    QSet<QString> m_writing; // written in this batch, not complete yet
    int m_writtenFiles = 0; // files written in this batch (counted per Created/Modified run)
    bool m_stream = false; // this batch waits for the quiet window
    quint64 m_nextId = 1;
};

// Remembers a content hash (SHA-1) per file so that a save without edits (or any
// rewrite with identical bytes) is recognised and dropped from a batch. Files
// above 64 MiB are compared by size and modification time instead.
class ContentHashCache
{
public:
    // Records the current content; true when it differs from what was recorded
    // before (or nothing was). Removed/unreadable files always count as changed.
    bool updateAndCheckChanged(const QString& absolutePath);
    void prime(const QString& absolutePath); // record without reporting
    void forget(const QString& absolutePath);
    // Takes the hashes another cache primed (on another thread); what this one recorded since wins.
    void adopt(ContentHashCache&& primed);
    bool contains(const QString& absolutePath) const;
    qsizetype size() const;

private:
    QHash<QString, QByteArray> m_hashes;
};

// QObject face of BatchWindow + ContentHashCache: feed it FileEvents, get batches.
// Created/modified files whose content hash is unchanged are dropped from a batch
// and listed in unchangedPaths; a file seen for the first time counts as
// changed (prime() the cache to know it beforehand). Directory entries stay.
// A "created" file the cache already knew (an editor's atomic save: write a temp
// file, rename it over the original) is reported as modified.
class ChangeBatcher : public QObject
{
    Q_OBJECT
public:
    ChangeBatcher(
        std::chrono::milliseconds quiet, std::chrono::milliseconds maxWait, QObject* parent = nullptr);

    // While off, files a batch names are forgotten by the cache (their content is not read), so
    // that turning it back on never compares against a hash taken before an unseen change.
    void setContentHashing(bool enabled);
    bool contentHashing() const { return m_hashing; }
    ContentHashCache& hashes();
    // The resource monitor lengthens it while FoxReload is over its budget (src/core/resources);
    // while it is longer than the one given to the constructor, the settle rule rests too.
    void setQuietWindow(std::chrono::milliseconds quiet);
    std::chrono::milliseconds quietWindow() const { return m_window.quiet(); }
    // The settle rule (see BatchWindow) needs both a settle time (watch.settle_ms, 0: off) and a
    // watcher that reports write-closes (FileWatcher::reportsWriteClose()).
    void setSettleTime(std::chrono::milliseconds settle);
    void setWriteClosesReported(bool reported);
    // The settle time in effect: 0 while the rule is off.
    std::chrono::milliseconds settleWindow() const { return m_window.settle(); }

public Q_SLOTS:
    void addEvent(const foxreload::FileEvent& event);
    void flush(); // close the pending batch now

Q_SIGNALS:
    // A batch with at least one real change; batches whose every file was
    // content-identical (or that coalesced to nothing) are reported through
    // batchSkipped instead.
    void batchReady(const foxreload::ChangeBatch& batch);
    void batchSkipped(const foxreload::ChangeBatch& batch);

private:
    void onTimeout();
    void emitBatch(ChangeBatch batch);
    void rearm();
    void applySettle();

    BatchWindow m_window;
    ContentHashCache m_hashes;
    bool m_hashing = true;
    std::chrono::milliseconds m_configuredQuiet;
    std::chrono::milliseconds m_settle { 0 };
    bool m_writeClosesReported = false;
    QTimer m_timer;
};

} // namespace foxreload
