#pragma once

#include "MonitoredSession.h"
#include "config/Config.h"
#include "config/ConfigFileMonitor.h"

#include <QPointer>

#include <memory>

namespace foxreload {
class GamificationEngine;
class Session;
namespace metrics {
class SessionObservers;
}
} // namespace foxreload

namespace foxreload::gui {

// A project the app runs itself: its config and the Session that watches it
// and keeps its server running. Applying a new config replaces the Session
// (the old server is stopped first), so settings take effect without a
// restart of the app. Edits made to the config file outside the app are
// applied the same way once they are trusted; until then the server keeps
// running with the settings it has.
class ProjectController : public MonitoredSession
{
    Q_OBJECT
public:
    // A config read from a file runs its command only once the file is trusted
    // (TrustStore); a config built in code (no sourceFile) needs no trust.
    explicit ProjectController(const Config& config, QObject* parent = nullptr);
    ~ProjectController() override;

    QString name() const override;
    QString location() const override { return m_config.projectRoot; }
    void restartNow() override;
    void setPaused(bool paused) override;

    const Config& config() const { return m_config; }
    QString configFile() const { return m_config.sourceFile; }
    Session* session() const { return m_session.get(); }
    bool isRunning() const { return m_session != nullptr; }

    // Starts the session; false when the config is not trusted yet (status Untrusted). What
    // cannot be watched is a warning of the session.
    bool start();
    // The config the user is asked to trust: a version of the file changed outside the
    // app and not trusted yet, or else the config itself.
    const Config& configToTrust() const { return m_awaitingTrust ? *m_awaitingTrust : m_config; }
    bool hasChangeAwaitingTrust() const { return m_awaitingTrust.has_value(); }
    // Trusts exactly configToTrust() (the bytes it was read from), then starts or applies it.
    bool trustAndStart(QString* errorMessage = nullptr);
    // Stops the running session (if any) and starts one with this config.
    void applyConfig(const Config& config);
    // Stops the server; stopped() follows.
    void stop();
    // The app's game (one for every project): XP for /metrics, levels and achievements for webhooks.
    void setGameEngine(GamificationEngine* engine);

Q_SIGNALS:
    void sessionCreated(foxreload::Session* session);
    void stopped();
    void configApplied();

private:
    void createSession();
    void onSessionFinished();
    void onConfigFileChanged(const ConfigLoadResult& result);
    void watchConfigFile();

    Config m_config;
    std::optional<Config> m_awaitingTrust;
    ConfigFileMonitor m_configMonitor;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Session> m_retiring; // shutting down while a new one waits
    std::optional<Config> m_nextConfig;
    QPointer<GamificationEngine> m_engine;
    // /metrics and webhooks of the running session (metrics.listen, notifications.webhooks). Every
    // project whose metrics.listen names the same address shares one endpoint, labelled by project.
    std::unique_ptr<metrics::SessionObservers> m_observers;
};

} // namespace foxreload::gui
