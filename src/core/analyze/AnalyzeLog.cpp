#include "AnalyzeLog.h"

Q_LOGGING_CATEGORY(lcAnalyze, "foxreload.analyze", QtInfoMsg)
