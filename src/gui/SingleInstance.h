#pragma once

#include <QByteArray>
#include <QObject>

class QLocalServer;

namespace foxreload::gui {

// One desktop app per user login session: the first instance listens on a local
// socket (owner-only) in the session's runtime directory; a second one hands its
// request ("show", or a project file to open) to the first and exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString& key = defaultKey(), QObject* parent = nullptr);
    ~SingleInstance() override;

    // $XDG_RUNTIME_DIR/foxreload-gui.socket; without a runtime directory a name with the
    // uid and $XDG_SESSION_ID (in the temporary directory).
    static QString defaultKey();

    // True: this is the first instance (now listening). False: another instance
    // is running and has been sent `message`.
    bool claim(const QByteArray& message);

Q_SIGNALS:
    void messageReceived(const QByteArray& message);

private:
    QString m_key;
    QLocalServer* m_server = nullptr;
};

} // namespace foxreload::gui
