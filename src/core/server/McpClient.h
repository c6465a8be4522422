#pragma once

#include "JsonRpc.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>

namespace foxreload {

class ServerProcess;

// FoxReload's own MCP client session with one server process. Its request ids
// are strings ("fr-1", "fr-2", …) so they can never collide with the ids of a
// client that a proxy forwards on the same connection; every other response
// is handed on through foreignMessage().
class McpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const jsonrpc::Reply&)>;

    explicit McpClient(ServerProcess* process, QObject* parent = nullptr);

    void request(const QString& method, const QJsonValue& params, int timeoutMs, Callback callback);
    void notify(const QString& method, const QJsonValue& params = {});
    // When set, requests from the server (sampling, roots, elicitation) go to the
    // handler; otherwise they are answered with "method not found".
    void setServerRequestsForwarded(bool forwarded) { m_forwardServerRequests = forwarded; }

    int pendingCount() const { return int(m_pending.size()); }
    static bool isOwnId(const QJsonValue& id);

    // Ends every pending request with Disconnected (the server is gone).
    void failAllPending(const QString& reason);

Q_SIGNALS:
    void notificationReceived(const QString& method, const QJsonObject& params);
    // Anything that is not an answer to one of our own requests.
    void foreignMessage(const QJsonObject& message);

private:
    struct Pending
    {
        Callback callback;
        std::unique_ptr<QTimer> timeout;
    };

    void onMessage(const QJsonObject& message);
    void finish(const QString& id, const jsonrpc::Reply& reply);

    ServerProcess* m_process;
    std::unordered_map<QString, Pending> m_pending;
    quint64 m_nextId = 1;
    bool m_forwardServerRequests = false;
};

} // namespace foxreload
