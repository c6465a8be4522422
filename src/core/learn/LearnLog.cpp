#include "LearnLog.h"

Q_LOGGING_CATEGORY(lcLearn, "foxreload.learn", QtInfoMsg)
