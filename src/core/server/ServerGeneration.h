#pragma once

#include "config/Config.h"

#include <QUrl>

namespace foxreload {

class ServerChannelFactory;

// The settings one server generation is started with. For `transport: http` a free port is
// picked for it and put wherever the config says {port} (server.url, server.args, the values
// of server.env) and into the environment as PORT, so that each generation listens on a port
// of its own and a new one can start while the old one still serves (blue/green).
struct ServerGeneration
{
    ServerSettings settings; // what the process is started with
    QUrl url; // the HTTP endpoint (http transport only)
    quint16 port = 0; // 0: none picked
    QString error; // non-empty when the generation cannot be started (no port, no HTTP support)

    static ServerGeneration prepare(const ServerSettings& configured, ServerChannelFactory* transports);
    // {port} replaced by `port` (the text FoxReload documents; nothing else is a placeholder).
    static QString substitutePort(QString text, quint16 port);
};

} // namespace foxreload
