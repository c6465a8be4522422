#include "MetricsEndpoint.h"

#include "metrics/MetricsLog.h"
#include "metrics/ProcessMetrics.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace foxreload::metrics {

MetricsEndpoint::MetricsEndpoint()
    : m_http(std::make_unique<QHttpServer>())
{
    m_http->route(u"/metrics"_s, QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest&) { return QHttpServerResponse(QByteArray(kContentType), page()); });
}

MetricsEndpoint::~MetricsEndpoint() = default;

bool MetricsEndpoint::parseHostPort(
    const QString& hostPort, QHostAddress* address, quint16* port, QString* error)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool ok = false;
    const int number = colon >= 0 ? hostPort.mid(colon + 1).toInt(&ok) : -1;
    if (!ok || number < 0 || number > 65535) {
        *error = u"expected HOST:PORT such as 127.0.0.1:9464, got \"%1\""_s.arg(hostPort);
        return false;
    }
    QString host = hostPort.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == u"localhost")
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (host.isEmpty() || host == u"*")
        *address = QHostAddress(QHostAddress::Any);
    else if (!address->setAddress(host)) {
        *error = u"expected an IP address (or localhost) before the port, got \"%1\""_s.arg(host);
        return false;
    }
    *port = quint16(number);
    return true;
}

bool MetricsEndpoint::listen(const QString& hostPort, QString* error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!parseHostPort(hostPort, &address, &port, error))
        return false;
    // Our own QTcpServer, so that a failure says why (QHttpServer::listen only returns 0).
    auto* tcp = new QTcpServer(m_http.get());
    if (!tcp->listen(address, port)) {
        *error = u"cannot listen on %1: %2"_s.arg(hostPort, tcp->errorString());
        delete tcp;
        return false;
    }
    m_http->bind(tcp);
    m_address = address;
    m_port = tcp->serverPort();
    qCInfo(lcMetrics) << "serving /metrics on" << address.toString() << m_port;
    if (!address.isLoopback())
        qCWarning(lcMetrics).noquote() << "/metrics listens on" << address.toString()
                                       << "beyond this machine; the page has no authentication";
    return true;
}

QString MetricsEndpoint::address() const
{
    if (m_port == 0)
        return {};
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + m_address.toString() + u']'
        : m_address.toString();
    return host + u':' + QString::number(m_port);
}

void MetricsEndpoint::add(MetricsCollector* collector)
{
    m_collectors.removeAll(nullptr);
    const QString base = collector->project();
    QString project = base;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(m_collectors.cbegin(), m_collectors.cend(),
            [&project](const QPointer<MetricsCollector>& other) { return other->project() == project; });
        if (!taken)
            break;
        project = base + u'-' + QString::number(n);
    }
    collector->setProject(project);
    m_collectors.append(collector);
}

void MetricsEndpoint::remove(MetricsCollector* collector)
{
    m_collectors.removeAll(collector);
    m_collectors.removeAll(nullptr);
}

int MetricsEndpoint::collectorCount() const
{
    return int(std::count_if(m_collectors.cbegin(), m_collectors.cend(),
        [](const QPointer<MetricsCollector>& collector) { return !collector.isNull(); }));
}

QByteArray MetricsEndpoint::page() const
{
    QList<MetricFamily> families;
    for (const QPointer<MetricsCollector>& collector : m_collectors) {
        if (collector)
            families += collector->families();
    }
    families += processFamilies(readProcessFigures());
    return render(families);
}

std::shared_ptr<MetricsEndpoint> MetricsEndpoint::shared(const QString& hostPort, QString* error)
{
    static QHash<QString, std::weak_ptr<MetricsEndpoint>> endpoints;
    QHostAddress address;
    quint16 port = 0;
    if (!parseHostPort(hostPort, &address, &port, error))
        return nullptr;
    const QString key = address.toString() + u'|' + QString::number(port);
    if (port != 0) {
        if (auto existing = endpoints.value(key).lock())
            return existing;
    }
    auto endpoint = std::make_shared<MetricsEndpoint>();
    if (!endpoint->listen(hostPort, error))
        return nullptr;
    if (port != 0)
        endpoints.insert(key, endpoint);
    return endpoint;
}

} // namespace foxreload::metrics
