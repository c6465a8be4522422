#include "McpClient.h"

#include "ServerChannel.h"
#include "ServerLog.h"

#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr auto kIdPrefix = "fr-"_L1;
}

McpClient::McpClient(ServerChannel* channel, QObject* parent)
    : QObject(parent)
    , m_channel(channel)
{
    connect(channel, &ServerChannel::received, this, &McpClient::onMessage);
    connect(channel, &ServerChannel::closed, this,
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
        reply.errorMessage = u"%1 was not answered within %2 ms"_s.arg(method, QString::number(timeoutMs));
        finish(id, reply);
    });
    timer->start(timeoutMs);
    m_pending.emplace(id, Pending { std::move(callback), std::move(timer) });
    if (m_requestMeta.isEmpty() || (!params.isObject() && !params.isUndefined() && !params.isNull())) {
        m_channel->send(jsonrpc::request(id, method, params));
        return;
    }
    QJsonObject withMeta = params.toObject();
    QJsonObject meta = withMeta.value("_meta"_L1).toObject();
    for (auto it = m_requestMeta.constBegin(); it != m_requestMeta.constEnd(); ++it)
        meta.insert(it.key(), it.value());
    withMeta.insert("_meta"_L1, meta);
    m_channel->send(jsonrpc::request(id, method, withMeta));
}

void McpClient::notify(const QString& method, const QJsonValue& params)
{
    m_channel->send(jsonrpc::notification(method, params));
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

void McpClient::onMessage(const jsonrpc::RawMessage& message)
{
    switch (message.kind) {
    case jsonrpc::MessageKind::Response:
    case jsonrpc::MessageKind::ErrorResponse: {
        // Only our own answers are parsed; everything else passes on as bytes.
        const QByteArrayView rawId = message.rawId();
        if (rawId.startsWith("\"fr-") || (rawId.startsWith('"') && rawId.contains('\\'))) {
            const QString id = message.idString();
            if (id.startsWith(kIdPrefix)) {
                if (!m_pending.contains(id))
                    qCDebug(lcServer) << "late answer to" << id << "dropped";
                finish(id, jsonrpc::Reply::fromMessage(message.toObject()));
                return;
            }
        }
        break;
    }
    case jsonrpc::MessageKind::Notification:
        if (isSignalConnected(QMetaMethod::fromSignal(&McpClient::notificationReceived))) {
            Q_EMIT notificationReceived(message.method, message.toObject().value("params"_L1).toObject());
        }
        break;
    case jsonrpc::MessageKind::Request:
        if (!m_forwardServerRequests) {
            if (message.method == "ping"_L1)
                m_channel->send(jsonrpc::resultFor(message.rawId(), QJsonObject {}));
            else
                m_channel->send(jsonrpc::errorFor(message.rawId(), jsonrpc::MethodNotFound,
                    u"FoxReload does not offer %1 to servers"_s.arg(message.method)));
            return;
        }
        break;
    case jsonrpc::MessageKind::Invalid:
        qCWarning(lcServer) << "server sent an invalid JSON-RPC message:" << message.bytes.left(200);
        break;
    }
    Q_EMIT foreignMessage(message);
}

} // namespace foxreload
