// The desktop app as a module: the foxreload executable loads it only when the GUI
// starts (src/launcher/GuiLauncher.cpp), so headless commands stay light.
#include "GuiEntry.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int foxreload_gui_main(int argc, char** argv)
{
    return foxreload::gui::runGui(argc, argv);
}
