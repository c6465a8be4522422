#pragma once

#include "common/FileEvent.h"

#include <deque>
#include <optional>

namespace foxreload {

// When to restart a server that exited unexpectedly: after an exponential backoff (250 ms,
// doubling, at most 16 s), and not at all once it crashed `loopLimit` times within
// `loopWindowMs` (a crash loop: retrying cannot help until something is edited).
class CrashBackoff
{
public:
    CrashBackoff(int loopLimit, int loopWindowMs);

    // A crash at `now`: the wait before the restart, or nullopt for a crash loop (the count
    // then starts over).
    std::optional<int> restartDelayMs(Clock::time_point now);
    // A reload the user caused succeeded: the next crash waits the shortest time again.
    void recovered() { m_consecutiveCrashes = 0; }

    static constexpr int kFirstBackoffMs = 250;
    static constexpr int kMaxBackoffMs = 16000;

private:
    int m_loopLimit;
    std::chrono::milliseconds m_loopWindow;
    std::deque<Clock::time_point> m_crashTimes;
    int m_consecutiveCrashes = 0;
};

} // namespace foxreload
