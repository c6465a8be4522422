#pragma once

#include "MonitoredSession.h"

#include <QJsonObject>

namespace foxreload::gui {

// A session run by `foxreload proxy` (started by an MCP client), seen through
// the proxy's event socket: one JSON object per event, the same objects as
// `foxreload run --json` (session/EventJson.h). The transport (the socket
// client) calls handleEvent() for every object and carries the commands this
// emits (`restart`, `pause`, `resume`) back to the proxy.
class ProxiedSession : public MonitoredSession
{
    Q_OBJECT
public:
    // `mode`: what runs it, as its hello says ("proxy", "run").
    ProxiedSession(const QString& id, const QString& projectRoot,
        const QString& mode = QStringLiteral("proxy"), QObject* parent = nullptr);

    QString id() const { return m_id; }
    QString name() const override;
    QString location() const override;
    bool isProxied() const override { return true; }
    void restartNow() override;
    void setPaused(bool paused) override;

    void handleHello(const QJsonObject& hello); // the first line of the socket: state, pid, paused
    void handleEvent(const QJsonObject& event);
    void connectionLost();

Q_SIGNALS:
    void commandRequested(const QString& command);

private:
    QString m_id;
    QString m_projectRoot;
    QString m_mode;
};

} // namespace foxreload::gui
