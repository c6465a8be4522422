#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace foxreload {

// Ids of the requests that servers send to the client (sampling, roots/list,
// elicitation). Two servers of one session may both use id 0, so the client
// sees proxy-made ids ("fx-N") and its answers are routed back to the server
// that asked, under that server's own id, restored byte for byte.
class IdMapper
{
public:
    struct Origin
    {
        QPointer<QObject> server;
        QByteArray id; // the server's own id token, as it spelt it
        QByteArray idKey; // jsonrpc::tokenKey(id)
        QString method;
    };

    static QByteArray token(quint64 outward); // 3 → "\"fx-3\""
    static quint64 number(QByteArrayView rawId); // "\"fx-3\"" → 3; 0 for anything else

    // Registers a server's request (its raw id token); returns the outward number.
    quint64 map(QObject* server, QByteArrayView serverId, const QString& method);
    // The client answered (or the request is abandoned): where it came from.
    std::optional<Origin> take(quint64 outward);
    // The outward number of a server's request (by the key of its id), 0 when unknown.
    quint64 outwardFor(const QObject* server, const QByteArray& serverIdKey) const;
    // A server went away: its open requests, as the outward numbers the client knows, in order.
    QList<quint64> takeAllFrom(const QObject* server);

    int size() const { return int(m_origins.size()); }

private:
    QHash<quint64, Origin> m_origins; // outward number → origin
    quint64 m_next = 1;
};

} // namespace foxreload
