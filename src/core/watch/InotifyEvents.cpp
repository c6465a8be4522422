// The inotify backend reading its queue: each event turned into what changed for the user
// (writes settled or closed, moves paired by cookie, atomic saves, new directories armed).
#include "InotifyBackend.h"
#include "InotifyTiming.h"
#include "WatchLog.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <unistd.h>

namespace foxreload {

using namespace inotify;

void InotifyBackend::setPausedForTesting(bool paused)
{
    m_paused = paused;
    if (m_notifier)
        m_notifier->setEnabled(!paused);
}

void InotifyBackend::simulateOverflowForTesting()
{
    if (m_fd < 0)
        return;
    while (::read(m_fd, m_buffer.get(), kBufferSize) > 0) { } // the lost events
    m_writes.clear();
    rescanAfterOverflow(m_previousDrainStartNs - coarseClockSlackNs());
    scheduleDeadline();
}

void InotifyBackend::readEvents()
{
    const qint64 drainStartNs = realtimeNs();
    char* buffer = m_buffer.get();
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, kBufferSize);
        if (length < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN)
                qCWarning(lcWatch) << "reading inotify events failed:" << std::strerror(errno);
            break;
        }
        if (length == 0)
            break;
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            processEvent(event);
            offset += ssize_t(sizeof(inotify_event) + event->len);
        }
    }
    if (m_overflowed) {
        m_overflowed = false;
        rescanAfterOverflow(m_previousDrainStartNs - coarseClockSlackNs());
    }
    m_previousDrainStartNs = drainStartNs;
    scheduleDeadline();
}

bool InotifyBackend::isVisible(
    const Dir& dir, const QString& path, const char* name, qsizetype length, bool isDirectory) const
{
    if (!dir.onlyNames.isEmpty())
        return !isDirectory && dir.onlyNames.contains(QByteArrayView(name, length));
    const PathFilter* filter = m_targets.at(dir.target).filter.get();
    return !filter || !filter->isExcluded(path, isDirectory);
}

