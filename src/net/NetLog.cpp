#include "NetLog.h"

Q_LOGGING_CATEGORY(lcNet, "foxreload.net", QtInfoMsg)
