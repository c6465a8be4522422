#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace foxreload {

class LineFramer;

// A session's event socket: a local socket only its user can open, one per
// FoxReload process (<runtime dir>/foxreload/session-<pid>.sock). Every
// connection first gets a hello line, then every event of the session, one JSON
// object per line; it may send {"command": "restart" | "pause" | "resume"} lines
// and gets a command_result line for each. Protocol: docs/event-socket.md.
class EventServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kProtocolVersion = 1;
    // A reader that lets this much pile up unread is disconnected, not waited for.
    static constexpr qint64 kMaxBacklogBytes = 4 * 1024 * 1024;

    // Returns an error text for a command that failed or is unknown, nothing on success.
    using CommandHandler
        = std::function<std::optional<QString>(const QString& command, const QJsonObject& message)>;
    using HelloProvider = std::function<QJsonObject()>;

    explicit EventServer(QObject* parent = nullptr);
    ~EventServer() override; // closes the socket and removes its file

    // $XDG_RUNTIME_DIR/foxreload (QStandardPaths::RuntimeLocation), created owner-only.
    static QString socketDirectory();
    static QString socketPathFor(qint64 pid);

    bool listen(QString* error);
    QString socketPath() const { return m_path; }
    int clientCount() const { return int(m_clients.size()); }

    void setHelloProvider(HelloProvider provider) { m_hello = std::move(provider); }
    void setCommandHandler(CommandHandler handler) { m_handler = std::move(handler); }

    void broadcast(const QJsonObject& event);

private:
    struct Client;
    void onNewConnection();
    void onReadyRead(QLocalSocket* socket);
    void handleLine(QLocalSocket* socket, const QByteArray& line);
    void write(QLocalSocket* socket, const QJsonObject& object);

    QLocalServer* m_server = nullptr;
    QString m_path;
    QHash<QLocalSocket*, LineFramer*> m_clients;
    HelloProvider m_hello;
    CommandHandler m_handler;
};

} // namespace foxreload
