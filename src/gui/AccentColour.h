#pragma once

namespace foxreload {
struct RewardDef;
}

namespace foxreload::gui {

class DashboardWindow;

// Shows an accent reward (RewardKind::Accent) in the dashboard: the header is tinted with it,
// selections and progress bars take it (the palette's highlight) and the charts draw XP in it.
// Its light-window or dark-window colour, as the dashboard's palette is.
void applyAccent(DashboardWindow* dashboard, const RewardDef& accent);

} // namespace foxreload::gui
