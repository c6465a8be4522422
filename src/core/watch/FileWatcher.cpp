#include "FileWatcher.h"

#include "MissingRoots.h"
#include "NativeWatchBackend.h"
#include "PollingBackend.h"
#include "QtWatcherBackend.h"
#include "WatchLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace foxreload {

class FileWatcher::Private
{
public:
    WatchBackendKind kind = WatchBackendKind::Auto;
    int pollInterval = 1000;
    int watchLimitForTesting = -1;
    std::unique_ptr<WatchBackend> backend;
    WatchStats stats;
    QList<WatchTarget> targets; // every root, whether it exists now or not
    MissingRoots missing;
    QSet<QString> announcedMissing; // said once per root: "does not exist yet"

    static WatchTarget targetFor(const QString& path, const PathFilterPtr& filter, bool isDirectory)
    {
        WatchTarget target;
        target.filter = filter;
        target.rootPath = path;
        if (isDirectory) {
            target.directory = path;
        } else {
            const QFileInfo info(path);
            target.directory = info.absolutePath();
            target.onlyName = QFile::encodeName(info.fileName());
        }
        return target;
    }
};

FileWatcher::FileWatcher(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<FileEvent>();
    connect(&d->missing, &MissingRoots::appeared, this, &FileWatcher::onRootAppeared);
}

FileWatcher::~FileWatcher() = default;

void FileWatcher::setBackend(WatchBackendKind kind)
{
    d->kind = kind;
}

void FileWatcher::setPollInterval(int milliseconds)
{
    d->pollInterval = qMax(1, milliseconds);
    if (auto* polling = qobject_cast<PollingBackend*>(d->backend.get()))
        polling->setInterval(d->pollInterval);
    nativewatch::setPollInterval(d->backend.get(), d->pollInterval);
}

std::optional<WatchBackendKind> FileWatcher::backendFromName(QStringView name)
{
    if (name == u"auto")
        return WatchBackendKind::Auto;
    if (name == u"inotify")
        return WatchBackendKind::Inotify;
    if (name == u"qt")
        return WatchBackendKind::QtFileSystemWatcher;
    if (name == u"polling")
        return WatchBackendKind::Polling;
    return std::nullopt;
}

