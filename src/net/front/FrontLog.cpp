#include "FrontLog.h"

Q_LOGGING_CATEGORY(lcHttpFront, "foxreload.net.front", QtInfoMsg)
