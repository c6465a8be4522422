#include "MatchLog.h"

Q_LOGGING_CATEGORY(lcMatch, "foxreload.match", QtInfoMsg)
