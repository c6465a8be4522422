#include "TrayController.h"

#include "AppSettings.h"
#include "DesktopNotifications.h"
#include "MonitoredSession.h"
#include "ProjectController.h"
#include "ProjectManager.h"
#include "ResourceText.h"
#include "RewardChoices.h"
#include "TrayIcons.h"
#include "common/DurationText.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

// Which state the tray shows when several sessions run: the one that needs the user most.
int urgency(MonitoredSession::Status status)
{
    using S = MonitoredSession::Status;
    switch (status) {
    case S::Error:
    case S::Untrusted:
        return 5;
    case S::Degraded:
    case S::Reloading:
    case S::Starting:
        return 4;
    case S::Paused:
        return 3;
    case S::Watching:
        return 2;
    case S::Stopped:
        break;
    }
    return 1;
}

// A project's name inside a menu text: its own "&" is not a mnemonic.
QString menuText(const QString& text)
{
    QString escaped = text;
    return escaped.replace(u'&', u"&&"_s);
}

QString restartText(const MonitoredSession* session)
{
    return TrayController::tr("&Restart %1").arg(menuText(session->name()));
}

QString pauseText(const MonitoredSession* session)
{
    return session->isPaused() ? TrayController::tr("Res&ume Watching %1").arg(menuText(session->name()))
                               : TrayController::tr("&Pause Watching %1").arg(menuText(session->name()));
}

} // namespace

TrayController::TrayController(ProjectManager* projects, Notifier* notifier, QObject* parent)
    : QObject(parent)
    , m_projects(projects)
    , m_notifier(notifier)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
{
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT dashboardRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::dashboardRequested);
    // "2 min ago" must be true when the menu opens, not when it was built.
    connect(m_menu.get(), &QMenu::aboutToShow, this, &TrayController::updateState);
    connect(m_projects, &ProjectManager::sessionsChanged, this, [this] {
        watchSessions();
        rebuildMenu();
    });
    connect(m_projects, &ProjectManager::currentChanged, this, &TrayController::updateState);
    setDesktopNotifications(new DesktopNotifications(this));
    watchSessions();
    rebuildMenu();
}

// The tray icon does not own its context menu; a QMenu cannot have a QObject parent.
TrayController::~TrayController()
{
    clearProjectEntries();
}

bool TrayController::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::show()
{
    m_tray->show();
}

void TrayController::setDesktopNotifications(DesktopNotifications* desktop)
{
    if (m_desktop == desktop)
        return;
    if (m_desktop) {
        disconnect(m_notifier, nullptr, m_desktop, nullptr);
        if (m_desktop->parent() == this)
            delete m_desktop;
    }
    m_desktop = desktop;
    if (!m_desktop)
        return;
    m_desktop->setParent(this);
    connect(m_notifier, &Notifier::notify, m_desktop, &DesktopNotifications::show);
    connect(m_desktop, &DesktopNotifications::fallbackNeeded, this, &TrayController::showBalloon);
    connect(m_desktop, &DesktopNotifications::actionInvoked, this, &TrayController::handleNotificationAction);
}

void TrayController::setRewards(RewardChoices* rewards)
{
    if (m_rewards)
        disconnect(m_rewards, nullptr, this, nullptr);
    m_rewards = rewards;
    const auto redraw = [this] {
        m_shownStatus = -1; // the same state in another skin
        updateState();
    };
    if (m_rewards)
        connect(m_rewards, &RewardChoices::changed, this, redraw);
    redraw();
}

bool TrayController::showKeepsRunningHint()
{
    AppSettings settings;
    if (settings.trayHintShown())
        return false;
    settings.setTrayHintShown(true);
    m_notifier->keepsRunningHint();
    return true;
}

void TrayController::showBalloon(const Notification& notification)
{
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    if (notification.severity == Notification::Severity::Warning)
        icon = QSystemTrayIcon::Warning;
    else if (notification.severity == Notification::Severity::Critical)
        icon = QSystemTrayIcon::Critical;
    const int timeout = notification.kind == Notification::Kind::Reload ? 4000 : 8000;
    m_tray->showMessage(notification.title, notification.body, icon, timeout);
}