void InotifyBackend::processEvent(const inotify_event* event)
{
    const quint32 mask = event->mask;
    if (m_move && !((mask & IN_MOVED_TO) && event->cookie == m_move->cookie))
        resolveMove(); // keep the order: the move-out happened before this event
    if (mask & IN_Q_OVERFLOW) {
        m_overflowed = true;
        return;
    }
    const int wd = event->wd;
    Dir* found = m_table.find(wd);
    if (!found)
        return; // a watch already forgotten
    Dir& dir = *found;
    if (mask & IN_IGNORED) {
        forgetWatch(wd);
        return;
    }
    if (mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        // A directory below a root is reported through its parent's event.
        if (dir.isRoot && m_table.wdOf(dir.path) == wd)
            dropLostRoot(dir.path, mask & IN_MOVE_SELF);
        return;
    }
    if (event->len == 0)
        return;
    const char* name = event->name;
    const qsizetype length = qsizetype(std::strlen(name));
    const bool isDirectory = mask & IN_ISDIR;
    const std::string_view nameView(name, size_t(length));

    if (mask & IN_MODIFY) {
        // The hot path: no path and no filter here; whether the file counts is
        // decided once, when the write is reported.
        auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
        if (pending != m_writes.end()) {
            pending->lastWriteNs = steadyNs();
            pending->unreported = true;
            return;
        }
        if (!dir.onlyNames.isEmpty() && !dir.onlyNames.contains(QByteArrayView(name, length)))
            return;
        m_writes.insert(WriteKey { wd, QByteArray(name, length) }, PendingWrite { steadyNs(), false, true });
        return;
    }
    if (mask & IN_CLOSE_WRITE) {
        if (isDirectory)
            return;
        auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
        bool visible = false;
        if (pending != m_writes.end()) {
            const bool wasCreated = pending->created;
            const bool unreported = pending->unreported;
            m_writes.erase(pending);
            if (unreported)
                visible = reportWrite(dir, nameView, wasCreated);
            else // reported by its deadline while still open
                visible = isVisible(dir, childPath(dir.path, nameView), name, length, false);
        } else {
            if (!dir.onlyNames.isEmpty() && !dir.onlyNames.contains(QByteArrayView(name, length)))
                return;
            visible = reportWrite(dir, nameView, false); // opened for writing before we looked
        }
        // After the file's last "modified": the batcher may close as soon as every writer is done.
        if (visible)
            report(FileEvent::Kind::WriteClosed, childPath(dir.path, nameView));
        return;
    }

    if (!dir.onlyNames.isEmpty() && !(mask & (IN_MOVED_FROM | IN_MOVED_TO))
        && !dir.onlyNames.contains(QByteArrayView(name, length)))
        return;
    const QString path = childPath(dir.path, nameView);

    if (mask & IN_CREATE) {
        if (!isVisible(dir, path, name, length, isDirectory))
            return;
        if (!dir.entries.add(m_table.names(), nameView, isDirectory))
            return; // the walk of a new directory found and reported it already
        if (isDirectory) {
            report(FileEvent::Kind::Created, path, {}, true);
            armTree(path, dir.target, true, nullptr);
        } else {
            m_writes.insert(
                WriteKey { wd, QByteArray(name, length) }, PendingWrite { steadyNs(), true, true });
        }
        return;
    }
    if (mask & IN_DELETE) {
        if (!isVisible(dir, path, name, length, isDirectory))
            return;
        dir.entries.remove(m_table.names(), nameView);
        if (isDirectory) {
            forgetSubtree(path, true);
            report(FileEvent::Kind::Removed, path, {}, true);
            return;
        }
        auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
        if (pending != m_writes.end()) {
            const bool neverAnnounced = pending->created && pending->unreported;
            m_writes.erase(pending);
            if (neverAnnounced)
                return; // came and went before it settled: nothing to tell
        }
        report(FileEvent::Kind::Removed, path);
        return;
    }
    if (mask & IN_MOVED_FROM) {
        PendingMove move;
        move.cookie = event->cookie;
        move.wd = wd;
        move.path = path;
        move.isDirectory = isDirectory;
        move.deadlineNs = steadyNs() + kMoveGraceNs;
        const bool visible = (dir.onlyNames.isEmpty() || dir.onlyNames.contains(QByteArrayView(name, length)))
            && isVisible(dir, path, name, length, isDirectory);
        move.announced = visible && dir.entries.remove(m_table.names(), nameView);
        if (!isDirectory) {
            auto pending = m_writes.find(WriteKey { wd, QByteArray::fromRawData(name, length) });
            if (pending != m_writes.end()) {
                if (pending->created && pending->unreported)
                    move.announced = false;
                m_writes.erase(pending);
            }
        }
        m_move = std::move(move);
        return;
    }
    if (mask & IN_MOVED_TO)
        handleMovedTo(dir, wd, name, length, isDirectory, event->cookie);
}

