#include "ChangeBatcher.h"

#include "AnalyzeLog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <optional>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

using Kind = FileEvent::Kind;

// Folds the raw events of a batch into one event per path, keeping the order in
// which paths first appeared. The net effect is what counts:
//   created+modified → created      created+removed → nothing
//   modified+removed → removed      removed+created → modified
//   renamed a→b, then b modified → renamed a→b (the old path is kept)
//   created a, renamed a→b → created b;  renamed a→b, renamed b→c → renamed a→c
class Coalescer
{
public:
    void apply(const FileEvent& event)
    {
        if (event.kind == Kind::Renamed && !event.oldPath.isEmpty() && event.oldPath != event.path)
            applyRename(event);
        else
            applySimple(event);
    }

    QList<FileEvent> result() const
    {
        QList<FileEvent> events;
        events.reserve(m_index.size());
        for (const std::optional<FileEvent>& slot : m_slots) {
            if (slot)
                events.append(*slot);
        }
        return events;
    }

private:
    void applySimple(FileEvent event)
    {
        if (event.kind == Kind::Renamed) // no origin known: the path just changed
            event.kind = Kind::Modified;
        const auto found = m_index.constFind(event.path);
        if (found == m_index.constEnd()) {
            place(std::move(event), -1);
            return;
        }
        const qsizetype slot = *found;
        FileEvent& pending = *m_slots[slot];
        pending.isDirectory = pending.isDirectory || event.isDirectory;
        switch (pending.kind) {
        case Kind::Created:
            if (event.kind == Kind::Removed)
                drop(slot); // came and went within the batch
            break;
        case Kind::Modified:
            if (event.kind == Kind::Removed)
                pending.kind = Kind::Removed;
            break;
        case Kind::Removed:
            if (event.kind != Kind::Removed)
                pending.kind = Kind::Modified; // replaced: the path still exists, new content
            break;
        case Kind::Renamed:
            if (event.kind == Kind::Removed) {
                // Moved here, then deleted: in the end the original path is gone.
                FileEvent removed = pending;
                removed.kind = Kind::Removed;
                removed.path = pending.oldPath;
                removed.oldPath.clear();
                drop(slot);
                const auto original = m_index.constFind(removed.path);
                if (original != m_index.constEnd()) {
                    FileEvent& later = *m_slots[*original];
                    if (later.kind == Kind::Created)
                        later.kind = Kind::Modified; // the original path was re-created
                } else {
                    place(std::move(removed), slot);
                }
            }
            break;
        case Kind::WriteClosed: // never pending: BatchWindow::add consumes it
            break;
        }
    }

    void applyRename(const FileEvent& event)
    {
        FileEvent result = event;
        const qsizetype fromSlot = m_index.value(event.oldPath, -1);
        if (fromSlot >= 0) {
            const FileEvent prior = *m_slots[fromSlot];
            drop(fromSlot);
            if (prior.kind == Kind::Created) {
                result.kind = Kind::Created;
                result.oldPath.clear();
            } else if (prior.kind == Kind::Renamed) {
                if (prior.oldPath == event.path) {
                    result.kind = Kind::Modified; // moved there and back
                    result.oldPath.clear();
                } else {
                    result.oldPath = prior.oldPath;
                }
            }
        }
        const qsizetype toSlot = m_index.value(event.path, -1);
        if (toSlot >= 0) {
            const FileEvent overwritten = *m_slots[toSlot];
            drop(toSlot);
            if (result.kind == Kind::Created && overwritten.kind != Kind::Created)
                result.kind = Kind::Modified; // the target existed before the batch
            if (overwritten.kind == Kind::Renamed && overwritten.oldPath != result.oldPath) {
                // Whatever was moved to the target earlier is gone now.
                FileEvent lost = overwritten;
                lost.kind = Kind::Removed;
                lost.path = overwritten.oldPath;
                lost.oldPath.clear();
                applySimple(lost);
            }
        }
        qsizetype position = -1;
        if (fromSlot >= 0 && toSlot >= 0)
            position = std::min(fromSlot, toSlot);
        else
            position = std::max(fromSlot, toSlot);
        place(std::move(result), position);
    }

    // Puts the event back into a freed slot (keeping the path's place in the
    // batch) or at the end.
    void place(FileEvent event, qsizetype slot)
    {
        if (slot < 0 || m_slots[slot]) {
            slot = m_slots.size();
            m_slots.append(std::nullopt);
        }
        m_index.insert(event.path, slot);
        m_slots[slot] = std::move(event);
    }

    void drop(qsizetype slot)
    {
        m_index.remove(m_slots[slot]->path);
        m_slots[slot].reset();
    }

    QList<std::optional<FileEvent>> m_slots;
    QHash<QString, qsizetype> m_index; // path → slot
};

} // namespace

// --- BatchWindow ---

