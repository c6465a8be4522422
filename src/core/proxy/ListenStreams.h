#pragma once

#include "ListChangeTracker.h"
#include "server/RawMessage.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <map>
#include <optional>

namespace foxreload {

// The subscriptions/listen streams a modern (2026-07-28) client has open. Such a request is
// answered only when the stream ends, so it lives here instead of the RequestLedger, and it
// outlives the server it was opened on: a new server generation knows nothing of it (the spec
// makes the client re-send it after a reconnection), so the proxy opens it again there under a
// fresh id ("ls-N"), keeps the client's own id for everything the client sees (its
// subscriptionId), and forwards only the first acknowledgment.
// A stream is "local" when the server is a legacy one the proxy bridges: the proxy acknowledges
// it itself and turns the server's unsolicited notifications into the stream's.
class ListenStreams
{
public:
    struct Stream
    {
        QByteArray clientId; // the listen request's id token, as the client spelt it
        QByteArray clientKey;
        jsonrpc::RawMessage request; // as the client sent it
        QJsonObject filter; // params.notifications
        QPointer<QObject> server; // where it is open now (null between generations)
        quint64 number = 0; // N of "ls-N" on that server, 0 when local or not open
        bool local = false;
        bool acknowledged = false; // the client has had its acknowledgment

        bool wants(ListKind kind) const;
        QStringList resourceUris() const;
    };

    static QByteArray token(quint64 number); // 4 → "\"ls-4\""
    static QLatin1StringView filterKey(ListKind kind); // "toolsListChanged"
    static quint64 number(QByteArrayView rawId); // "\"ls-4\"" → 4; 0 for anything else

    Stream& add(const jsonrpc::RawMessage& request);
    // Opens the stream on `server` under a new number; returns the id token to send it with.
    QByteArray openOn(Stream& stream, QObject* server);
    void makeLocal(Stream& stream, QObject* server);

    Stream* byNumber(quint64 number);
    Stream* byClientKey(const QByteArray& clientKey);
    bool contains(const QByteArray& clientKey) const { return m_streams.count(clientKey) > 0; }
    std::optional<Stream> take(const QByteArray& clientKey);
    // The streams open on a server that is gone wait for the next one.
    void detach(const QObject* server);
    QList<Stream*> all();
    bool isEmpty() const { return m_streams.empty(); }
    int size() const { return int(m_streams.size()); }

private:
    std::map<QByteArray, Stream> m_streams; // by client key
    QHash<quint64, QByteArray> m_byNumber;
    quint64 m_next = 1;
};

} // namespace foxreload
