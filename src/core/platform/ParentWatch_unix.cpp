#include "ParentWatch.h"

#include <QSocketNotifier>
#include <QTimer>

#include <sys/syscall.h>
#include <unistd.h>

namespace foxreload::platform {

struct ParentWatch::Private
{
    pid_t parent = ::getppid();
    int pidfd = -1;
    std::unique_ptr<QSocketNotifier> exited;
    std::unique_ptr<QTimer> poll;
    bool told = false;
};

ParentWatch::ParentWatch(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{ }

ParentWatch::~ParentWatch()
{
    d->exited.reset();
    if (d->pidfd >= 0)
        ::close(d->pidfd);
}

qint64 ParentWatch::parentPid() const
{
    return d->parent;
}

bool ParentWatch::parentGone() const
{
    return ::getppid() != d->parent;
}

void ParentWatch::start()
{
    const auto tell = [this] {
        if (d->told || !parentGone())
            return;
        d->told = true;
        if (d->exited)
            d->exited->setEnabled(false);
        if (d->poll)
            d->poll->stop();
        Q_EMIT gone();
    };
#ifdef SYS_pidfd_open
    d->pidfd = int(::syscall(SYS_pidfd_open, d->parent, 0));
#endif
    if (d->pidfd >= 0) {
        // Readable once the parent has ended.
        d->exited = std::make_unique<QSocketNotifier>(d->pidfd, QSocketNotifier::Read);
        connect(d->exited.get(), &QSocketNotifier::activated, this, tell);
    } else {
        d->poll = std::make_unique<QTimer>();
        connect(d->poll.get(), &QTimer::timeout, this, tell);
        d->poll->start(500);
    }
    // It may have ended before the descriptor was opened (then it names another process, or none).
    QTimer::singleShot(0, this, tell);
}

} // namespace foxreload::platform
