#pragma once

#include "MonitoredSession.h"
#include "ReloadStats.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace foxreload {
class GamificationEngine;
class HistoryStore;
} // namespace foxreload

namespace foxreload::gui {

class ChartsPanel;
class EventLogFilter;
class GamificationPanel;
class ProjectManager;

// The main window: the current session's header (project, state, PID, uptime,
// tools, last reload), the charts, the gamification panel, the event log and
// the server's stderr. It listens to the sessions; it steers them only through
// the user's actions (restart, pause, settings).
class DashboardWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { OverviewTab, ProgressTab, EventsTab, OutputTab };

    explicit DashboardWindow(ProjectManager* projects, QWidget* parent = nullptr);
    ~DashboardWindow() override;

    // The history database and the game (both may be null): loads the charts from it.
    void setHistory(HistoryStore* store, GamificationEngine* engine);
    void reloadHistory();
    // Without a system tray the dashboard is the main window: closing it quits.
    void setMainWindowMode(bool mainWindow) { m_mainWindowMode = mainWindow; }

    MonitoredSession* session() const { return m_session; }
    ChartsPanel* charts() const { return m_charts; }
    GamificationPanel* gamePanel() const { return m_game; }
    QTableView* logView() const { return m_logView; }
    EventLogFilter* logFilter() const { return m_filter; }
    QTabWidget* tabs() const { return m_tabs; }
    QPlainTextEdit* outputView() const { return m_output; }
    const ReloadStats& stats() const { return m_stats; }
    // The header as one line of text ("reynard-server · Watching · PID 123 · …"), for tests and a11y.
    QString headerText() const;

Q_SIGNALS:
    void settingsRequested();
    void addProjectRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildHeader(QWidget* parent);
    QWidget* buildEventsTab();
    QWidget* buildOutputTab();
    void createActions();
    void bindSession(MonitoredSession* session);
    void rebuildProjectList();
    void updateHeader();
    void updateUptime();
    void updateTitle();
    void onReloadFinished(const ReloadResult& result);
    void appendOutput(const QString& line, bool marker);
    void updateFilter();
    void refreshGame();

    ProjectManager* m_projects;
    QPointer<MonitoredSession> m_session;
    QPointer<HistoryStore> m_store;
    QPointer<GamificationEngine> m_engine;
    ReloadStats m_stats;
    bool m_mainWindowMode = false;

    QComboBox* m_projectBox = nullptr;
    QLabel* m_stateIcon = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_pid = nullptr;
    QLabel* m_uptime = nullptr;
    QLabel* m_tools = nullptr;
    QLabel* m_lastReload = nullptr;
    QLabel* m_location = nullptr;
    QPushButton* m_trustButton = nullptr;
    QTabWidget* m_tabs = nullptr;
    ChartsPanel* m_charts = nullptr;
    GamificationPanel* m_game = nullptr;
    QTableView* m_logView = nullptr;
    EventLogFilter* m_filter = nullptr;
    QCheckBox* m_showBatches = nullptr;
    QCheckBox* m_showReloads = nullptr;
    QCheckBox* m_showErrors = nullptr;
    QCheckBox* m_showServer = nullptr;
    QLineEdit* m_search = nullptr;
    QPlainTextEdit* m_output = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_addProjectAction = nullptr;
    QAction* m_removeProjectAction = nullptr;
    QTimer m_uptimeTimer;
    QList<QMetaObject::Connection> m_sessionConnections;
};

} // namespace foxreload::gui