void TrayController::handleNotificationAction(const QString& project, const QString& action)
{
    if (!project.isEmpty()) {
        const auto sessions = m_projects->sessions();
        for (auto* session : sessions) {
            if (session->name() == project) {
                m_projects->setCurrent(session);
                break;
            }
        }
    }
    Q_EMIT dashboardRequested();
    Q_EMIT notificationActionInvoked(project, action);
}

QString TrayController::agoText(qint64 seconds)
{
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

QString TrayController::statusLine(const MonitoredSession* session, const QDateTime& nowUtc)
{
    QString line = tr("%1 — %2").arg(session->name(), MonitoredSession::statusText(session->status()));
    const auto& last = session->lastReload();
    if (!last || last->trigger == ReloadTrigger::Startup)
        return line;
    QString reload = last->succeeded() ? MonitoredSession::strategyText(last->performed)
                                       : tr("%1 failed").arg(MonitoredSession::strategyText(last->performed));
    if (last->succeeded() && last->startToReadyMs >= 0)
        reload = tr("%1 %2", "strategy and duration").arg(reload, durationText(last->startToReadyMs));
    if (last->finishedAtUtc.isValid())
        reload
            = tr("%1, %2", "what and when").arg(reload, agoText(qMax(0, last->finishedAtUtc.secsTo(nowUtc))));
    return tr("%1 · %2").arg(line, reload);
}

void TrayController::watchSessions()
{
    const auto sessions = m_projects->sessions();
    for (auto* session : sessions) {
        connect(session, &MonitoredSession::statusChanged, this, &TrayController::updateState,
            Qt::UniqueConnection);
        connect(session, &MonitoredSession::headerChanged, this, &TrayController::updateState,
            Qt::UniqueConnection);
    }
}

void TrayController::clearProjectEntries()
{
    for (auto& entry : m_entries)
        delete entry.submenu; // a child widget of the menu, not owned by its actions
    m_entries.clear();
}

TrayController::ProjectEntry TrayController::addProjectEntry(MonitoredSession* session)
{
    ProjectEntry entry;
    entry.session = session;
    entry.submenu = new QMenu(m_menu.get());
    m_menu->addMenu(entry.submenu);
    const QPointer<MonitoredSession> guarded(session);

    entry.info = entry.submenu->addAction(QString());
    entry.info->setEnabled(false); // informational
    entry.submenu->addSeparator();
    auto* open = entry.submenu->addAction(appIcon(), tr("Open in &Dashboard"));
    connect(open, &QAction::triggered, this, [this, guarded] { makeCurrentAndShow(guarded); });
    entry.restart = entry.submenu->addAction(QIcon(u":/icons/tray-reloading.svg"_s), restartText(session));
    connect(entry.restart, &QAction::triggered, this, [guarded] {
        if (guarded)
            guarded->restartNow();
    });
    entry.pause = entry.submenu->addAction(QIcon(u":/icons/tray-paused.svg"_s), pauseText(session));
    connect(entry.pause, &QAction::triggered, this, [guarded] {
        if (guarded)
            guarded->setPaused(!guarded->isPaused());
    });
    if (qobject_cast<ProjectController*>(session)) {
        entry.settings = entry.submenu->addAction(tr("&Settings…"));
        connect(entry.settings, &QAction::triggered, this, [this, guarded] {
            if (!guarded)
                return;
            m_projects->setCurrent(guarded);
            Q_EMIT settingsRequested();
        });
    }
    return entry;
}

void TrayController::rebuildMenu()
{
    clearProjectEntries();
    m_menu->clear();

    auto* open = m_menu->addAction(appIcon(), tr("Open &Dashboard"));
    QFont bold = open->font();
    bold.setBold(true);
    open->setFont(bold);
    connect(open, &QAction::triggered, this, &TrayController::dashboardRequested);
    m_menu->addSeparator();

    const auto sessions = m_projects->sessions();
    for (auto* session : sessions)
        m_entries.push_back(addProjectEntry(session));
    m_noProject = m_menu->addAction(tr("No project yet"));
    m_noProject->setEnabled(false);
    m_addProject = m_menu->addAction(tr("&Add Project…"));
    connect(m_addProject, &QAction::triggered, this, &TrayController::addProjectRequested);
    m_menu->addSeparator();

    // The current project's everyday actions, named after it.
    m_restartAction = m_menu->addAction(QIcon(u":/icons/tray-reloading.svg"_s), QString());
    connect(m_restartAction, &QAction::triggered, this, [this] {
        if (auto* session = m_projects->current())
            session->restartNow();
    });
    m_pauseAction = m_menu->addAction(QIcon(u":/icons/tray-paused.svg"_s), QString());
    connect(m_pauseAction, &QAction::triggered, this, [this] {
        if (auto* session = m_projects->current())
            session->setPaused(!session->isPaused());
    });
    m_settingsAction = m_menu->addAction(tr("&Settings…"));
    connect(m_settingsAction, &QAction::triggered, this, &TrayController::settingsRequested);
    m_menu->addSeparator();
    auto* quit = m_menu->addAction(tr("&Quit FoxReload"));
    connect(quit, &QAction::triggered, this, &TrayController::quitRequested);
    updateState();
}

void TrayController::updateProjectEntry(const ProjectEntry& entry, const QDateTime& nowUtc)
{
    MonitoredSession* session = entry.session;
    if (!session)
        return;
    entry.submenu->setTitle(menuText(statusLine(session, nowUtc)));
    entry.submenu->setIcon(stateIcon(session->status()));
    QStringList info { session->location() };
    if (session->serverPid() > 0)
        info.append(tr("PID %1").arg(session->serverPid()));
    if (session->toolCount() >= 0)
        info.append(tr("%n tool(s)", nullptr, session->toolCount()));
    entry.info->setText(menuText(info.join(u" · "_s)));
    entry.restart->setText(restartText(session));
    entry.pause->setText(pauseText(session));
}

void TrayController::updateState()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    MonitoredSession* current = m_projects->current();
    MonitoredSession::Status shown = current ? current->status() : MonitoredSession::Status::Stopped;
    QStringList lines { tr("FoxReload") };
    if (m_rewards)
        lines.first() = tr("FoxReload — %1").arg(rewards::displayName(m_rewards->shown(RewardKind::Title)));
    const auto sessions = m_projects->sessions();
    for (auto* session : sessions) {
        if (urgency(session->status()) > urgency(shown))
            shown = session->status();
        lines.append(statusLine(session, now));
    }
    if (sessions.isEmpty())
        lines.append(tr("No project yet: open the dashboard to add one"));
    if (current && !ResourceText::trayLine(current->resources()).isEmpty())
        lines.append(ResourceText::trayLine(current->resources()));
    m_tray->setToolTip(lines.join(u'\n'));
    if (int(shown) != m_shownStatus) {
        m_shownStatus = int(shown);
        m_tray->setIcon(m_rewards ? stateIcon(shown, m_rewards->shown(RewardKind::Skin)) : stateIcon(shown));
    }

    for (const auto& entry : m_entries)
        updateProjectEntry(entry, now);
    m_noProject->setVisible(sessions.isEmpty());
    m_addProject->setVisible(sessions.isEmpty());
    m_restartAction->setVisible(current);
    m_pauseAction->setVisible(current);
    m_settingsAction->setVisible(qobject_cast<ProjectController*>(current));
    if (current) {
        m_restartAction->setText(restartText(current));
        m_pauseAction->setText(pauseText(current));
    }
}

void TrayController::makeCurrentAndShow(MonitoredSession* session)
{
    if (!session)
        return;
    m_projects->setCurrent(session);
    Q_EMIT dashboardRequested();
}

} // namespace foxreload::gui
