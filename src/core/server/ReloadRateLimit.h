#pragma once

#include "common/FileEvent.h"

#include <deque>
#include <optional>

namespace foxreload {

// watch.max_reloads_per_minute: how long a reload caused by file changes must wait so that no
// more than the limit start within any 60 s. It defers reloads, it never drops one.
class ReloadRateLimit
{
public:
    explicit ReloadRateLimit(int maxPerMinute); // 0 or less: no limit

    // The wait before a reload may start at `now`, or nullopt when it may start at once.
    std::optional<int> delayMs(Clock::time_point now);
    void started(Clock::time_point now) { m_starts.push_back(now); }

private:
    int m_limit;
    std::deque<Clock::time_point> m_starts; // the reloads started within the last minute
};

} // namespace foxreload
