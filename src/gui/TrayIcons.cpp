#include "TrayIcons.h"

using namespace Qt::StringLiterals;

namespace foxreload::gui {

QIcon stateIcon(MonitoredSession::Status status)
{
    using S = MonitoredSession::Status;
    switch (status) {
    case S::Watching:
        return QIcon(u":/icons/tray-watching.svg"_s);
    case S::Starting:
    case S::Reloading:
        return QIcon(u":/icons/tray-reloading.svg"_s);
    case S::Error:
    case S::Degraded:
    case S::Untrusted:
        return QIcon(u":/icons/tray-error.svg"_s);
    case S::Paused:
        return QIcon(u":/icons/tray-paused.svg"_s);
    case S::Stopped:
        break;
    }
    return QIcon(u":/icons/tray-stopped.svg"_s);
}

QIcon appIcon()
{
    return QIcon(u":/icons/foxreload.svg"_s);
}

} // namespace foxreload::gui
