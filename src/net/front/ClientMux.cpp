#include "ClientMux.h"

#include "FrontLog.h"
#include "HttpSession.h"
#include "McpHttpRules.h"
#include "server/JsonScan.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::net {

namespace {

// The value at a path of member names from the message's top-level object.
jsonscan::Value valueAtPath(const QByteArray& bytes, std::initializer_list<QByteArrayView> path)
{
    qsizetype start = 0;
    while (start < bytes.size()
        && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\n' || bytes[start] == '\r'))
        ++start;
    if (start >= bytes.size())
        return {};
    jsonscan::Value value = jsonscan::valueAt(bytes, start);
    for (const QByteArrayView key : path) {
        if (!value.isValid() || value.type != jsonscan::Type::Object)
            return {};
        value = jsonscan::member(bytes, value, key);
    }
    return value;
}

jsonrpc::Span spanOf(const jsonscan::Value& value)
{
    return { value.begin, value.end };
}

QByteArray rawOf(const QByteArray& bytes, const jsonscan::Value& value)
{
    return bytes.mid(value.begin, value.end - value.begin);
}

QByteArray replaced(const QByteArray& bytes, jsonrpc::Span span, const QByteArray& replacement)
{
    QByteArray out = bytes;
    out.replace(span.begin, span.size(), replacement);
    return out;
}

jsonrpc::RawMessage readOne(const QByteArray& bytes)
{
    const jsonrpc::ReadResult read = jsonrpc::read(bytes);
    return read.messages.size() == 1 && !read.isBatch ? read.messages.front() : jsonrpc::RawMessage {};
}

} // namespace

ClientMux::ClientMux(QObject* parent)
    : ClientConnection(parent)
{ }

ClientMux::~ClientMux() = default;

QString ClientMux::describe() const
{
    return u"%1 clients"_s.arg(m_clients.size());
}

void ClientMux::addClient(ClientConnection* connection, bool primary)
{
    const quint32 number = m_nextClient++;
    m_clients.append({ number, connection, false, false, primary });
    connect(connection, &ClientConnection::received, this,
        [this, number](const jsonrpc::RawMessage& message) { onClientMessage(number, message); });
    connect(connection, &ClientConnection::closed, this,
        [this, number](const QString& why) { onClientClosed(number, why); });
}

ClientMux::Client* ClientMux::clientFor(quint32 number)
{
    for (Client& client : m_clients)
        if (client.number == number)
            return &client;
    return nullptr;
}

QByteArray ClientMux::newMuxId()
{
    return "\"mx-" + QByteArray::number(m_nextId++) + '"';
}

void ClientMux::deliver(const QByteArray& bytes)
{
    const jsonrpc::RawMessage message = readOne(bytes);
    if (message.kind != jsonrpc::MessageKind::Invalid)
        Q_EMIT received(message);
}

void ClientMux::onClientMessage(quint32 number, const jsonrpc::RawMessage& message)
{
    Client* client = clientFor(number);
    if (!client || !m_open)
        return;
    if (message.isRequest()) {
        onClientRequest(*client, message);
    } else if (message.isNotification()) {
        onClientNotification(*client, message);
    } else if (message.isResponse()) {
        m_serverRequests.remove(message.idKey());
        Q_EMIT received(message); // answers the proxy's own id: nothing to map
    }
}

void ClientMux::onClientRequest(Client& client, const jsonrpc::RawMessage& message)
{
    const bool opening = message.method == u"initialize"_s && !client.initialized;
    if (opening) {
        if (!m_initializeResult.isEmpty()) {
            answerInitializeLocally(client, message);
            return;
        }
        if (m_initializeRunning) {
            m_waitingInitializes.append({ client.number, message });
            return;
        }
        m_initializeRunning = true;
        client.handshakeForwarded = true;
    }
    Pending pending;
    pending.client = client.number;
    pending.rawId = message.rawId().toByteArray();
    pending.muxId = newMuxId();
    pending.isInitialize = opening;
    QByteArray bytes = jsonrpc::withId(message, pending.muxId);
    // The token sits inside params, after or before the id: look for it in the new bytes.
    if (const jsonscan::Value token = valueAtPath(bytes, { "params", "_meta", "progressToken" });
        token.isValid()) {
        pending.progressToken = rawOf(bytes, token);
        pending.muxToken = "\"mxt-" + QByteArray::number(m_nextId - 1) + '"';
        bytes = replaced(bytes, spanOf(token), pending.muxToken);
        m_tokens.insert(idKeyOfToken(pending.muxToken), idKeyOfToken(pending.muxId));
    }
    const QByteArray key = idKeyOfToken(pending.muxId);
    m_pending.insert(key, pending);
    m_pendingOrder.append(key);
    deliver(bytes);
}

void ClientMux::onClientNotification(Client& client, const jsonrpc::RawMessage& message)
{
    // The server heard notifications/initialized from the client whose handshake it answered.
    if (message.method == u"notifications/initialized"_s && !client.handshakeForwarded)
        return;
    if (message.method == u"notifications/cancelled"_s) {
        const jsonscan::Value requestId = valueAtPath(message.bytes, { "params", "requestId" });
        if (!requestId.isValid())
            return;
        const QByteArray clientKey = idKeyOfToken(rawOf(message.bytes, requestId));
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
            if (it->client == client.number && idKeyOfToken(it->rawId) == clientKey) {
                deliver(replaced(message.bytes, spanOf(requestId), it->muxId));
                return;
            }
        }
        return; // nothing of this client's runs under that id
    }
    Q_EMIT received(message);
}