BatchWindow::BatchWindow(
    std::chrono::milliseconds quiet, std::chrono::milliseconds maxWait, std::chrono::milliseconds settle)
    : m_quiet(quiet)
    , m_maxWait(maxWait)
    , m_settle(settle)
{ }

void BatchWindow::add(const FileEvent& event, Clock::time_point now)
{
    if (event.kind == Kind::WriteClosed) {
        if (m_pending.isEmpty())
            return; // the end of a write an earlier batch already reported
        m_last = now;
        m_writing.remove(event.path);
        return;
    }
    if (m_pending.isEmpty()) {
        m_first = now;
        m_stream = m_previousLast && now - *m_previousLast < m_quiet;
    }
    m_last = now;
    m_pending.append(event);
    if (!m_stream) // tracked even while settling is off, so that turning it on mid-batch is safe
        trackWrites(event);
}

void BatchWindow::trackWrites(const FileEvent& event)
{
    if (event.isDirectory) {
        if (event.kind == Kind::Removed || event.kind == Kind::Renamed) {
            forgetUnder(event.path);
            forgetUnder(event.oldPath);
        }
        return;
    }
    switch (event.kind) {
    case Kind::Created:
        if (m_probe && !m_probe(event.path))
            return;
        [[fallthrough]];
    case Kind::Modified:
        if (!m_writing.contains(event.path)) {
            m_writing.insert(event.path);
            if (++m_writtenFiles >= kStreamFiles) {
                m_stream = true;
                m_writing.clear(); // no longer needed: the quiet window decides
            }
        }
        break;
    case Kind::Removed:
        m_writing.remove(event.path);
        break;
    case Kind::Renamed:
        m_writing.remove(event.oldPath);
        m_writing.remove(event.path);
        break;
    case Kind::WriteClosed:
        break;
    }
}

void BatchWindow::forgetUnder(const QString& directory)
{
    if (directory.isEmpty() || m_writing.isEmpty())
        return;
    const QString prefix = directory.endsWith(u'/') ? directory : directory + u'/';
    m_writing.removeIf([&prefix](const QString& path) { return path.startsWith(prefix); });
}

bool BatchWindow::isEmpty() const
{
    return m_pending.isEmpty();
}

bool BatchWindow::settles() const
{
    return m_settle > std::chrono::milliseconds(0) && !m_stream && m_writing.isEmpty();
}

std::optional<Clock::time_point> BatchWindow::deadline() const
{
    if (m_pending.isEmpty())
        return std::nullopt;
    Clock::time_point due = m_last + m_quiet;
    if (m_maxWait > std::chrono::milliseconds(0))
        due = std::min(due, m_first + m_maxWait);
    if (settles())
        due = std::min(due, m_last + m_settle);
    return due;
}

std::optional<ChangeBatch> BatchWindow::takeIfDue(Clock::time_point now)
{
    const std::optional<Clock::time_point> due = deadline();
    if (!due || now < *due)
        return std::nullopt;
    return take(now);
}

std::optional<ChangeBatch> BatchWindow::take(Clock::time_point now)
{
    if (m_pending.isEmpty())
        return std::nullopt;
    Coalescer coalescer;
    for (const FileEvent& event : std::as_const(m_pending))
        coalescer.apply(event);
    ChangeBatch batch;
    batch.id = m_nextId++;
    batch.events = coalescer.result();
    batch.firstEventAt = m_first;
    batch.readyAt = now;
    batch.rawEventCount = int(m_pending.size());
    m_pending.clear();
    m_previousLast = m_last;
    m_writing.clear();
    m_writtenFiles = 0;
    m_stream = false;
    return batch;
}

// --- ContentHashCache ---

namespace {
// Hashing runs on the event loop's thread; beyond this size a file is judged by
// its size and modification time instead of its bytes.
constexpr qint64 kMaxHashedBytes = 64 * 1024 * 1024;

std::optional<QByteArray> hashFile(const QString& absolutePath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    if (file.size() > kMaxHashedBytes) {
        const qint64 mtime = file.fileTime(QFileDevice::FileModificationTime).toMSecsSinceEpoch();
        return "large:" + QByteArray::number(file.size()) + ':' + QByteArray::number(mtime);
    }
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file))
        return std::nullopt;
    return hash.result();
}
} // namespace

bool ContentHashCache::updateAndCheckChanged(const QString& absolutePath)
{
    const std::optional<QByteArray> digest = hashFile(absolutePath);
    if (!digest) {
        m_hashes.remove(absolutePath);
        return true;
    }
    const auto recorded = m_hashes.constFind(absolutePath);
    const bool changed = recorded == m_hashes.constEnd() || *recorded != *digest;
    m_hashes.insert(absolutePath, *digest);
    return changed;
}

void ContentHashCache::prime(const QString& absolutePath)
{
    if (const std::optional<QByteArray> digest = hashFile(absolutePath))
        m_hashes.insert(absolutePath, *digest);
    else
        m_hashes.remove(absolutePath);
}

