#include "DeadlineTimer.h"
#include "PlatformLog.h"

#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <sys/timerfd.h>
#include <unistd.h>

namespace foxreload::platform {

struct DeadlineTimer::Private
{
    int fd = -1;
    std::unique_ptr<QSocketNotifier> expired;
    std::unique_ptr<QTimer> fallback; // when no timerfd could be made (out of descriptors)
    bool active = false;
};

DeadlineTimer::DeadlineTimer(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (d->fd >= 0) {
        d->expired = std::make_unique<QSocketNotifier>(d->fd, QSocketNotifier::Read);
        connect(d->expired.get(), &QSocketNotifier::activated, this, [this] {
            std::uint64_t expirations = 0;
            // Nothing to read: the timer was re-armed or stopped after poll() saw it expire.
            if (::read(d->fd, &expirations, sizeof expirations) != ssize_t(sizeof expirations) || !d->active)
                return;
            d->active = false;
            Q_EMIT timeout();
        });
        return;
    }
    qCWarning(lcPlatform) << "no timerfd (" << qt_error_string(errno)
                          << "), timing batches to the millisecond";
    d->fallback = std::make_unique<QTimer>();
    d->fallback->setSingleShot(true);
    d->fallback->setTimerType(Qt::PreciseTimer);
    connect(d->fallback.get(), &QTimer::timeout, this, [this] {
        d->active = false;
        Q_EMIT timeout();
    });
}

DeadlineTimer::~DeadlineTimer()
{
    d->expired.reset();
    if (d->fd >= 0)
        ::close(d->fd);
}

void DeadlineTimer::start(TimePoint deadline)
{
    d->active = true;
    if (d->fallback) {
        const auto wait
            = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        d->fallback->start(std::max(wait, std::chrono::milliseconds(0)));
        return;
    }
    // steady_clock is CLOCK_MONOTONIC. An all-zero it_value would disarm the timer, so a deadline
    // at or before the clock's zero (never a real one) becomes its first nanosecond: long past.
    const auto sinceBoot = std::max(std::chrono::nanoseconds(1),
        std::chrono::duration_cast<std::chrono::nanoseconds>(deadline.time_since_epoch()));
    const auto seconds = std::chrono::floor<std::chrono::seconds>(sinceBoot);
    itimerspec due {};
    due.it_value.tv_sec = time_t(seconds.count());
    due.it_value.tv_nsec = long((sinceBoot - seconds).count());
    ::timerfd_settime(d->fd, TFD_TIMER_ABSTIME, &due, nullptr);
}

void DeadlineTimer::stop()
{
    d->active = false;
    if (d->fallback) {
        d->fallback->stop();
        return;
    }
    const itimerspec disarmed {};
    ::timerfd_settime(d->fd, 0, &disarmed, nullptr);
}

bool DeadlineTimer::isActive() const
{
    return d->active;
}

} // namespace foxreload::platform
