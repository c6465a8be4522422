#include "McpClient.h"

#include "ServerLog.h"
#include "ServerProcess.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr auto kIdPrefix = "fr-"_L1;
}

McpClient::McpClient(ServerProcess* process, QObject* parent)
    : QObject(parent)
    , m_process(process)
{
    connect(process, &ServerProcess::messageReceived, this, &McpClient::onMessage);
    connect(process, &ServerProcess::finished, this,
        [this] { failAllPending(u"the server exited before answering"_s); });
}

McpClient::~McpClient()
{
    for (auto& pending : m_pending)
        delete pending.timer;
}

bool McpClient::isOwnId(const QJsonValue& id)
{
    return id.isString() && id.toString().startsWith(kIdPrefix);
}

void McpClient::request(const QString& method, const QJsonValue& params, int timeoutMs, Callback callback)
{
    const QString id = kIdPrefix + QString::number(m_nextId++);
    auto* timer = new QTimer; // owned by the Pending entry, deleted in finish()
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id, method, timeoutMs] {
        jsonrpc::Reply reply;
        reply.status = jsonrpc::Reply::Status::Timeout;
        reply.errorMessage = u"%1 was not answered within %2 ms"_s.arg(method).arg(timeoutMs);
        finish(id, reply);
    });
    m_pending.insert(id, Pending { std::move(callback), timer, method });
    timer->start(timeoutMs);
    m_process->send(jsonrpc::request(id, method, params));
}

void McpClient::notify(const QString& method, const QJsonValue& params)
{
    m_process->send(jsonrpc::notification(method, params));
}

void McpClient::failAllPending(const QString& reason)
{
    const auto ids = m_pending.keys();
    for (const auto& id : ids) {
        jsonrpc::Reply reply;
        reply.status = jsonrpc::Reply::Status::Disconnected;
        reply.errorMessage = reason;
        finish(id, reply);
    }
}

void McpClient::finish(const QString& id, const jsonrpc::Reply& reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    delete pending.timer;
    if (pending.callback)
        pending.callback(reply);
}

void McpClient::onMessage(const QJsonObject& message)
{
    switch (jsonrpc::classify(message)) {
    case jsonrpc::MessageKind::Response:
    case jsonrpc::MessageKind::ErrorResponse: {
        const QJsonValue id = message.value("id"_L1);
        if (isOwnId(id)) {
            if (!m_pending.contains(id.toString()))
                qCDebug(lcServer) << "late answer to" << id.toString() << "dropped";
            finish(id.toString(), jsonrpc::Reply::fromMessage(message));
            return;
        }
        break;
    }
    case jsonrpc::MessageKind::Notification:
        Q_EMIT notificationReceived(
            message.value("method"_L1).toString(), message.value("params"_L1).toObject());
        break;
    case jsonrpc::MessageKind::Request:
        if (!m_forwardServerRequests) {
            const QString method = message.value("method"_L1).toString();
            if (method == "ping"_L1)
                m_process->send(jsonrpc::result(message.value("id"_L1), QJsonObject {}));
            else
                m_process->send(jsonrpc::error(message.value("id"_L1), jsonrpc::MethodNotFound,
                    u"FoxReload does not offer %1 to servers"_s.arg(method)));
            return;
        }
        break;
    case jsonrpc::MessageKind::Invalid:
        qCWarning(lcServer) << "server sent an invalid JSON-RPC message:" << message;
        break;
    }
    Q_EMIT foreignMessage(message);
}

} // namespace foxreload
