#include "NativeWatchBackend.h"

// Windows and macOS: no native backend yet (see NativeWatchBackend.h); FileWatcher uses
// QFileSystemWatcher there.

namespace foxreload::nativewatch {

QString name()
{
    return {};
}

std::unique_ptr<WatchBackend> create(const Settings&)
{
    return nullptr;
}

void setPollInterval(WatchBackend*, int) { }
void setPausedForTesting(WatchBackend*, bool) { }
void simulateOverflowForTesting(WatchBackend*) { }

} // namespace foxreload::nativewatch
