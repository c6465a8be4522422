#pragma once

#include "ClientConnection.h"

#include <QPointer>

namespace foxreload {
class ClientChannel;
}

namespace foxreload::net {

// The stdio client (the one that started `foxreload proxy`) as one ClientConnection among the
// HTTP ones behind a ClientMux. What is no message at all (a line that is not JSON, a batch)
// is answered here, as the proxy answers it when stdio is its only client.
class StdioClient : public ClientConnection
{
    Q_OBJECT
public:
    explicit StdioClient(ClientChannel* channel, QObject* parent = nullptr);
    ~StdioClient() override;

    void send(const QByteArray& message, QByteArrayView relatedRequestId = {}) override;
    bool isOpen() const override;
    QString describe() const override;
    void close(const QString& why) override;

private:
    void onBatch(const jsonrpc::ReadResult& batch);
    void onGarbage(int code, const QString& problem);

    QPointer<ClientChannel> m_channel;
    bool m_open = true;
};

} // namespace foxreload::net
