#pragma once

#include "Notifier.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QSystemTrayIcon;

namespace foxreload::gui {

class MonitoredSession;
class ProjectManager;

// The fox in the tray: its badge says the state (watching, reloading, error,
// paused), its menu offers the everyday actions, and it shows what the
// Notifier decided to say. It decides nothing itself.
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

Q_SIGNALS:
    void dashboardRequested();
    void settingsRequested();
    void quitRequested();

private:
    void rebuildMenu();
    void updateState();
    void showNotification(const Notification& notification);

    ProjectManager* m_projects;
    QSystemTrayIcon* m_tray;
    std::unique_ptr<QMenu> m_menu;
    QAction* m_pauseAction = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QActionGroup* m_projectGroup = nullptr;
    int m_shownStatus = -1;
};

} // namespace foxreload::gui
