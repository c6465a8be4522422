#include "ResourceOutput.h"

#include "ConsoleReporter.h"
#include "ipc/SessionEventFeed.h"
#include "resources/ResourceEvent.h"
#include "resources/ResourceMonitor.h"

using namespace Qt::StringLiterals;

namespace foxreload::cli {

void reportResources(resources::ResourceMonitor* monitor, ConsoleReporter* reporter, SessionEventFeed* feed)
{
    if (!monitor)
        return;
    QObject::connect(monitor, &resources::ResourceMonitor::throttleChanged, reporter,
        [monitor, reporter, feed](
            const resources::ThrottleState& state, const resources::ResourceSample& sample) {
            const QJsonObject event = resources::resourcesEvent(state, sample, monitor->budget());
            if (feed)
                feed->publish(event);
            if (reporter->format() == ConsoleReporter::Format::Json)
                reporter->printEvent(event);
            else if (state.throttled)
                reporter->printLine(
                    u"🦊 over budget (%1): quiet window longer, content hashing paused"_s.arg(
                        state.reason));
            else
                reporter->printLine(
                    u"🦊 back within budget (%1): throttling ends"_s.arg(resources::resourcesText(sample)));
        });
}

} // namespace foxreload::cli
