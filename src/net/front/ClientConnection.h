#pragma once

// The interface lives in core, where McpProxy takes it.
#include "proxy/ClientConnection.h"
