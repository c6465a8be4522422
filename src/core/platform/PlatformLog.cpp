#include "PlatformLog.h"

Q_LOGGING_CATEGORY(lcPlatform, "foxreload.platform", QtInfoMsg)
