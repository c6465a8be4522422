#pragma once

#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace foxreload {

class ServerChannel;

// The transports that foxreload_core cannot speak itself (it stays QtCore-only): Streamable
// HTTP lives in src/net, and the CLI and the GUI hand an implementation to the orchestrator
// (ReloadOrchestrator::setChannelFactory). Without one, a server configured with
// `transport: http` fails to start and says so.
class ServerChannelFactory
{
public:
    virtual ~ServerChannelFactory() = default;

    // A TCP port on 127.0.0.1 that nothing listens on right now, for the next server generation
    // ({port}, env PORT). 0 and the reason when there is none.
    virtual quint16 pickFreePort(QString* error) = 0;

    // The connection to the HTTP server of one generation. Its process starts at the same time,
    // so refused connections are retried within `connectTimeoutMs`.
    virtual std::unique_ptr<ServerChannel> createHttpChannel(const QUrl& url, int connectTimeoutMs) = 0;

    // Ends the channel's session (HTTP DELETE) before its process is stopped; `done` runs
    // when that is over or has timed out. Called at most once per channel.
    virtual void closeChannel(ServerChannel* channel, std::function<void()> done) = 0;
};

} // namespace foxreload
