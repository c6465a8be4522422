#include "EventServer.h"

#include "IpcLog.h"
#include "platform/PrivateDirectory.h"
#include "platform/SystemInfo.h"
#include "server/LineFramer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
QJsonObject stamped(const QString& type, QJsonObject fields = {})
{
    fields.insert("event"_L1, type);
    fields.insert("time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return fields;
}

// Where the socket directory lives: the user's runtime directory (Qt checks that
// XDG_RUNTIME_DIR belongs to the user and is private), or, without one (a root shell, a
// container; QStandardPaths would warn on every call), a directory of our own in the shared
// temporary directory, which anyone could have created first: `shared` says it must be checked.
struct RuntimeBase
{
    QString path;
    bool shared = false;
};

RuntimeBase runtimeBase()
{
    const QString runtime = qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")
        ? QString {}
        : QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return { runtime, false };
    return { QDir::tempPath() + u"/foxreload-runtime-"_s + platform::userKey(), true };
}
} // namespace

EventServer::EventServer(QObject* parent)
    : QObject(parent)
{ }

EventServer::~EventServer()
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        it.key()->disconnect(this);
        delete it.value();
    }
    m_clients.clear();
    if (m_server) {
        m_server->close(); // removes the socket file
        platform::unregisterLocalServer(m_path);
    }
}

QString EventServer::socketDirectory()
{
    return runtimeBase().path + u"/foxreload"_s;
}

QString EventServer::socketPathFor(qint64 pid)
{
    return socketDirectory() + u"/session-"_s + QString::number(pid) + u".sock"_s;
}

bool EventServer::listen(QString* error)
{
    // Owner only, checked without following links: the socket accepts commands that restart
    // the user's server, and nothing planted at these paths may redirect or widen it.
    const RuntimeBase base = runtimeBase();
    if (base.shared ? !platform::ensurePrivateDirectory(base.path, error) : !QDir().mkpath(base.path)) {
        if (!base.shared)
            *error = u"cannot create %1"_s.arg(base.path);
        return false;
    }
    if (!platform::ensurePrivateDirectory(socketDirectory(), error))
        return false;
    m_path = socketPathFor(QCoreApplication::applicationPid());
    // A socket left by a killed process that had our pid is replaced; any other file is not ours.
    if (!platform::clearStaleSocket(m_path, error))
        return false;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        *error = u"cannot listen on %1: %2"_s.arg(m_path, m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    // Windows: the socket is a named pipe, no file: runningSessions() finds it by an entry file.
    if (!platform::registerLocalServer(m_path, error)) {
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &EventServer::onNewConnection);
    qCDebug(lcIpc) << "event socket at" << m_path;
    return true;
}

void EventServer::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        m_clients.insert(socket, new LineFramer(64 * 1024));
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            delete m_clients.take(socket);
            socket->deleteLater();
        });
        QJsonObject hello = m_hello ? m_hello() : QJsonObject {};
        hello.insert("protocol"_L1, kProtocolVersion);
        hello.insert("pid"_L1, QCoreApplication::applicationPid());
        hello.insert("socket"_L1, m_path);
        write(socket, stamped(u"hello"_s, hello));
    }
}

void EventServer::onReadyRead(QLocalSocket* socket)
{
    LineFramer* framer = m_clients.value(socket);
    if (!framer)
        return;
    const auto lines = framer->feed(socket->readAll());
    for (const auto& line : lines) {
        if (line.oversized) {
            write(socket,
                stamped(u"command_result"_s, { { "ok"_L1, false }, { "error"_L1, u"line too long"_s } }));
            continue;
        }
        handleLine(socket, line.bytes);
    }
}

void EventServer::handleLine(QLocalSocket* socket, const QByteArray& line)
{
    if (line.trimmed().isEmpty())
        return;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject message = document.object();
    const QString command = message.value("command"_L1).toString();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || command.isEmpty()) {
        write(socket,
            stamped(u"command_result"_s,
                { { "ok"_L1, false },
                    { "error"_L1, u"expected one JSON object per line with a \"command\" string"_s } }));
        return;
    }
    std::optional<QString> failure = m_handler
        ? m_handler(command, message)
        : std::optional<QString>(u"this session accepts no commands"_s);
    QJsonObject result { { "command"_L1, command }, { "ok"_L1, !failure.has_value() } };
    if (failure)
        result.insert("error"_L1, *failure);
    if (message.contains("id"_L1))
        result.insert("id"_L1, message.value("id"_L1));
    qCInfo(lcIpc).noquote() << "event socket command" << command << (failure ? *failure : u"ok"_s);
    write(socket, stamped(u"command_result"_s, result));
}

void EventServer::broadcast(const QJsonObject& event)
{
    const auto sockets = m_clients.keys();
    for (QLocalSocket* socket : sockets)
        write(socket, event);
}

void EventServer::write(QLocalSocket* socket, const QJsonObject& object)
{
    if (socket->state() != QLocalSocket::ConnectedState)
        return;
    if (socket->bytesToWrite() > kMaxBacklogBytes) {
        qCWarning(lcIpc) << "an event socket reader fell" << socket->bytesToWrite()
                         << "bytes behind; disconnecting it";
        socket->abort();
        return;
    }
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    socket->write(line);
    // Hand it to the kernel now: left to the event loop, QLocalSocket sends one buffer block per
    // turn, so a burst of events (a server logging 10 MB at start) piled up past the limit and
    // cut off even a reader that keeps up.
    socket->flush();
}

} // namespace foxreload
