#include "DashboardWindow.h"

#include "AppSettings.h"
#include "ChartsPanel.h"
#include "DashboardHeader.h"
#include "EventLogModel.h"
#include "EventLogPanel.h"
#include "GamificationPanel.h"
#include "HistoryLoader.h"
#include "LearnedPanel.h"
#include "ProjectController.h"
#include "ProjectManager.h"
#include "TeamPanel.h"
#include "TrayIcons.h"
#include "WelcomePage.h"
#include "game/GamificationEngine.h"
#include "store/HistoryStore.h"

#include <QAction>
#include <QCloseEvent>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

// The platform's key sequences for a standard key plus a fallback, without duplicates:
// some platforms have no binding for QKeySequence::Preferences, and Ctrl+Q must always quit.
QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence& fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (!keys.contains(fallback))
        keys.append(fallback);
    return keys;
}

} // namespace

DashboardWindow::DashboardWindow(ProjectManager* projects, QWidget* parent)
    : QMainWindow(parent)
    , m_projects(projects)
{
    setWindowIcon(appIcon());
    setObjectName(u"dashboard"_s);

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    connect(m_welcome, &WelcomePage::addProjectRequested, this, &DashboardWindow::addProjectRequested);
    connect(m_welcome, &WelcomePage::exampleRequested, this, &DashboardWindow::exampleRequested);
    m_stack->addWidget(m_welcome);

    m_projectPage = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(m_projectPage);
    layout->setContentsMargins(8, 6, 8, 6);
    m_header = new DashboardHeader(m_projects, m_projectPage);
    connect(m_header, &DashboardHeader::trustRequested, this, [this] {
        if (m_session)
            Q_EMIT trustRequested(m_session);
    });
    layout->addWidget(m_header);

    m_tabs = new QTabWidget(m_projectPage);
    m_tabs->setAccessibleName(tr("Dashboard sections"));
    m_charts = new ChartsPanel(m_tabs);
    m_tabs->addTab(m_charts, tr("&Overview"));
    m_game = new GamificationPanel(m_tabs);
    m_tabs->addTab(m_game, tr("&Progress"));
    m_events = new EventLogPanel(m_tabs);
    m_tabs->addTab(m_events, tr("&Events"));
    m_tabs->addTab(buildOutputTab(), tr("Server o&utput"));
    m_learned = new LearnedPanel(m_tabs);
    m_tabs->addTab(m_learned, tr("Lear&ned"));
    m_team = new TeamPanel(m_tabs); // a tab only while the database is shared (updateTeamTab)
    m_team->hide();
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_projectPage);
    setCentralWidget(m_stack);

    createActions();
    statusBar()->setSizeGripEnabled(true);

    AppSettings settings;
    if (!restoreGeometry(settings.dashboardGeometry()))
        resize(1100, 760);
    restoreState(settings.dashboardState());
    m_tabs->setCurrentIndex(std::clamp(settings.dashboardTab(), 0, m_tabs->count() - 1));
    connect(
        m_tabs, &QTabWidget::currentChanged, this, [](int index) { AppSettings().setDashboardTab(index); });

    m_teamCheckSoon.setSingleShot(true);
    m_teamCheckSoon.setInterval(500);
    connect(&m_teamCheckSoon, &QTimer::timeout, this, &DashboardWindow::updateTeamTab);
    m_uptimeTimer.setInterval(1000);
    connect(&m_uptimeTimer, &QTimer::timeout, m_header, &DashboardHeader::updateUptime);
    m_uptimeTimer.start();

    connect(m_projects, &ProjectManager::sessionsChanged, this, &DashboardWindow::onSessionsChanged);
    connect(m_projects, &ProjectManager::currentChanged, this, &DashboardWindow::bindSession);
    onSessionsChanged();
    bindSession(m_projects->current());
    m_charts->refresh(m_stats);
    refreshGame();
}

DashboardWindow::~DashboardWindow() = default;

bool DashboardWindow::showsWelcome() const
{
    return m_stack->currentWidget() == m_welcome;
}

QTableView* DashboardWindow::logView() const
{
    return m_events->view();
}

EventLogFilter* DashboardWindow::logFilter() const
{
    return m_events->filter();
}

QWidget* DashboardWindow::buildOutputTab()
{
    m_output = new QPlainTextEdit(m_tabs);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(MonitoredSession::kServerOutputLines);
    m_output->setAccessibleName(tr("Server error output"));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setTabChangesFocus(true);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_output->setFont(mono);
    return m_output;
}

