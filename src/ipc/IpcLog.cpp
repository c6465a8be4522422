#include "IpcLog.h"

Q_LOGGING_CATEGORY(lcIpc, "foxreload.ipc", QtInfoMsg)
