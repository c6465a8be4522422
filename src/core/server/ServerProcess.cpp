#include "ServerProcess.h"

#include "JsonRpc.h"
#include "ServerLog.h"
#include "config/CommandAdvice.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
struct ResolvedProgram
{
    QString path; // what to exec; empty when it cannot be started
    QString error;
};

// Finds the program as exec will, with the server's own PATH (relative entries count from its
// working directory), so that a missing command is reported at once and says where it was
// looked for, instead of surfacing later as a server that never answers.
ResolvedProgram resolveProgram(
    const QString& command, const QString& cwd, const QProcessEnvironment& environment)
{
    if (command.isEmpty())
        return { {}, u"no server command is configured"_s };
    if (!QFileInfo(cwd).isDir())
        return { {}, u"'%1': the working directory %2 does not exist"_s.arg(command, cwd) };
    if (command.contains(u'/')) {
        const QFileInfo file(QDir(cwd).absoluteFilePath(command));
        const QString where = QDir::isAbsolutePath(command) ? QString {} : u" (in %1)"_s.arg(cwd);
        if (!file.exists())
            return { {}, u"'%1': no such file or directory%2"_s.arg(command, where) };
        if (file.isDir() || !file.isExecutable())
            return { {}, u"'%1': not an executable file%2"_s.arg(command, where) };
        return { command, {} };
    }
    const QString pathVariable = environment.value(u"PATH"_s);
    QStringList directories;
    for (const auto& entry : pathVariable.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        directories.append(QDir(cwd).absoluteFilePath(entry));
    const QString found = QStandardPaths::findExecutable(command, directories);
    if (found.isEmpty()) {
        // "command 'nodee' not found on PATH — did you mean node?": the usual first-run slip.
        QString advice = missingProgramAdvice(u"command"_s, command, directories);
        if (advice.isEmpty()) // found by the check, gone by now
            advice = u"'%1': no such file or directory"_s.arg(command);
        return { {}, u"%1 (PATH=%2)"_s.arg(advice, pathVariable) };
    }
    return { found, {} };
}
} // namespace

ServerProcess::ServerProcess(const ServerSettings& settings, QObject* parent)
    : ServerChannel(parent)
    , m_settings(settings)
{
    m_stopTimer.setSingleShot(true);
    // The grace is the server's to use in full: a coarse timer may fire up to 5% early.
    m_stopTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stopTimer, &QTimer::timeout, this, &ServerProcess::escalateStop);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::onStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ServerProcess::onStderr);
    connect(&m_process, &QProcess::finished, this, &ServerProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ServerProcess::onErrorOccurred);
    connect(&m_process, &QProcess::started, this, &ServerProcess::onStarted);
}

ServerProcess::~ServerProcess()
{
    m_stdin.close();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        m_supervisor.killTree();
        m_process.waitForFinished(2000);
    }
}

void ServerProcess::start()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_settings.env.cbegin(); it != m_settings.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    const ResolvedProgram program = resolveProgram(m_settings.command, m_settings.cwd, environment);
    if (program.path.isEmpty()) {
        qCInfo(lcServer).noquote() << "cannot start server:" << program.error;
        failLater(u"cannot start server: "_s + program.error);
        return;
    }
    if (const QString error = m_stdin.prepare(m_process); !error.isEmpty()) {
        failLater(u"cannot start server: "_s + error);
        return;
    }
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(m_settings.cwd);
    m_process.setProgram(program.path);
    m_process.setArguments(m_settings.args);
    m_supervisor.prepare(m_process, m_stdin.childEnd());
    qCDebug(lcServer) << "starting" << commandLine() << "in" << m_settings.cwd;
    QElapsedTimer spawnClock;
    spawnClock.start();
    m_process.start(m_stdin.processOpenMode());
    // FoxReload waits here while the child forks the server and execs the supervisor (vfork).
    qCDebug(lcServerTiming) << "fork and supervisor exec took" << spawnClock.nsecsElapsed() / 1000 << "us";
    m_stdin.releaseChildEnd();
    // started() or failedToStart() follow from the event loop (QProcess::started/errorOccurred):
    // nothing waits here, and on the desktop the GUI thread never blocks on a spawn.
}

