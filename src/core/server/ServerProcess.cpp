#include "ServerProcess.h"

#include "JsonRpc.h"
#include "ServerLog.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

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
    for (const auto& entry : pathVariable.split(u':', Qt::SkipEmptyParts))
        directories.append(QDir(cwd).absoluteFilePath(entry));
    const QString found = QStandardPaths::findExecutable(command, directories);
    if (found.isEmpty())
        return { {}, u"'%1': no such file or directory (PATH=%2)"_s.arg(command, pathVariable) };
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
}

ServerProcess::~ServerProcess()
{
    closeStdin();
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
        m_finished = true;
        m_supervisor.abandon();
        qCInfo(lcServer).noquote() << "cannot start server:" << program.error;
        Q_EMIT failedToStart(u"cannot start server: "_s + program.error);
        return;
    }
    // A server that exits must be an EPIPE on the next write, not the death of FoxReload. QProcess
    // ignores SIGPIPE process-wide when it first writes to a child; its stdin is ours now, so we do.
    static const bool sigpipeIgnored = [] { return ::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
    Q_UNUSED(sigpipeIgnored);
    int stdinPipe[2];
    if (::pipe2(stdinPipe, O_CLOEXEC) != 0) {
        m_finished = true;
        m_supervisor.abandon();
        Q_EMIT failedToStart(u"cannot start server: no pipe for its stdin: %1"_s.arg(
            QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    m_stdinFd = stdinPipe[1];
    ::fcntl(m_stdinFd, F_SETFL, ::fcntl(m_stdinFd, F_GETFL) | O_NONBLOCK);
    const int childStdin = stdinPipe[0];
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(m_settings.cwd);
    m_process.setProgram(program.path);
    m_process.setArguments(m_settings.args);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setChildProcessModifier(
        [childStdin, supervisorSetup = m_supervisor.childSetup()]() FOXRELOAD_IN_VFORK_CHILD {
            ::dup2(childStdin, STDIN_FILENO); // dup2 drops O_CLOEXEC: the server keeps it, nothing else does
            supervisorSetup();
        });
    qCDebug(lcServer) << "starting" << commandLine() << "in" << m_settings.cwd;
    m_process.start(QIODevice::ReadOnly);
    ::close(childStdin);
    if (m_process.waitForStarted(5000)) {
        m_supervisor.afterStart(m_process.processId());
        m_pid = m_supervisor.serverPid();
        Q_EMIT started(m_pid);
    } else {
        m_supervisor.abandon();
        closeStdin();
    }
}

void ServerProcess::stop()
{
    if (m_stopping || m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_stopPhase = 1;
    // EOF on the server's stdin once what was sent is written (MCP's stdio shutdown).
    if (m_stdinPending.isEmpty())
        closeStdin();
    else
        m_closeStdinWhenWritten = true;
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
    return m_process.state() == QProcess::Running && m_stopPhase == 0 && m_stdinFd >= 0;
}

QString ServerProcess::describe() const
{
    return u"stdio of pid %1"_s.arg(m_pid);
}

void ServerProcess::writeMessage(const QByteArray& message)
{
    if (!isOpen())
        return;
    if (!m_stdinPending.isEmpty()) {
        // Keep the order: behind what waits already.
        m_stdinPending.append(message);
        m_stdinPending.append('\n');
        return;
    }
    writeStdin(message, "\n");
}

// Writes as much as the pipe takes now; the rest waits for it to become writable.
bool ServerProcess::writeStdin(QByteArrayView first, QByteArrayView second)
{
    iovec parts[2] = { { const_cast<char*>(first.data()), size_t(first.size()) },
        { const_cast<char*>(second.data()), size_t(second.size()) } };
    int index = 0;
    while (index < 2) {
        const ssize_t n = ::writev(m_stdinFd, parts + index, 2 - index);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            // EPIPE: the server closed its stdin or is gone; finished() tells the rest.
            qCDebug(lcServer) << "writing to server" << m_pid << "failed:" << std::strerror(errno);
            closeStdin();
            return false;
        }
        size_t written = size_t(n);
        while (index < 2 && written >= parts[index].iov_len) {
            written -= parts[index].iov_len;
            ++index;
        }
        if (index < 2) {
            parts[index].iov_base = static_cast<char*>(parts[index].iov_base) + written;
            parts[index].iov_len -= written;
        }
    }
    if (index == 2)
        return true;
    QByteArray rest;
    for (int i = index; i < 2; ++i)
        rest.append(static_cast<const char*>(parts[i].iov_base), qsizetype(parts[i].iov_len));
    m_stdinPending.prepend(rest);
    if (!m_stdinNotifier) {
        m_stdinNotifier = std::make_unique<QSocketNotifier>(m_stdinFd, QSocketNotifier::Write);
        connect(m_stdinNotifier.get(), &QSocketNotifier::activated, this, &ServerProcess::onStdinWritable);
    }
    m_stdinNotifier->setEnabled(true);
    return true;
}

void ServerProcess::onStdinWritable()
{
    if (m_stdinFd < 0)
        return;
    const QByteArray pending = std::exchange(m_stdinPending, {});
    m_stdinNotifier->setEnabled(false);
    if (!writeStdin(pending, {}))
        return;
    if (m_stdinPending.isEmpty() && m_closeStdinWhenWritten)
        closeStdin();
}

void ServerProcess::closeStdin()
{
    m_stdinNotifier.reset();
    m_stdinPending.clear();
    m_closeStdinWhenWritten = false;
    if (m_stdinFd >= 0) {
        ::close(m_stdinFd);
        m_stdinFd = -1;
    }
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
    closeStdin();
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
        m_finished = true;
        closeStdin();
        m_supervisor.abandon();
        Q_EMIT failedToStart(u"cannot start server: '%1': %2 (in %3)"_s.arg(
            m_settings.command, m_process.errorString(), m_settings.cwd));
    }
}

} // namespace foxreload
