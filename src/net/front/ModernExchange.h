#pragma once

#include "ClientConnection.h"
#include "ResponseWriter.h"

#include <QPointer>

namespace foxreload::net {

// One POST of the session-less revision (2026-07-28): the request is all the client says,
// its response stream is all the server may use. To the proxy it is a client connection of
// its own that lives as long as the request: request-scoped notifications (progress, logs,
// a subscriptions/listen stream's notifications) travel as SSE events before the answer,
// and the answer ends it. The client closing the stream is its way to cancel (closed()).
class ModernExchange : public ClientConnection
{
    Q_OBJECT
public:
    ModernExchange(quint64 number, const jsonrpc::RawMessage& request, ResponseWriter* writer,
        bool acceptsEventStream, QObject* parent = nullptr);
    ~ModernExchange() override;

    // Hands the request to whoever listens to received(); call once they are connected.
    void start();
    void send(const QByteArray& message, QByteArrayView relatedRequestId = {}) override;
    bool isOpen() const override { return m_open; }
    QString describe() const override;
    void close(const QString& why) override;
    void keepAlive();

private:
    void finish(const QString& why);

    quint64 m_number;
    jsonrpc::RawMessage m_request;
    QByteArray m_requestKey;
    QPointer<ResponseWriter> m_writer;
    bool m_acceptsEventStream;
    bool m_open = true;
};

} // namespace foxreload::net
