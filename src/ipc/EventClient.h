#pragma once

#include "server/LineFramer.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

class QLocalSocket;

namespace foxreload {

// Reads one session's event socket (see EventServer); the desktop app uses it to
// show sessions it did not start, tests use it to steer a proxy.
class EventClient : public QObject
{
    Q_OBJECT
public:
    struct SessionSocket
    {
        QString path;
        qint64 pid = 0;
    };

    explicit EventClient(QObject* parent = nullptr);
    ~EventClient() override;

    // The sockets of running sessions of this user (stale files of dead processes are skipped).
    static QList<SessionSocket> runningSessions();

    void connectTo(const QString& socketPath);
    void disconnectFrom();
    bool isConnected() const;
    // {"command": command}; the answer arrives as a command_result event.
    void sendCommand(const QString& command);

    QJsonObject hello() const { return m_hello; }

Q_SIGNALS:
    void helloReceived(const QJsonObject& hello);
    void eventReceived(const QJsonObject& event); // every line after the hello
    void disconnected();
    void errorOccurred(const QString& message);

private:
    void onReadyRead();

    QLocalSocket* m_socket;
    LineFramer m_framer { 16 * 1024 * 1024 };
    QJsonObject m_hello;
};

} // namespace foxreload
