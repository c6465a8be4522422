#include "FileWatcher.h"

#include "PollingBackend.h"
#include "QtWatcherBackend.h"
#include "WatchLog.h"

#ifdef Q_OS_LINUX
#include "InotifyBackend.h"
#endif

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

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

#ifdef Q_OS_LINUX
    InotifyBackend* inotify() const
    {
        return qobject_cast<InotifyBackend*>(backend.get());
    }
#endif
};

FileWatcher::FileWatcher(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<FileEvent>();
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
#ifdef Q_OS_LINUX
    if (auto* inotify = d->inotify())
        inotify->setPollInterval(d->pollInterval);
#endif
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
    for (const auto& root : roots) {
        const QString path = QDir::cleanPath(QFileInfo(root.path).absoluteFilePath());
        const QFileInfo info(path);
        if (!info.exists()) {
            Q_EMIT warning(u"watch root %1 does not exist; it is not watched"_s.arg(path));
            continue;
        }
        WatchTarget target;
        target.filter = root.filter;
        target.rootPath = path;
        if (info.isDir()) {
            target.directory = path;
        } else {
            target.directory = info.absolutePath();
            target.onlyName = QFile::encodeName(info.fileName());
        }
        targets.append(target);
    }
    if (targets.isEmpty()) {
        Q_EMIT warning(u"nothing to watch: none of the %1 roots exists"_s.arg(roots.size()));
        return false;
    }

    WatchBackendKind kind = d->kind;
    if (kind == WatchBackendKind::Auto) {
#ifdef Q_OS_LINUX
        kind = WatchBackendKind::Inotify;
#else
        kind = WatchBackendKind::QtFileSystemWatcher;
#endif
    }
#ifndef Q_OS_LINUX
    if (kind == WatchBackendKind::Inotify) {
        Q_EMIT warning(u"the inotify backend exists on Linux only; using QFileSystemWatcher"_s);
        kind = WatchBackendKind::QtFileSystemWatcher;
    }
#endif

    const auto makeBackend = [this](WatchBackendKind which) -> std::unique_ptr<WatchBackend> {
        std::unique_ptr<WatchBackend> backend;
        switch (which) {
        case WatchBackendKind::Inotify: {
#ifdef Q_OS_LINUX
            auto inotify = std::make_unique<InotifyBackend>();
            inotify->setPollInterval(d->pollInterval);
            if (d->watchLimitForTesting >= 0)
                inotify->setWatchLimitForTesting(d->watchLimitForTesting);
            backend = std::move(inotify);
#endif
            break;
        }
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
    qCDebug(lcWatch) << "watching" << d->stats.files << "files in" << d->stats.directories << "directories,"
                     << d->stats.prunedTrees << "pruned, in" << d->stats.startupMs << "ms with"
                     << d->stats.backend;
    return true;
}

void FileWatcher::stop()
{
    if (d->backend)
        d->backend->stop();
    d->backend.reset();
}

bool FileWatcher::isActive() const
{
    return d->backend && d->backend->isActive();
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
#ifdef Q_OS_LINUX
    if (auto* inotify = d->inotify())
        inotify->setPausedForTesting(paused);
#else
    Q_UNUSED(paused)
#endif
}

void FileWatcher::simulateOverflowForTesting()
{
#ifdef Q_OS_LINUX
    if (auto* inotify = d->inotify())
        inotify->simulateOverflowForTesting();
#endif
}

} // namespace foxreload
