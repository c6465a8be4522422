#pragma once

#include "MonitoredSession.h"
#include "ReloadStats.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace foxreload {
class GamificationEngine;
class HistoryStore;
} // namespace foxreload

namespace foxreload::gui {

class ChartsPanel;
class DashboardHeader;
class EventLogFilter;
class EventLogPanel;
class GamificationPanel;
class LearnedPanel;
class ProjectManager;
class TeamPanel;
class WelcomePage;

// The main window: a welcome page while there is no project; otherwise the current
// session's header, the charts, the gamification panel, the event log and the server's
// stderr. It listens to the sessions; it steers them only through the user's actions
// (restart, pause, trust, settings). Its standard shortcuts (Quit, Close, Preferences, F5)
// are window actions, so they work wherever the focus is inside it.
class DashboardWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { OverviewTab, ProgressTab, EventsTab, OutputTab };

    explicit DashboardWindow(ProjectManager* projects, QWidget* parent = nullptr);
    ~DashboardWindow() override;

    // The history database and the game (both may be null): loads the charts and the event log from it.
    void setHistory(HistoryStore* store, GamificationEngine* engine);
    void reloadHistory();
    // Without a system tray the dashboard is the main window: closing it quits.
    void setMainWindowMode(bool mainWindow) { m_mainWindowMode = mainWindow; }
    // Geometry, toolbar state and tab into the app settings; called on every way out.
    void saveWindowState() const;

    MonitoredSession* session() const { return m_session; }
    ChartsPanel* charts() const { return m_charts; }
    GamificationPanel* gamePanel() const { return m_game; }
    LearnedPanel* learnedPanel() const { return m_learned; }
    TeamPanel* teamPanel() const { return m_team; }
    DashboardHeader* header() const { return m_header; }
    WelcomePage* welcomePage() const { return m_welcome; }
    bool showsWelcome() const;
    QTableView* logView() const;
    EventLogFilter* logFilter() const;
    QTabWidget* tabs() const { return m_tabs; }
    QPlainTextEdit* outputView() const { return m_output; }
    const ReloadStats& stats() const { return m_stats; }
    QAction* restartAction() const { return m_restartAction; }
    QAction* settingsAction() const { return m_settingsAction; }
    QAction* quitAction() const { return m_quitAction; }
    QAction* closeAction() const { return m_closeAction; }
    // The header as one line of text ("reynard-server · Watching · PID 123 · …"), for tests and a11y.
    QString headerText() const;

Q_SIGNALS:
    void settingsRequested();
    void addProjectRequested();
    void exampleRequested();
    void trustRequested(foxreload::gui::MonitoredSession* session);
    void quitRequested();
    // The window was closed while the app goes on running (in the tray).
    void closedToTray();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildOutputTab();
    void createActions();
    void bindSession(MonitoredSession* session);
    void onSessionsChanged();
    void updateHeader();
    void updateTitle();
    void onReloadFinished(const ReloadResult& result);
    void appendOutput(const QString& line, bool marker);
    void refreshGame();
    void updateTeamTab(); // shown while the database is shared (TeamPanel::isShared)

    ProjectManager* m_projects;
    QPointer<MonitoredSession> m_session;
    QPointer<HistoryStore> m_store;
    QPointer<GamificationEngine> m_engine;
    ReloadStats m_stats;
    bool m_mainWindowMode = false;

    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    QWidget* m_projectPage = nullptr;
    DashboardHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    ChartsPanel* m_charts = nullptr;
    GamificationPanel* m_game = nullptr;
    LearnedPanel* m_learned = nullptr;
    TeamPanel* m_team = nullptr; // a tab only while the database is shared
    EventLogPanel* m_events = nullptr;
    QPlainTextEdit* m_output = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_addProjectAction = nullptr;
    QAction* m_removeProjectAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_closeAction = nullptr;
    QTimer m_uptimeTimer { this };
    QTimer m_teamCheckSoon { this }; // store writes come in bursts: one check after them
    QList<QMetaObject::Connection> m_sessionConnections;
};

} // namespace foxreload::gui
