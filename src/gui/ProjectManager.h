#pragma once

#include "MonitoredSession.h"
#include "config/Config.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace foxreload::gui {

class ProjectController;
class ProxiedSession;

// The sessions the app shows: its own projects (each a .foxreload.yaml,
// remembered across runs) and the proxied sessions MCP clients started.
// One of them is "current": the dashboard and the tray's main actions act on it.
class ProjectManager : public QObject
{
    Q_OBJECT
public:
    explicit ProjectManager(QObject* parent = nullptr);
    ~ProjectManager() override;

    // Loads the config file and adds the project (not started). nullptr and the
    // loader's messages (file:line: key: what) when the file is not valid.
    ProjectController* addProjectFile(const QString& configFile, QStringList* errors);
    // A project from a config built in code (e.g. `foxreload gui` without a file).
    ProjectController* addProject(const Config& config);
    void addProxiedSession(ProxiedSession* session);
    void removeSession(MonitoredSession* session);

    QList<MonitoredSession*> sessions() const;
    QList<ProjectController*> projects() const;
    ProjectController* projectForFile(const QString& configFile) const;

    MonitoredSession* current() const { return m_current; }
    void setCurrent(MonitoredSession* session);

    // The remembered project files (QSettings); missing or broken ones are reported, not dropped.
    QStringList restore(QStringList* errors);
    void remember() const;

    void startAll();
    // Stops every project's server; allStopped() follows.
    void stopAll();

Q_SIGNALS:
    void sessionsChanged();
    void currentChanged(foxreload::gui::MonitoredSession* session);
    void allStopped();

private:
    void adopt(MonitoredSession* session);
    void checkAllStopped();

    QList<MonitoredSession*> m_sessions;
    QPointer<MonitoredSession> m_current;
    int m_stopping = 0;
};

} // namespace foxreload::gui
