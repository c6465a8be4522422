#include "MetricsLog.h"

Q_LOGGING_CATEGORY(lcMetrics, "foxreload.metrics", QtInfoMsg)