void ClientMux::answerInitializeLocally(Client& client, const jsonrpc::RawMessage& message)
{
    QByteArray result = m_initializeResult;
    const jsonscan::Value asked = valueAtPath(message.bytes, { "params", "protocolVersion" });
    if (asked.isValid() && asked.type == jsonscan::Type::String) {
        const QByteArray version = rawOf(message.bytes, asked);
        const QByteArray plain = version.mid(1, version.size() - 2);
        // Every client gets the revision it asked for when it is one that opens with initialize.
        if (mcphttp::isKnownProtocolVersion(plain) && !mcphttp::isModernProtocolVersion(plain)) {
            const QByteArray probe = "{\"result\":" + result + "}";
            const jsonscan::Value served = valueAtPath(probe, { "result", "protocolVersion" });
            if (served.isValid())
                result = replaced(probe, spanOf(served), version).mid(10).chopped(1);
        }
    }
    client.initialized = true;
    if (client.connection)
        client.connection->send(
            "{\"jsonrpc\":\"2.0\",\"id\":" + message.rawId().toByteArray() + ",\"result\":" + result + "}");
}

quint32 ClientMux::clientForServerRequest() const
{
    // The newest running request's client is the likeliest to be the one the server asks.
    for (auto it = m_pendingOrder.crbegin(); it != m_pendingOrder.crend(); ++it) {
        const Pending pending = m_pending.value(*it);
        for (const Client& client : m_clients)
            if (client.number == pending.client && client.connection && client.initialized)
                return client.number;
    }
    for (const Client& client : m_clients)
        if (client.primary && client.connection)
            return client.number;
    for (const Client& client : m_clients)
        if (client.connection && client.initialized)
            return client.number;
    return 0;
}

void ClientMux::broadcast(const QByteArray& message)
{
    for (const Client& client : std::as_const(m_clients))
        if (client.initialized && client.connection)
            client.connection->send(message);
}

void ClientMux::send(const QByteArray& message, QByteArrayView relatedRequestId)
{
    if (!m_open)
        return;
    const jsonrpc::RawMessage raw = readOne(message);
    if (raw.isResponse()) {
        const QByteArray key = raw.idKey();
        const auto found = m_pending.constFind(key);
        if (found == m_pending.cend()) {
            qCDebug(lcHttpFront, "an answer to no client's request (id %s) is dropped",
                raw.rawId().toByteArray().constData());
            return;
        }
        const Pending pending = *found;
        m_pending.erase(found);
        m_pendingOrder.removeOne(key);
        if (!pending.muxToken.isEmpty())
            m_tokens.remove(idKeyOfToken(pending.muxToken));
        Client* client = clientFor(pending.client);
        if (pending.isInitialize) {
            m_initializeRunning = false;
            if (raw.hasResult) {
                m_initializeResult = rawOf(message, valueAtPath(message, { "result" }));
                if (client)
                    client->initialized = true;
            } else if (client) {
                client->handshakeForwarded = false;
            }
        }
        if (client && client->connection)
            client->connection->send(
                withClientSubscriptionId(jsonrpc::withId(raw, pending.rawId), "result", pending));
        if (pending.isInitialize) {
            // Those who asked meanwhile: answered here now, or the next one tries the server.
            const auto waiting = std::exchange(m_waitingInitializes, {});
            for (const auto& [number, request] : waiting)
                if (Client* other = clientFor(number))
                    onClientRequest(*other, request);
        }
        return;
    }
    if (raw.isRequest()) {
        // When the proxy knows which request this one serves, that request's client is asked.
        const Pending related
            = relatedRequestId.isEmpty() ? Pending {} : m_pending.value(idKeyOfToken(relatedRequestId));
        const quint32 number
            = related.client != 0 && clientFor(related.client) ? related.client : clientForServerRequest();
        Client* client = clientFor(number);
        if (!client || !client->connection) {
            deliver(jsonrpc::errorFor(
                raw.rawId(), -32603, u"no MCP client is connected to answer this request"_s));
            return;
        }
        m_serverRequests.insert(raw.idKey(), number);
        QByteArray relatedHere = related.client == number ? related.rawId : QByteArray();
        for (auto it = m_pendingOrder.crbegin(); it != m_pendingOrder.crend() && relatedHere.isEmpty(); ++it)
            if (m_pending.value(*it).client == number)
                relatedHere = m_pending.value(*it).rawId;
        client->connection->send(message, relatedHere);
        return;
    }
    if (raw.method == u"notifications/progress"_s) {
        const jsonscan::Value token = valueAtPath(message, { "params", "progressToken" });
        const QByteArray pendingKey
            = token.isValid() ? m_tokens.value(idKeyOfToken(rawOf(message, token))) : QByteArray();
        const Pending pending = m_pending.value(pendingKey);
        Client* client = pendingKey.isEmpty() ? nullptr : clientFor(pending.client);
        if (client && client->connection)
            client->connection->send(replaced(message, spanOf(token), pending.progressToken), pending.rawId);
        return; // progress for nothing running goes nowhere
    }
    if (!relatedRequestId.isEmpty() && sendToRelatedClient(message, relatedRequestId))
        return;
    if (raw.method == u"notifications/cancelled"_s) {
        const jsonscan::Value requestId = valueAtPath(message, { "params", "requestId" });
        const quint32 number
            = requestId.isValid() ? m_serverRequests.take(idKeyOfToken(rawOf(message, requestId))) : 0;
        if (Client* client = clientFor(number); client && client->connection)
            client->connection->send(message);
        return;
    }
    broadcast(message);
}

