#include "McpProxy.h"

#include "ClientChannel.h"
#include "ClientConnection.h"
#include "Handshake.h"
#include "ProxyLog.h"
#include "server/JsonRpc.h"
#include "server/McpEra.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
// An id for messages to the user: exactly as the peer spelt it.
QString describe(QByteArrayView rawId)
{
    return rawId.isEmpty() ? u"null"_s : QString::fromUtf8(rawId);
}
} // namespace

McpProxy::McpProxy(
    ReloadOrchestrator* orchestrator, ClientChannel* client, const ProxySettings& settings, QObject* parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_client(client)
    , m_settings(settings)
    , m_listRefresher([this](const ServerInstance* server) { return server == m_server; })
{
    connect(m_client, &ClientChannel::messageReceived, this, &McpProxy::onClientMessage);
    connect(m_client, &ClientChannel::batchReceived, this, &McpProxy::onClientBatch);
    connect(m_client, &ClientChannel::garbageReceived, this, &McpProxy::onClientGarbage);
    connectOrchestrator();
}

McpProxy::McpProxy(ReloadOrchestrator* orchestrator, ClientConnection* client, const ProxySettings& settings,
    QObject* parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_connection(client)
    , m_settings(settings)
    , m_listRefresher([this](const ServerInstance* server) { return server == m_server; })
{
    connect(m_connection, &ClientConnection::received, this, &McpProxy::onClientMessage);
    connectOrchestrator();
}

void McpProxy::connectOrchestrator()
{
    connect(m_orchestrator, &ReloadOrchestrator::serverCreated, this, &McpProxy::onServerCreated);
    connect(m_orchestrator, &ReloadOrchestrator::serverChanged, this, &McpProxy::onServerChanged);
    connect(m_orchestrator, &ReloadOrchestrator::reloadFinished, this, &McpProxy::onReloadFinished);
    connect(m_orchestrator, &ReloadOrchestrator::crashLoopDetected, this, [this](const QString& message) {
        failHeld(jsonrpc::ServerUnavailable, u"the server is not running: "_s + message,
            { { "reason"_L1, u"crash_loop"_s } });
    });
    m_orchestrator->setRetireGate([this](ServerInstance* server, std::function<void()> proceed) {
        retireGate(server, std::move(proceed));
    });
    connect(&m_drains, &DrainControl::expired, this,
        [this](QObject* server) { onDrainTimeout(qobject_cast<ServerInstance*>(server)); });
    connect(&m_listRefresher, &ListRefresher::fetched, this, &McpProxy::applyList);
}

McpProxy::~McpProxy()
{
    m_orchestrator->setRetireGate({});
}

void McpProxy::start()
{
    if (m_client)
        m_client->start();
}

void McpProxy::writeToClient(const QByteArray& message)
{
    if (m_client)
        m_client->send(message);
    else if (m_connection)
        m_connection->send(message);
}

void McpProxy::writeToClient(const QByteArray& message, QByteArrayView relatedRequestId)
{
    if (m_client)
        m_client->send(message);
    else if (m_connection)
        m_connection->send(message, relatedRequestId);
}

// ---------------------------------------------------------------- client → proxy

void McpProxy::onClientMessage(const jsonrpc::RawMessage& message)
{
    switch (message.kind) {
    case jsonrpc::MessageKind::Request:
        onClientRequest(message);
        return;
    case jsonrpc::MessageKind::Notification:
        onClientNotification(message);
        return;
    case jsonrpc::MessageKind::Response:
    case jsonrpc::MessageKind::ErrorResponse:
        onClientResponse(message);
        return;
    case jsonrpc::MessageKind::Invalid:
        break;
    }
    ++m_stats.clientGarbage;
    const QByteArrayView id
        = jsonrpc::isStringOrNumberId(message.rawId()) ? message.rawId() : QByteArrayView {};
    const QString problem = message.toObject().value("jsonrpc"_L1) != "2.0"_L1
        ? u"\"jsonrpc\" must be \"2.0\""_s
        : u"neither a request, a notification nor a response"_s;
    qCWarning(lcProxy).noquote() << "invalid message from the client:" << problem;
    emitEvent(u"client_garbage"_s, { { "problem"_L1, problem } });
    respondError(id, jsonrpc::InvalidRequest, u"Invalid Request: "_s + problem);
}

void McpProxy::onClientBatch(const jsonrpc::ReadResult& batch)
{
    // MCP removed JSON-RPC batching in 2025-06-18. Per JSON-RPC, the batch gets one
    // array with an error for each request in it; its notifications are dropped.
    ++m_stats.clientGarbage;
    emitEvent(u"client_garbage"_s, { { "problem"_L1, u"batch of %1"_s.arg(batch.batchSize) } });
    if (batch.batchSize == 0) {
        respondError({}, jsonrpc::InvalidRequest, u"Invalid Request: an empty batch"_s);
        return;
    }
    const QString why
        = u"Invalid Request: batches are not part of MCP since 2025-06-18; send each message on "
          u"a line of its own"_s;
    QList<QByteArray> answers;
    int dropped = 0;
    for (const auto& message : batch.messages) {
        if (!message.id.isValid()) {
            ++dropped; // a notification: no answer is due
            continue;
        }
        const QByteArrayView id
            = jsonrpc::isStringOrNumberId(message.rawId()) ? message.rawId() : QByteArrayView {};
        answers.append(jsonrpc::errorFor(id, jsonrpc::InvalidRequest, why));
        ++m_stats.rejected;
    }
    for (qsizetype i = batch.messages.size(); i < batch.batchSize; ++i) {
        answers.append(jsonrpc::errorFor({}, jsonrpc::InvalidRequest, why)); // an element that is no object
        ++m_stats.rejected;
    }
    qCWarning(lcProxy) << "the client sent a batch of" << batch.batchSize << "messages; answered"
                       << answers.size() << "with errors, dropped" << dropped << "notifications";
    if (!answers.isEmpty() && m_client)
        m_client->sendBatch(answers);
}

void McpProxy::onClientGarbage(int code, const QString& problem)
{
    ++m_stats.clientGarbage;
    ++m_stats.rejected;
    qCWarning(lcProxy).noquote() << "unreadable line from the client:" << problem;
    emitEvent(u"client_garbage"_s, { { "problem"_L1, problem } });
    respondError({}, code,
        code == jsonrpc::ParseError ? u"Parse error: "_s + problem : u"Invalid Request: "_s + problem);
}

bool McpProxy::isClientIdInUse(const QByteArray& key) const
{
    if (m_ledger.findByClientKey(key))
        return true;
    if (!m_initialize.bytes.isEmpty() && m_initialize.idKey() == key)
        return true;
    if (!m_streams.isEmpty() && m_streams.contains(key))
        return true;
    if (m_heldRequests == 0)
        return false;
    return std::any_of(m_held.cbegin(), m_held.cend(),
        [&](const auto& held) { return held.second.isRequest && held.second.message.idKey() == key; });
}

void McpProxy::onClientRequest(const jsonrpc::RawMessage& message)
{
    const QByteArrayView id = message.rawId();
    const QString& method = message.method;
    if (!jsonrpc::isStringOrNumberId(id)) {
        ++m_stats.rejected;
        respondError({}, jsonrpc::InvalidRequest,
            u"Invalid Request: an MCP request id must be a string or a number"_s);
        return;
    }
    if (isClientIdInUse(message.idKey())) {
        ++m_stats.rejected;
        respondError(id, jsonrpc::InvalidRequest,
            u"Invalid Request: id %1 belongs to a request that is still in flight"_s.arg(describe(id)));
        return;
    }
    if (m_phase == Phase::ShuttingDown) {
        ++m_stats.rejected;
        respondError(id, jsonrpc::ServerUnavailable, u"FoxReload is shutting the server down"_s,
            { { "reason"_L1, u"shutdown"_s } });
        return;
    }
    if (method == "initialize"_L1) {
        if (m_phase == Phase::AwaitingInitialize && m_era != Era::Modern) {
            acceptInitialize(message);
        } else {
            ++m_stats.rejected;
            respondError(id, jsonrpc::InvalidRequest,
                u"Invalid Request: the session is already initialized (FoxReload keeps one session per "
                u"client across reloads)"_s);
        }
        return;
    }
    if (m_phase == Phase::AwaitingInitialize && mcpera::isModernRequest(message)) {
        if (refuseUnsupportedVersion(message))
            return;
        acceptModernOpening(message); // and the request goes on as the session's first
    } else if (m_phase == Phase::AwaitingInitialize) {
        ++m_stats.rejected;
        if (method == "ping"_L1) {
            respond(id, QJsonObject {});
            return;
        }
        respondError(id, jsonrpc::InvalidRequest,
            u"Invalid Request: %1 before initialize; the session starts with initialize (or, in MCP "
            u"2026-07-28, with any request that names its protocol version in _meta)"_s.arg(method));
        return;
    } else if (m_era == Era::Modern && refuseUnsupportedVersion(message)) {
        return;
    }
    if (method == "ping"_L1 && !canForward()) {
        respond(id, QJsonObject {}); // the proxy is alive; no need to wait for a server
        return;
    }
    if (method == "logging/setLevel"_L1 || method == "resources/subscribe"_L1
        || method == "resources/unsubscribe"_L1)
        rememberForReplay(method, message.toObject().value("params"_L1).toObject());
    ++m_stats.requests;
    dispatch(m_nextSeq++, message, 0);
}

void McpProxy::acceptInitialize(const jsonrpc::RawMessage& message)
{
    m_era = Era::Legacy;
    m_initialize = message;
    m_phase = Phase::Starting;
    const QJsonObject params = message.toObject().value("params"_L1).toObject();
    m_orchestrator->setInitializeParams(params);
    const QJsonObject clientInfo = params.value("clientInfo"_L1).toObject();
    qCDebug(lcProxy).noquote() << "client" << clientInfo.value("name"_L1).toString()
                               << clientInfo.value("version"_L1).toString() << "asks for protocol"
                               << params.value("protocolVersion"_L1).toString();
    emitEvent(u"client_connected"_s,
        { { "clientInfo"_L1, clientInfo }, { "protocolVersion"_L1, params.value("protocolVersion"_L1) },
            { "capabilities"_L1, params.value("capabilities"_L1) } });
    if (!m_sessionStarted) {
        m_sessionStarted = true;
        Q_EMIT startRequested();
    } else if (m_server && m_server->state() == ServerInstance::State::Ready) {
        onServerChanged(m_server); // a retry after a failed answer: the server is up now
    } else {
        m_orchestrator->restartNow(); // a new server, introduced with these params
    }
}

void McpProxy::onClientNotification(const jsonrpc::RawMessage& message)
{
    const QString& method = message.method;
    if (method == "notifications/initialized"_L1) {
        // Every server was (or will be) told by the orchestrator's handshake already.
        if (m_phase == Phase::Serving && !m_clientInitialized) {
            m_clientInitialized = true;
            const auto held = std::exchange(m_heldForClient, {});
            for (const auto& heldMessage : held)
                writeToClient(heldMessage);
        }
        return;
    }
    if (method == "notifications/cancelled"_L1) {
        const jsonrpc::Span requestId = message.paramsMember({ "requestId" });
        const QByteArray key = jsonrpc::tokenKey(message.view(requestId));
        if (!m_streams.isEmpty() && cancelStream(key))
            return;
        if (auto entry = m_ledger.takeByClientKey(key)) {
            // The server may still answer; that late answer is dropped (no ledger entry).
            auto* server = qobject_cast<ServerInstance*>(entry->server.data());
            if (server) {
                channelOf(server)->send(jsonrpc::withReplaced(message, requestId, entry->proxyId()));
                if (m_drains.isDraining(server) && m_ledger.countOn(server) == 0)
                    m_drains.finish(server);
            }
            qCDebug(lcProxy) << "client cancelled" << describe(message.view(requestId)) << entry->method;
            return;
        }
        for (auto it = m_held.begin(); it != m_held.end(); ++it) {
            if (it->second.isRequest && it->second.message.idKey() == key) {
                m_held.erase(it);
                --m_heldRequests;
                qCDebug(lcProxy) << "client cancelled held request" << describe(message.view(requestId));
                return;
            }
        }
        qCDebug(lcProxy) << "cancellation of" << describe(message.view(requestId))
                         << "which is no longer in flight";
        return;
    }
    if (m_phase == Phase::AwaitingInitialize || m_phase == Phase::ShuttingDown) {
        qCDebug(lcProxy) << "client notification" << method << "dropped: no session";
        return;
    }
    if (canForward())
        channelOf(m_server)->send(message.bytes);
    else
        hold(m_nextSeq++, message, 0, false);
}

void McpProxy::onClientResponse(const jsonrpc::RawMessage& message)
{
    const QByteArrayView id = message.rawId();
    auto origin = m_serverRequests.take(IdMapper::number(id));
    if (!origin) {
        ++m_stats.clientGarbage;
        qCWarning(lcProxy) << "the client answered" << describe(id) << "which no server asked; dropped";
        emitEvent(u"client_garbage"_s, { { "problem"_L1, u"answer to unknown id %1"_s.arg(describe(id)) } });
        return;
    }
    auto* server = qobject_cast<ServerInstance*>(origin->server.data());
    if (!server || server->state() == ServerInstance::State::Exited) {
        qCDebug(lcProxy) << "the client answered" << origin->method << "for a server that is gone; dropped";
        return;
    }
    channelOf(server)->send(jsonrpc::withId(message, origin->id));
}

bool McpProxy::canForward() const
{
    return m_phase == Phase::Serving && m_server && m_server->state() == ServerInstance::State::Ready
        && m_held.empty();
}

void McpProxy::dispatch(quint64 seq, const jsonrpc::RawMessage& message, int attempts)
{
    if (canForward()) {
        forward(seq, message, attempts);
        return;
    }
    if (!m_server && m_orchestrator->isCrashLooping()) {
        ++m_stats.rejected;
        respondError(message.rawId(), jsonrpc::ServerUnavailable,
            u"the server is not running: it crashed repeatedly; FoxReload restarts it on the next file "
            u"change"_s,
            { { "reason"_L1, u"crash_loop"_s } });
        return;
    }
    if (m_heldRequests >= m_settings.maxQueuedRequests) {
        ++m_stats.rejected;
        qCWarning(lcProxy) << "queue full:" << m_heldRequests << "requests wait for a server; rejecting"
                           << message.method;
        respondError(message.rawId(), jsonrpc::ServerUnavailable,
            u"no server is ready and %1 requests already wait for one (proxy.max_queued_requests)"_s.arg(
                m_heldRequests),
            { { "reason"_L1, u"queue_full"_s }, { "limit"_L1, m_settings.maxQueuedRequests } });
        return;
    }
    hold(seq, message, attempts, true);
}

void McpProxy::hold(quint64 seq, const jsonrpc::RawMessage& message, int attempts, bool isRequest)
{
    m_held.insert_or_assign(seq, Held { message, attempts, isRequest });
    if (isRequest) {
        ++m_heldRequests;
        m_stats.heldPeak = std::max(m_stats.heldPeak, m_heldRequests);
    }
}

void McpProxy::forward(quint64 seq, const jsonrpc::RawMessage& message, int attempts)
{
    if (m_era == Era::Modern && forwardModern(message))
        return;
    const quint64 number = m_ledger.add(RequestLedger::entryFor(seq, message, attempts), m_server.data());
    ++m_stats.forwarded;
    channelOf(m_server)->send(jsonrpc::withId(message, RequestLedger::proxyIdToken(number)));
}

void McpProxy::flushHeld()
{
    while (!m_held.empty() && m_phase == Phase::Serving && m_server
        && m_server->state() == ServerInstance::State::Ready) {
        auto node = m_held.extract(m_held.begin());
        Held& held = node.mapped();
        if (held.isRequest) {
            --m_heldRequests;
            forward(node.key(), held.message, held.attempts);
        } else {
            channelOf(m_server)->send(held.message.bytes);
        }
    }
}

void McpProxy::rememberForReplay(const QString& method, const QJsonObject& params)
{
    // A new server does not know what the client told the old one: the log level
    // and resource subscriptions are told again after each restart.
    const auto sameTarget = [&](const QPair<QString, QJsonObject>& item) {
        if (method == "logging/setLevel"_L1)
            return item.first == method;
        return item.first == "resources/subscribe"_L1
            && item.second.value("uri"_L1) == params.value("uri"_L1);
    };
    m_replay.removeIf(sameTarget);
    if (method != "resources/unsubscribe"_L1)
        m_replay.append({ method, params });
}

void McpProxy::failHeld(int code, const QString& message, const QJsonObject& data)
{
    const auto held = std::exchange(m_held, {});
    m_heldRequests = 0;
    for (const auto& [seq, item] : held) {
        if (!item.isRequest)
            continue;
        ++m_stats.rejected;
        respondError(item.message.rawId(), code, message, data);
    }
}

void McpProxy::shutdown()
{
    if (m_phase == Phase::ShuttingDown)
        return;
    m_phase = Phase::ShuttingDown;
    if (!m_initialize.bytes.isEmpty()) {
        respondError(m_initialize.rawId(), jsonrpc::ServerUnavailable, u"FoxReload is shutting down"_s,
            { { "reason"_L1, u"shutdown"_s } });
        m_initialize = {};
    }
    failHeld(jsonrpc::ServerUnavailable, u"FoxReload is shutting the server down"_s,
        { { "reason"_L1, u"shutdown"_s } });
    m_drains.finishAll(); // the servers are stopping anyway
}

// ---------------------------------------------------------------- → client

void McpProxy::sendToClient(const QByteArray& message)
{
    if (m_clientInitialized)
        writeToClient(message);
    else
        m_heldForClient.append(message);
}

void McpProxy::respond(QByteArrayView rawId, const QJsonValue& result)
{
    writeToClient(jsonrpc::resultFor(rawId, result));
}

void McpProxy::respondError(QByteArrayView rawId, int code, const QString& message, const QJsonObject& data)
{
    QJsonObject fullData = data;
    if (!fullData.isEmpty())
        fullData.insert("source"_L1, u"foxreload"_s);
    writeToClient(
        jsonrpc::errorFor(rawId, code, message, fullData.isEmpty() ? QJsonValue {} : QJsonValue(fullData)));
}

void McpProxy::emitEvent(const QString& type, QJsonObject fields)
{
    fields.insert("event"_L1, type);
    fields.insert("time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    Q_EMIT event(fields);
}

} // namespace foxreload
