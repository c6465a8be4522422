#include "ProjectController.h"

#include "DesktopApplication.h"
#include "GuiLog.h"
#include "config/TrustStore.h"
#include "game/GamificationEngine.h"
#include "net/HttpTransport.h"
#include "net/metrics/SessionObservers.h"
#include "resources/ResourceMonitor.h"
#include "resources/ResourceSampler.h"
#include "session/Session.h"

#include <QDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

ProjectController::ProjectController(const Config& config, QObject* parent)
    : MonitoredSession(parent)
    , m_config(config)
{
    connect(&m_configMonitor, &ConfigFileMonitor::changed, this, &ProjectController::onConfigFileChanged);
    connect(&m_configMonitor, &ConfigFileMonitor::removed, this, [this] {
        noteWarning(tr("%1 was removed; the server keeps the settings it has.").arg(m_config.sourceFile));
    });
    watchConfigFile();
}

void ProjectController::watchConfigFile()
{
    if (m_config.sourceFile.isEmpty())
        m_configMonitor.stop();
    else if (m_configMonitor.path() != m_config.sourceFile)
        m_configMonitor.watch(m_config.sourceFile, m_config.sourceSha256);
    else
        m_configMonitor.setKnownDigest(m_config.sourceSha256);
}

ProjectController::~ProjectController()
{
    m_observers.reset();
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
    if (!TrustStore().isTrusted(m_config)) {
        setUntrusted(true);
        return false;
    }
    setUntrusted(false);
    createSession();
    m_session->start();
    return true;
}

bool ProjectController::trustAndStart(QString* errorMessage)
{
    if (!TrustStore().trust(configToTrust(), errorMessage))
        return false;
    if (m_awaitingTrust) {
        setUntrusted(false);
        applyConfig(*std::exchange(m_awaitingTrust, std::nullopt));
        return true;
    }
    return start();
}

void ProjectController::onConfigFileChanged(const ConfigLoadResult& result)
{
    if (!result.ok()) {
        const QString problem = result.errors.isEmpty() ? QString() : result.errors.first().toString();
        noteWarning(tr("%1 was changed but cannot be used: %2. The server keeps the settings it has.")
                        .arg(m_config.sourceFile, problem));
        return;
    }
    const Config& changed = *result.config;
    const bool trusted = TrustStore().isTrusted(changed);
    if (changed == m_config) {
        // Comments or layout only: nothing to apply. Untrusted bytes are not adopted, so a
        // restart still runs what was trusted.
        if (trusted)
            m_config.sourceSha256 = changed.sourceSha256;
        return;
    }
    if (!trusted) {
        m_awaitingTrust = changed;
        noteWarning(tr("%1 was changed outside FoxReload. Trust the new version to apply it; until then "
                       "the server keeps the settings it has.")
                        .arg(m_config.sourceFile));
        setUntrusted(true);
        return;
    }
    m_awaitingTrust.reset();
    setUntrusted(false);
    eventLog()->append({ QDateTime::currentDateTime(), LogEntry::Server,
        tr("%1 was changed outside FoxReload; the new settings are applied").arg(m_config.sourceFile), {} });
    applyConfig(changed);
}

void ProjectController::createSession()
{
    m_session = std::make_unique<Session>(m_config);
    Session* session = m_session.get();
    ReloadOrchestrator* orchestrator = &session->orchestrator();
    orchestrator->setChannelFactory(&net::HttpTransport::instance()); // for server.transport: http

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
    m_observers = std::make_unique<metrics::SessionObservers>(session, m_config);
    m_observers->attachGame(m_engine);
    if (!m_observers->metricsError().isEmpty())
        noteWarning(tr("No Prometheus metrics: %1").arg(m_observers->metricsError()));
    if (resources::ResourceMonitor* monitor = m_observers->resources()) {
        // The app's own widgets, charts and fonts are not what the budget is about: it counts
        // what the session adds to the memory the app holds now.
        const double appRss = resources::ResourceSampler().self().rssBytes;
        monitor->setRssBaselineMb(appRss < 0 ? 0.0 : appRss / (1024.0 * 1024.0));
        // Nor is drawing them: the CPU budget counts what is left of the app's CPU.
        if (const DesktopApplication* app = DesktopApplication::instance())
            monitor->setExcludedCpu([app] { return app->windowCpuSeconds(); });
        connect(monitor, &resources::ResourceMonitor::sampled, this,
            [this, monitor](const resources::ResourceSample& sample) {
                noteResources(sample, monitor->throttle(), monitor->budget());
            });
    }
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
    watchConfigFile();
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
    m_observers.reset(); // the project's series leave the endpoint with it; a new session adds its own
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

void ProjectController::setGameEngine(GamificationEngine* engine)
{
    m_engine = engine;
    if (m_observers)
        m_observers->attachGame(engine);
}

void ProjectController::onSessionFinished()
{
    m_observers.reset();
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