QByteArray ClientMux::withClientSubscriptionId(
    const QByteArray& message, QByteArrayView container, const Pending& pending)
{
    // A listen stream's messages name it by the id the proxy saw; its client knows its own.
    const jsonscan::Value subscription
        = valueAtPath(message, { container, "_meta", "io.modelcontextprotocol/subscriptionId" });
    if (!subscription.isValid() || idKeyOfToken(rawOf(message, subscription)) != idKeyOfToken(pending.muxId))
        return message;
    return replaced(message, spanOf(subscription), pending.rawId);
}

bool ClientMux::sendToRelatedClient(const QByteArray& message, QByteArrayView relatedRequestId)
{
    // The proxy names the request a notification belongs to (a 2026-07-28 listen stream's
    // acknowledgment, list_changed, resources/updated, its teardown): only that request's
    // client may hear it, on that request's stream, under its own ids.
    const auto found = m_pending.constFind(idKeyOfToken(relatedRequestId.toByteArray()));
    if (found == m_pending.cend())
        return false;
    const Pending pending = *found;
    Client* client = clientFor(pending.client);
    if (!client || !client->connection)
        return true; // its client is gone: the proxy hears of that as a cancellation
    QByteArray bytes = withClientSubscriptionId(message, "params", pending);
    if (const jsonscan::Value requestId = valueAtPath(bytes, { "params", "requestId" });
        requestId.isValid() && idKeyOfToken(rawOf(bytes, requestId)) == idKeyOfToken(pending.muxId)) {
        // The server ended the request itself: nothing is left to cancel when its client goes.
        bytes = replaced(bytes, spanOf(requestId), pending.rawId);
        const QByteArray key = found.key();
        m_pending.remove(key);
        m_pendingOrder.removeOne(key);
        if (!pending.muxToken.isEmpty())
            m_tokens.remove(idKeyOfToken(pending.muxToken));
    }
    client->connection->send(bytes, pending.rawId);
    return true;
}

void ClientMux::onClientClosed(quint32 number, const QString& why)
{
    const auto client = std::find_if(
        m_clients.begin(), m_clients.end(), [number](const Client& c) { return c.number == number; });
    if (client == m_clients.end())
        return;
    const bool primary = client->primary;
    m_clients.erase(client);
    // What it left running is of no use to anyone: the server may stop working on it.
    const QList<QByteArray> order = m_pendingOrder;
    for (const QByteArray& key : order) {
        const Pending pending = m_pending.value(key);
        if (pending.client != number)
            continue;
        if (pending.isInitialize) {
            // Its answer still makes the first handshake (and lets the clients waiting for it in).
            m_pending[key].client = 0;
            continue;
        }
        m_pending.remove(key);
        m_pendingOrder.removeOne(key);
        if (!pending.muxToken.isEmpty())
            m_tokens.remove(idKeyOfToken(pending.muxToken));
        deliver("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
            + pending.muxId + ",\"reason\":\"the client went away\"}}");
    }
    m_waitingInitializes.erase(std::remove_if(m_waitingInitializes.begin(), m_waitingInitializes.end(),
                                   [number](const auto& waiting) { return waiting.first == number; }),
        m_waitingInitializes.end());
    for (auto it = m_serverRequests.begin(); it != m_serverRequests.end();)
        it = it.value() == number ? m_serverRequests.erase(it) : std::next(it);
    if (primary)
        close(why);
}

void ClientMux::close(const QString& why)
{
    if (!m_open)
        return;
    m_open = false;
    const QList<Client> clients = m_clients;
    for (const Client& client : clients)
        if (client.connection && client.connection->isOpen())
            client.connection->close(why);
    Q_EMIT closed(why);
}

} // namespace foxreload::net
