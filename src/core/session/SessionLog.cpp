#include "SessionLog.h"

Q_LOGGING_CATEGORY(lcSession, "foxreload.session", QtInfoMsg)
