#include "CrashBackoff.h"

#include <algorithm>

namespace foxreload {

CrashBackoff::CrashBackoff(int loopLimit, int loopWindowMs)
    : m_loopLimit(loopLimit)
    , m_loopWindow(loopWindowMs)
{ }

std::optional<int> CrashBackoff::restartDelayMs(Clock::time_point now)
{
    m_crashTimes.push_back(now);
    while (!m_crashTimes.empty() && now - m_crashTimes.front() > m_loopWindow)
        m_crashTimes.pop_front();
    if (int(m_crashTimes.size()) >= m_loopLimit) {
        m_crashTimes.clear();
        m_consecutiveCrashes = 0;
        return std::nullopt;
    }
    ++m_consecutiveCrashes;
    return std::min(kMaxBackoffMs, kFirstBackoffMs << std::min(m_consecutiveCrashes - 1, 8));
}

} // namespace foxreload