void InotifyBackend::handleMovedTo(
    Dir& dir, int wd, const char* name, qsizetype length, bool isDirectory, quint32 cookie)
{
    Q_UNUSED(wd)
    std::optional<PendingMove> move;
    if (m_move && m_move->cookie == cookie)
        move.swap(m_move);
    const std::string_view nameView(name, size_t(length));
    const QString path = childPath(dir.path, nameView);
    const bool visible = (dir.onlyNames.isEmpty() || dir.onlyNames.contains(QByteArrayView(name, length)))
        && isVisible(dir, path, name, length, isDirectory);
    const bool fromKnown = move && move->announced;

    if (isDirectory) {
        const bool wasWatched = fromKnown && m_table.contains(move->path);
        if (!visible) {
            if (fromKnown) {
                forgetSubtree(move->path, true);
                report(FileEvent::Kind::Removed, move->path, {}, true);
            }
            return;
        }
        dir.entries.add(m_table.names(), nameView, true);
        if (wasWatched) {
            report(FileEvent::Kind::Renamed, path, move->path, true);
            renameSubtree(move->path, path);
        } else {
            if (fromKnown)
                report(FileEvent::Kind::Removed, move->path, {}, true);
            report(FileEvent::Kind::Created, path, {}, true);
            armTree(path, dir.target, true, nullptr);
        }
        return;
    }

    if (!visible) {
        if (fromKnown)
            report(FileEvent::Kind::Removed, move->path);
        return;
    }
    const bool replacesExisting = dir.entries.contains(m_table.names(), nameView);
    // A file renamed into place arrives written: its save is over as at a close (the
    // temporary's own close, if it was seen, named the temporary, not this path).
    if (replacesExisting) {
        // An atomic save: what changed for the user is the target.
        report(FileEvent::Kind::Modified, path);
        report(FileEvent::Kind::WriteClosed, path);
        if (fromKnown)
            report(FileEvent::Kind::Removed, move->path);
        return;
    }
    dir.entries.add(m_table.names(), nameView, false);
    if (fromKnown) {
        report(FileEvent::Kind::Renamed, path, move->path);
    } else {
        report(FileEvent::Kind::Created, path);
        report(FileEvent::Kind::WriteClosed, path);
    }
}

void InotifyBackend::resolveMove()
{
    std::optional<PendingMove> move;
    move.swap(m_move);
    if (!move || !move->announced)
        return;
    // Moved out of sight: gone, as far as the watched tree is concerned.
    if (move->isDirectory) {
        forgetSubtree(move->path, true);
        report(FileEvent::Kind::Removed, move->path, {}, true);
    } else {
        report(FileEvent::Kind::Removed, move->path);
    }
}

void InotifyBackend::scheduleDeadline()
{
    qint64 next = -1;
    if (m_move)
        next = m_move->deadlineNs;
    for (const auto& pending : std::as_const(m_writes)) {
        if (!pending.unreported)
            continue;
        const qint64 due = pending.lastWriteNs + kWriteSettleNs;
        if (next < 0 || due < next)
            next = due;
    }
    if (next < 0) {
        m_deadline.stop(); // nothing pending: no timer while idle
        return;
    }
    const qint64 waitMs = qMax<qint64>(0, (next - steadyNs() + 999'999) / 1'000'000);
    m_deadline.start(int(waitMs));
}

void InotifyBackend::onDeadline()
{
    // A MOVED_TO may be sitting in the queue: read it before deciding.
    if (!m_paused)
        readEvents();
    const qint64 now = steadyNs();
    if (m_move && m_move->deadlineNs <= now)
        resolveMove();
    for (auto it = m_writes.begin(); it != m_writes.end(); ++it) {
        if (!it->unreported || it->lastWriteNs + kWriteSettleNs > now)
            continue;
        const Dir* dir = m_table.find(it.key().wd);
        if (!dir)
            continue;
        // Still open for writing: say what happened so far; the close reports only
        // what is written after this.
        it->unreported = false;
        const bool wasCreated = it->created;
        it->created = false;
        reportWrite(
            *dir, std::string_view(it.key().name.constData(), size_t(it.key().name.size())), wasCreated);
    }
    scheduleDeadline();
}

bool InotifyBackend::reportWrite(const Dir& dir, std::string_view name, bool created)
{
    const QString path = childPath(dir.path, name);
    // A created file passed the filter at IN_CREATE; a written one is checked now.
    if (!created && !isVisible(dir, path, name.data(), qsizetype(name.size()), false))
        return false;
    report(created ? FileEvent::Kind::Created : FileEvent::Kind::Modified, path);
    return true;
}

void InotifyBackend::report(
    FileEvent::Kind kind, const QString& path, const QString& oldPath, bool isDirectory)
{
    emitChange(kind, path, oldPath, isDirectory);
}

} // namespace foxreload
