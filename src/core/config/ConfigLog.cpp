#include "ConfigLog.h"

Q_LOGGING_CATEGORY(lcConfig, "foxreload.config", QtInfoMsg)