void DashboardWindow::createActions()
{
    auto* toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(u"actions"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_restartAction
        = toolbar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Restart Server &Now"));
    m_restartAction->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(u"Ctrl+R"_s) });
    connect(m_restartAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->restartNow();
    });
    m_pauseAction = toolbar->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pa&use Watching"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(u"Ctrl+P"_s));
    connect(m_pauseAction, &QAction::triggered, this, [this](bool checked) {
        if (m_session)
            m_session->setPaused(checked);
    });
    m_settingsAction = toolbar->addAction(
        QIcon::fromTheme(u"preferences-system"_s, style()->standardIcon(QStyle::SP_FileDialogDetailedView)),
        tr("&Settings…"));
    m_settingsAction->setShortcuts(standardKeys(QKeySequence::Preferences, QKeySequence(u"Ctrl+,"_s)));
    connect(m_settingsAction, &QAction::triggered, this, &DashboardWindow::settingsRequested);
    toolbar->addSeparator();
    m_addProjectAction = toolbar->addAction(
        QIcon::fromTheme(u"list-add"_s, style()->standardIcon(QStyle::SP_DirOpenIcon)), tr("&Add Project…"));
    m_addProjectAction->setShortcut(QKeySequence::Open);
    connect(m_addProjectAction, &QAction::triggered, this, &DashboardWindow::addProjectRequested);
    m_removeProjectAction
        = toolbar->addAction(QIcon::fromTheme(u"list-remove"_s, style()->standardIcon(QStyle::SP_TrashIcon)),
            tr("Re&move Project"));
    connect(m_removeProjectAction, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        if (QMessageBox::question(this, tr("Remove project"),
                tr("Stop %1 and remove it from FoxReload?").arg(m_session->name()))
            != QMessageBox::Yes)
            return;
        m_projects->removeSession(m_session);
        m_projects->remember();
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcuts(standardKeys(QKeySequence::Quit, QKeySequence(u"Ctrl+Q"_s)));
    connect(m_quitAction, &QAction::triggered, this, &DashboardWindow::quitRequested);
    m_closeAction = new QAction(tr("&Close Window"), this);
    m_closeAction->setShortcuts(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &QWidget::close);

    // Actions of the window itself, not only of its toolbar: their shortcuts work wherever the
    // focus is in the window, also when the toolbar is hidden.
    for (QAction* action : { m_restartAction, m_pauseAction, m_settingsAction, m_addProjectAction,
             m_removeProjectAction, m_quitAction, m_closeAction }) {
        action->setShortcutContext(Qt::WindowShortcut);
        if (!action->shortcuts().isEmpty())
            action->setToolTip(
                u"%1 (%2)"_s.arg(action->iconText(), action->shortcut().toString(QKeySequence::NativeText)));
        addAction(action);
    }
}

void DashboardWindow::setHistory(HistoryStore* store, GamificationEngine* engine)
{
    m_store = store;
    m_engine = engine;
    if (m_engine) {
        connect(m_engine, &GamificationEngine::stateChanged, this, &DashboardWindow::refreshGame,
            Qt::UniqueConnection);
        connect(m_engine, &GamificationEngine::xpAwarded, this, [this](int, const QString&, qint64 total) {
            m_stats.addXp(QDateTime::currentDateTime(), total);
            m_charts->refresh(m_stats);
        });
    }
    m_events->setStore(store);
    m_charts->setStore(store);
    m_game->setStore(store);
    m_learned->setStore(store);
    m_team->setGame(store, engine);
    if (store)
        connect(store, &HistoryStore::changed, &m_teamCheckSoon, qOverload<>(&QTimer::start),
            Qt::UniqueConnection);
    reloadHistory();
}

void DashboardWindow::reloadHistory()
{
    if (m_store)
        loadHistory(*m_store, &m_stats, QDate::currentDate());
    m_charts->refresh(m_stats);
    refreshGame();
    statusBar()->showMessage(tr("%n reload(s) in the history", nullptr, int(m_stats.totalReloads())));
}

void DashboardWindow::refreshGame()
{
    // A project may turn the game off for itself; the game's state is still the user's.
    const auto* project = qobject_cast<const ProjectController*>(m_session.data());
    const bool off = project && !project->config().gamification.enabled;
    m_game->refresh(off ? nullptr : m_engine.data());
    updateTeamTab();
}

