#pragma once

#include "ClientMux.h"
#include "HttpFront.h"
#include "StdioClient.h"

#include <memory>

namespace foxreload {
class ClientChannel;
}

namespace foxreload::net {

// What `foxreload proxy --listen HOST:PORT` puts in front of McpProxy: the HTTP front, the
// stdio client when there is one (the client that started the proxy; it is primary: the
// proxy ends with it), and the ClientMux that makes them one client.
class ProxyClients
{
public:
    // Listens on `listen` ("127.0.0.1:8765", "8765"). `stdio` may be null (serve HTTP only).
    static std::unique_ptr<ProxyClients> create(const QString& listen, ClientChannel* stdio, QString* error);
    ~ProxyClients();

    ClientConnection* client() { return &m_mux; }
    ClientMux& mux() { return m_mux; }
    HttpFront& front() { return *m_front; }

private:
    ProxyClients() = default;

    ClientMux m_mux;
    std::unique_ptr<StdioClient> m_stdio;
    std::unique_ptr<HttpFront> m_front;
};

} // namespace foxreload::net