void ServerProcess::failLater(const QString& error)
{
    m_finished = true;
    m_supervisor.abandon();
    // Asynchronous like a failed exec, so that every caller sees start() return first.
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT failedToStart(error); }, Qt::QueuedConnection);
}

void ServerProcess::onStarted()
{
    m_supervisor.afterStart(m_process.processId());
    m_pid = m_supervisor.serverPid();
    Q_EMIT started(m_pid);
}

void ServerProcess::stop()
{
    if (m_stopping || m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_stopPhase = 1;
    // EOF on the server's stdin once what was sent is written (MCP's stdio shutdown).
    m_stdin.closeWhenWritten();
    m_stopTimer.start(m_settings.shutdownGraceMs);
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_stopPhase = 3;
    m_supervisor.killTree();
}

void ServerProcess::escalateStop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    if (m_stopPhase == 1) {
        qCInfo(lcServer) << "server" << m_pid
                         << "did not exit after stdin closed; sending SIGTERM to its group";
        m_stopPhase = 2;
        m_supervisor.terminateGroup();
        m_stopTimer.start(m_settings.shutdownGraceMs);
    } else {
        qCWarning(lcServer) << "server" << m_pid << "ignored SIGTERM; killing its process tree";
        m_stopPhase = 3;
        m_supervisor.killTree();
    }
}

bool ServerProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool ServerProcess::isOpen() const
{
    return m_process.state() == QProcess::Running && m_stopPhase == 0 && m_stdin.isOpen();
}

QString ServerProcess::describe() const
{
    return u"stdio of pid %1"_s.arg(m_pid);
}

void ServerProcess::writeMessage(const QByteArray& message)
{
    if (!isOpen())
        return;
    m_stdin.writeLine(message);
}

QStringList ServerProcess::stderrTail(int lines) const
{
    return m_stderrRing.mid(std::max<qsizetype>(0, m_stderrRing.size() - lines));
}

QString ServerProcess::commandLine() const
{
    QStringList parts { m_settings.command };
    parts += m_settings.args;
    return parts.join(u' ');
}

void ServerProcess::onStdout()
{
    const auto lines = m_stdoutFramer.feed(m_process.readAllStandardOutput());
    for (const auto& line : lines) {
        if (line.oversized) {
            Q_EMIT invalidOutput(
                {}, u"a line of %1 bytes exceeded the limit and was skipped"_s.arg(line.size));
            continue;
        }
        if (line.bytes.trimmed().isEmpty())
            continue;
        deliver(line.bytes);
    }
}

void ServerProcess::onStderr()
{
    const auto lines = m_stderrFramer.feed(m_process.readAllStandardError());
    for (const auto& line : lines)
        appendStderr(line.oversized ? u"[%1 bytes skipped]"_s.arg(line.size) : QString::fromUtf8(line.bytes));
}

void ServerProcess::appendStderr(const QString& line)
{
    m_stderrRing.append(line);
    const qsizetype excess = m_stderrRing.size() - m_settings.stderrTailLines;
    if (excess > 0)
        m_stderrRing.remove(0, excess);
    Q_EMIT stderrLine(line);
}

void ServerProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_stopTimer.stop();
    m_stdin.close();
    // Drain what is left so that a traceback printed just before exiting is kept.
    onStdout();
    onStderr();
    if (const QByteArray rest = m_stderrFramer.takeRemainder(); !rest.isEmpty())
        appendStderr(QString::fromUtf8(rest));
    // The server is gone; what it left behind must not outlive it (its supervisor has
    // already seen to that; without one, this kills its process group).
    m_supervisor.killTree();
    qCDebug(lcServer) << "server" << m_pid << "finished, code" << exitCode << "status" << status;
    Q_EMIT closed(u"the server process exited"_s);
    Q_EMIT finished(exitCode, status, m_stopping);
}

void ServerProcess::onErrorOccurred(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart) {
        if (m_finished)
            return;
        m_finished = true;
        m_stdin.close();
        m_supervisor.abandon();
        Q_EMIT failedToStart(u"cannot start server: '%1': %2 (in %3)"_s.arg(
            m_settings.command, m_process.errorString(), m_settings.cwd));
    }
}

} // namespace foxreload
