#pragma once

#include <QString>

namespace foxreload::platform {

// What the launcher (src/launcher) asks before any QCoreApplication exists, to choose between
// the desktop app and a headless run, and to find the GUI module next to the executable.

// The running executable's absolute path (QCoreApplication::applicationFilePath() needs an
// application object). Linux: /proc/self/exe; macOS: _NSGetExecutablePath; Windows:
// GetModuleFileNameW. Empty when the system does not say.
QString executablePath();

// Whether a window could be shown now. `qpaPlatform` is the Qt platform plugin asked for
// (-platform, or QT_QPA_PLATFORM), possibly empty. Linux and other X11/Wayland systems: a
// display server is named in DISPLAY or WAYLAND_DISPLAY, or a plugin that needs none
// (offscreen, minimal, vnc, eglfs) was asked for on purpose. Windows and macOS: always.
bool displayReachable(const QString& qpaPlatform);

} // namespace foxreload::platform
