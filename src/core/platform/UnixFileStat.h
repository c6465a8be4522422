#pragma once

#include <QtGlobal>

#include <sys/stat.h>

namespace foxreload::platform {

// The modification time in nanoseconds: st_mtim on Linux, st_mtimespec on macOS
// (FileStat_linux.cpp, FileStat_mac.cpp).
qint64 modificationTimeNs(const struct stat& info);

} // namespace foxreload::platform
