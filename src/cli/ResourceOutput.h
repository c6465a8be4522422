#pragma once

namespace foxreload {
class SessionEventFeed;
namespace resources {
class ResourceMonitor;
}
} // namespace foxreload

namespace foxreload::cli {

class ConsoleReporter;

// Says each crossing of FoxReload's resource budget once: a line (or, with --json, a `resources`
// event) on the console and a `resources` event on the session's event socket. Nothing is said
// per sample. A null monitor (resources.enabled: false) says nothing.
void reportResources(resources::ResourceMonitor* monitor, ConsoleReporter* reporter, SessionEventFeed* feed);

} // namespace foxreload::cli
