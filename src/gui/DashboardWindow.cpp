#include "DashboardWindow.h"

#include "AppSettings.h"
#include "ChartsPanel.h"
#include "EventLogModel.h"
#include "GamificationPanel.h"
#include "HistoryLoader.h"
#include "ProjectController.h"
#include "ProjectManager.h"
#include "TrayIcons.h"
#include "game/GamificationEngine.h"
#include "store/HistoryStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
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

QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return DashboardWindow::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return DashboardWindow::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return DashboardWindow::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QLabel* valueLabel(QWidget* parent, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(accessibleName);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

DashboardWindow::DashboardWindow(ProjectManager* projects, QWidget* parent)
    : QMainWindow(parent)
    , m_projects(projects)
{
    setWindowIcon(appIcon());
    setObjectName(u"dashboard"_s);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 6);
    buildHeader(central);

    m_tabs = new QTabWidget(central);
    m_tabs->setAccessibleName(tr("Dashboard sections"));
    m_charts = new ChartsPanel(m_tabs);
    m_tabs->addTab(m_charts, tr("&Overview"));
    m_game = new GamificationPanel(m_tabs);
    m_tabs->addTab(m_game, tr("&Progress"));
    m_tabs->addTab(buildEventsTab(), tr("&Events"));
    m_tabs->addTab(buildOutputTab(), tr("Server &output"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createActions();
    statusBar()->setSizeGripEnabled(true);

    AppSettings settings;
    if (!restoreGeometry(settings.dashboardGeometry()))
        resize(1100, 760);
    m_tabs->setCurrentIndex(std::clamp(settings.dashboardTab(), 0, m_tabs->count() - 1));
    connect(
        m_tabs, &QTabWidget::currentChanged, this, [](int index) { AppSettings().setDashboardTab(index); });

    m_uptimeTimer.setInterval(1000);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &DashboardWindow::updateUptime);
    m_uptimeTimer.start();

    connect(m_projects, &ProjectManager::sessionsChanged, this, &DashboardWindow::rebuildProjectList);
    connect(m_projects, &ProjectManager::currentChanged, this, &DashboardWindow::bindSession);
    // Reloads of every session feed the charts (the history is one, like the game).
    connect(m_projects, &ProjectManager::sessionsChanged, this, [this] {
        for (auto* session : m_projects->sessions()) {
            connect(session, &MonitoredSession::reloadFinished, this, &DashboardWindow::onReloadFinished,
                Qt::UniqueConnection);
        }
    });
    for (auto* session : m_projects->sessions())
        connect(session, &MonitoredSession::reloadFinished, this, &DashboardWindow::onReloadFinished,
            Qt::UniqueConnection);
    rebuildProjectList();
    bindSession(m_projects->current());
    m_charts->refresh(m_stats);
    refreshGame();
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::buildHeader(QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAccessibleName(tr("Session summary"));
    auto* grid = new QGridLayout(frame);
    grid->setContentsMargins(10, 8, 10, 8);
    grid->setHorizontalSpacing(18);

    m_stateIcon = new QLabel(frame);
    m_stateIcon->setFixedSize(48, 48);
    grid->addWidget(m_stateIcon, 0, 0, 2, 1);

    auto* projectLabel = new QLabel(tr("Pro&ject:"), frame);
    m_projectBox = new QComboBox(frame);
    m_projectBox->setAccessibleName(tr("Project"));
    m_projectBox->setMinimumContentsLength(18);
    m_projectBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    projectLabel->setBuddy(m_projectBox);
    connect(m_projectBox, &QComboBox::activated, this, [this](int index) {
        const auto sessions = m_projects->sessions();
        if (index >= 0 && index < sessions.size())
            m_projects->setCurrent(sessions[index]);
    });
    grid->addWidget(projectLabel, 0, 1);
    grid->addWidget(m_projectBox, 0, 2);

    m_state = valueLabel(frame, tr("Server state"));
    m_pid = valueLabel(frame, tr("Process ID"));
    m_uptime = valueLabel(frame, tr("Uptime"));
    m_tools = valueLabel(frame, tr("Tool count"));
    m_lastReload = valueLabel(frame, tr("Last reload"));
    m_lastReload->setWordWrap(true);
    m_location = new QLabel(frame);
    m_location->setAccessibleName(tr("Project folder"));
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const std::array<std::pair<QString, QLabel*>, 4> cells { { { tr("State"), m_state }, { tr("PID"), m_pid },
        { tr("Uptime"), m_uptime }, { tr("Tools"), m_tools } } };
    int column = 3;
    for (const auto& [caption, label] : cells) {
        auto* captionLabel = new QLabel(caption, frame);
        captionLabel->setStyleSheet(u"color: palette(mid);"_s);
        grid->addWidget(captionLabel, 0, column);
        grid->addWidget(label, 1, column);
        ++column;
    }
    grid->addWidget(m_location, 1, 1, 1, 2);
    auto* lastCaption = new QLabel(tr("Last reload"), frame);
    lastCaption->setStyleSheet(u"color: palette(mid);"_s);
    grid->addWidget(lastCaption, 0, column);
    grid->addWidget(m_lastReload, 1, column);
    grid->setColumnStretch(column, 1);

    m_trustButton = new QPushButton(tr("&Trust and start…"), frame);
    m_trustButton->setAccessibleDescription(
        tr("Allow this project's configuration to start its server command"));
    m_trustButton->hide();
    connect(m_trustButton, &QPushButton::clicked, this, [this] {
        auto* project = qobject_cast<ProjectController*>(m_session.data());
        if (!project)
            return;
        const Config& config = project->config();
        const QString command = (QStringList { config.server.command } + config.server.args).join(u' ');
        const auto answer = QMessageBox::question(this, tr("Trust this configuration?"),
            tr("%1 is new or changed since you last trusted it.\n\nIt will run:\n%2\n\nTrust it and start "
               "the server?")
                .arg(project->configFile(), command));
        if (answer != QMessageBox::Yes)
            return;
        QString error;
        if (!project->trustAndStart(&error) && !error.isEmpty())
            QMessageBox::warning(this, tr("Could not trust the configuration"), error);
    });
    grid->addWidget(m_trustButton, 0, column + 1, 2, 1);

    static_cast<QVBoxLayout*>(parent->layout())->addWidget(frame);
}

QWidget* DashboardWindow::buildEventsTab()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), page));
    m_showBatches = new QCheckBox(tr("&Changes"), page);
    m_showReloads = new QCheckBox(tr("Re&loads"), page);
    m_showErrors = new QCheckBox(tr("E&rrors"), page);
    m_showServer = new QCheckBox(tr("Ser&ver"), page);
    for (auto* box : { m_showBatches, m_showReloads, m_showErrors, m_showServer }) {
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &DashboardWindow::updateFilter);
        filters->addWidget(box);
    }
    filters->addStretch();
    auto* searchLabel = new QLabel(tr("&Filter:"), page);
    m_search = new QLineEdit(page);
    m_search->setPlaceholderText(tr("text in the event"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter events by text"));
    searchLabel->setBuddy(m_search);
    connect(m_search, &QLineEdit::textChanged, this, &DashboardWindow::updateFilter);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search);
    layout->addLayout(filters);

    m_filter = new EventLogFilter(this);
    m_logView = new QTableView(page);
    m_logView->setModel(m_filter);
    m_logView->setAccessibleName(tr("Event log"));
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setAlternatingRowColors(true);
    m_logView->setWordWrap(false);
    m_logView->verticalHeader()->hide();
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);
    m_logView->horizontalHeader()->setStretchLastSection(true);

    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_logView, 1);
    return page;
}

