// McpProxy, server side: what servers send, their retirement (drains) and the lists.
#include "ClientChannel.h"
#include "Handshake.h"
#include "McpProxy.h"
#include "ProxyLog.h"
#include "server/JsonRpc.h"
#include "server/McpEra.h"

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

QString describe(QByteArrayView rawId)
{
    return rawId.isEmpty() ? u"null"_s : QString::fromUtf8(rawId);
}
} // namespace

ServerChannel* McpProxy::channelOf(ServerInstance* server)
{
    return server->client()->channel();
}

void McpProxy::onServerCreated(ServerInstance* server)
{
    server->client()->setServerRequestsForwarded(true);
    connect(server->client(), &McpClient::foreignMessage, this,
        [this, server](const jsonrpc::RawMessage& message) { onServerMessage(server, message); });
    connect(channelOf(server), &ServerChannel::invalidOutput, this,
        [this, server](const QByteArray& line, const QString& problem) {
            ++m_stats.serverGarbage;
            // The server_garbage event is what the user sees (once); this is for the debug log.
            qCDebug(lcProxy).noquote()
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
    if (m_phase == Phase::Starting && m_era == Era::Modern) {
        m_negotiated = server->initializeResult();
        m_phase = Phase::Serving;
        const QJsonObject serverInfo = m_negotiated.value("serverInfo"_L1).toObject();
        qCDebug(lcProxy).noquote() << "modern session open: server" << serverInfo.value("name"_L1).toString()
                                   << (server->isModern() ? "speaks 2026-07-28" : "is legacy (bridged)");
        emitEvent(u"session_initialized"_s,
            { { "pid"_L1, server->pid() }, { "protocolVersion"_L1, mcpera::kModernVersion },
                { "serverProtocolVersion"_L1, m_negotiated.value("protocolVersion"_L1) },
                { "serverInfo"_L1, serverInfo } });
    } else if (m_phase == Phase::Starting && !m_initialize.bytes.isEmpty() && server->isModern()) {
        // The bridge from an initialize to a server that speaks only 2026-07-28 is not built:
        // tell the client which revisions the server offers, as the spec asks of such a server.
        const QJsonArray supported = server->discoverResult().value("supportedVersions"_L1).toArray();
        respondError(m_initialize.rawId(), mcpera::UnsupportedProtocolVersion,
            u"the MCP server speaks only %1 (no initialize); connect with a client of that revision"_s.arg(
                mcpera::kModernVersion),
            { { "supported"_L1, supported },
                { "requested"_L1,
                    m_initialize.toObject().value("params"_L1).toObject().value("protocolVersion"_L1) } });
        m_initialize = {};
        m_phase = Phase::AwaitingInitialize;
        failHeld(jsonrpc::ServerUnavailable, u"the MCP server speaks only 2026-07-28"_s, {});
        return;
    } else if (m_phase == Phase::Starting && !m_initialize.bytes.isEmpty()) {
        m_negotiated = server->initializeResult();
        const QJsonObject shown = handshake::advertiseListChanged(m_negotiated);
        respond(m_initialize.rawId(), shown);
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
        attachStreams(server);
    }
    flushHeld();
}

void McpProxy::onServerMessage(ServerInstance* server, const jsonrpc::RawMessage& message)
{
    switch (message.kind) {
    case jsonrpc::MessageKind::Response:
    case jsonrpc::MessageKind::ErrorResponse:
        onServerAnswer(server, message);
        return;
    case jsonrpc::MessageKind::Notification:
        onServerNotification(server, message);
        return;
    case jsonrpc::MessageKind::Request: {
        if (!jsonrpc::isStringOrNumberId(message.rawId())) {
            // Forwarded, it would reach the client as a valid request and its answer the server
            // under an id the server never sent: refused like a client's, where both can see it.
            ++m_stats.serverGarbage;
            channelOf(server)->send(jsonrpc::errorFor({}, jsonrpc::InvalidRequest,
                u"Invalid Request: an MCP request id must be a string or a number"_s));
            emitEvent(u"server_garbage"_s,
                { { "pid"_L1, server->pid() },
                    { "problem"_L1,
                        u"request %1 with id %2: an MCP request id must be a string or a number"_s.arg(
                            message.method, describe(message.rawId())) } });
            return;
        }
        if (m_era == Era::Modern) {
            refuseForModernClient(server, message);
            return;
        }
        const quint64 outward = m_serverRequests.map(server, message.rawId(), message.method);
        sendToClient(jsonrpc::withId(message, IdMapper::token(outward)));
        return;
    }
    case jsonrpc::MessageKind::Invalid:
        ++m_stats.serverGarbage;
        emitEvent(
            u"server_garbage"_s, { { "pid"_L1, server->pid() }, { "problem"_L1, u"invalid JSON-RPC"_s } });
        return;
    }
}

void McpProxy::onServerAnswer(ServerInstance* server, const jsonrpc::RawMessage& message)
{
    const QByteArrayView id = message.rawId();
    const quint64 number = RequestLedger::proxyNumber(id);
    if (!number && m_era == Era::Modern && onStreamAnswer(server, message))
        return;
    const RequestLedger::Entry* entry = number ? m_ledger.find(number) : nullptr;
    if (!entry || entry->server != server) {
        if (number) {
            ++m_stats.lateAnswersDropped;
            qCDebug(lcProxy) << "late answer" << describe(id) << "from server" << server->pid() << "dropped";
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
    const auto taken = m_ledger.take(number);
    ++m_stats.answered;
    if (message.kind == jsonrpc::MessageKind::Response && isBridged(server)) {
        const jsonrpc::RawMessage completed = jsonrpc::message(
            mcpera::withModernResult(message.bytes, mcpera::isCacheableMethod(taken->method)));
        writeToClient(jsonrpc::withId(completed, taken->clientId()));
    } else {
        writeToClient(jsonrpc::withId(message, taken->clientId()));
    }
    if (!m_drains.isEmpty() && m_drains.isDraining(server) && m_ledger.countOn(server) == 0)
        m_drains.finish(server);
}

void McpProxy::onServerNotification(ServerInstance* server, const jsonrpc::RawMessage& message)
{
    const QString& method = message.method;
    if (m_era == Era::Modern) {
        if (onStreamNotification(server, message))
            return;
        if (isBridged(server) && onBridgedNotification(server, message))
            return;
    }
    ListKind kind;
    if (isListChanged(method, &kind)) {
        // The proxy tells the client itself, after comparing: never twice, never for nothing.
        if (server == m_server)
            refreshLists(server, kind);
        return;
    }
    if (method == "notifications/progress"_L1) {
        const QByteArray token = jsonrpc::tokenKey(message.view(message.paramsMember({ "progressToken" })));
        if (m_ledger.hasProgressToken(token, server))
            sendToClient(message.bytes);
        else
            qCDebug(lcProxy) << "progress for a request no longer in flight dropped";
        return;
    }
    if (method == "notifications/cancelled"_L1) {
        const jsonrpc::Span requestId = message.paramsMember({ "requestId" });
        const quint64 outward
            = m_serverRequests.outwardFor(server, jsonrpc::tokenKey(message.view(requestId)));
        if (!outward)
            return;
        m_serverRequests.take(outward);
        sendToClient(jsonrpc::withReplaced(message, requestId, IdMapper::token(outward)));
        return;
    }
    sendToClient(message.bytes);
}

void McpProxy::onServerGone(ServerInstance* server, bool requested)
{
    // What the server asked of the client is void now.
    for (const quint64 outward : m_serverRequests.takeAllFrom(server)) {
        sendToClient(jsonrpc::encode(jsonrpc::notification(u"notifications/cancelled"_s,
            QJsonObject {
                { "requestId"_L1, u"fx-%1"_s.arg(outward) }, { "reason"_L1, u"the server went away"_s } })));
    }

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
    m_streams.detach(server); // opened again on the next server
    m_drains.finish(server);
    if (m_server == server)
        m_server = nullptr;
    flushHeld();
}

void McpProxy::retireGate(ServerInstance* server, std::function<void()> proceed)
{
    if (m_server == server)
        m_server = nullptr; // new requests wait for the next server
    m_streams.detach(server); // whatever it still says on them (a graceful end) is not for the client
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
    m_drains.begin(server, m_settings.requestGraceMs, std::move(proceed));
}

void McpProxy::onDrainTimeout(ServerInstance* server)
{
    if (!server)
        return;
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
    m_drains.finish(server);
    flushHeld();
}

void McpProxy::onReloadFinished(const ReloadResult& result)
{
    if (result.succeeded()) {
        refreshLists(m_server);
        return;
    }
    if (result.trigger == ReloadTrigger::Startup && m_phase == Phase::Starting
        && !m_initialize.bytes.isEmpty()) {
        // The client waits for its initialize: tell it why there is no server, so it
        // shows the reason instead of timing out. It may initialize again once fixed.
        QJsonObject data { { "reason"_L1, u"startup_failed"_s } };
        if (!result.errorDetail.isEmpty())
            data.insert("detail"_L1, result.errorDetail);
        respondError(m_initialize.rawId(), jsonrpc::ServerUnavailable,
            u"FoxReload could not start the MCP server: "_s + result.error, data);
        m_initialize = {};
        m_phase = Phase::AwaitingInitialize;
        failHeld(
            jsonrpc::ServerUnavailable, u"FoxReload could not start the MCP server: "_s + result.error, data);
    } else if (result.trigger == ReloadTrigger::Startup && m_phase == Phase::Starting
        && m_era == Era::Modern) {
        // A modern client waits for its first request(s): they are answered with the reason, and
        // its next request starts the server again.
        QJsonObject data { { "reason"_L1, u"startup_failed"_s } };
        if (!result.errorDetail.isEmpty())
            data.insert("detail"_L1, result.errorDetail);
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
    m_listRefresher.refresh(server, only);
}

void McpProxy::applyList(ListKind kind, const QJsonArray& items)
{
    const ListChangeTracker::Diff diff = m_lists.update(kind, items);
    if (diff.isEmpty())
        return;
    qCDebug(lcProxy).noquote() << ListChangeTracker::kindName(kind) << "changed: +" << diff.added.join(u',')
                               << "-" << diff.removed.join(u',') << "~" << diff.changed.join(u',');
    if (m_era == Era::Modern) {
        notifyStreams(kind); // only on the listen streams that asked, tagged with their ids
    } else {
        ++m_stats.listChangedSent;
        sendToClient(jsonrpc::encode(jsonrpc::notification(ListChangeTracker::notification(kind))));
    }
    emitEvent(u"list_changed"_s,
        { { "list"_L1, ListChangeTracker::kindName(kind) },
            { "added"_L1, QJsonArray::fromStringList(diff.added) },
            { "removed"_L1, QJsonArray::fromStringList(diff.removed) },
            { "changed"_L1, QJsonArray::fromStringList(diff.changed) } });
}

void McpProxy::answerInterrupted(const RequestLedger::Entry& entry, const QString& cause)
{
    ++m_stats.interrupted;
    const QString message = cause == "crash"_L1
        ? u"the MCP server exited while %1 was in flight; it was not retried (not idempotent)"_s.arg(
            entry.method)
        : cause == "shutdown"_L1
        ? u"FoxReload stopped the MCP server while %1 was in flight"_s.arg(entry.method)
        : u"the MCP server was reloaded while %1 was in flight and did not answer within %2 ms"_s.arg(
            entry.method, QString::number(m_settings.requestGraceMs));
    respondError(entry.clientId(), jsonrpc::RequestInterrupted, message,
        { { "reason"_L1, u"interrupted"_s }, { "interruptedBy"_L1, cause }, { "method"_L1, entry.method },
            { "retried"_L1, false } });
}

} // namespace foxreload
