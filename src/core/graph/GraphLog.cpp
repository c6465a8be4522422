#include "GraphLog.h"

Q_LOGGING_CATEGORY(lcGraph, "foxreload.graph", QtInfoMsg)
