#include "BuildLog.h"

Q_LOGGING_CATEGORY(lcBuild, "foxreload.build", QtInfoMsg)
