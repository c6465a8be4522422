#include "EventClient.h"

#include "EventServer.h"
#include "IpcLog.h"
#include "platform/SystemInfo.h"

#include <QDir>
#include <QJsonDocument>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace foxreload {

EventClient::EventClient(QObject* parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::readyRead, this, &EventClient::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &EventClient::disconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this,
        [this](QLocalSocket::LocalSocketError) { Q_EMIT errorOccurred(m_socket->errorString()); });
}

EventClient::~EventClient() = default;

QList<EventClient::SessionSocket> EventClient::runningSessions()
{
    QList<SessionSocket> sessions;
    const QDir directory(EventServer::socketDirectory());
    // Unix: the socket files themselves; Windows: the entries platform::registerLocalServer() wrote.
    const auto names = directory.entryList({ u"session-*.sock"_s }, QDir::System | QDir::Files);
    for (const auto& name : names) {
        bool ok = false;
        const qint64 pid = name.mid(8, name.size() - 8 - 5).toLongLong(&ok);
        if (!ok || pid <= 0 || !platform::processRuns(pid))
            continue; // the process is gone: its socket file is stale
        sessions.append({ directory.filePath(name), pid });
    }
    return sessions;
}

void EventClient::connectTo(const QString& socketPath)
{
    m_hello = {};
    m_framer.takeRemainder();
    m_socket->connectToServer(socketPath);
}

void EventClient::disconnectFrom()
{
    m_socket->disconnectFromServer();
}

bool EventClient::isConnected() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

void EventClient::sendCommand(const QString& command)
{
    QByteArray line = QJsonDocument(QJsonObject { { "command"_L1, command } }).toJson(QJsonDocument::Compact);
    line.append('\n');
    m_socket->write(line);
    m_socket->flush();
}

void EventClient::onReadyRead()
{
    const auto lines = m_framer.feed(m_socket->readAll());
    for (const auto& line : lines) {
        if (line.oversized)
            continue;
        const QJsonObject event = QJsonDocument::fromJson(line.bytes).object();
        if (event.isEmpty()) {
            qCWarning(lcIpc) << "unreadable line on the event socket";
            continue;
        }
        if (m_hello.isEmpty() && event.value("event"_L1) == "hello"_L1) {
            m_hello = event;
            Q_EMIT helloReceived(event);
            continue;
        }
        Q_EMIT eventReceived(event);
    }
}

} // namespace foxreload
