#pragma once

#include "ResourceMonitor.h"

namespace foxreload {
struct Config;
}

namespace foxreload::resources {

// A ResourceMonitor on a session with the throttle it drives, as `resources:` asks; null when
// resources.enabled is false. The monitor owns the throttle; `parent` owns the monitor.
ResourceMonitor* monitorSession(Session* session, const Config& config, QObject* parent);

} // namespace foxreload::resources