void DashboardWindow::updateTeamTab()
{
    const bool shared = TeamPanel::isShared(m_store.data());
    const int index = m_tabs->indexOf(m_team);
    if (shared && index < 0) {
        m_tabs->addTab(m_team, tr("Tea&m")); // last: the saved index of the others stays right
        m_team->refresh(); // from then on it refreshes itself after writes
    } else if (!shared && index >= 0) {
        m_tabs->removeTab(index);
    }
}

QString DashboardWindow::headerText() const
{
    return m_header->text();
}

void DashboardWindow::saveWindowState() const
{
    AppSettings settings;
    settings.setDashboardGeometry(saveGeometry());
    settings.setDashboardState(saveState());
    settings.setDashboardTab(m_tabs->currentIndex());
}

void DashboardWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    if (m_mainWindowMode) {
        event->ignore();
        Q_EMIT quitRequested();
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT closedToTray();
}

void DashboardWindow::onSessionsChanged()
{
    // Reloads of every session feed the charts (the history is one, like the game).
    const auto sessions = m_projects->sessions();
    for (auto* session : sessions) {
        connect(session, &MonitoredSession::reloadFinished, this, &DashboardWindow::onReloadFinished,
            Qt::UniqueConnection);
    }
    m_header->rebuildProjectList();
    m_stack->setCurrentWidget(sessions.isEmpty() ? static_cast<QWidget*>(m_welcome) : m_projectPage);
    m_removeProjectAction->setEnabled(m_session && !m_session->isProxied());
}

void DashboardWindow::bindSession(MonitoredSession* session)
{
    for (const auto& connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_session = session;
    m_output->clear();
    m_header->bindSession(session);
    m_events->bindSession(session);
    m_charts->setProjectScope(session ? session->location() : QString());
    m_learned->setProjectScope(session ? session->location() : QString());
    if (session) {
        m_sessionConnections << connect(session, &MonitoredSession::statusChanged, this, [this] {
            updateHeader();
            m_header->rebuildProjectList();
        });
        m_sessionConnections << connect(
            session, &MonitoredSession::headerChanged, this, &DashboardWindow::updateHeader);
        if (auto* project = qobject_cast<ProjectController*>(session))
            m_sessionConnections << connect(
                project, &ProjectController::configApplied, this, &DashboardWindow::refreshGame);
        m_sessionConnections << connect(
            session, &MonitoredSession::serverOutputLine, this, &DashboardWindow::appendOutput);
        const QStringList lines = session->serverOutput();
        for (const auto& line : lines)
            appendOutput(line, line.startsWith(u"── "_s));
    }
    refreshGame();
    m_restartAction->setEnabled(session);
    m_pauseAction->setEnabled(session);
    m_settingsAction->setEnabled(qobject_cast<ProjectController*>(session));
    m_removeProjectAction->setEnabled(session && !session->isProxied());
    updateHeader();
}

void DashboardWindow::updateTitle()
{
    // The platform adds the application's display name ("… — FoxReload") itself.
    setWindowTitle(m_session ? m_session->name() : tr("FoxReload"));
}

void DashboardWindow::updateHeader()
{
    updateTitle();
    m_header->refresh();
    if (!m_session)
        return;
    const bool paused = m_session->status() == MonitoredSession::Status::Paused;
    m_pauseAction->setChecked(paused);
    m_pauseAction->setText(paused ? tr("Res&ume Watching") : tr("Pa&use Watching"));
    m_pauseAction->setToolTip(u"%1 (%2)"_s.arg(
        m_pauseAction->iconText(), m_pauseAction->shortcut().toString(QKeySequence::NativeText)));
}

void DashboardWindow::onReloadFinished(const ReloadResult& result)
{
    if (result.trigger != ReloadTrigger::Startup) {
        m_stats.addReload(ReloadSample::fromResult(result));
        m_charts->refresh(m_stats);
        statusBar()->showMessage(tr("%n reload(s) in the history", nullptr, int(m_stats.totalReloads())));
    }
}

void DashboardWindow::appendOutput(const QString& line, bool marker)
{
    QScrollBar* bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_output->document()->isEmpty())
        cursor.insertBlock();
    QTextCharFormat format;
    if (marker) {
        format.setForeground(QColor(0xef, 0x6c, 0x00));
        format.setFontWeight(QFont::Bold);
    }
    cursor.insertText(line, format);
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace foxreload::gui