QWidget* DashboardWindow::buildOutputTab()
{
    m_output = new QPlainTextEdit(m_tabs);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(MonitoredSession::kServerOutputLines);
    m_output->setAccessibleName(tr("Server error output"));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
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
    m_restartAction->setShortcut(QKeySequence(u"Ctrl+R"_s));
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
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    if (m_settingsAction->shortcut().isEmpty())
        m_settingsAction->setShortcut(QKeySequence(u"Ctrl+,"_s));
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
    auto* quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &DashboardWindow::quitRequested);
    addAction(quit);
}

void DashboardWindow::setHistory(HistoryStore* store, GamificationEngine* engine)
{
    m_store = store;
    m_engine = engine;
    if (m_engine)
        connect(m_engine, &GamificationEngine::stateChanged, this, &DashboardWindow::refreshGame,
            Qt::UniqueConnection);
    if (m_engine)
        connect(m_engine, &GamificationEngine::xpAwarded, this, [this](int, const QString&, qint64 total) {
            m_stats.addXp(QDateTime::currentDateTime(), total);
            m_charts->refresh(m_stats);
        });
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
}

QString DashboardWindow::headerText() const
{
    return QStringList { m_projectBox->currentText(), m_state->text(), m_pid->text(), m_uptime->text(),
        m_tools->text(), m_lastReload->text() }
        .join(u" · "_s);
}

