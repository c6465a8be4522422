#pragma once

#include <QList>
#include <QString>

#include <chrono>

namespace foxreload {

using Clock = std::chrono::steady_clock;

// One change seen by a watcher backend. Paths are absolute and clean
// (QDir::cleanPath), so that every stage can compare them as strings.
struct FileEvent
{
    enum class Kind { Created, Modified, Removed, Renamed };

    Kind kind = Kind::Modified;
    QString path;
    QString oldPath; // only for Renamed: where the file was before
    bool isDirectory = false;
    Clock::time_point detectedAt = Clock::now();

    friend bool operator==(const FileEvent& a, const FileEvent& b)
    {
        return a.kind == b.kind && a.path == b.path && a.oldPath == b.oldPath
            && a.isDirectory == b.isDirectory;
    }
};

using FileEventList = QList<FileEvent>;

// "created", "modified", "removed", "renamed"
QString fileEventKindName(FileEvent::Kind kind);

} // namespace foxreload
