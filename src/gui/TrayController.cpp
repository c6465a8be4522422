#include "TrayController.h"

#include "MonitoredSession.h"
#include "ProjectController.h"
#include "ProjectManager.h"
#include "TrayIcons.h"

#include <QAction>
#include <QActionGroup>
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

} // namespace

TrayController::TrayController(ProjectManager* projects, Notifier* notifier, QObject* parent)
    : QObject(parent)
    , m_projects(projects)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
{
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT dashboardRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::dashboardRequested);
    connect(notifier, &Notifier::notify, this, &TrayController::showNotification);
    connect(m_projects, &ProjectManager::sessionsChanged, this, [this] {
        for (auto* session : m_projects->sessions()) {
            connect(session, &MonitoredSession::statusChanged, this, &TrayController::updateState,
                Qt::UniqueConnection);
            connect(session, &MonitoredSession::headerChanged, this, &TrayController::updateState,
                Qt::UniqueConnection);
        }
        rebuildMenu();
        updateState();
    });
    connect(m_projects, &ProjectManager::currentChanged, this, [this] {
        rebuildMenu();
        updateState();
    });
    for (auto* session : m_projects->sessions()) {
        connect(session, &MonitoredSession::statusChanged, this, &TrayController::updateState,
            Qt::UniqueConnection);
        connect(session, &MonitoredSession::headerChanged, this, &TrayController::updateState,
            Qt::UniqueConnection);
    }
    rebuildMenu();
    updateState();
}

// The tray icon does not own its context menu; a QMenu cannot have a QObject parent.
TrayController::~TrayController() = default;

bool TrayController::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::show()
{
    m_tray->show();
}

void TrayController::rebuildMenu()
{
    m_menu->clear();
    delete m_projectGroup;
    m_projectGroup = nullptr;

    auto* open = m_menu->addAction(appIcon(), tr("Open &Dashboard"));
    QFont bold = open->font();
    bold.setBold(true);
    open->setFont(bold);
    connect(open, &QAction::triggered, this, &TrayController::dashboardRequested);

    m_restartAction = m_menu->addAction(QIcon(u":/icons/tray-reloading.svg"_s), tr("&Restart Server Now"));
    connect(m_restartAction, &QAction::triggered, this, [this] {
        if (auto* session = m_projects->current())
            session->restartNow();
    });
    m_pauseAction = m_menu->addAction(QIcon(u":/icons/tray-paused.svg"_s), tr("&Pause Watching"));
    connect(m_pauseAction, &QAction::triggered, this, [this] {
        if (auto* session = m_projects->current())
            session->setPaused(!session->isPaused());
    });
    m_settingsAction = m_menu->addAction(tr("&Settings…"));
    connect(m_settingsAction, &QAction::triggered, this, &TrayController::settingsRequested);

    const auto sessions = m_projects->sessions();
    if (sessions.size() > 1) {
        m_menu->addSeparator();
        m_menu->addSection(tr("Projects"));
        m_projectGroup = new QActionGroup(this);
        m_projectGroup->setExclusive(true);
        for (auto* session : sessions) {
            auto* action = m_menu->addAction(stateIcon(session->status()),
                tr("%1 — %2").arg(session->name(), MonitoredSession::statusText(session->status())));
            action->setCheckable(true);
            action->setChecked(session == m_projects->current());
            m_projectGroup->addAction(action);
            QPointer<MonitoredSession> guarded(session);
            connect(action, &QAction::triggered, this, [this, guarded] {
                if (guarded) {
                    m_projects->setCurrent(guarded);
                    Q_EMIT dashboardRequested();
                }
            });
        }
    }
    m_menu->addSeparator();
    auto* quit = m_menu->addAction(tr("&Quit FoxReload"));
    connect(quit, &QAction::triggered, this, &TrayController::quitRequested);
}

void TrayController::updateState()
{
    MonitoredSession* current = m_projects->current();
    MonitoredSession::Status shown = current ? current->status() : MonitoredSession::Status::Stopped;
    QStringList lines { tr("FoxReload") };
    const auto sessions = m_projects->sessions();
    for (auto* session : sessions) {
        if (urgency(session->status()) > urgency(shown))
            shown = session->status();
        QString line = tr("%1: %2").arg(session->name(), MonitoredSession::statusText(session->status()));
        if (session->serverPid() > 0)
            line += u" "_s + tr("(PID %1)").arg(session->serverPid());
        lines.append(line);
    }
    if (sessions.isEmpty())
        lines.append(tr("No project yet: open the dashboard to add one"));
    m_tray->setToolTip(lines.join(u'\n'));
    if (int(shown) != m_shownStatus) {
        m_shownStatus = int(shown);
        m_tray->setIcon(stateIcon(shown));
    }
    const bool paused = current && current->isPaused();
    if (m_pauseAction) {
        m_pauseAction->setText(paused ? tr("&Resume Watching") : tr("&Pause Watching"));
        m_pauseAction->setEnabled(current);
        m_restartAction->setEnabled(current);
        m_settingsAction->setEnabled(qobject_cast<ProjectController*>(current));
    }
    if (m_projectGroup) {
        const auto actions = m_projectGroup->actions();
        for (int i = 0; i < actions.size() && i < sessions.size(); ++i) {
            actions[i]->setIcon(stateIcon(sessions[i]->status()));
            actions[i]->setText(
                tr("%1 — %2").arg(sessions[i]->name(), MonitoredSession::statusText(sessions[i]->status())));
        }
    }
}

void TrayController::showNotification(const Notification& notification)
{
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    if (notification.severity == Notification::Severity::Warning)
        icon = QSystemTrayIcon::Warning;
    else if (notification.severity == Notification::Severity::Critical)
        icon = QSystemTrayIcon::Critical;
    m_tray->showMessage(notification.title, notification.body, icon, 8000);
}

} // namespace foxreload::gui
