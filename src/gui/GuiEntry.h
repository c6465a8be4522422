#pragma once

#include <QStringList>

// What src/main.cpp needs to start the desktop app, and nothing else.
namespace foxreload::gui {

// `foxreload`, `foxreload --minimized`, `foxreload gui [--config F] [--minimized]`.
bool isGuiInvocation(int argc, char** argv);
// A display can be had: DISPLAY or WAYLAND_DISPLAY is set, or a platform plugin that
// needs no display (offscreen, minimal, vnc, ...) was asked for explicitly.
bool displayAvailable(int argc, char** argv);
// The `run` arguments for the headless fallback ("foxreload run" plus --config F when given).
QStringList headlessArguments(int argc, char** argv);
// Creates the QApplication and runs the desktop app until it quits.
int runGui(int argc, char** argv);

} // namespace foxreload::gui
