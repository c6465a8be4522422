#include "McpProxy.h"

#include "ClientChannel.h"
#include "Handshake.h"
#include "ProxyLog.h"
#include "server/JsonRpc.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
// A read is sent to at most this many servers; a request that crashes every
// server it meets is answered instead of crash-looping them all.
constexpr int kMaxAttempts = 3;
constexpr int kListTimeoutMs = 10000;

bool isListChanged(const QString& method, ListKind* kind)
{
    for (const auto candidate : ListChangeTracker::kAll) {
        if (method == ListChangeTracker::notification(candidate)) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

QString describe(const QJsonValue& id)
{
    if (id.isString())
        return u"\"%1\""_s.arg(id.toString());
    if (id.isDouble())
        return QString::number(id.toDouble(), 'g', 17);
    return u"null"_s;
}
} // namespace

McpProxy::McpProxy(
    ReloadOrchestrator* orchestrator, ClientChannel* client, const ProxySettings& settings, QObject* parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_client(client)
    , m_settings(settings)
{
    connect(m_client, &ClientChannel::messageReceived, this, &McpProxy::onClientMessage);
    connect(m_client, &ClientChannel::batchReceived, this, &McpProxy::onClientBatch);
    connect(m_client, &ClientChannel::garbageReceived, this, &McpProxy::onClientGarbage);
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
}

McpProxy::~McpProxy()
{
    m_orchestrator->setRetireGate({});
    for (auto& drain : m_drains)
        delete drain.timer;
}

void McpProxy::start()
{
    m_client->start();
}

// ---------------------------------------------------------------- client → proxy

void McpProxy::onClientMessage(const QJsonObject& message)
{
    switch (jsonrpc::classify(message)) {
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
    QJsonValue id = message.value("id"_L1);
    if (!id.isString() && !id.isDouble())
        id = QJsonValue::Null;
    const QString problem = message.value("jsonrpc"_L1) != "2.0"_L1
        ? u"\"jsonrpc\" must be \"2.0\""_s
        : u"neither a request, a notification nor a response"_s;
    qCWarning(lcProxy).noquote() << "invalid message from the client:" << problem;
    emitEvent(u"client_garbage"_s, { { "problem"_L1, problem } });
    respondError(id, jsonrpc::InvalidRequest, u"Invalid Request: "_s + problem);
}

void McpProxy::onClientBatch(const QJsonArray& batch)
{
    // MCP removed JSON-RPC batching in 2025-06-18. Per JSON-RPC, the batch gets one
    // array with an error for each request in it; its notifications are dropped.
    ++m_stats.clientGarbage;
    emitEvent(u"client_garbage"_s, { { "problem"_L1, u"batch of %1"_s.arg(batch.size()) } });
    if (batch.isEmpty()) {
        respondError(QJsonValue::Null, jsonrpc::InvalidRequest, u"Invalid Request: an empty batch"_s);
        return;
    }
    QJsonArray answers;
    int dropped = 0;
    for (const auto& element : batch) {
        const QJsonObject message = element.toObject();
        QJsonValue id = message.value("id"_L1);
        if (element.isObject() && !message.contains("id"_L1)) {
            ++dropped; // a notification: no answer is due
            continue;
        }
        if (!id.isString() && !id.isDouble())
            id = QJsonValue::Null;
        answers.append(jsonrpc::error(id, jsonrpc::InvalidRequest,
            u"Invalid Request: batches are not part of MCP since 2025-06-18; send each message on a "
            u"line of its own"_s));
        ++m_stats.rejected;
    }
    qCWarning(lcProxy) << "the client sent a batch of" << batch.size() << "messages; answered"
                       << answers.size() << "with errors, dropped" << dropped << "notifications";
    if (!answers.isEmpty())
        m_client->sendBatch(answers);
}

void McpProxy::onClientGarbage(int code, const QString& problem)
{
    ++m_stats.clientGarbage;
    ++m_stats.rejected;
    qCWarning(lcProxy).noquote() << "unreadable line from the client:" << problem;
    emitEvent(u"client_garbage"_s, { { "problem"_L1, problem } });
    respondError(QJsonValue::Null, code,
        code == jsonrpc::ParseError ? u"Parse error: "_s + problem : u"Invalid Request: "_s + problem);
}

void McpProxy::onClientRequest(const QJsonObject& message)
{
    const QJsonValue id = message.value("id"_L1);
    const QString method = message.value("method"_L1).toString();
    if (!id.isString() && !id.isDouble()) {
        ++m_stats.rejected;
        respondError(QJsonValue::Null, jsonrpc::InvalidRequest,
            u"Invalid Request: an MCP request id must be a string or a number"_s);
        return;
    }
    const bool idInUse = m_ledger.findByClientId(id)
        || (!m_initialize.isEmpty()
            && RequestLedger::idKey(m_initialize.value("id"_L1)) == RequestLedger::idKey(id))
        || std::any_of(m_held.cbegin(), m_held.cend(), [&](const auto& held) {
               return held.second.isRequest
                   && RequestLedger::idKey(held.second.message.value("id"_L1)) == RequestLedger::idKey(id);
           });
    if (idInUse) {
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
        if (m_phase == Phase::AwaitingInitialize) {
            acceptInitialize(message);
        } else {
            ++m_stats.rejected;
            respondError(id, jsonrpc::InvalidRequest,
                u"Invalid Request: the session is already initialized (FoxReload keeps one session per "
                u"client across reloads)"_s);
        }
        return;
    }
    if (m_phase == Phase::AwaitingInitialize) {
        ++m_stats.rejected;
        if (method == "ping"_L1) {
            respond(id, QJsonObject {});
            return;
        }
        if (handshake::classify(message) == handshake::Opening::Stateless) {
            respondError(id, jsonrpc::InvalidRequest,
                u"this FoxReload proxy speaks MCP 2025-06-18 and 2025-11-25, which open with initialize; "
                u"the handshake-free revision 2026-07-28 is not supported yet; send initialize"_s);
            return;
        }
        respondError(id, jsonrpc::InvalidRequest,
            u"Invalid Request: %1 before initialize; the session starts with initialize"_s.arg(method));
        return;
    }
    if (method == "ping"_L1 && !canForward()) {
        respond(id, QJsonObject {}); // the proxy is alive; no need to wait for a server
        return;
    }
    if (method == "logging/setLevel"_L1 || method == "resources/subscribe"_L1
        || method == "resources/unsubscribe"_L1)
        rememberForReplay(method, message.value("params"_L1).toObject());
    ++m_stats.requests;
    dispatch(m_nextSeq++, message, 0);
}

void McpProxy::acceptInitialize(const QJsonObject& message)
{
    m_initialize = message;
    m_phase = Phase::Starting;
    const QJsonObject params = message.value("params"_L1).toObject();
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

void McpProxy::onClientNotification(const QJsonObject& message)
{
    const QString method = message.value("method"_L1).toString();
    const QJsonObject params = message.value("params"_L1).toObject();
    if (method == "notifications/initialized"_L1) {
        // Every server was (or will be) told by the orchestrator's handshake already.
        if (m_phase == Phase::Serving && !m_clientInitialized) {
            m_clientInitialized = true;
            const auto held = std::exchange(m_heldForClient, {});
            for (const auto& heldMessage : held)
                m_client->send(heldMessage);
        }
        return;
    }
    if (method == "notifications/cancelled"_L1) {
        const QJsonValue requestId = params.value("requestId"_L1);
        if (auto entry = m_ledger.takeByClientId(requestId)) {
            // The server may still answer; that late answer is dropped (no ledger entry).
            auto* server = qobject_cast<ServerInstance*>(entry->server.data());
            if (server) {
                QJsonObject cancelParams = params;
                cancelParams.insert("requestId"_L1, entry->proxyId);
                server->process()->send(jsonrpc::notification(method, cancelParams));
                if (m_drains.contains(server) && m_ledger.countOn(server) == 0)
                    finishDrain(server);
            }
            qCDebug(lcProxy) << "client cancelled" << describe(requestId) << entry->method;
            return;
        }
        for (auto it = m_held.begin(); it != m_held.end(); ++it) {
            if (it->second.isRequest
                && RequestLedger::idKey(it->second.message.value("id"_L1))
                    == RequestLedger::idKey(requestId)) {
                m_held.erase(it);
                --m_heldRequests;
                qCDebug(lcProxy) << "client cancelled held request" << describe(requestId);
                return;
            }
        }
        qCDebug(lcProxy) << "cancellation of" << describe(requestId) << "which is no longer in flight";
        return;
    }
    if (m_phase == Phase::AwaitingInitialize || m_phase == Phase::ShuttingDown) {
        qCDebug(lcProxy) << "client notification" << method << "dropped: no session";
        return;
    }
    if (canForward())
        m_server->process()->send(message);
    else
        hold(m_nextSeq++, message, 0, false);
}

void McpProxy::onClientResponse(const QJsonObject& message)
{
    const QJsonValue id = message.value("id"_L1);
    auto origin = m_serverRequests.take(id);
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
    QJsonObject answer = message;
    answer.insert("id"_L1, origin->id);
    server->process()->send(answer);
}

bool McpProxy::canForward() const
{
    return m_phase == Phase::Serving && m_server && m_server->state() == ServerInstance::State::Ready
        && m_held.empty();
}

void McpProxy::dispatch(quint64 seq, const QJsonObject& message, int attempts)
{
    if (canForward()) {
        forward(seq, message, attempts);
        return;
    }
    if (!m_server && m_orchestrator->isCrashLooping()) {
        ++m_stats.rejected;
        respondError(message.value("id"_L1), jsonrpc::ServerUnavailable,
            u"the server is not running: it crashed repeatedly; FoxReload restarts it on the next file "
            u"change"_s,
            { { "reason"_L1, u"crash_loop"_s } });
        return;
    }
    if (m_heldRequests >= m_settings.maxQueuedRequests) {
        ++m_stats.rejected;
        qCWarning(lcProxy) << "queue full:" << m_heldRequests << "requests wait for a server; rejecting"
                           << message.value("method"_L1).toString();
        respondError(message.value("id"_L1), jsonrpc::ServerUnavailable,
            u"no server is ready and %1 requests already wait for one (proxy.max_queued_requests)"_s.arg(
                m_heldRequests),
            { { "reason"_L1, u"queue_full"_s }, { "limit"_L1, m_settings.maxQueuedRequests } });
        return;
    }
    hold(seq, message, attempts, true);
}

void McpProxy::hold(quint64 seq, const QJsonObject& message, int attempts, bool isRequest)
{
    m_held.insert_or_assign(seq, Held { message, attempts, isRequest });
    if (isRequest) {
        ++m_heldRequests;
        m_stats.heldPeak = std::max(m_stats.heldPeak, m_heldRequests);
    }
}

void McpProxy::forward(quint64 seq, const QJsonObject& message, int attempts)
{
    RequestLedger::Entry entry;
    entry.seq = seq;
    entry.clientId = message.value("id"_L1);
    entry.method = message.value("method"_L1).toString();
    entry.message = message;
    entry.attempts = attempts;
    const QString proxyId = m_ledger.add(std::move(entry), m_server.data());
    QJsonObject outgoing = message;
    outgoing.insert("id"_L1, proxyId);
    ++m_stats.forwarded;
    m_server->process()->send(outgoing);
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
            m_server->process()->send(held.message);
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
        respondError(item.message.value("id"_L1), code, message, data);
    }
}

// ---------------------------------------------------------------- server → proxy

void McpProxy::onServerCreated(ServerInstance* server)
{
    server->client()->setServerRequestsForwarded(true);
    connect(server->client(), &McpClient::foreignMessage, this,
        [this, server](const jsonrpc::RawMessage& message) { onServerMessage(server, message.toObject()); });
    connect(server->client()->channel(), &ServerChannel::invalidOutput, this,
        [this, server](const QByteArray& line, const QString& problem) {
            ++m_stats.serverGarbage;
            qCWarning(lcProxy).noquote()
                << "server" << server->pid() << "printed a non-JSON-RPC line on stdout (" << problem
                << "):" << QString::fromUtf8(line.left(200));
            emitEvent(u"server_garbage"_s,
                { { "pid"_L1, server->pid() }, { "problem"_L1, problem },
                    { "line"_L1, QString::fromUtf8(line.left(200)) } });
        });
    connect(server, &ServerInstance::exited, this,
        [this, server](int, bool requested) { onServerGone(server, requested); });
    connect(server, &ServerInstance::failed, this, [this, server] { onServerGone(server, false); });
}

void McpProxy::onServerChanged(ServerInstance* server)
{
    m_server = server;
    if (m_phase == Phase::Starting && !m_initialize.isEmpty()) {
        m_negotiated = server->initializeResult();
        const QJsonObject shown = handshake::advertiseListChanged(m_negotiated);
        respond(m_initialize.value("id"_L1), shown);
        m_initialize = {};
        m_phase = Phase::Serving;
        const QJsonObject serverInfo = m_negotiated.value("serverInfo"_L1).toObject();
        qCDebug(lcProxy).noquote() << "session open: server" << serverInfo.value("name"_L1).toString()
                                   << "protocol" << m_negotiated.value("protocolVersion"_L1).toString();
        emitEvent(u"session_initialized"_s,
            { { "pid"_L1, server->pid() }, { "protocolVersion"_L1, m_negotiated.value("protocolVersion"_L1) },
                { "serverInfo"_L1, serverInfo } });
    } else if (m_phase == Phase::Serving) {
        for (const auto& problem : handshake::incompatibilities(m_negotiated, server->initializeResult())) {
            qCWarning(lcProxy).noquote() << problem;
            emitEvent(u"protocol_warning"_s, { { "pid"_L1, server->pid() }, { "message"_L1, problem } });
            Q_EMIT warning(problem);
        }
        const QJsonObject capabilities = server->initializeResult().value("capabilities"_L1).toObject();
        for (const auto& [method, params] : std::as_const(m_replay)) {
            const bool offered = method == "logging/setLevel"_L1
                ? capabilities.contains("logging"_L1)
                : capabilities.value("resources"_L1).toObject().value("subscribe"_L1).toBool();
            if (!offered)
                continue;
            server->client()->request(method, params, kListTimeoutMs, [method](const jsonrpc::Reply& reply) {
                if (!reply.ok())
                    qCWarning(lcProxy).noquote()
                        << "telling the new server" << method << "again failed:" << reply.describe();
            });
        }
    }
    flushHeld();
}

void McpProxy::onServerMessage(ServerInstance* server, const QJsonObject& message)
{
    switch (jsonrpc::classify(message)) {
    case jsonrpc::MessageKind::Response:
    case jsonrpc::MessageKind::ErrorResponse: {
        const QJsonValue id = message.value("id"_L1);
        const RequestLedger::Entry* entry
            = RequestLedger::isProxyId(id) ? m_ledger.find(id.toString()) : nullptr;
        if (!entry || entry->server != server) {
            if (RequestLedger::isProxyId(id)) {
                ++m_stats.lateAnswersDropped;
                qCDebug(lcProxy) << "late answer" << id.toString() << "from server" << server->pid()
                                 << "dropped";
            } else {
                ++m_stats.serverGarbage;
                qCWarning(lcProxy) << "server" << server->pid() << "answered unknown id" << describe(id)
                                   << "; dropped";
                emitEvent(u"server_garbage"_s,
                    { { "pid"_L1, server->pid() },
                        { "problem"_L1, u"answer to unknown id %1"_s.arg(describe(id)) } });
            }
            return;
        }
        auto taken = m_ledger.take(id.toString());
        QJsonObject answer = message;
        answer.insert("id"_L1, taken->clientId);
        ++m_stats.answered;
        m_client->send(answer);
        if (m_drains.contains(server) && m_ledger.countOn(server) == 0)
            finishDrain(server);
        return;
    }
    case jsonrpc::MessageKind::Notification: {
        const QString method = message.value("method"_L1).toString();
        const QJsonObject params = message.value("params"_L1).toObject();
        ListKind kind;
        if (isListChanged(method, &kind)) {
            // The proxy tells the client itself, after comparing: never twice, never for nothing.
            if (server == m_server)
                refreshLists(server, kind);
            return;
        }
        if (method == "notifications/progress"_L1) {
            if (m_ledger.hasProgressToken(params.value("progressToken"_L1), server))
                sendToClient(message);
            else
                qCDebug(lcProxy) << "progress for a request no longer in flight dropped";
            return;
        }
        if (method == "notifications/cancelled"_L1) {
            const QString outward = m_serverRequests.outwardFor(server, params.value("requestId"_L1));
            if (outward.isEmpty())
                return;
            m_serverRequests.take(outward);
            QJsonObject cancelParams = params;
            cancelParams.insert("requestId"_L1, outward);
            sendToClient(jsonrpc::notification(method, cancelParams));
            return;
        }
        sendToClient(message);
        return;
    }
    case jsonrpc::MessageKind::Request: {
        const QString outward
            = m_serverRequests.map(server, message.value("id"_L1), message.value("method"_L1).toString());
        QJsonObject request = message;
        request.insert("id"_L1, outward);
        sendToClient(request);
        return;
    }
    case jsonrpc::MessageKind::Invalid:
        ++m_stats.serverGarbage;
        emitEvent(
            u"server_garbage"_s, { { "pid"_L1, server->pid() }, { "problem"_L1, u"invalid JSON-RPC"_s } });
        return;
    }
}

void McpProxy::onServerGone(ServerInstance* server, bool requested)
{
    // What the server asked of the client is void now.
    for (const auto& outward : m_serverRequests.takeAllFrom(server))
        sendToClient(jsonrpc::notification(u"notifications/cancelled"_s,
            QJsonObject { { "requestId"_L1, outward }, { "reason"_L1, u"the server went away"_s } }));

    const QList<RequestLedger::Entry> entries = m_ledger.takeAllOn(server);
    const QString cause = m_phase == Phase::ShuttingDown ? u"shutdown"_s
        : requested                                      ? u"reload"_s
                                                         : u"crash"_s;
    int retried = 0;
    for (const auto& entry : entries) {
        if (m_phase != Phase::ShuttingDown && RequestLedger::isIdempotent(entry.method)
            && entry.attempts < kMaxAttempts) {
            hold(entry.seq, entry.message, entry.attempts, true);
            ++retried;
        } else {
            answerInterrupted(entry, cause);
        }
    }
    m_stats.retried += retried;
    if (!entries.isEmpty()) {
        qCDebug(lcProxy) << "server" << server->pid() << "exited with" << entries.size()
                         << "requests in flight;" << retried << "will be retried";
        emitEvent(u"requests_interrupted"_s,
            { { "pid"_L1, server->pid() }, { "cause"_L1, cause },
                { "count"_L1, int(entries.size()) - retried }, { "retried"_L1, retried } });
    }
    if (m_drains.contains(server))
        finishDrain(server);
    if (m_server == server)
        m_server = nullptr;
    flushHeld();
}

void McpProxy::retireGate(ServerInstance* server, std::function<void()> proceed)
{
    if (m_server == server)
        m_server = nullptr; // new requests wait for the next server
    const int inFlight = m_ledger.countOn(server);
    if (m_phase == Phase::ShuttingDown || inFlight == 0) {
        proceed();
        return;
    }
    qCDebug(lcProxy) << "server" << server->pid() << "retires with" << inFlight
                     << "requests in flight; waiting up to" << m_settings.requestGraceMs << "ms";
    emitEvent(u"drain_started"_s,
        { { "pid"_L1, server->pid() }, { "inFlight"_L1, inFlight },
            { "graceMs"_L1, m_settings.requestGraceMs } });
    auto* timer = new QTimer;
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, server] { onDrainTimeout(server); });
    m_drains.insert(server, Drain { timer, std::move(proceed) });
    timer->start(m_settings.requestGraceMs);
}

void McpProxy::onDrainTimeout(ServerInstance* server)
{
    const QList<RequestLedger::Entry> entries = m_ledger.takeAllOn(server);
    int retried = 0;
    for (const auto& entry : entries) {
        if (RequestLedger::isIdempotent(entry.method) && entry.attempts < kMaxAttempts) {
            hold(entry.seq, entry.message, entry.attempts, true);
            ++retried;
        } else {
            answerInterrupted(entry, u"reload"_s);
        }
    }
    m_stats.retried += retried;
    qCDebug(lcProxy) << "grace period over:" << entries.size() - retried << "requests interrupted," << retried
                     << "retried";
    emitEvent(u"requests_interrupted"_s,
        { { "pid"_L1, server->pid() }, { "cause"_L1, u"reload"_s },
            { "count"_L1, int(entries.size()) - retried }, { "retried"_L1, retried } });
    finishDrain(server);
    flushHeld();
}

void McpProxy::finishDrain(ServerInstance* server)
{
    auto it = m_drains.find(server);
    if (it == m_drains.end())
        return;
    Drain drain = std::move(it.value());
    m_drains.erase(it);
    drain.timer->deleteLater();
    if (drain.proceed)
        drain.proceed();
}

void McpProxy::onReloadFinished(const ReloadResult& result)
{
    if (result.succeeded()) {
        refreshLists(m_server);
        return;
    }
    if (result.trigger == ReloadTrigger::Startup && m_phase == Phase::Starting && !m_initialize.isEmpty()) {
        // The client waits for its initialize: tell it why there is no server, so it
        // shows the reason instead of timing out. It may initialize again once fixed.
        QJsonObject data { { "reason"_L1, u"startup_failed"_s } };
        if (!result.errorDetail.isEmpty())
            data.insert("detail"_L1, result.errorDetail);
        respondError(m_initialize.value("id"_L1), jsonrpc::ServerUnavailable,
            u"FoxReload could not start the MCP server: "_s + result.error, data);
        m_initialize = {};
        m_phase = Phase::AwaitingInitialize;
        failHeld(
            jsonrpc::ServerUnavailable, u"FoxReload could not start the MCP server: "_s + result.error, data);
    }
}

// ---------------------------------------------------------------- lists

void McpProxy::refreshLists(ServerInstance* server, std::optional<ListKind> only)
{
    if (!server || server != m_server || server->state() != ServerInstance::State::Ready)
        return;
    const QJsonObject capabilities = server->initializeResult().value("capabilities"_L1).toObject();
    for (const auto kind : ListChangeTracker::kAll) {
        if (only && *only != kind)
            continue;
        if (!capabilities.contains(ListChangeTracker::capability(kind)))
            continue;
        fetchList(server, kind, {}, {}, ++m_listGeneration[kind]);
    }
}

void McpProxy::fetchList(
    ServerInstance* server, ListKind kind, QString cursor, QJsonArray collected, quint64 generation)
{
    QJsonObject params;
    if (!cursor.isEmpty())
        params.insert("cursor"_L1, cursor);
    QPointer<ServerInstance> guard(server);
    server->client()->request(ListChangeTracker::method(kind), params, kListTimeoutMs,
        [this, guard, kind, generation, collected = std::move(collected)](
            const jsonrpc::Reply& reply) mutable {
            if (!guard || guard != m_server || generation != m_listGeneration.value(kind))
                return; // a newer fetch (or a newer server) decides
            if (!reply.ok()) {
                qCWarning(lcProxy).noquote()
                    << ListChangeTracker::method(kind) << "after the reload failed:" << reply.describe();
                return;
            }
            const QJsonObject result = reply.result.toObject();
            for (const auto& item : result.value(ListChangeTracker::itemsKey(kind)).toArray())
                collected.append(item);
            const QString next = result.value("nextCursor"_L1).toString();
            if (!next.isEmpty()) {
                fetchList(guard, kind, next, std::move(collected), generation);
                return;
            }
            applyList(kind, collected);
        });
}

void McpProxy::applyList(ListKind kind, const QJsonArray& items)
{
    const ListChangeTracker::Diff diff = m_lists.update(kind, items);
    if (diff.isEmpty())
        return;
    qCDebug(lcProxy).noquote() << ListChangeTracker::kindName(kind) << "changed: +" << diff.added.join(u',')
                               << "-" << diff.removed.join(u',') << "~" << diff.changed.join(u',');
    ++m_stats.listChangedSent;
    sendToClient(jsonrpc::notification(ListChangeTracker::notification(kind)));
    emitEvent(u"list_changed"_s,
        { { "list"_L1, ListChangeTracker::kindName(kind) },
            { "added"_L1, QJsonArray::fromStringList(diff.added) },
            { "removed"_L1, QJsonArray::fromStringList(diff.removed) },
            { "changed"_L1, QJsonArray::fromStringList(diff.changed) } });
}

// ---------------------------------------------------------------- → client

void McpProxy::sendToClient(const QJsonObject& message)
{
    if (m_clientInitialized)
        m_client->send(message);
    else
        m_heldForClient.append(message);
}

void McpProxy::respond(const QJsonValue& id, const QJsonValue& result)
{
    m_client->send(jsonrpc::result(id, result));
}

void McpProxy::respondError(const QJsonValue& id, int code, const QString& message, const QJsonObject& data)
{
    QJsonObject fullData = data;
    if (!fullData.isEmpty())
        fullData.insert("source"_L1, u"foxreload"_s);
    m_client->send(
        jsonrpc::error(id, code, message, fullData.isEmpty() ? QJsonValue {} : QJsonValue(fullData)));
}

void McpProxy::answerInterrupted(const RequestLedger::Entry& entry, const QString& cause)
{
    ++m_stats.interrupted;
    const QString message = cause == "crash"_L1
        ? u"the MCP server exited while %1 was in flight; it was not retried (not idempotent)"_s.arg(
            entry.method)
        : cause == "shutdown"_L1
        ? u"FoxReload stopped the MCP server while %1 was in flight"_s.arg(entry.method)
        : u"the MCP server was reloaded while %1 was in flight and did not answer within %2 ms"_s
              .arg(entry.method)
              .arg(m_settings.requestGraceMs);
    respondError(entry.clientId, jsonrpc::RequestInterrupted, message,
        { { "reason"_L1, u"interrupted"_s }, { "interruptedBy"_L1, cause }, { "method"_L1, entry.method },
            { "retried"_L1, false } });
}

void McpProxy::emitEvent(const QString& type, QJsonObject fields)
{
    fields.insert("event"_L1, type);
    fields.insert("time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    Q_EMIT event(fields);
}

void McpProxy::shutdown()
{
    if (m_phase == Phase::ShuttingDown)
        return;
    m_phase = Phase::ShuttingDown;
    if (!m_initialize.isEmpty()) {
        respondError(m_initialize.value("id"_L1), jsonrpc::ServerUnavailable, u"FoxReload is shutting down"_s,
            { { "reason"_L1, u"shutdown"_s } });
        m_initialize = {};
    }
    failHeld(jsonrpc::ServerUnavailable, u"FoxReload is shutting the server down"_s,
        { { "reason"_L1, u"shutdown"_s } });
    // Drains end now: the servers are stopping anyway.
    const auto draining = m_drains.keys();
    for (auto* server : draining)
        finishDrain(server);
}

} // namespace foxreload
