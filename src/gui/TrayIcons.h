#pragma once

#include "MonitoredSession.h"

#include <QIcon>

namespace foxreload::gui {

// The fox in the tray, with a badge for the state (SVGs in resources/icons).
QIcon stateIcon(MonitoredSession::Status status);
QIcon appIcon();

} // namespace foxreload::gui
