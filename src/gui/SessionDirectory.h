#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace foxreload {
class EventClient;
}

namespace foxreload::gui {

class ProjectManager;
class ProxiedSession;

// Finds the sessions of this user that the app did not start (`foxreload proxy`
// launched by an MCP client, `foxreload run` in a terminal) through their event
// sockets, and lists them in the ProjectManager next to the app's own projects
// for as long as they run.
class SessionDirectory : public QObject
{
    Q_OBJECT
public:
    explicit SessionDirectory(ProjectManager* projects, QObject* parent = nullptr);
    ~SessionDirectory() override;

    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }
    void start();
    void scan();
    int connectedCount() const { return int(m_clients.size()); }

private:
    void attach(const QString& socketPath);
    void detach(const QString& socketPath);

    ProjectManager* m_projects;
    QTimer m_poll;
    QHash<QString, EventClient*> m_clients; // by socket path
    QHash<QString, QPointer<ProxiedSession>> m_sessions;
};

} // namespace foxreload::gui
