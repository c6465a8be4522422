#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace foxreload {

class EventServer;
class Session;

// Streams a Session's events to its event socket (the same JSON objects as
// `foxreload run --json`, see session/EventJson.h) and carries out the socket's
// commands on the session: restart, pause, resume.
class SessionEventFeed : public QObject
{
    Q_OBJECT
public:
    // `mode`: "run" or "proxy".
    SessionEventFeed(Session* session, EventServer* server, const QString& mode, QObject* parent = nullptr);

    // Events that do not come from the session itself (the proxy's).
    void publish(const QJsonObject& event);

private:
    QJsonObject hello() const;

    Session* m_session;
    EventServer* m_server;
    QString m_mode;
};

} // namespace foxreload
