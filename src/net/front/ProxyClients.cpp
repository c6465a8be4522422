#include "ProxyClients.h"

using namespace Qt::StringLiterals;

namespace foxreload::net {

std::unique_ptr<ProxyClients> ProxyClients::create(
    const QString& listen, ClientChannel* stdio, QString* error)
{
    HttpFront::Options options;
    if (!HttpFront::parseListenAddress(listen, &options.address, &options.port, error))
        return {};
    std::unique_ptr<ProxyClients> clients(new ProxyClients);
    clients->m_front = std::make_unique<HttpFront>(options);
    if (!clients->m_front->listen(error))
        return {};
    if (stdio) {
        clients->m_stdio = std::make_unique<StdioClient>(stdio);
        clients->m_mux.addClient(clients->m_stdio.get(), true);
    }
    ClientMux* mux = &clients->m_mux;
    QObject::connect(clients->m_front.get(), &HttpFront::connectionOpened, mux,
        [mux](ClientConnection* connection) { mux->addClient(connection); });
    return clients;
}

ProxyClients::~ProxyClients()
{
    // The front's connections go first, while the mux can still hear that they closed.
    m_front.reset();
}

} // namespace foxreload::net
