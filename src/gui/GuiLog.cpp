#include "GuiLog.h"

Q_LOGGING_CATEGORY(lcGui, "foxreload.gui", QtInfoMsg)
