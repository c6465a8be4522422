// The inotify backend's catch-up after IN_Q_OVERFLOW: the kernel dropped events, so every
// watched directory is listed again and compared with the names it held.
#include "InotifyBackend.h"
#include "PollingBackend.h"
#include "platform/DirectoryReader.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash > 0 ? path.left(slash) : u"/"_s;
}

} // namespace

void InotifyBackend::rescanAfterOverflow(qint64 thresholdNs)
{
    resolveMove();
    if (!m_overflowWarned) {
        m_overflowWarned = true;
        Q_EMIT warning(u"inotify event queue overflowed (fs.inotify.max_queued_events = %1): "
                       "rescanning %2 directories to catch up"_s.arg(m_queueLimit)
                           .arg(m_table.size()));
    }
    std::vector<std::pair<QString, int>> order;
    order.reserve(size_t(m_table.size()));
    m_table.forEach([&](int wd, const Dir& dir) { order.emplace_back(dir.path, wd); });
    std::sort(order.begin(), order.end()); // parents before children
    for (const auto& [path, wd] : order) {
        const Dir* dir = m_table.find(wd);
        if (dir && dir->path == path)
            rescanDirectory(wd, thresholdNs);
    }
    if (m_fallback)
        m_fallback->pollNow();
}

bool InotifyBackend::hasUnreportedWrite(int wd, std::string_view name) const
{
    const auto it
        = m_writes.constFind(WriteKey { wd, QByteArray::fromRawData(name.data(), qsizetype(name.size())) });
    return it != m_writes.cend() && it->unreported;
}

void InotifyBackend::rescanDirectory(int wd, qint64 thresholdNs)
{
    NameTable& names = m_table.names();
    Dir* dir = m_table.find(wd);
    const QString path = dir->path;
    platform::DirectoryReader reader(QFile::encodeName(path));
    if (!reader.isOpen()) {
        if (dir->isRoot) {
            dropLostRoot(path, false);
        } else if (!m_table.contains(parentOf(path))) {
            forgetSubtree(path, true);
        }
        return; // otherwise the parent's rescan reported it
    }

    EntryList now;
    EntryListFiller filler(names);
    filler.start(&now);
    QString child = path.endsWith(u'/') ? path : path + u'/';
    const qsizetype base = child.size();
    while (reader.next()) {
        const QByteArrayView name = reader.nameView();
        const bool isDirectory = reader.isDirectory();
        child.truncate(base);
        appendName(child, name);
        if (!isVisible(*dir, child, name.data(), name.size(), isDirectory))
            continue;
        filler.add(std::string_view(name.data(), size_t(name.size())), isDirectory);
    }

    const auto oldEntries = dir->entries.sorted(names);
    const auto newEntries = now.sorted(names);
    dir->entries.clear(names);
    dir->entries = std::move(now);
    const int target = dir->target;
    // (`dir` may not survive what follows: forgetSubtree and armTree change the table)
    const auto gone = [&](const EntryList::Entry& entry) {
        const QString entryPath = childPath(path, entry.name);
        if (entry.isDirectory) {
            forgetSubtree(entryPath, true);
            report(FileEvent::Kind::Removed, entryPath, {}, true);
        } else {
            report(FileEvent::Kind::Removed, entryPath);
        }
    };
    const auto arrived = [&](const EntryList::Entry& entry) {
        const QString entryPath = childPath(path, entry.name);
        if (entry.isDirectory) {
            report(FileEvent::Kind::Created, entryPath, {}, true);
            armTree(entryPath, target, true, nullptr);
        } else {
            report(FileEvent::Kind::Created, entryPath);
        }
    };
    auto oldIt = oldEntries.cbegin();
    auto newIt = newEntries.cbegin();
    while (oldIt != oldEntries.cend() || newIt != newEntries.cend()) {
        if (newIt == newEntries.cend() || (oldIt != oldEntries.cend() && oldIt->name < newIt->name)) {
            gone(*oldIt++);
        } else if (oldIt == oldEntries.cend() || newIt->name < oldIt->name) {
            arrived(*newIt++);
        } else {
            if (oldIt->isDirectory != newIt->isDirectory) {
                gone(*oldIt);
                arrived(*newIt);
            } else if (!newIt->isDirectory && !hasUnreportedWrite(wd, newIt->name)) {
                // (a pending write is reported by its own deadline, as created or modified)
                platform::EntryStamp stamp;
                const QByteArrayView name(newIt->name.data(), qsizetype(newIt->name.size()));
                if (reader.stampOf(name, &stamp) && stamp.mtimeNs >= thresholdNs)
                    report(FileEvent::Kind::Modified, childPath(path, newIt->name));
            }
            ++oldIt;
            ++newIt;
        }
    }
}

} // namespace foxreload
