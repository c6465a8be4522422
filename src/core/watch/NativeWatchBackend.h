#pragma once

#include "WatchBackend.h"

#include <memory>

namespace foxreload::nativewatch {

// The operating system's own change notification, where FoxReload has a backend for it: inotify
// on Linux (NativeWatchBackend_linux.cpp). Windows and macOS have none yet (no
// ReadDirectoryChangesW or FSEvents backend): there QFileSystemWatcher is the default.
// CMake compiles NativeWatchBackend_linux.cpp on Linux and NativeWatchBackend_none.cpp elsewhere, so
// FileWatcher needs no #ifdef on the OS.

// The name of the native backend ("inotify"), empty where there is none.
QString name();

struct Settings
{
    int pollInterval = 1000; // for the directories it could not arm natively
    int watchLimitForTesting = -1; // arming beyond this fails like ENOSPC; -1: the kernel's limit
};

// A new native backend, or null where there is none.
std::unique_ptr<WatchBackend> create(const Settings& settings);

// What only the native backend has. Each is a no-op for any other backend (or none).
void setPollInterval(WatchBackend* backend, int milliseconds);
void setPausedForTesting(WatchBackend* backend, bool paused);
void simulateOverflowForTesting(WatchBackend* backend);

} // namespace foxreload::nativewatch
