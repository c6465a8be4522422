#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QCoreApplication;

namespace foxreload {
class GamificationEngine;
class HistoryStore;
class Session;
} // namespace foxreload

namespace foxreload::gui {

class DashboardWindow;
class MonitoredSession;
class Notifier;
class ProjectController;
class ProjectManager;
class RewardChoices;
class SingleInstance;
class TrayController;

struct GuiOptions
{
    bool minimized = false; // tray only (autostart)
    QString configFile; // open this project (and make it current)
    QString database; // history database; empty: the project's or the default
    bool openSettings = false; // show the current project's settings (a .desktop action)
    bool singleInstance = true; // tests run several apps side by side
};

// Loads FoxReload's translation (and Qt's own) for `language` ("de", "fr", "en";
// empty: the system locale) into the application. Returns the language in use.
QString installTranslations(QCoreApplication* app, const QString& language);

// The desktop app's composition root: projects, history, game, notifier, tray,
// dashboard and settings, wired together.
class GuiApp : public QObject
{
    Q_OBJECT
public:
    explicit GuiApp(const GuiOptions& options, QObject* parent = nullptr);
    ~GuiApp() override;

    // False when another instance took over (it was asked to show itself); exitCode() says how to exit.
    bool start();
    int exitCode() const { return m_exitCode; }

    ProjectManager* projects() const { return m_projects; }
    DashboardWindow* dashboard() const { return m_dashboard.get(); }
    TrayController* tray() const { return m_tray; }
    Notifier* notifier() const { return m_notifier; }
    HistoryStore* store() const { return m_store; }
    GamificationEngine* engine() const { return m_engine; }
    RewardChoices* rewards() const { return m_rewards; }

    void showDashboard();
    void openSettings();
    // Asks for a folder, then addProjectFolder().
    void addProjectInteractively();
    // A folder with a .foxreload.yaml is opened (and its trust asked for); a folder without
    // one starts the guided setup, and only its Save adds the project.
    void addProjectFolder(const QString& dir);
    // Opens the example server that comes with FoxReload (see BundledExample).
    void tryExample();
    void quit();

private:
    // `ask`: the user just chose this project, so an untrusted config gets the trust prompt now.
    void openProject(const QString& configFile, bool makeCurrent, bool ask = false);
    void startGuidedSetup(const QString& dir);
    void askTrust(MonitoredSession* session);
    void saveWindowState();
    void showTrayHint();
    void attach(MonitoredSession* session);
    // History and game for one of the project's sessions (SessionHistory).
    void record(ProjectController* project, Session* session);
    void applyHistorySettings(); // the store's retention from every project's history.*
    void handleInstanceMessage(const QByteArray& message);

    GuiOptions m_options;
    ProjectManager* m_projects;
    Notifier* m_notifier;
    HistoryStore* m_store = nullptr;
    GamificationEngine* m_engine = nullptr;
    RewardChoices* m_rewards = nullptr;
    TrayController* m_tray = nullptr;
    SingleInstance* m_instance = nullptr;
    std::unique_ptr<DashboardWindow> m_dashboard;
    int m_exitCode = 0;
    bool m_quitting = false;
};

} // namespace foxreload::gui
