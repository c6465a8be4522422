#pragma once

#include "Notifier.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace foxreload::gui {

class DesktopNotifications;
class MonitoredSession;
class ProjectManager;
class RewardChoices;

// The fox in the tray: its badge says the state (watching, reloading, error,
// paused), its menu has a status line per project (like Syncthing Tray) and the
// everyday actions, naming the project they act on. It shows what the Notifier
// decided to say through the desktop's notification service, and Qt's balloon
// only where there is none. It decides nothing itself.
class TrayController : public QObject
{
    Q_OBJECT
public:
    TrayController(ProjectManager* projects, Notifier* notifier, QObject* parent = nullptr);
    ~TrayController() override;

    static bool isAvailable();
    void show();
    QSystemTrayIcon* icon() const { return m_tray; }
    QMenu* menu() const { return m_menu.get(); }
    // The state the icon shows: the most urgent over all sessions.
    int shownStatus() const { return m_shownStatus; }

    DesktopNotifications* desktopNotifications() const { return m_desktop; }
    // Another notification service (tests: one on a private bus); the tray takes it over.
    void setDesktopNotifications(DesktopNotifications* desktop);

    // The fox skin and the title (after "FoxReload" in the tooltip) the user chose; follows them.
    void setRewards(RewardChoices* rewards);

    // Once ever (AppSettings): "FoxReload keeps running in the tray". True when shown now.
    // The dashboard calls it when its window is closed.
    bool showKeepsRunningHint();

    // "reynard-server — Watching · hot reload 3 ms, 2 min ago"
    static QString statusLine(const MonitoredSession* session, const QDateTime& nowUtc);
    static QString agoText(qint64 seconds); // "just now", "2 min ago", …

    // Qt's own balloon: where no notification service is on the bus.
    void showBalloon(const foxreload::gui::Notification& notification);

Q_SIGNALS:
    void dashboardRequested();
    void settingsRequested(); // for the current project
    void addProjectRequested();
    void quitRequested();
    // A notification's action was chosen ("default", "show-error"); the project is already
    // current and dashboardRequested() emitted. "show-error" asks to show its error too.
    void notificationActionInvoked(const QString& project, const QString& action);

private:
    struct ProjectEntry
    {
        QPointer<MonitoredSession> session;
        QMenu* submenu = nullptr;
        QAction* info = nullptr;
        QAction* restart = nullptr;
        QAction* pause = nullptr;
        QAction* settings = nullptr;
    };

    void watchSessions();
    void rebuildMenu();
    void updateState();
    void clearProjectEntries();
    ProjectEntry addProjectEntry(MonitoredSession* session);
    void updateProjectEntry(const ProjectEntry& entry, const QDateTime& nowUtc);
    void makeCurrentAndShow(MonitoredSession* session);
    void handleNotificationAction(const QString& project, const QString& action);

    ProjectManager* m_projects;
    Notifier* m_notifier;
    QSystemTrayIcon* m_tray;
    std::unique_ptr<QMenu> m_menu;
    DesktopNotifications* m_desktop = nullptr;
    QPointer<RewardChoices> m_rewards;
    std::vector<ProjectEntry> m_entries;
    QAction* m_noProject = nullptr;
    QAction* m_addProject = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_settingsAction = nullptr;
    int m_shownStatus = -1;
};

} // namespace foxreload::gui
