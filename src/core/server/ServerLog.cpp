#include "ServerLog.h"

Q_LOGGING_CATEGORY(lcServer, "foxreload.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerTiming, "foxreload.server.timing", QtInfoMsg)
