#include "DeadlineTimer.h"

#include <QTimer>

#include <algorithm>

namespace foxreload::platform {

// macOS and Windows: a precise QTimer, set for the wait rounded up to whole milliseconds.
struct DeadlineTimer::Private
{
    QTimer timer;
};

DeadlineTimer::DeadlineTimer(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->timer.setSingleShot(true);
    d->timer.setTimerType(Qt::PreciseTimer);
    connect(&d->timer, &QTimer::timeout, this, &DeadlineTimer::timeout);
}

DeadlineTimer::~DeadlineTimer() = default;

void DeadlineTimer::start(TimePoint deadline)
{
    const auto wait
        = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    d->timer.start(std::max(wait, std::chrono::milliseconds(0)));
}

void DeadlineTimer::stop()
{
    d->timer.stop();
}

bool DeadlineTimer::isActive() const
{
    return d->timer.isActive();
}

} // namespace foxreload::platform
