#include "GameLog.h"

Q_LOGGING_CATEGORY(lcGame, "foxreload.game", QtInfoMsg)
