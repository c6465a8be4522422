#pragma once

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace foxreload {

using Clock = std::chrono::steady_clock;

// One change seen by a watcher backend. Paths are absolute and clean
// (QDir::cleanPath), so that every stage can compare them as strings.
struct FileEvent
{
    // WriteClosed: a file opened for writing was closed (inotify's IN_CLOSE_WRITE). It is a
    // timing hint for the batcher (the writer is done), never a change: ChangeBatcher consumes
    // it, so no later stage sees one. Only backends whose reportsWriteClose() is true emit it.
    enum class Kind { Created, Modified, Removed, Renamed, WriteClosed };

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

// "created", "modified", "removed", "renamed", "write-closed"
QString fileEventKindName(FileEvent::Kind kind);
std::optional<FileEvent::Kind> fileEventKindFromName(QStringView name);

} // namespace foxreload
