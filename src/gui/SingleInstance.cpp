#include "SingleInstance.h"

#include "GuiLog.h"
#include "platform/SystemInfo.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent)
    , m_key(key)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey()
{
    // One app per login session, not per user: two sessions of one user (a desktop and an
    // SSH X session, two seats) must not hand their windows to each other. The runtime
    // directory is private to the session; without one, the session id names the socket.
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo(runtimeDir).isDir())
        return QDir(runtimeDir).filePath(u"foxreload-gui.socket"_s);
    QString session = qEnvironmentVariable("XDG_SESSION_ID");
    session.removeIf([](QChar c) { return !c.isLetterOrNumber(); });
    return u"foxreload-gui-%1-%2"_s.arg(platform::userKey(), session.isEmpty() ? u"nosession"_s : session);
}

bool SingleInstance::claim(const QByteArray& message)
{
    {
        QLocalSocket socket;
        socket.connectToServer(m_key);
        if (socket.waitForConnected(1000)) {
            socket.write(message + '\n');
            socket.waitForBytesWritten(1000);
            socket.disconnectFromServer();
            return false;
        }
    }
    // Nobody answered: a socket file left by a crashed instance must not block us.
    QLocalServer::removeServer(m_key);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_key)) {
        qCWarning(lcGui) << "cannot listen on" << m_key << ":" << m_server->errorString()
                         << "(a second launch will not find this one)";
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                while (socket->canReadLine())
                    Q_EMIT messageReceived(socket->readLine().trimmed());
            });
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    return true;
}

} // namespace foxreload::gui
