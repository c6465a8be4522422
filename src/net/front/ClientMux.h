#pragma once

#include "ClientConnection.h"

#include <QHash>
#include <QList>
#include <QPointer>

namespace foxreload::net {

// Many MCP clients (the stdio client, each HTTP session, each session-less HTTP request) made
// into the one client the proxy serves, so that they share one server and one session with
// it, across every restart, without the proxy knowing how many there are:
//  - each client's request ids (and progress tokens, and the requestId of its cancellations)
//    become ids of the mux ("mx3-17", spliced into the bytes), and answers get the client's
//    own bytes back;
//  - the first initialize goes through and starts the pipeline; a later client's initialize
//    is answered from the InitializeResult the first one got, with the protocol version the
//    later client asked for when it is a revision that opens with initialize; its
//    notifications/initialized goes nowhere;
//  - a request from the server (sampling, elicitation, roots) goes to the client of the
//    request it serves when the proxy says which (relatedRequestId, a mux id), else to the
//    client whose request is running (the newest one when several are), else to the primary
//    client; its answer comes back as it is (the proxy made its id);
//  - progress goes to the client whose token it names, on that request's stream; a
//    notification the proxy relates to a running request (a 2026-07-28 listen stream's) goes
//    to that request's client with the client's own id as its subscriptionId; anything else
//    (list_changed, log lines, resources/updated) goes to every client that initialized;
//  - a client that leaves has its running requests cancelled (notifications/cancelled).
// The mux closes when its primary client does (the stdio client: the proxy's life ends
// with it), or on close(); without a primary it serves until shut down.
class ClientMux : public ClientConnection
{
    Q_OBJECT
public:
    explicit ClientMux(QObject* parent = nullptr);
    ~ClientMux() override;

    void addClient(ClientConnection* client, bool primary = false);
    int clientCount() const { return int(m_clients.size()); }

    void send(const QByteArray& message, QByteArrayView relatedRequestId = {}) override;
    bool isOpen() const override { return m_open; }
    QString describe() const override;
    void close(const QString& why) override;

private:
    struct Client
    {
        quint32 number = 0;
        QPointer<ClientConnection> connection;
        bool initialized = false; // its (legacy) initialize was answered
        bool handshakeForwarded = false; // its initialize went to the server, not answered here
        bool primary = false;
    };
    struct Pending // a client request the proxy has not answered yet
    {
        quint32 client = 0;
        QByteArray rawId; // as the client spelt it
        QByteArray muxId; // the id token the proxy sees
        QByteArray progressToken; // the client's raw token, empty when none
        QByteArray muxToken;
        bool isInitialize = false;
    };

    void onClientMessage(quint32 number, const jsonrpc::RawMessage& message);
    void onClientRequest(Client& client, const jsonrpc::RawMessage& message);
    void onClientNotification(Client& client, const jsonrpc::RawMessage& message);
    void onClientClosed(quint32 number, const QString& why);
    void answerInitializeLocally(Client& client, const jsonrpc::RawMessage& message);
    void deliver(const QByteArray& bytes);
    void broadcast(const QByteArray& message);
    bool sendToRelatedClient(const QByteArray& message, QByteArrayView relatedRequestId);
    static QByteArray withClientSubscriptionId(
        const QByteArray& message, QByteArrayView container, const Pending& pending);
    Client* clientFor(quint32 number);
    quint32 clientForServerRequest() const;
    QByteArray newMuxId();

    QList<Client> m_clients;
    QHash<QByteArray, Pending> m_pending; // mux id key → request
    QList<QByteArray> m_pendingOrder; // mux id keys, oldest first
    QHash<QByteArray, QByteArray> m_tokens; // mux token key → mux id key
    QHash<QByteArray, quint32> m_serverRequests; // the proxy's request id key → client
    QByteArray m_initializeResult; // the "result" value the first client got, raw
    bool m_initializeRunning = false;
    QList<QPair<quint32, jsonrpc::RawMessage>> m_waitingInitializes;
    quint32 m_nextClient = 1;
    quint64 m_nextId = 1;
    bool m_open = true;
};

} // namespace foxreload::net
