// McpProxy, the 2026-07-28 revision: the modern opening, listen streams across server
// generations, and the bridge from a modern client to a legacy server.
#include "Handshake.h"
#include "McpProxy.h"
#include "ProxyLog.h"
#include "server/JsonRpc.h"
#include "server/McpEra.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr int kSubscribeTimeoutMs = 10000;

bool listChangedKind(const QString& method, ListKind* kind)
{
    for (const auto candidate : ListChangeTracker::kAll) {
        if (method == ListChangeTracker::notification(candidate)) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

// A notification of the proxy's own on a client's listen stream.
QByteArray streamNotification(const QString& method, const QJsonObject& params, QByteArrayView streamId)
{
    return mcpera::withMetaMember(jsonrpc::encode(jsonrpc::notification(method, params)), "params",
        mcpera::kSubscriptionIdKey, streamId);
}

QByteArray cancelled(QByteArrayView plainRequestId, const QString& reason)
{
    return jsonrpc::encode(jsonrpc::notification(u"notifications/cancelled"_s,
        QJsonObject { { "requestId"_L1, QString::fromLatin1(plainRequestId) }, { "reason"_L1, reason } }));
}
} // namespace

void McpProxy::acceptModernOpening(const jsonrpc::RawMessage& message)
{
    m_era = Era::Modern;
    m_phase = Phase::Starting;
    m_clientInitialized = true; // no notifications/initialized in this revision
    const QJsonObject envelope = mcpera::envelopeOf(message);
    // The servers are opened in the client's era with its envelope (ServerInstance asks
    // server/discover first, and falls back to initialize for a legacy server).
    QJsonObject params = mcpera::legacyInitializeParams(envelope);
    params.insert("_meta"_L1, envelope);
    m_orchestrator->setInitializeParams(params);
    const QJsonObject clientInfo = envelope.value(mcpera::kClientInfoKey).toObject();
    qCDebug(lcProxy).noquote() << "client" << clientInfo.value("name"_L1).toString()
                               << clientInfo.value("version"_L1).toString() << "opens with" << message.method
                               << "(MCP 2026-07-28, no handshake)";
    emitEvent(u"client_connected"_s,
        { { "clientInfo"_L1, clientInfo }, { "protocolVersion"_L1, mcpera::kModernVersion },
            { "capabilities"_L1, envelope.value(mcpera::kClientCapabilitiesKey) } });
    if (!m_sessionStarted) {
        m_sessionStarted = true;
        Q_EMIT startRequested();
    } else if (m_server && m_server->state() == ServerInstance::State::Ready) {
        onServerChanged(m_server);
    } else {
        m_orchestrator->restartNow();
    }
}

bool McpProxy::refuseUnsupportedVersion(const jsonrpc::RawMessage& message)
{
    const QByteArrayView token = mcpera::versionToken(message);
    if (token.isEmpty() || mcpera::isServedModernVersion(token))
        return false;
    ++m_stats.rejected;
    const QString requested = token.front() == '"' ? QString::fromUtf8(token.sliced(1, token.size() - 2))
                                                   : QString::fromUtf8(token);
    respondError(message.rawId(), mcpera::UnsupportedProtocolVersion, u"Unsupported protocol version"_s,
        { { "supported"_L1, QJsonArray { mcpera::kModernVersion } }, { "requested"_L1, requested } });
    return true;
}

bool McpProxy::isBridged(const ServerInstance* server) const
{
    return m_era == Era::Modern && server && !server->isModern();
}

bool McpProxy::forwardModern(const jsonrpc::RawMessage& message)
{
    if (message.method == "subscriptions/listen"_L1) {
        ++m_stats.forwarded;
        openStream(m_streams.add(message), m_server);
        return true;
    }
    if (message.method == "server/discover"_L1 && isBridged(m_server)) {
        ++m_stats.answered;
        respond(message.rawId(),
            mcpera::discoverFromInitialize(handshake::advertiseListChanged(m_server->initializeResult())));
        return true;
    }
    return false;
}

void McpProxy::openStream(ListenStreams::Stream& stream, ServerInstance* server)
{
    if (!isBridged(server)) {
        const QByteArray id = m_streams.openOn(stream, server);
        channelOf(server)->send(jsonrpc::withId(stream.request, id));
        return;
    }
    // A legacy server has no listen streams: the proxy holds the stream and feeds it the server's
    // unsolicited notifications (list changes after comparing, resources/updated by URI).
    m_streams.makeLocal(stream, server);
    const QJsonObject capabilities
        = handshake::advertiseListChanged(server->initializeResult()).value("capabilities"_L1).toObject();
    QJsonObject honored;
    for (const auto kind : ListChangeTracker::kAll) {
        if (stream.wants(kind) && capabilities.contains(ListChangeTracker::capability(kind)))
            honored.insert(ListenStreams::filterKey(kind), true);
    }
    const QStringList uris = stream.resourceUris();
    if (!uris.isEmpty() && capabilities.value("resources"_L1).toObject().value("subscribe"_L1).toBool()) {
        for (const auto& uri : uris) {
            const bool told = std::any_of(m_replay.cbegin(), m_replay.cend(), [&](const auto& item) {
                return item.first == "resources/subscribe"_L1 && item.second.value("uri"_L1) == uri;
            });
            if (!told) // a replayed subscription reached this server already
                subscribeResource(server, u"resources/subscribe"_s, uri);
        }
        honored.insert("resourceSubscriptions"_L1, QJsonArray::fromStringList(uris));
    }
    if (stream.acknowledged)
        return;
    stream.acknowledged = true;
    writeToClient(streamNotification(u"notifications/subscriptions/acknowledged"_s,
                      QJsonObject { { "notifications"_L1, honored } }, stream.clientId),
        stream.clientId);
}

void McpProxy::subscribeResource(ServerInstance* server, const QString& method, const QString& uri)
{
    const QJsonObject params { { "uri"_L1, uri } };
    rememberForReplay(method, params);
    server->client()->request(
        method, params, kSubscribeTimeoutMs, [method, uri](const jsonrpc::Reply& reply) {
            if (!reply.ok())
                qCWarning(lcProxy).noquote()
                    << method << uri << "for a listen stream failed:" << reply.describe();
        });
}

void McpProxy::attachStreams(ServerInstance* server)
{
    // A new generation knows nothing of the client's streams: each is opened there again under
    // a new id; its acknowledgment is not passed on (the client has had one).
    for (ListenStreams::Stream* stream : m_streams.all()) {
        if (stream->server == server)
            continue;
        auto* previous = qobject_cast<ServerInstance*>(stream->server.data());
        if (previous && stream->number && previous->state() == ServerInstance::State::Ready) {
            const QByteArray id = ListenStreams::token(stream->number);
            channelOf(previous)->send(
                cancelled(QByteArrayView(id).sliced(1, id.size() - 2), u"a newer server took over"_s));
        }
        openStream(*stream, server);
    }
    if (!m_streams.isEmpty())
        qCDebug(lcProxy) << m_streams.size() << "listen stream(s) opened again on server" << server->pid();
}

bool McpProxy::cancelStream(const QByteArray& clientKey)
{
    auto stream = m_streams.take(clientKey);
    if (!stream)
        return false;
    auto* server = qobject_cast<ServerInstance*>(stream->server.data());
    if (stream->local) {
        for (const auto& uri : stream->resourceUris()) {
            const auto others = m_streams.all();
            const bool stillWanted = std::any_of(others.cbegin(), others.cend(),
                [&](const ListenStreams::Stream* other) { return other->resourceUris().contains(uri); });
            if (!stillWanted && server && server->state() == ServerInstance::State::Ready)
                subscribeResource(server, u"resources/unsubscribe"_s, uri);
        }
    } else if (server && stream->number) {
        const QByteArray id = ListenStreams::token(stream->number);
        channelOf(server)->send(
            cancelled(QByteArrayView(id).sliced(1, id.size() - 2), u"the client closed it"_s));
    }
    qCDebug(lcProxy) << "client closed listen stream" << QString::fromUtf8(stream->clientId);
    return true;
}

bool McpProxy::onStreamNotification(ServerInstance* server, const jsonrpc::RawMessage& message)
{
    const jsonrpc::Span subscription
        = message.paramsMember({ "_meta", "io.modelcontextprotocol/subscriptionId" });
    if (!subscription.isValid()) {
        if (message.method != "notifications/cancelled"_L1)
            return false;
        // The server tears a stream down (stdio): the client hears it under its own id.
        const jsonrpc::Span requestId = message.paramsMember({ "requestId" });
        const quint64 number = ListenStreams::number(message.view(requestId));
        if (!number)
            return false;
        const ListenStreams::Stream* stream = m_streams.byNumber(number);
        if (stream && stream->server == server) {
            const QByteArray clientId = stream->clientId;
            writeToClient(jsonrpc::withReplaced(message, requestId, clientId), clientId);
            m_streams.take(stream->clientKey);
        }
        return true;
    }
    const quint64 number = ListenStreams::number(message.view(subscription));
    if (!number)
        return false;
    ListenStreams::Stream* stream = m_streams.byNumber(number);
    if (!stream || stream->server != server)
        return true; // a stream of a server that no longer serves it
    if (message.method == "notifications/subscriptions/acknowledged"_L1) {
        if (stream->acknowledged)
            return true; // the stream opened again on a new generation: the client knows it
        stream->acknowledged = true;
    }
    ListKind kind;
    if (listChangedKind(message.method, &kind)) {
        // The proxy compares the lists itself and tells every stream that asked.
        if (server == m_server)
            refreshLists(server, kind);
        return true;
    }
    writeToClient(jsonrpc::withReplaced(message, subscription, stream->clientId), stream->clientId);
    return true;
}

bool McpProxy::onStreamAnswer(ServerInstance* server, const jsonrpc::RawMessage& message)
{
    const quint64 number = ListenStreams::number(message.rawId());
    if (!number)
        return false;
    const ListenStreams::Stream* stream = m_streams.byNumber(number);
    if (!stream || stream->server != server)
        return true; // the end of a stream the proxy moved to a newer server
    const auto taken = m_streams.take(stream->clientKey);
    QByteArray answer = jsonrpc::withId(message, taken->clientId);
    if (message.kind == jsonrpc::MessageKind::Response)
        answer = mcpera::withMetaMember(answer, "result", mcpera::kSubscriptionIdKey, taken->clientId);
    ++m_stats.answered;
    writeToClient(answer, taken->clientId);
    return true;
}

bool McpProxy::onBridgedNotification(ServerInstance* server, const jsonrpc::RawMessage& message)
{
    ListKind kind;
    const QString& method = message.method;
    if (listChangedKind(method, &kind) || method == "notifications/progress"_L1
        || method == "notifications/cancelled"_L1)
        return false; // as for every client
    if (method == "notifications/resources/updated"_L1) {
        const QJsonValue uri = message.toObject().value("params"_L1).toObject().value("uri"_L1);
        for (const ListenStreams::Stream* stream : m_streams.all()) {
            if (stream->local && stream->server == server && stream->resourceUris().contains(uri.toString()))
                writeToClient(mcpera::withMetaMember(
                                  message.bytes, "params", mcpera::kSubscriptionIdKey, stream->clientId),
                    stream->clientId);
        }
        return true;
    }
    // Log lines and the like are request-scoped in 2026-07-28 (and need a logLevel the client
    // did not give this legacy server): nowhere to deliver them.
    qCDebug(lcProxy) << "legacy server notification" << method
                     << "has no place in a 2026-07-28 session; dropped";
    return true;
}

void McpProxy::refuseForModernClient(ServerInstance* server, const jsonrpc::RawMessage& request)
{
    ++m_stats.rejected;
    const QString problem
        = u"the server sent the request %1, but the client speaks MCP 2026-07-28, where servers send no "
          u"requests (they answer input_required instead); FoxReload cannot pass it on"_s.arg(request.method);
    channelOf(server)->send(jsonrpc::errorFor(request.rawId(), jsonrpc::MethodNotFound, problem));
    qCWarning(lcProxy).noquote() << problem;
    emitEvent(u"protocol_warning"_s, { { "pid"_L1, server->pid() }, { "message"_L1, problem } });
}

void McpProxy::notifyStreams(ListKind kind)
{
    for (const ListenStreams::Stream* stream : m_streams.all()) {
        if (!stream->acknowledged || !stream->wants(kind))
            continue;
        ++m_stats.listChangedSent;
        writeToClient(streamNotification(ListChangeTracker::notification(kind), {}, stream->clientId),
            stream->clientId);
    }
}

} // namespace foxreload
