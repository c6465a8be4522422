#pragma once

// Clocks and limits the inotify backend's files share (InotifyBackend.cpp, InotifyEvents.cpp).

#include <QtGlobal>

#include <chrono>
#include <ctime>

namespace foxreload::inotify {

constexpr qint64 kWriteSettleNs = 75'000'000; // a write without a close is reported after this quiet time
constexpr qint64 kMoveGraceNs = 2'000'000; // for a MOVED_TO still on its way when the queue ran dry
constexpr size_t kBufferSize = 64 * 1024;

inline qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline qint64 realtimeNs()
{
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// File timestamps come from the coarse clock, which may lag the real time by a tick.
inline qint64 coarseClockSlackNs()
{
    timespec resolution {};
    if (::clock_getres(CLOCK_REALTIME_COARSE, &resolution) != 0)
        return 10'000'000;
    return 2 * (qint64(resolution.tv_sec) * 1000000000LL + resolution.tv_nsec);
}

} // namespace foxreload::inotify
