#pragma once

#include "DrainControl.h"
#include "IdMapper.h"
#include "ListChangeTracker.h"
#include "ListRefresher.h"
#include "ListenStreams.h"
#include "RequestLedger.h"
#include "config/Config.h"
#include "server/RawMessage.h"
#include "server/ReloadOrchestrator.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <map>

namespace foxreload {

class ClientChannel;
class ClientConnection;

// Sits between one MCP client (stdio) and the servers a ReloadOrchestrator runs
// one after the other, so that the client keeps one session while they reload.
//
// - The client's initialize starts the session (startRequested): the servers get the
//   client's own params, replayed by the orchestrator with FoxReload's ids; the client
//   gets the first server's answer once, with listChanged advertised.
// - Requests go to the serving server under proxy ids (RequestLedger); while no server
//   is ready they are held in arrival order (bounded) and delivered once one is.
// - A planned restart lets in-flight requests finish within proxy.request_grace_ms
//   (the orchestrator's retire gate); what is left is answered with RequestInterrupted.
//   Reads are sent again to the next server instead; tools/call never is.
// - After every reload the lists are fetched and compared with what the client saw
//   (ListChangeTracker): list_changed only for a list that changed.
// - Requests from servers to the client (sampling, roots, elicitation) travel under
//   proxy ids too (IdMapper); cancellation and progress follow both mappings.
// - Messages are forwarded as the bytes they arrived as; only the ids (and a cancellation's
//   requestId) are spliced. Only what the proxy says itself is serialised.
// - A 2026-07-28 client (no initialize; every request carries its version in _meta) opens the
//   session with its first request. Servers are then opened with server/discover; a legacy
//   server is bridged (discover answered from its InitializeResult, results completed with
//   resultType, listen streams served by the proxy). Listen streams outlive server generations
//   (ListenStreams); list_changed reaches a modern client only on the streams that asked.
// The client side lives in McpProxy.cpp, the server side and the lists in McpProxyServers.cpp,
// the 2026-07-28 revision's own parts in McpProxyModern.cpp; draining a retiring server is
// DrainControl's job, fetching the lists ListRefresher's.
class McpProxy : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        qint64 requests = 0; // client requests accepted
        qint64 forwarded = 0; // sends to a server (retries count again)
        qint64 answered = 0; // server answers delivered to the client
        qint64 interrupted = 0; // answered with RequestInterrupted
        qint64 retried = 0; // reads sent again to a new server
        qint64 rejected = 0; // answered by the proxy with an error (queue full, garbage, ...)
        qint64 lateAnswersDropped = 0;
        qint64 listChangedSent = 0;
        qint64 clientGarbage = 0;
        qint64 serverGarbage = 0;
        int heldPeak = 0;
    };

    McpProxy(ReloadOrchestrator* orchestrator, ClientChannel* client, const ProxySettings& settings,
        QObject* parent = nullptr);
    // Any client connection, e.g. the ClientMux of `--listen` (the stdio client and the HTTP
    // sessions as one client). Batches and unreadable input are the connection's to answer.
    McpProxy(ReloadOrchestrator* orchestrator, ClientConnection* client, const ProxySettings& settings,
        QObject* parent = nullptr);
    ~McpProxy() override;

    // Starts reading the client. The server is started (startRequested) when its initialize arrives.
    void start();
    // The session ends: held requests are answered, in-flight ones are answered when
    // their server stops, nothing new is forwarded.
    void shutdown();

    bool isClientInitialized() const { return m_clientInitialized; }
    Stats stats() const { return m_stats; }
    int inFlight() const { return m_ledger.size(); }
    int held() const { return int(m_held.size()); }

Q_SIGNALS:
    // The client opened its session: start the pipeline (watch + server) now.
    void startRequested();
    // Proxy events for the log and the event socket (see docs/event-socket.md).
    void event(const QJsonObject& event);
    void warning(const QString& message);

