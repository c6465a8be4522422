#include "SessionDirectory.h"

#include "ProjectManager.h"
#include "ProxiedSession.h"
#include "ipc/EventClient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

SessionDirectory::SessionDirectory(ProjectManager* projects, QObject* parent)
    : QObject(parent)
    , m_projects(projects)
{
    m_poll.setInterval(3000);
    connect(&m_poll, &QTimer::timeout, this, &SessionDirectory::scan);
}

SessionDirectory::~SessionDirectory() = default;

void SessionDirectory::start()
{
    scan();
    m_poll.start();
}

void SessionDirectory::scan()
{
    const auto sockets = EventClient::runningSessions();
    for (const auto& socket : sockets) {
        if (socket.pid == QCoreApplication::applicationPid() || m_clients.contains(socket.path))
            continue;
        attach(socket.path);
    }
}

void SessionDirectory::attach(const QString& socketPath)
{
    auto* client = new EventClient(this);
    m_clients.insert(socketPath, client);
    connect(client, &EventClient::helloReceived, this, [this, client, socketPath](const QJsonObject& hello) {
        auto* session = new ProxiedSession(
            socketPath, hello.value("project"_L1).toString(), hello.value("mode"_L1).toString(u"proxy"_s));
        session->handleHello(hello);
        connect(session, &ProxiedSession::commandRequested, client, &EventClient::sendCommand);
        connect(client, &EventClient::eventReceived, session, &ProxiedSession::handleEvent);
        m_sessions.insert(socketPath, session);
        m_projects->addProxiedSession(session);
    });
    connect(client, &EventClient::disconnected, this, [this, socketPath] { detach(socketPath); });
    connect(client, &EventClient::errorOccurred, this, [this, socketPath] { detach(socketPath); });
    client->connectTo(socketPath);
}

void SessionDirectory::detach(const QString& socketPath)
{
    if (EventClient* client = m_clients.take(socketPath))
        client->deleteLater();
    if (QPointer<ProxiedSession> session = m_sessions.take(socketPath)) {
        session->connectionLost();
        m_projects->removeSession(session);
    }
}

} // namespace foxreload::gui
