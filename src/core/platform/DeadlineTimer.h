#pragma once

#include <QObject>

#include <chrono>
#include <memory>

namespace foxreload::platform {

// A single-shot timer for a point on the steady clock, for the batcher's few-millisecond settle
// time. QTimer counts whole milliseconds and the event loop's poll() rounds its wait up, so a
// QTimer set for a deadline fires up to 2 ms after it, a third of a 5 ms settle time. Linux: a
// timerfd armed for the exact instant, woken by a QSocketNotifier (fires within the scheduler's
// latency, never before). Elsewhere: a precise QTimer for the wait rounded up (never early either).
class DeadlineTimer : public QObject
{
    Q_OBJECT
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit DeadlineTimer(QObject* parent = nullptr);
    ~DeadlineTimer() override;

    // Replaces any deadline set before. One already past fires on the next event-loop pass.
    void start(TimePoint deadline);
    void stop();
    bool isActive() const;

Q_SIGNALS:
    // Once per start(), when steady_clock::now() has reached the deadline.
    void timeout();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload::platform
