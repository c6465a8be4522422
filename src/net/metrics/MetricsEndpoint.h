#pragma once

#include "metrics/MetricsCollector.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QHttpServer;

namespace foxreload::metrics {

// GET /metrics in the Prometheus text format, served by Qt's QHttpServer.
//
// One endpoint may serve the collectors of several sessions: the desktop app runs one
// session per project in one process, and every project whose metrics.listen names the
// same address shares one endpoint (shared()), each series labelled with its project.
// A CLI run is one process with one session: it has an endpoint (and a port) of its own.
// The page is rendered when it is asked for; nothing runs in between.
class MetricsEndpoint : public QObject
{
    Q_OBJECT
public:
    MetricsEndpoint();
    ~MetricsEndpoint() override;

    // "HOST:PORT" (port 0: any free port; host 127.0.0.1, localhost, ::1 in brackets, 0.0.0.0, ...).
    bool listen(const QString& hostPort, QString* error);
    // Where it listens, with the port it got: "127.0.0.1:9464"; empty when not listening.
    QString address() const;
    quint16 port() const { return m_port; }

    // The project label is made unique on this endpoint ("name", "name-2", ...).
    void add(MetricsCollector* collector);
    void remove(MetricsCollector* collector);
    int collectorCount() const;

    QByteArray page() const;

    // The endpoint of this process for `hostPort`, opened on first use and closed when the
    // last holder lets go. Port 0 is never shared (each asks for its own free port).
    static std::shared_ptr<MetricsEndpoint> shared(const QString& hostPort, QString* error);

    // Parses "HOST:PORT"; false with a message that says what is wrong.
    static bool parseHostPort(const QString& hostPort, QHostAddress* address, quint16* port, QString* error);

private:
    std::unique_ptr<QHttpServer> m_http;
    QHostAddress m_address;
    quint16 m_port = 0;
    QList<QPointer<MetricsCollector>> m_collectors;
};

} // namespace foxreload::metrics
