#include "StoreLog.h"

Q_LOGGING_CATEGORY(lcStore, "foxreload.store", QtInfoMsg)
