#pragma once

#include "JsonRpc.h"
#include "RawMessage.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>

namespace foxreload {

class ServerChannel;

// FoxReload's own MCP client session with one server process. Its request ids
// are strings ("fr-1", "fr-2", …) so they can never collide with the ids of a
// client that a proxy forwards on the same connection; every other response
// is handed on through foreignMessage().
class McpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const jsonrpc::Reply&)>;

    explicit McpClient(ServerChannel* channel, QObject* parent = nullptr);

    ServerChannel* channel() const { return m_channel; }

    void request(const QString& method, const QJsonValue& params, int timeoutMs, Callback callback);
    void notify(const QString& method, const QJsonValue& params = {});
    // When set, requests from the server (sampling, roots, elicitation) go to the
    // handler; otherwise they are answered with "method not found".
    void setServerRequestsForwarded(bool forwarded) { m_forwardServerRequests = forwarded; }
    // A modern (2026-07-28) server needs the version, capabilities and client info in every
    // request's params._meta; once set, each request carries these members there.
    void setRequestMeta(const QJsonObject& meta) { m_requestMeta = meta; }
    QJsonObject requestMeta() const { return m_requestMeta; }

    int pendingCount() const { return int(m_pending.size()); }
    static bool isOwnId(const QJsonValue& id);

    // Ends every pending request with Disconnected (the server is gone).
    void failAllPending(const QString& reason);

Q_SIGNALS:
    void notificationReceived(const QString& method, const QJsonObject& params);
    // Anything that is not an answer to one of our own requests, exactly as it arrived.
    void foreignMessage(const foxreload::jsonrpc::RawMessage& message);

private:
    struct Pending
    {
        Callback callback;
        std::unique_ptr<QTimer> timeout;
    };

    void onMessage(const jsonrpc::RawMessage& message);
    void finish(const QString& id, const jsonrpc::Reply& reply);

    ServerChannel* m_channel;
    std::unordered_map<QString, Pending> m_pending;
    quint64 m_nextId = 1;
    bool m_forwardServerRequests = false;
    QJsonObject m_requestMeta;
};

} // namespace foxreload
