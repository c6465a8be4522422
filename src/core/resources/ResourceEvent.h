#pragma once

#include "ResourceBudget.h"

#include <QJsonObject>

namespace foxreload::resources {

// The `resources` event of the --json stream and the event socket (docs/cli.md): sent when a
// budget is crossed either way, never per sample. Built on session/EventJson's base.
QJsonObject resourcesEvent(
    const ThrottleState& state, const ResourceSample& sample, const ResourceBudget& budget);

// One line for people: "CPU 0.4 % · 23 MB (server 1.2 % · 41 MB)"; what is unknown is left out.
QString resourcesText(const ResourceSample& sample);

} // namespace foxreload::resources
