#include "GuiApp.h"

#include "AccentColour.h"
#include "AppSettings.h"
#include "BundledExample.h"
#include "DashboardWindow.h"
#include "GameRulesText.h"
#include "GuiLog.h"
#include "Notifier.h"
#include "PreviewScanner.h"
#include "ProjectController.h"
#include "ProjectManager.h"
#include "RewardChoices.h"
#include "RewardsPicker.h"
#include "SessionDirectory.h"
#include "SettingsDialog.h"
#include "SingleInstance.h"
#include "TrayController.h"
#include "TrayIcons.h"
#include "TrustPrompt.h"
#include "WelcomePage.h"
#include "config/ConfigLoader.h"
#include "game/GamificationEngine.h"
#include "session/Session.h"
#include "session/SessionHistory.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSessionManager>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

QString installTranslations(QCoreApplication* app, const QString& language)
{
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::C) // LANG=C: English, with its plural forms from foxreload_en
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(locale);
    auto* ours = new QTranslator(app);
    if (ours->load(locale, u"foxreload"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    auto* qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().section(u'_', 0, 0);
}

GuiApp::GuiApp(const GuiOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_projects(new ProjectManager(this))
    , m_notifier(new Notifier(this))
{
    QApplication::setWindowIcon(appIcon());
    QApplication::setApplicationDisplayName(tr("FoxReload"));
    QApplication::setDesktopFileName(u"foxreload"_s);
}

GuiApp::~GuiApp()
{
    // Views first, then the sessions they watch.
    m_dashboard.reset();
    delete m_tray;
    delete m_projects;
}

bool GuiApp::start()
{
    AppSettings settings;
    installTranslations(qApp, settings.language());

    if (m_options.singleInstance) {
        m_instance = new SingleInstance(SingleInstance::defaultKey(), this);
        QByteArray request = m_options.configFile.isEmpty()
            ? QByteArray("show")
            : QByteArray("open ") + QFileInfo(m_options.configFile).absoluteFilePath().toUtf8();
        if (m_options.openSettings)
            request = "settings";
        if (!m_instance->claim(request)) {
            std::fprintf(
                stderr, "foxreload: the desktop app is already running; it was asked to show itself\n");
            m_exitCode = 0;
            return false;
        }
        connect(m_instance, &SingleInstance::messageReceived, this, &GuiApp::handleInstanceMessage);
    }

    m_notifier->setLevel(settings.notificationLevel());
    connect(m_projects, &ProjectManager::sessionsChanged, this, [this] {
        for (auto* session : m_projects->sessions())
            attach(session);
        applyHistorySettings();
    });

    QStringList errors;
    m_projects->restore(&errors);
    if (!m_options.configFile.isEmpty()) {
        openProject(m_options.configFile, true);
    } else if (m_projects->sessions().isEmpty()) {
        // First start: the project in the current directory, if there is one.
        const QString here = ConfigLoader::findConfigFile(QDir::currentPath());
        if (!here.isEmpty())
            openProject(here, true);
    }
    m_projects->remember();

    // History and game: one database for every project (the game is the user's, not a project's),
    // kept as long as the most generous project's history.* asks. Each project's sessions award
    // XP through an engine with that project's gamification.* (record()); this one is the
    // dashboard's view of the game, told of every award.
    QString database = m_options.database;
    if (database.isEmpty() && !m_projects->projects().isEmpty())
        database = m_projects->projects().first()->config().database;
    m_store = new HistoryStore(this);
    applyHistorySettings();
    // One player for the one database: the first project's gamification.player (else the login name).
    if (!m_projects->projects().isEmpty()) {
        const GamificationSettings& game = m_projects->projects().first()->config().gamification;
        m_store->setPlayer(game.player, game.team);
    }
    if (!m_store->open(HistoryStore::resolvePath(database)))
        qCWarning(lcGui) << "history database unavailable:" << m_store->lastError();
    m_engine = new GamificationEngine(m_store, GamificationSettings {}, this);

    m_dashboard = std::make_unique<DashboardWindow>(m_projects);
    m_dashboard->setHistory(m_store, m_engine);
    // The rewards the game unlocked and the user chose: the accent here, skin and title in the tray.
    m_rewards = new RewardChoices(this);
    m_rewards->setEngine(m_engine);
    const auto applyChosenAccent
        = [this] { applyAccent(m_dashboard.get(), m_rewards->shown(RewardKind::Accent)); };
    connect(m_rewards, &RewardChoices::changed, this, applyChosenAccent);
    applyChosenAccent();
    connect(m_dashboard.get(), &DashboardWindow::settingsRequested, this, &GuiApp::openSettings);
    connect(m_dashboard.get(), &DashboardWindow::addProjectRequested, this, &GuiApp::addProjectInteractively);
    connect(m_dashboard.get(), &DashboardWindow::quitRequested, this, &GuiApp::quit);
    connect(m_dashboard.get(), &DashboardWindow::exampleRequested, this, &GuiApp::tryExample);
    connect(m_dashboard.get(), &DashboardWindow::trustRequested, this, &GuiApp::askTrust);
    connect(m_dashboard.get(), &DashboardWindow::closedToTray, this, &GuiApp::showTrayHint);
    m_dashboard->welcomePage()->setExampleAvailable(
        !BundledExample::locate(QCoreApplication::applicationDirPath()).isEmpty());
    // Every way out keeps the window's state: Quit, SIGTERM (aboutToQuit), the session's logout.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &GuiApp::saveWindowState);
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this](QSessionManager&) { saveWindowState(); });

    if (TrayController::isAvailable()) {
        m_tray = new TrayController(m_projects, m_notifier, this);
        m_tray->setRewards(m_rewards);
        connect(m_tray, &TrayController::dashboardRequested, this, &GuiApp::showDashboard);
        connect(m_tray, &TrayController::settingsRequested, this, &GuiApp::openSettings);
        connect(m_tray, &TrayController::quitRequested, this, &GuiApp::quit);
        connect(m_tray, &TrayController::addProjectRequested, this, &GuiApp::addProjectInteractively);
        // The tray has made the notification's project current and shown the dashboard.
        connect(m_tray, &TrayController::notificationActionInvoked, this,
            [this](const QString&, const QString& action) {
                if (action == u"show-error"_s)
                    m_dashboard->tabs()->setCurrentIndex(DashboardWindow::EventsTab);
            });
        m_tray->show();
        if (!m_options.minimized)
            showDashboard();
    } else {
        // Said once; the dashboard is then the app's main window.
        std::fprintf(stderr, "foxreload: no system tray on this desktop; the dashboard is the main window\n");
        m_dashboard->setMainWindowMode(true);
        showDashboard();
    }
    for (const auto& error : std::as_const(errors))
        m_dashboard->statusBar()->showMessage(error, 15000);

    for (auto* session : m_projects->sessions())
        attach(session);
    m_projects->startAll();
    // The project the app opens on waits for trust: ask now, unless the app starts in the tray.
    if (auto* current = qobject_cast<ProjectController*>(m_projects->current());
        current && m_dashboard->isVisible() && current->status() == MonitoredSession::Status::Untrusted)
        TrustPrompt::openFor(current, m_dashboard.get());
    // Sessions started elsewhere (a proxy launched by an MCP client, `foxreload run`) join the list.
    auto* directory = new SessionDirectory(m_projects, this);
    directory->start();
    if (m_options.openSettings)
        QTimer::singleShot(0, this, &GuiApp::openSettings);
    return true;
}

