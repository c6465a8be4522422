#pragma once

#include "MonitoredSession.h"

#include <QIcon>

namespace foxreload {
struct RewardDef;
}

namespace foxreload::gui {

// The fox in the tray, with a badge for the state (SVGs in resources/icons).
QIcon stateIcon(MonitoredSession::Status status);
// The same in a fox skin (a RewardKind::Skin reward): its fur, outline, mask and ear colours
// replace the red fox's. Paused and stopped keep their grey fox, which is what says the state.
QIcon stateIcon(MonitoredSession::Status status, const RewardDef& skin);
QIcon appIcon();

} // namespace foxreload::gui
