#pragma once

#include <QStringList>

#include <optional>

// Decides between the desktop app and the headless session, and starts the desktop
// app from its module (foxreload-gui.so). The executable itself links QtCore only,
// so `foxreload run`, `watch` and `proxy` never map the widget, chart and OpenGL
// libraries: about 8 MiB of resident memory that a headless command does not need.
namespace foxreload::gui {

// `foxreload`, `foxreload --minimized`, `foxreload gui [--config F] [--minimized]`.
bool isGuiInvocation(int argc, char** argv);
// A display can be had: DISPLAY or WAYLAND_DISPLAY is set, or a platform plugin that
// needs no display (offscreen, minimal, vnc, ...) was asked for explicitly.
bool displayAvailable(int argc, char** argv);
// The `run` arguments for the headless fallback ("foxreload run" plus --config F when given).
QStringList headlessArguments(int argc, char** argv);

// Where the module is looked for: $FOXRELOAD_GUI_MODULE, next to the executable,
// then the installed location relative to it.
QStringList guiModuleCandidates(const QString& executableDir);
// Loads the module and runs the desktop app until it quits. Returns nullopt (and
// says why on stderr) when the module cannot be loaded.
std::optional<int> launchGui(int argc, char** argv);

} // namespace foxreload::gui