void DashboardWindow::closeEvent(QCloseEvent* event)
{
    AppSettings().setDashboardGeometry(saveGeometry());
    if (m_mainWindowMode) {
        event->ignore();
        Q_EMIT quitRequested();
        return;
    }
    QMainWindow::closeEvent(event);
}

void DashboardWindow::rebuildProjectList()
{
    m_projectBox->clear();
    const auto sessions = m_projects->sessions();
    for (auto* session : sessions)
        m_projectBox->addItem(stateIcon(session->status()), session->name());
    m_projectBox->setCurrentIndex(int(sessions.indexOf(m_session.data())));
    m_removeProjectAction->setEnabled(m_session && !m_session->isProxied());
}

void DashboardWindow::bindSession(MonitoredSession* session)
{
    for (const auto& connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_session = session;
    m_output->clear();
    m_filter->setSourceModel(session ? session->eventLog() : nullptr);
    if (session) {
        m_sessionConnections << connect(session, &MonitoredSession::statusChanged, this, [this] {
            updateHeader();
            rebuildProjectList();
        });
        m_sessionConnections << connect(
            session, &MonitoredSession::headerChanged, this, &DashboardWindow::updateHeader);
        if (auto* project = qobject_cast<ProjectController*>(session))
            m_sessionConnections << connect(
                project, &ProjectController::configApplied, this, &DashboardWindow::refreshGame);
        m_sessionConnections << connect(
            session, &MonitoredSession::serverOutputLine, this, &DashboardWindow::appendOutput);
        m_sessionConnections << connect(session->eventLog(), &QAbstractItemModel::rowsInserted, this, [this] {
            // Follow new events while the user looks at the newest ones.
            QScrollBar* bar = m_logView->verticalScrollBar();
            if (bar->value() >= bar->maximum() - 2)
                m_logView->scrollToBottom();
        });
        // Fixed widths from the font: measuring every row of a long log would cost more than it shows.
        const QFontMetrics metrics = m_logView->fontMetrics();
        m_logView->setColumnWidth(
            EventLogModel::TimeColumn, metrics.horizontalAdvance(u"2026-12-31 23:59:59"_s) + 16);
        int kindWidth = 0;
        for (auto kind : { LogEntry::Batch, LogEntry::Reload, LogEntry::Error, LogEntry::Server })
            kindWidth = std::max(kindWidth, metrics.horizontalAdvance(EventLogModel::kindText(kind)));
        m_logView->setColumnWidth(EventLogModel::KindColumn, kindWidth + 20);
        const QStringList lines = session->serverOutput();
        for (const auto& line : lines)
            appendOutput(line, line.startsWith(u"── "_s));
        m_logView->scrollToBottom();
    }
    const auto sessions = m_projects->sessions();
    m_projectBox->setCurrentIndex(int(sessions.indexOf(session)));
    refreshGame();
    m_restartAction->setEnabled(session);
    m_pauseAction->setEnabled(session);
    m_settingsAction->setEnabled(qobject_cast<ProjectController*>(session));
    m_removeProjectAction->setEnabled(session && !session->isProxied());
    updateHeader();
}

void DashboardWindow::updateTitle()
{
    setWindowTitle(m_session ? tr("FoxReload — %1").arg(m_session->name()) : tr("FoxReload"));
}

void DashboardWindow::updateHeader()
{
    updateTitle();
    if (!m_session) {
        m_state->setText(tr("No project"));
        m_stateIcon->setPixmap(stateIcon(MonitoredSession::Status::Stopped).pixmap(48, 48));
        for (auto* label : { m_pid, m_uptime, m_tools, m_lastReload, m_location })
            label->setText(u"—"_s);
        m_trustButton->hide();
        return;
    }
    const auto status = m_session->status();
    m_stateIcon->setPixmap(stateIcon(status).pixmap(48, 48));
    m_stateIcon->setAccessibleName(MonitoredSession::statusText(status));
    m_state->setText(MonitoredSession::statusText(status));
    m_pid->setText(m_session->serverPid() > 0 ? QString::number(m_session->serverPid()) : u"—"_s);
    m_tools->setText(m_session->toolCount() >= 0 ? QLocale().toString(m_session->toolCount()) : u"—"_s);
    m_location->setText(m_session->location());
    m_trustButton->setVisible(status == MonitoredSession::Status::Untrusted);
    m_pauseAction->setChecked(status == MonitoredSession::Status::Paused);
    m_pauseAction->setText(
        status == MonitoredSession::Status::Paused ? tr("Res&ume Watching") : tr("Pa&use Watching"));

    if (const auto& last = m_session->lastReload()) {
        QString text = tr("%1, %2 ms, %3")
                           .arg(MonitoredSession::strategyText(last->performed))
                           .arg(last->totalMs)
                           .arg(QLocale().toString(last->finishedAtUtc.isValid()
                                   ? last->finishedAtUtc.toLocalTime().time()
                                   : QTime::currentTime(),
                               QLocale::ShortFormat));
        if (!last->succeeded())
            text = tr("failed: %1").arg(m_session->lastError());
        m_lastReload->setText(text);
        m_lastReload->setStyleSheet(last->succeeded() ? QString() : u"color: #c62828;"_s);
    } else {
        m_lastReload->setText(tr("none yet"));
        m_lastReload->setStyleSheet({});
    }
    updateUptime();
}

void DashboardWindow::updateUptime()
{
    if (!m_session || !m_session->serverSince().isValid() || m_session->serverPid() <= 0) {
        m_uptime->setText(u"—"_s);
        return;
    }
    m_uptime->setText(formatDuration(m_session->serverSince().secsTo(QDateTime::currentDateTime())));
}

void DashboardWindow::onReloadFinished(const ReloadResult& result)
{
    if (result.trigger != ReloadTrigger::Startup) {
        const QDateTime at = result.finishedAtUtc.isValid() ? result.finishedAtUtc.toLocalTime()
                                                            : QDateTime::currentDateTime();
        m_stats.addReload({ at, result.performed, result.totalMs, result.succeeded() });
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

void DashboardWindow::updateFilter()
{
    int kinds = 0;
    if (m_showBatches->isChecked())
        kinds |= LogEntry::Batch;
    if (m_showReloads->isChecked())
        kinds |= LogEntry::Reload;
    if (m_showErrors->isChecked())
        kinds |= LogEntry::Error;
    if (m_showServer->isChecked())
        kinds |= LogEntry::Server;
    m_filter->setKinds(kinds);
    m_filter->setText(m_search->text());
}

} // namespace foxreload::gui
