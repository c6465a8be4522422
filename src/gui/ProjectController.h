#pragma once

#include "MonitoredSession.h"
#include "config/Config.h"

#include <QPointer>

#include <memory>

namespace foxreload {
class Session;
}

namespace foxreload::gui {

// A project the app runs itself: its config and the Session that watches it
// and keeps its server running. Applying a new config replaces the Session
// (the old server is stopped first), so settings take effect without a
// restart of the app.
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

    // Starts the session; false when the config is not trusted yet (status Untrusted)
    // or nothing could be watched.
    bool start();
    // Trusts the config file's current content, then starts.
    bool trustAndStart(QString* errorMessage = nullptr);
    // Stops the running session (if any) and starts one with this config.
    void applyConfig(const Config& config);
    // Stops the server; stopped() follows.
    void stop();

Q_SIGNALS:
    void sessionCreated(foxreload::Session* session);
    void stopped();
    void configApplied();

private:
    void createSession();
    void onSessionFinished();

    Config m_config;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Session> m_retiring; // shutting down while a new one waits
    std::optional<Config> m_nextConfig;
};

} // namespace foxreload::gui
