#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace foxreload {

// Ids of the requests that servers send to the client (sampling, roots/list,
// elicitation). Two servers of one session may both use id 0, so the client
// sees proxy-made ids ("fx-N") and its answers are routed back to the server
// that asked, under that server's own id.
class IdMapper
{
public:
    struct Origin
    {
        QPointer<QObject> server;
        QJsonValue id; // the server's own id
        QString method;
    };

    // Registers a server's request; returns the id the client is shown.
    QString map(QObject* server, const QJsonValue& serverId, const QString& method);
    // The client answered (or the request is abandoned): where it came from.
    std::optional<Origin> take(const QJsonValue& outwardId);
    // The outward id of a server's request, empty when unknown (for notifications/cancelled).
    QString outwardFor(const QObject* server, const QJsonValue& serverId) const;
    // A server went away: its open requests, as the outward ids the client knows.
    QStringList takeAllFrom(const QObject* server);

    int size() const { return int(m_origins.size()); }

private:
    QHash<QString, Origin> m_origins; // outward id → origin
    quint64 m_next = 1;
};

} // namespace foxreload
