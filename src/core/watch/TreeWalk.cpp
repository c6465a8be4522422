#include "TreeWalk.h"

#include "SnapshotTree.h"
#include "platform/DirectoryReader.h"

#include <QStringList>

namespace foxreload {

bool walkTree(
    const QString& root, const PathFilter* filter, const std::function<WalkStep(const WalkEntry&)>& visit)
{
    QStringList pending { root };
    WalkEntry entry;
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        platform::DirectoryReader reader(dir);
        if (!reader.isOpen())
            continue; // unreadable, or gone since it was listed
        const PathFilter::Directory scope = filter ? filter->directory(dir) : PathFilter::Directory();
        while (reader.next()) {
            entry.path = joinPath(dir, QString::fromUtf8(reader.nameView()));
            entry.isDirectory = reader.isDirectory();
            entry.excluded = filter && filter->isExcluded(scope, entry.path, entry.isDirectory);
            const WalkStep step = visit(entry);
            if (step == WalkStep::Stop)
                return false;
            if (step == WalkStep::Continue && entry.isDirectory && !entry.excluded)
                pending.append(entry.path);
        }
    }
    return true;
}

} // namespace foxreload
