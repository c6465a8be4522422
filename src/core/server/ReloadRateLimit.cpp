#include "ReloadRateLimit.h"

#include <algorithm>

using namespace std::chrono_literals;

namespace foxreload {

namespace {
constexpr auto kRateWindow = 60s;
}

ReloadRateLimit::ReloadRateLimit(int maxPerMinute)
    : m_limit(maxPerMinute)
{ }

std::optional<int> ReloadRateLimit::delayMs(Clock::time_point now)
{
    while (!m_starts.empty() && now - m_starts.front() >= kRateWindow)
        m_starts.pop_front();
    if (m_limit <= 0 || int(m_starts.size()) < m_limit)
        return std::nullopt;
    const auto allowedAt = m_starts[m_starts.size() - size_t(m_limit)] + kRateWindow;
    const qint64 ms = std::chrono::duration_cast<std::chrono::milliseconds>(allowedAt - now).count();
    return int(std::max<qint64>(1, ms));
}

} // namespace foxreload
