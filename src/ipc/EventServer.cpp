#include "EventServer.h"

#include "IpcLog.h"
#include "server/LineFramer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
QJsonObject stamped(const QString& type, QJsonObject fields = {})
{
    fields.insert("event"_L1, type);
    fields.insert("time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return fields;
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
        QFile::remove(m_path);
    }
}

QString EventServer::socketDirectory()
{
    // Without XDG_RUNTIME_DIR (a root shell, a container) QStandardPaths would warn
    // on every call; a private directory under /tmp serves the same purpose.
    QString base = qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")
        ? QString {}
        : QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (base.isEmpty())
        base = QDir::tempPath() + u"/foxreload-runtime-"_s + QString::number(::getuid());
    return base + u"/foxreload"_s;
}

QString EventServer::socketPathFor(qint64 pid)
{
    return socketDirectory() + u"/session-"_s + QString::number(pid) + u".sock"_s;
}

bool EventServer::listen(QString* error)
{
    const QString directory = socketDirectory();
    if (!QDir().mkpath(directory)) {
        *error = u"cannot create %1"_s.arg(directory);
        return false;
    }
    // Owner only: the socket accepts commands that restart the user's server.
    ::chmod(QFile::encodeName(directory).constData(), S_IRWXU);
    m_path = socketPathFor(QCoreApplication::applicationPid());
    QLocalServer::removeServer(m_path); // a previous process with our pid is long gone
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        *error = u"cannot listen on %1: %2"_s.arg(m_path, m_server->errorString());
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
}

} // namespace foxreload
