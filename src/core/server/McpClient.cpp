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

bool McpClient::isOwnId(const QJsonValue& id)
{
    return id.isString() && id.toString().startsWith(kIdPrefix);
}

void McpClient::request(const QString& method, const QJsonValue& params, int timeoutMs, Callback callback)
{
    const QString id = kIdPrefix + QString::number(m_nextId++);
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    connect(timer.get(), &QTimer::timeout, this, [this, id, method, timeoutMs] {
        jsonrpc::Reply reply;
        reply.status = jsonrpc::Reply::Status::Timeout;
        reply.errorMessage = u"%1 was not answered within %2 ms"_s.arg(method).arg(timeoutMs);
        finish(id, reply);
    });
    timer->start(timeoutMs);
    m_pending.emplace(id, Pending { std::move(callback), std::move(timer) });
    m_process->send(jsonrpc::request(id, method, params));
}

void McpClient::notify(const QString& method, const QJsonValue& params)
{
    m_process->send(jsonrpc::notification(method, params));
}

void McpClient::failAllPending(const QString& reason)
{
    QStringList ids;
    for (const auto& [id, pending] : m_pending)
        ids.append(id);
    for (const auto& id : std::as_const(ids)) {
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
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    // finish() may run inside the timer's own timeout(): let the event loop delete it.
    pending.timeout->stop();
    pending.timeout.release()->deleteLater();
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
