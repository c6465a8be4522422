#include "ProjectController.h"

#include "GuiLog.h"
#include "config/TrustStore.h"
#include "session/Session.h"

#include <QDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

ProjectController::ProjectController(const Config& config, QObject* parent)
    : MonitoredSession(parent)
    , m_config(config)
{ }

ProjectController::~ProjectController()
{
    // Destroying a Session stops its processes (ServerProcess kills its group).
    m_session.reset();
    m_retiring.reset();
}

QString ProjectController::name() const
{
    const QString dirName = QDir(m_config.projectRoot).dirName();
    return dirName.isEmpty() ? m_config.projectRoot : dirName;
}

bool ProjectController::start()
{
    if (m_session)
        return true;
    if (!m_config.sourceFile.isEmpty() && !TrustStore().isTrusted(m_config.sourceFile)) {
        setUntrusted(true);
        return false;
    }
    setUntrusted(false);
    createSession();
    return m_session->start();
}

bool ProjectController::trustAndStart(QString* errorMessage)
{
    if (!m_config.sourceFile.isEmpty() && !TrustStore().trust(m_config.sourceFile, errorMessage))
        return false;
    return start();
}

void ProjectController::createSession()
{
    m_session = std::make_unique<Session>(m_config);
    Session* session = m_session.get();
    ReloadOrchestrator* orchestrator = &session->orchestrator();

    connect(session, &Session::watching, this,
        [this](const WatchStats& stats) { noteWatching(stats.files, stats.directories, stats.backend); });
    connect(session, &Session::planned, this, &ProjectController::notePlan);
    connect(session, &Session::pausedChanged, this, &ProjectController::notePaused);
    connect(session, &Session::warning, this, &ProjectController::noteWarning);
    connect(session, &Session::finished, this, &ProjectController::onSessionFinished);
    connect(orchestrator, &ReloadOrchestrator::stateChanged, this,
        [this, orchestrator](ReloadOrchestrator::State state) {
            if (state == ReloadOrchestrator::State::Ready && orchestrator->server())
                noteServerReady(orchestrator->server()->pid(), int(orchestrator->server()->tools().size()));
            noteOrchestratorState(state);
        });
    connect(orchestrator, &ReloadOrchestrator::reloadStarted, this, &ProjectController::noteReloadStarted);
    connect(orchestrator, &ReloadOrchestrator::reloadFinished, this, &ProjectController::noteReloadFinished);
    connect(orchestrator, &ReloadOrchestrator::reloadDeferred, this,
        [this](int delayMs, const ReloadPlan&) { noteReloadDeferred(delayMs); });
    connect(orchestrator, &ReloadOrchestrator::serverExited, this, &ProjectController::noteServerExited);
    connect(orchestrator, &ReloadOrchestrator::serverStderr, this, &ProjectController::noteStderr);
    connect(orchestrator, &ReloadOrchestrator::warning, this, &ProjectController::noteWarning);
    connect(orchestrator, &ReloadOrchestrator::crashLoopDetected, this, &ProjectController::noteWarning);
    connect(orchestrator, &ReloadOrchestrator::hotReloadUnsupported, this, &ProjectController::noteWarning);
    Q_EMIT sessionCreated(session);
}

void ProjectController::restartNow()
{
    if (m_session)
        m_session->orchestrator().restartNow();
    else
        start();
}

void ProjectController::setPaused(bool paused)
{
    if (!m_session)
        return;
    if (paused)
        m_session->pause();
    else
        m_session->resume();
}

void ProjectController::applyConfig(const Config& config)
{
    m_config = config;
    if (!m_session && !m_retiring) {
        start();
        Q_EMIT configApplied();
        return;
    }
    m_nextConfig = config;
    stop();
}

void ProjectController::stop()
{
    if (!m_session) {
        if (!m_retiring)
            Q_EMIT stopped();
        return;
    }
    m_retiring = std::move(m_session);
    m_retiring->disconnect(this);
    m_retiring->orchestrator().disconnect(this);
    connect(m_retiring.get(), &Session::finished, this, &ProjectController::onSessionFinished);
    m_retiring->shutdown();
    // A session whose server never started may have nothing to stop: do not wait forever.
    const int grace = m_config.server.shutdownGraceMs * 3 + 2000;
    QTimer::singleShot(grace, this, [this, retiring = m_retiring.get()] {
        if (m_retiring.get() == retiring) {
            qCWarning(lcGui) << "session did not finish within the shutdown grace; dropping it";
            onSessionFinished();
        }
    });
}

void ProjectController::onSessionFinished()
{
    // Deleting the finished session from inside its own signal would pull the rug out.
    if (m_retiring)
        m_retiring.release()->deleteLater();
    else if (m_session)
        m_session.release()->deleteLater();
    noteStopped();
    if (m_nextConfig) {
        m_config = *std::exchange(m_nextConfig, std::nullopt);
        eventLog()->append({ QDateTime::currentDateTime(), LogEntry::Server,
            tr("Settings applied: the session was restarted with the new configuration"), {} });
        start();
        Q_EMIT configApplied();
        return;
    }
    Q_EMIT stopped();
}

} // namespace foxreload::gui
