#include "ProxyLog.h"

Q_LOGGING_CATEGORY(lcProxy, "foxreload.proxy", QtInfoMsg)
