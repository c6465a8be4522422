#pragma once

#include "LineFramer.h"
#include "ServerChannel.h"
#include "config/Config.h"
#include "platform/ChildStdin.h"
#include "platform/ProcessSupervisor.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace foxreload {

// Owns one server process: started under a ProcessSupervisor (its whole tree dies with
// FoxReload, however FoxReload ends), its stdout framed into JSON-RPC messages, its stderr
// kept in a ring buffer and passed on line by line. Stopping follows the MCP stdio shutdown
// order: close stdin, wait, SIGTERM the process group (Windows: CTRL_BREAK_EVENT), wait, kill the
// whole tree (platform/ProcessSupervisor.h says how each OS does it).
// A command that cannot be started (missing, not executable, no working directory) is
// reported by failedToStart() as soon as control returns to the event loop, saying what was
// looked for where.
// As a ServerChannel it carries MCP's stdio transport: one message per line each way. The
// server's stdin is a platform::ChildStdin (non-blocking, queued only when the server does not
// keep up).
class ServerProcess : public ServerChannel
{
    Q_OBJECT
public:
    explicit ServerProcess(const ServerSettings& settings, QObject* parent = nullptr);
    ~ServerProcess() override; // kills the tree if it still runs

    // Spawns the server and returns at once: started(pid) or failedToStart(error) follows.
    void start();
    // Graceful stop per the MCP stdio rules; emits finished() when the group is gone.
    void stop();
    // No grace: SIGKILL the whole tree now.
    void kill();

    bool isRunning() const;
    bool isStopping() const { return m_stopping; }
    qint64 pid() const { return m_pid; } // the server's own pid (not its supervisor's)

    bool isOpen() const override;
    QString describe() const override;

    QStringList stderrTail(int lines = 40) const;
    QString commandLine() const;

Q_SIGNALS:
    void started(qint64 pid);
    void failedToStart(const QString& error);
    void stderrLine(const QString& line);
    // The process is gone. `requested` is true when stop()/kill() asked for it.
    void finished(int exitCode, QProcess::ExitStatus status, bool requested);

protected:
    // Writes the message and its newline on the server's stdin.
    void writeMessage(const QByteArray& message) override;

private:
    void onStarted();
    void failLater(const QString& error);
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void escalateStop();
    void appendStderr(const QString& line);

    ServerSettings m_settings;
    QProcess m_process;
    platform::ChildStdin m_stdin;
    platform::ProcessSupervisor m_supervisor; // destroyed first: whatever still runs is killed
    LineFramer m_stdoutFramer;
    LineFramer m_stderrFramer { 64 * 1024 };
    QStringList m_stderrRing;
    QTimer m_stopTimer;
    qint64 m_pid = 0;
    int m_stopPhase = 0; // 0 running, 1 stdin closed, 2 SIGTERM sent, 3 SIGKILL sent
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace foxreload
