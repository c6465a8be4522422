#include "HttpTransport.h"

#include "HttpServerChannel.h"

#include <QHostAddress>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace foxreload::net {

HttpTransport& HttpTransport::instance()
{
    static HttpTransport transport;
    return transport;
}

quint16 HttpTransport::pickFreePort(QString* error)
{
    // The kernel picks an unused ephemeral port; it is released again at once for the server to
    // take. Ephemeral ports are handed out in turn, so another program rarely takes it in between.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = u"no free TCP port on 127.0.0.1: %1"_s.arg(probe.errorString());
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

std::unique_ptr<ServerChannel> HttpTransport::createHttpChannel(const QUrl& url, int connectTimeoutMs)
{
    HttpServerChannel::Options options;
    options.connectTimeoutMs = connectTimeoutMs;
    return std::make_unique<HttpServerChannel>(url, options);
}

void HttpTransport::closeChannel(ServerChannel* channel, std::function<void()> done)
{
    auto* http = qobject_cast<HttpServerChannel*>(channel);
    if (!http || !http->isOpen()) {
        done();
        return;
    }
    QObject::connect(
        http, &ServerChannel::closed, http, [done = std::move(done)] { done(); }, Qt::SingleShotConnection);
    http->close();
}

} // namespace foxreload::net
