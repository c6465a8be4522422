#include "InotifyBackend.h"
#include "NativeWatchBackend.h"

using namespace Qt::StringLiterals;

namespace foxreload::nativewatch {

namespace {
InotifyBackend* inotify(WatchBackend* backend)
{
    return qobject_cast<InotifyBackend*>(backend);
}
} // namespace

QString name()
{
    return u"inotify"_s;
}

std::unique_ptr<WatchBackend> create(const Settings& settings)
{
    auto backend = std::make_unique<InotifyBackend>();
    backend->setPollInterval(settings.pollInterval);
    if (settings.watchLimitForTesting >= 0)
        backend->setWatchLimitForTesting(settings.watchLimitForTesting);
    return backend;
}

void setPollInterval(WatchBackend* backend, int milliseconds)
{
    if (auto* native = inotify(backend))
        native->setPollInterval(milliseconds);
}

void setPausedForTesting(WatchBackend* backend, bool paused)
{
    if (auto* native = inotify(backend))
        native->setPausedForTesting(paused);
}

void simulateOverflowForTesting(WatchBackend* backend)
{
    if (auto* native = inotify(backend))
        native->simulateOverflowForTesting();
}

} // namespace foxreload::nativewatch
