#pragma once

#include "match/PathFilter.h"

#include <QString>

#include <functional>

namespace foxreload {

// One entry below a walked directory.
struct WalkEntry
{
    QString path; // absolute
    bool isDirectory = false; // a link never is: it is not followed
    bool excluded = false; // the filter excludes it; an excluded directory is not entered
};

enum class WalkStep {
    Continue,
    Skip, // a directory: do not enter it
    Stop, // end the walk
};

// Walks the tree below the directory `root` (root itself is not visited) as the watcher reads it
// (platform::DirectoryReader: hidden entries listed, links never followed) and prunes it as the
// watcher does (`filter`, per directory; none: nothing is excluded). For the other walkers of a
// watched tree (the start-up hash pass, the settings preview), so that they see what is watched.
// Depth first. True when the whole tree was walked, false when `visit` stopped it.
bool walkTree(
    const QString& root, const PathFilter* filter, const std::function<WalkStep(const WalkEntry&)>& visit);

} // namespace foxreload
