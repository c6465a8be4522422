#pragma once

#include "server/ServerChannelFactory.h"

namespace foxreload::net {

// Streamable HTTP for the servers FoxReload starts: the factory the CLI and the desktop
// app give to the orchestrator (see ServerChannelFactory).
class HttpTransport : public ServerChannelFactory
{
public:
    // It keeps no state: one for the whole program will do.
    static HttpTransport& instance();

    quint16 pickFreePort(QString* error) override;
    std::unique_ptr<ServerChannel> createHttpChannel(const QUrl& url, int connectTimeoutMs) override;
    void closeChannel(ServerChannel* channel, std::function<void()> done) override;
};

} // namespace foxreload::net
