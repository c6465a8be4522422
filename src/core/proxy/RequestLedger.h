#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace foxreload {

// The exact account of the client's requests that a server is working on.
// Each one is sent to the server under a proxy-private id ("px-N"), so ids of
// two servers, of the client and of FoxReload's own requests ("fr-N") never
// meet; the answer is routed back under the client's own id. An entry leaves
// the ledger exactly once: answered, cancelled, interrupted or re-queued.
class RequestLedger
{
public:
    struct Entry
    {
        quint64 seq = 0; // arrival order at the proxy (retries keep their place)
        QJsonValue clientId;
        QString proxyId;
        QString method;
        QJsonObject message; // as the client sent it
        QPointer<QObject> server; // the server it was sent to
        int attempts = 0; // how many servers it was sent to
    };

    // A stable text key for a JSON-RPC id (1 and 1.0 are the same id, "1" is not).
    static QString idKey(const QJsonValue& id);
    // Reads that can safely be sent again to a new server after a crash or a restart.
    static bool isIdempotent(const QString& method);
    static bool isProxyId(const QJsonValue& id);
    // The progress token a request carries in params._meta, if any.
    static QJsonValue progressToken(const QJsonObject& message);

    // Records a request sent to `server`; returns the proxy id it must carry.
    QString add(Entry entry, QObject* server);

    const Entry* find(const QString& proxyId) const;
    const Entry* findByClientId(const QJsonValue& clientId) const;
    bool hasProgressToken(const QJsonValue& token, const QObject* server) const;

    std::optional<Entry> take(const QString& proxyId);
    std::optional<Entry> takeByClientId(const QJsonValue& clientId);
    // Every request in flight on that server, in arrival order.
    QList<Entry> takeAllOn(const QObject* server);
    QList<Entry> takeAll();

    int countOn(const QObject* server) const;
    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    QHash<QString, Entry> m_entries; // by proxy id
    QHash<QString, QString> m_byClientId; // client id key → proxy id
    quint64 m_nextId = 1;
};

} // namespace foxreload