void ContentHashCache::forget(const QString& absolutePath)
{
    m_hashes.remove(absolutePath);
}

void ContentHashCache::adopt(ContentHashCache&& primed)
{
    if (m_hashes.isEmpty()) {
        m_hashes = std::move(primed.m_hashes);
        return;
    }
    for (auto it = primed.m_hashes.cbegin(); it != primed.m_hashes.cend(); ++it) {
        if (!m_hashes.contains(it.key()))
            m_hashes.insert(it.key(), it.value());
    }
}

bool ContentHashCache::contains(const QString& absolutePath) const
{
    return m_hashes.contains(absolutePath);
}

qsizetype ContentHashCache::size() const
{
    return m_hashes.size();
}

// --- ChangeBatcher ---

ChangeBatcher::ChangeBatcher(
    std::chrono::milliseconds quiet, std::chrono::milliseconds maxWait, QObject* parent)
    : QObject(parent)
    , m_window(quiet, maxWait)
    , m_configuredQuiet(quiet)
{
    // A symlink (an editor's lock file), a fifo or a file already gone will never be closed.
    m_window.setCreatedFileProbe([](const QString& path) {
        const QFileInfo info(path);
        return !info.isSymLink() && info.isFile();
    });
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ChangeBatcher::onTimeout);
}

void ChangeBatcher::setContentHashing(bool enabled)
{
    m_hashing = enabled;
}

ContentHashCache& ChangeBatcher::hashes()
{
    return m_hashes;
}

void ChangeBatcher::setQuietWindow(std::chrono::milliseconds quiet)
{
    m_window.setQuiet(quiet);
    applySettle();
}

void ChangeBatcher::setSettleTime(std::chrono::milliseconds settle)
{
    m_settle = settle;
    applySettle();
}

void ChangeBatcher::setWriteClosesReported(bool reported)
{
    m_writeClosesReported = reported;
    applySettle();
}

void ChangeBatcher::applySettle()
{
    // Over its budget FoxReload wants fewer, larger batches: only the longer quiet window counts.
    const bool throttled = m_window.quiet() > m_configuredQuiet;
    const bool on = m_writeClosesReported && !throttled && m_settle > std::chrono::milliseconds(0);
    m_window.setSettle(on ? std::min(m_settle, m_window.quiet()) : std::chrono::milliseconds(0));
    if (m_timer.isActive())
        rearm();
}

void ChangeBatcher::addEvent(const FileEvent& event)
{
    m_window.add(event, Clock::now());
    rearm();
}

void ChangeBatcher::flush()
{
    m_timer.stop();
    if (std::optional<ChangeBatch> batch = m_window.take(Clock::now()))
        emitBatch(std::move(*batch));
}

void ChangeBatcher::onTimeout()
{
    if (std::optional<ChangeBatch> batch = m_window.takeIfDue(Clock::now()))
        emitBatch(std::move(*batch));
    rearm();
}

void ChangeBatcher::rearm()
{
    const std::optional<Clock::time_point> deadline = m_window.deadline();
    if (!deadline) {
        m_timer.stop();
        return;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
    m_timer.start(std::max(wait, std::chrono::milliseconds(0)));
}

void ChangeBatcher::emitBatch(ChangeBatch batch)
{
    if (m_hashing) {
        QList<FileEvent> kept;
        kept.reserve(batch.events.size());
        for (FileEvent event : std::as_const(batch.events)) {
            if (event.isDirectory) {
                kept.append(event);
                continue;
            }
            switch (event.kind) {
            case Kind::Created:
            case Kind::Modified:
                if (event.kind == Kind::Created && m_hashes.contains(event.path))
                    event.kind = Kind::Modified; // replaced by a rename over it: it existed
                if (!m_hashes.updateAndCheckChanged(event.path)) {
                    batch.unchangedPaths.append(event.path);
                    qCDebug(lcAnalyze) << "content unchanged, dropped:" << event.path;
                    continue;
                }
                break;
            case Kind::Removed:
                m_hashes.forget(event.path);
                break;
            case Kind::Renamed:
                m_hashes.forget(event.oldPath);
                m_hashes.prime(event.path);
                break;
            case Kind::WriteClosed: // never in a batch: BatchWindow::add consumes it
                continue;
            }
            kept.append(event);
        }
        batch.events = std::move(kept);
    } else {
        for (const FileEvent& event : std::as_const(batch.events)) {
            m_hashes.forget(event.path);
            if (!event.oldPath.isEmpty())
                m_hashes.forget(event.oldPath);
        }
    }
    qCDebug(lcAnalyze) << "batch" << batch.id << batch.rawEventCount << "raw events," << batch.events.size()
                       << "changes," << batch.unchangedPaths.size() << "unchanged";
    if (batch.events.isEmpty())
        Q_EMIT batchSkipped(batch);
    else
        Q_EMIT batchReady(batch);
}

} // namespace foxreload
