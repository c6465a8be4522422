#pragma once

#include "MonitoredSession.h"

#include <QCoreApplication>

namespace foxreload::gui {

// How the dashboard header and the tray tooltip word a session's resource figures.
class ResourceText
{
    Q_DECLARE_TR_FUNCTIONS(ResourceText)
public:
    // "0.4 % CPU · 23 MB", "throttled · 61 MB"; "—" before the first sample.
    static QString summary(const MonitoredSession::Resources& resources);
    // Several lines: FoxReload's figures against its budget, the server tree's, why it throttles.
    static QString details(const MonitoredSession::Resources& resources);
    // The tray tooltip's line: FoxReload's own use, and whether it throttles; empty before the
    // first sample.
    static QString trayLine(const MonitoredSession::Resources& resources);
};

} // namespace foxreload::gui
