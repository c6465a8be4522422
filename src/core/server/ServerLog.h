#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
// The full restart's path, step by step in µs (debug only:
// QT_LOGGING_RULES="foxreload.server.timing.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcServerTiming)