private:
    enum class Phase { AwaitingInitialize, Starting, Serving, ShuttingDown };
    enum class Era { Unknown, Legacy, Modern }; // of the client

    struct Held
    {
        jsonrpc::RawMessage message;
        int attempts = 0;
        bool isRequest = true;
    };

    // client → proxy
    void onClientMessage(const jsonrpc::RawMessage& message);
    void onClientBatch(const jsonrpc::ReadResult& batch);
    void onClientGarbage(int code, const QString& problem);
    void onClientRequest(const jsonrpc::RawMessage& message);
    void onClientNotification(const jsonrpc::RawMessage& message);
    void onClientResponse(const jsonrpc::RawMessage& message);
    void acceptInitialize(const jsonrpc::RawMessage& message);
    void dispatch(quint64 seq, const jsonrpc::RawMessage& message, int attempts);
    void hold(quint64 seq, const jsonrpc::RawMessage& message, int attempts, bool isRequest);
    void forward(quint64 seq, const jsonrpc::RawMessage& message, int attempts);
    bool isClientIdInUse(const QByteArray& key) const;
    void flushHeld();
    bool canForward() const;
    void rememberForReplay(const QString& method, const QJsonObject& params);

    // the 2026-07-28 revision (McpProxyModern.cpp)
    void acceptModernOpening(const jsonrpc::RawMessage& message);
    bool refuseUnsupportedVersion(const jsonrpc::RawMessage& message);
    bool isBridged(const ServerInstance* server) const; // modern client, legacy server
    bool forwardModern(const jsonrpc::RawMessage& message); // true when handled here
    void openStream(ListenStreams::Stream& stream, ServerInstance* server);
    void attachStreams(ServerInstance* server);
    bool cancelStream(const QByteArray& clientKey);
    bool onStreamNotification(ServerInstance* server, const jsonrpc::RawMessage& message);
    bool onStreamAnswer(ServerInstance* server, const jsonrpc::RawMessage& message);
    bool onBridgedNotification(ServerInstance* server, const jsonrpc::RawMessage& message);
    void refuseForModernClient(ServerInstance* server, const jsonrpc::RawMessage& request);
    void notifyStreams(ListKind kind);
    void subscribeResource(ServerInstance* server, const QString& method, const QString& uri);
    void writeToClient(const QByteArray& message, QByteArrayView relatedRequestId);
    // server → proxy
    void onServerCreated(ServerInstance* server);
    void onServerChanged(ServerInstance* server);
    void onServerMessage(ServerInstance* server, const jsonrpc::RawMessage& message);
    void onServerAnswer(ServerInstance* server, const jsonrpc::RawMessage& message);
    void onServerNotification(ServerInstance* server, const jsonrpc::RawMessage& message);
    static ServerChannel* channelOf(ServerInstance* server);
    void onServerGone(ServerInstance* server, bool requested);
    void onReloadFinished(const ReloadResult& result);
    void retireGate(ServerInstance* server, std::function<void()> proceed);
    void onDrainTimeout(ServerInstance* server);
    void failHeld(int code, const QString& message, const QJsonObject& data);

    // lists
    void refreshLists(ServerInstance* server, std::optional<ListKind> only = std::nullopt);
    void applyList(ListKind kind, const QJsonArray& items);

    // → client
    void sendToClient(const QByteArray& message); // server-initiated: held until the client is initialized
    void respond(QByteArrayView rawId, const QJsonValue& result);
    void respondError(QByteArrayView rawId, int code, const QString& message, const QJsonObject& data = {});
    void answerInterrupted(const RequestLedger::Entry& entry, const QString& cause);
    void emitEvent(const QString& type, QJsonObject fields = {});

    void connectOrchestrator();
    void writeToClient(const QByteArray& message);

    ReloadOrchestrator* m_orchestrator;
    ClientChannel* m_client = nullptr; // the stdio client, or
    ClientConnection* m_connection = nullptr; // any other
    ProxySettings m_settings;
    Phase m_phase = Phase::AwaitingInitialize;
    Era m_era = Era::Unknown;
    ListenStreams m_streams;
    bool m_sessionStarted = false;
    bool m_clientInitialized = false;
    jsonrpc::RawMessage m_initialize; // the client's initialize request (while it waits for its answer)
    QJsonObject m_negotiated; // the InitializeResult the client was given (as the server sent it)
    QPointer<ServerInstance> m_server; // the one new requests go to
    RequestLedger m_ledger;
    IdMapper m_serverRequests;
    ListChangeTracker m_lists;
    ListRefresher m_listRefresher;
    std::map<quint64, Held> m_held; // by arrival order
    int m_heldRequests = 0;
    QList<QByteArray> m_heldForClient; // server-initiated messages before the client is initialized
    DrainControl m_drains; // of retiring servers with requests in flight
    QList<QPair<QString, QJsonObject>> m_replay; // client settings a new server must be told again
    quint64 m_nextSeq = 1;
    Stats m_stats;
};

} // namespace foxreload
