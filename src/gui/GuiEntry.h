#pragma once

// The desktop app's entry point, exported by the module (GuiModule.cpp).
namespace foxreload::gui {

// Creates the QApplication and runs the desktop app until it quits.
int runGui(int argc, char** argv);

} // namespace foxreload::gui
