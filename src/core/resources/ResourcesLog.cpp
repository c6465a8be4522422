#include "ResourcesLog.h"

Q_LOGGING_CATEGORY(lcResources, "foxreload.resources", QtInfoMsg)
