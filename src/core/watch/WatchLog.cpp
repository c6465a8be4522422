#include "WatchLog.h"

Q_LOGGING_CATEGORY(lcWatch, "foxreload.watch", QtInfoMsg)