void GuiApp::attach(MonitoredSession* session)
{
    if (session->property("foxreload.attached").toBool())
        return;
    session->setProperty("foxreload.attached", true);
    connect(session, &MonitoredSession::reloadFinished, this,
        [this, session](const ReloadResult& result) { m_notifier->reloadFinished(session->name(), result); });
    connect(session, &MonitoredSession::warningRaised, this,
        [this, session](const QString& text) { m_notifier->sessionProblem(session->name(), text); });
    if (auto* project = qobject_cast<ProjectController*>(session)) {
        connect(project, &ProjectController::configApplied, this, &GuiApp::applyHistorySettings);
        connect(project, &ProjectController::sessionCreated, this,
            [this, project](Session* created) { record(project, created); });
        if (project->session())
            record(project, project->session());
    }
}

void GuiApp::record(ProjectController* project, Session* session)
{
    if (!m_store)
        return;
    // The session's child: it ends the session record when the session goes.
    auto* history = new SessionHistory(session, m_store, project->config(), u"gui"_s, session);
    GamificationEngine* engine = history->engine();
    project->setGameEngine(engine); // this project's XP and achievements reach its metrics and webhooks
    if (!engine)
        return;
    connect(engine, &GamificationEngine::stateChanged, m_engine, &GamificationEngine::stateChanged);
    connect(engine, &GamificationEngine::xpAwarded, m_engine, &GamificationEngine::xpAwarded);
    if (!history->notifiesRewards())
        return;
    connect(engine, &GamificationEngine::levelUp, this,
        [this, engine](int level) { m_notifier->levelUp({}, level, engine->level().totalXp); });
    connect(engine, &GamificationEngine::achievementUnlocked, this, [this](const QString& id) {
        const AchievementDef* def = GamificationEngine::findAchievement(id);
        m_notifier->achievementUnlocked(
            def ? gametext::title(*def) : id, def ? gametext::description(*def) : QString());
    });
}

void GuiApp::applyHistorySettings()
{
    if (!m_store)
        return;
    QList<HistorySettings> histories;
    for (auto* project : m_projects->projects())
        histories.append(project->config().history);
    m_store->setRetention(SessionHistory::retentionFor(histories));
}

