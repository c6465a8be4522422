#include "SessionResources.h"

#include "ResourceThrottle.h"
#include "config/Config.h"
#include "session/Session.h"

namespace foxreload::resources {

ResourceMonitor* monitorSession(Session* session, const Config& config, QObject* parent)
{
    if (!config.resources.enabled)
        return nullptr;
    auto* monitor = new ResourceMonitor(
        ResourceBudget { config.resources.maxCpuPercent, double(config.resources.maxRssMb) }, parent);
    monitor->attach(session);
    auto* throttle = new ResourceThrottle(&session->batcher(), monitor);
    QObject::connect(monitor, &ResourceMonitor::throttleChanged, throttle,
        [throttle](const ThrottleState& state) { throttle->setThrottled(state.throttled); });
    return monitor;
}

} // namespace foxreload::resources
