#pragma once

#include "server/RawMessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <string_view>

namespace foxreload {

// The exact account of the client's requests that a server is working on.
// Each one is sent to the server under a proxy-private id ("px-N"), so ids of
// two servers, of the client and of FoxReload's own requests ("fr-N") never
// meet; the answer is routed back under the client's own id, restored byte for
// byte as the client spelt it. An entry leaves the ledger exactly once: answered,
// cancelled, interrupted or re-queued.
class RequestLedger
{
public:
    struct Entry
    {
        quint64 seq = 0; // arrival order at the proxy (retries keep their place)
        QByteArray clientKey; // jsonrpc::tokenKey(clientId())
        quint64 proxyNumber = 0; // N of "px-N"
        QString method;
        jsonrpc::RawMessage message; // as the client sent it
        QByteArray progressKey; // key of params._meta.progressToken, empty when none
        QPointer<QObject> server; // the server it was sent to
        int attempts = 0; // how many servers it was sent to

        // The id token exactly as the client sent it.
        QByteArrayView clientId() const { return message.rawId(); }
        QByteArray proxyId() const { return proxyIdToken(proxyNumber); }
    };

    // An entry for a client request, read from its bytes.
    static Entry entryFor(quint64 seq, const jsonrpc::RawMessage& message, int attempts = 0);
    // Reads that can safely be sent again to a new server after a crash or a restart.
    static bool isIdempotent(const QString& method);
    // "\"px-12\"" → 12; 0 for anything else (0 is never handed out).
    static quint64 proxyNumber(QByteArrayView rawId);
    static QByteArray proxyIdToken(quint64 number); // 12 → "\"px-12\""

    // Records a request sent to `server`; returns the number of the proxy id it must carry.
    quint64 add(Entry entry, QObject* server);

    const Entry* find(quint64 proxyNumber) const;
    const Entry* findByClientKey(const QByteArray& clientKey) const;
    bool hasProgressToken(const QByteArray& tokenKey, const QObject* server) const;

    std::optional<Entry> take(quint64 proxyNumber);
    std::optional<Entry> takeByClientKey(const QByteArray& clientKey);
    // Every request in flight on that server, in arrival order.
    QList<Entry> takeAllOn(const QObject* server);
    QList<Entry> takeAll();

    int countOn(const QObject* server) const;
    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    // Qt 6.4's seeded hash of bytes (SipHash) takes ~250 ns for a short key: with three lookups
    // a request, a tenth of what forwarding one costs. The standard library's takes ~17 ns; the
    // keys come from the one client the proxy serves, which gains nothing by colliding its own.
    struct ClientKey
    {
        QByteArray bytes;
        friend bool operator==(const ClientKey& a, const ClientKey& b) { return a.bytes == b.bytes; }
        friend size_t qHash(const ClientKey& key, size_t seed)
        {
            return std::hash<std::string_view>()(
                       std::string_view(key.bytes.constData(), size_t(key.bytes.size())))
                ^ seed;
        }
    };

    QHash<quint64, Entry> m_entries; // by proxy number
    QHash<ClientKey, quint64> m_byClientKey;
    quint64 m_nextId = 1;
};

} // namespace foxreload
