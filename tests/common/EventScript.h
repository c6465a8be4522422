#pragma once

// A short notation for the file events of a test script, read and written by the batching tests:
// "c a" created, "m a" modified, "w a" write-closed, "d a" removed, "r a>b" renamed a to b ("r b":
// renamed to b, the old name unknown), "C a"/"D a" a directory created/removed. Paths are relative
// to "/p/".

#include "common/FileEvent.h"

#include <QString>
#include <QStringList>

namespace foxreload::test {

inline FileEvent fileEvent(
    FileEvent::Kind kind, const QString& path, const QString& oldPath = {}, bool directory = false)
{
    using namespace Qt::StringLiterals;
    FileEvent e;
    e.kind = kind;
    e.path = u"/p/"_s + path;
    if (!oldPath.isEmpty())
        e.oldPath = u"/p/"_s + oldPath;
    e.isDirectory = directory;
    return e;
}

inline FileEvent parseEvent(const QString& spec)
{
    const QChar kind = spec.at(0);
    const QString rest = spec.mid(2);
    if (kind == u'c')
        return fileEvent(FileEvent::Kind::Created, rest);
    if (kind == u'C')
        return fileEvent(FileEvent::Kind::Created, rest, {}, true);
    if (kind == u'm')
        return fileEvent(FileEvent::Kind::Modified, rest);
    if (kind == u'w')
        return fileEvent(FileEvent::Kind::WriteClosed, rest);
    if (kind == u'd')
        return fileEvent(FileEvent::Kind::Removed, rest);
    if (kind == u'D')
        return fileEvent(FileEvent::Kind::Removed, rest, {}, true);
    const QStringList parts = rest.split(u'>');
    if (parts.size() == 1)
        return fileEvent(FileEvent::Kind::Renamed, parts.at(0));
    return fileEvent(FileEvent::Kind::Renamed, parts.at(1), parts.at(0));
}

// The event in the notation (without the directory flag: "c a" for "C a" too).
inline QString describeEvent(const FileEvent& e)
{
    using namespace Qt::StringLiterals;
    const QString path = e.path.mid(3);
    switch (e.kind) {
    case FileEvent::Kind::Created:
        return u"c "_s + path;
    case FileEvent::Kind::Modified:
        return u"m "_s + path;
    case FileEvent::Kind::Removed:
        return u"d "_s + path;
    case FileEvent::Kind::Renamed:
        return u"r "_s + e.oldPath.mid(3) + u'>' + path;
    case FileEvent::Kind::WriteClosed:
        return u"w "_s + path;
    }
    return {};
}

} // namespace foxreload::test
