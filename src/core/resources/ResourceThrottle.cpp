#include "ResourceThrottle.h"

#include "ResourcesLog.h"
#include "analyze/ChangeBatcher.h"

namespace foxreload::resources {

ResourceThrottle::ResourceThrottle(ChangeBatcher* batcher, QObject* parent)
    : QObject(parent)
    , m_batcher(batcher)
{ }

std::chrono::milliseconds ResourceThrottle::throttledQuiet(std::chrono::milliseconds normal)
{
    return std::max(normal * kQuietFactor, kMinThrottledQuiet);
}

void ResourceThrottle::setThrottled(bool throttled)
{
    if (throttled == m_throttled)
        return;
    m_throttled = throttled;
    if (throttled) {
        m_normalQuiet = m_batcher->quietWindow();
        m_normalHashing = m_batcher->contentHashing();
        m_batcher->setQuietWindow(throttledQuiet(m_normalQuiet));
        m_batcher->setContentHashing(false);
    } else {
        m_batcher->setQuietWindow(m_normalQuiet);
        m_batcher->setContentHashing(m_normalHashing);
    }
    qCDebug(lcResources) << "quiet window" << m_batcher->quietWindow().count() << "ms, content hashing"
                         << m_batcher->contentHashing();
}

} // namespace foxreload::resources