void GuiApp::openProject(const QString& configFile, bool makeCurrent, bool ask)
{
    QStringList errors;
    ProjectController* project = m_projects->addProjectFile(configFile, &errors);
    if (!project) {
        const QString text = errors.join(u'\n');
        qCWarning(lcGui).noquote() << text;
        if (m_dashboard)
            QMessageBox::warning(m_dashboard.get(), tr("Cannot open the project"), text);
        return;
    }
    if (makeCurrent)
        m_projects->setCurrent(project);
    m_projects->remember();
    if (m_dashboard && !project->start() && ask && project->status() == MonitoredSession::Status::Untrusted) {
        showDashboard();
        TrustPrompt::askAndStart(project, m_dashboard.get());
    }
}

void GuiApp::askTrust(MonitoredSession* session)
{
    if (auto* project = qobject_cast<ProjectController*>(session))
        TrustPrompt::askAndStart(project, m_dashboard.get());
}

void GuiApp::showDashboard()
{
    if (!m_dashboard)
        return;
    m_dashboard->show();
    m_dashboard->setWindowState((m_dashboard->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_dashboard->raise();
    m_dashboard->activateWindow();
}

void GuiApp::openSettings()
{
    auto* project = qobject_cast<ProjectController*>(m_projects->current());
    if (!project) {
        addProjectInteractively();
        return;
    }
    auto* dialog = new SettingsDialog(
        project->config(), m_dashboard && m_dashboard->isVisible() ? m_dashboard.get() : nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->rewardsPicker()->setChoices(m_rewards);
    // Over its resource budget, FoxReload does not walk the tree for the preview until it is back.
    const auto deferPreview = [dialog, project] {
        dialog->previewScanner()->setDeferred(project->resources().throttle.throttled);
    };
    deferPreview();
    connect(project, &MonitoredSession::headerChanged, dialog, deferPreview);
    QPointer<ProjectController> guarded(project);
    connect(dialog, &SettingsDialog::saved, this, [this, guarded, dialog](const Config& config) {
        m_notifier->setLevel(dialog->notificationLevel());
        if (!guarded)
            return;
        guarded->applyConfig(config); // the running session is replaced, the app stays
        m_projects->remember();
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void GuiApp::addProjectInteractively()
{
    const QString dir = QFileDialog::getExistingDirectory(m_dashboard.get(),
        tr("Choose the project folder (where .foxreload.yaml is or will be)"), QDir::homePath());
    if (!dir.isEmpty())
        addProjectFolder(dir);
}

void GuiApp::addProjectFolder(const QString& dir)
{
    const QString file = QDir(dir).filePath(ConfigLoader::fileName.toString());
    if (QFileInfo::exists(file))
        openProject(file, true, true);
    else
        startGuidedSetup(dir);
}

void GuiApp::startGuidedSetup(const QString& dir)
{
    // The settings dialog's new-project mode: prefilled from what the folder holds, opened on
    // the Server tab. Nothing is added until the user saves: Cancel leaves no project and no file.
    SettingsDialog* dialog = SettingsDialog::forNewProject(QFileInfo(dir).absoluteFilePath(),
        m_dashboard && m_dashboard->isVisible() ? m_dashboard.get() : nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString file = dialog->targetFile();
    connect(dialog, &SettingsDialog::saved, this, [this, dialog, file](const Config&) {
        m_notifier->setLevel(dialog->notificationLevel());
        // The dialog trusted what the user wrote in it: the project starts without a prompt.
        openProject(file, true);
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void GuiApp::tryExample()
{
    const QString source = BundledExample::locate(QCoreApplication::applicationDirPath());
    if (source.isEmpty()) {
        QMessageBox::warning(m_dashboard.get(), tr("Example not found"),
            tr("The example server is not installed with this copy of FoxReload."));
        return;
    }
    QString copiedTo;
    QString error;
    const QString dir = BundledExample::prepare(source, &copiedTo, &error);
    if (dir.isEmpty()) {
        QMessageBox::warning(m_dashboard.get(), tr("Example not available"), error);
        return;
    }
    if (!copiedTo.isEmpty() && m_dashboard)
        m_dashboard->statusBar()->showMessage(
            tr("The example is read-only where it is installed; using a copy in %1")
                .arg(QDir::toNativeSeparators(copiedTo)),
            20000);
    openProject(QDir(dir).filePath(ConfigLoader::fileName.toString()), true, true);
}

void GuiApp::saveWindowState()
{
    if (m_dashboard)
        m_dashboard->saveWindowState();
}

void GuiApp::showTrayHint()
{
    // Closing the window only hides it: the tray says so, once (TrayController remembers).
    if (m_tray && !m_quitting)
        m_tray->showKeepsRunningHint();
}

void GuiApp::handleInstanceMessage(const QByteArray& message)
{
    if (message.startsWith("open "))
        openProject(QString::fromUtf8(message.mid(5)), true);
    if (message == "settings") {
        openSettings();
        return;
    }
    showDashboard();
}

void GuiApp::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    saveWindowState();
    if (m_dashboard)
        m_dashboard->hide();
    connect(m_projects, &ProjectManager::allStopped, qApp, &QCoreApplication::quit);
    // Servers are stopped gracefully; a stuck one must not keep the app alive.
    QTimer::singleShot(10000, qApp, &QCoreApplication::quit);
    m_projects->stopAll();
}

} // namespace foxreload::gui