bool FileWatcher::start(const QList<WatchRoot>& roots)
{
    stop();
    QElapsedTimer clock;
    clock.start();
    d->stats = {};
    d->stats.roots = int(roots.size());

    QList<WatchTarget> targets;
    QList<WatchTarget> absent;
    for (const auto& root : roots) {
        const QString path = QDir::cleanPath(QFileInfo(root.path).absoluteFilePath());
        const QFileInfo info(path);
        if (!info.exists()) {
            // Watched as a directory once it appears (a file root's parent must exist).
            absent.append(Private::targetFor(path, root.filter, true));
            continue;
        }
        targets.append(Private::targetFor(path, root.filter, info.isDir()));
    }
    if (targets.isEmpty()) {
        for (const auto& target : std::as_const(absent))
            Q_EMIT warning(u"watch root %1 does not exist; it is not watched"_s.arg(target.rootPath));
        Q_EMIT warning(u"nothing to watch: none of the %1 roots exists"_s.arg(roots.size()));
        return false;
    }

    WatchBackendKind kind = d->kind;
    const bool hasNative = !nativewatch::name().isEmpty();
    if (kind == WatchBackendKind::Auto)
        kind = hasNative ? WatchBackendKind::Inotify : WatchBackendKind::QtFileSystemWatcher;
    if (kind == WatchBackendKind::Inotify && !hasNative) {
        Q_EMIT warning(u"the inotify backend exists on Linux only; using QFileSystemWatcher"_s);
        kind = WatchBackendKind::QtFileSystemWatcher;
    }

    const auto makeBackend = [this](WatchBackendKind which) -> std::unique_ptr<WatchBackend> {
        std::unique_ptr<WatchBackend> backend;
        switch (which) {
        case WatchBackendKind::Inotify:
            backend = nativewatch::create({ d->pollInterval, d->watchLimitForTesting });
            break;
        case WatchBackendKind::QtFileSystemWatcher:
            backend = std::make_unique<QtWatcherBackend>();
            break;
        case WatchBackendKind::Polling:
        case WatchBackendKind::Auto: {
            auto polling = std::make_unique<PollingBackend>();
            polling->setInterval(d->pollInterval);
            backend = std::move(polling);
            break;
        }
        }
        // Direct signal-to-signal connections: an event reaches our listeners in the
        // same wake-up that saw it.
        connect(backend.get(), &WatchBackend::changed, this, &FileWatcher::changed);
        connect(backend.get(), &WatchBackend::warning, this, &FileWatcher::warning);
        return backend;
    };

    d->backend = makeBackend(kind);
    bool ok = d->backend->start(targets, &d->stats);
    if (!ok && kind == WatchBackendKind::Inotify && !d->backend->isActive()) {
        Q_EMIT warning(u"falling back to polling every %1 ms"_s.arg(d->pollInterval));
        d->stats = {};
        d->stats.roots = int(roots.size());
        d->backend = makeBackend(WatchBackendKind::Polling);
        ok = d->backend->start(targets, &d->stats);
    }
    d->stats.startupMs = clock.elapsed();
    d->stats.backend = d->backend->name();
    if (!ok) {
        d->backend.reset();
        return false;
    }
    connect(d->backend.get(), &WatchBackend::rootLost, this, &FileWatcher::onRootLost);
    d->targets = targets + absent;
    for (const auto& target : std::as_const(absent)) {
        if (!d->announcedMissing.contains(target.rootPath)) {
            d->announcedMissing.insert(target.rootPath);
            Q_EMIT warning(u"watch root %1 does not exist (yet); it is watched as soon as it appears"_s.arg(
                target.rootPath));
        }
        d->missing.watchFor(target.directory);
    }
    qCDebug(lcWatch) << "watching" << d->stats.files << "files in" << d->stats.directories << "directories,"
                     << d->stats.prunedTrees << "pruned, in" << d->stats.startupMs << "ms with"
                     << d->stats.backend;
    return true;
}

void FileWatcher::stop()
{
    d->missing.clear();
    d->targets.clear();
    if (d->backend)
        d->backend->stop();
    d->backend.reset();
}

void FileWatcher::onRootLost(const QString& directory)
{
    bool any = false;
    for (const auto& target : std::as_const(d->targets)) {
        if (target.directory != directory)
            continue;
        any = true;
        Q_EMIT warning(u"watch root %1 is gone (removed or moved away); it is watched again as soon as it "
                       "comes back"_s.arg(target.rootPath));
    }
    if (any)
        d->missing.watchFor(directory);
}

void FileWatcher::onRootAppeared(const QString& directory)
{
    if (!d->backend)
        return;
    for (const auto& target : std::as_const(d->targets)) {
        if (target.directory != directory)
            continue;
        if (d->backend->addTarget(target)) {
            Q_EMIT warning(u"watch root %1 is there again: watching it, and what it holds is reported "
                           "as created"_s.arg(target.rootPath));
        } else if (!d->missing.isWaitingFor(directory)) {
            d->missing.watchFor(directory); // gone again before it could be armed
        }
    }
}

bool FileWatcher::isActive() const
{
    return d->backend && d->backend->isActive();
}

bool FileWatcher::reportsWriteClose() const
{
    return d->backend && d->backend->reportsWriteClose();
}

WatchStats FileWatcher::stats() const
{
    WatchStats stats = d->stats;
    if (d->backend)
        stats.backend = d->backend->name();
    return stats;
}

void FileWatcher::setWatchLimitForTesting(int maxWatches)
{
    d->watchLimitForTesting = maxWatches;
}

void FileWatcher::setPausedForTesting(bool paused)
{
    nativewatch::setPausedForTesting(d->backend.get(), paused);
}

void FileWatcher::simulateOverflowForTesting()
{
    nativewatch::simulateOverflowForTesting(d->backend.get());
}

} // namespace foxreload
