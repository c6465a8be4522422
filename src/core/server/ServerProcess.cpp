#include "ServerProcess.h"

#include "JsonRpc.h"
#include "ServerLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
// The server runs in a process group of its own so that stop() reaches every
// process it spawned, and it dies with us if FoxReload itself is killed.
void enterOwnProcessGroup()
{
    ::setpgid(0, 0);
#ifdef Q_OS_LINUX
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
}
} // namespace

ServerProcess::ServerProcess(const ServerSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, &ServerProcess::escalateStop);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::onStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ServerProcess::onStderr);
    connect(&m_process, &QProcess::finished, this, &ServerProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ServerProcess::onErrorOccurred);
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        signalGroup(SIGKILL);
        m_process.waitForFinished(2000);
    }
}

void ServerProcess::start()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_settings.env.cbegin(); it != m_settings.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(m_settings.cwd);
    m_process.setProgram(m_settings.command);
    m_process.setArguments(m_settings.args);
    m_process.setChildProcessModifier(&enterOwnProcessGroup);
    qCDebug(lcServer) << "starting" << commandLine() << "in" << m_settings.cwd;
    m_process.start(QIODevice::ReadWrite);
    if (m_process.waitForStarted(5000)) {
        m_pid = m_process.processId();
        Q_EMIT started(m_pid);
    }
}

void ServerProcess::stop()
{
    if (m_stopping || m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_stopPhase = 1;
    m_process.closeWriteChannel();
    m_stopTimer.start(m_settings.shutdownGraceMs);
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_stopPhase = 3;
    signalGroup(SIGKILL);
}

void ServerProcess::escalateStop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    if (m_stopPhase == 1) {
        qCInfo(lcServer) << "server" << m_pid
                         << "did not exit after stdin closed; sending SIGTERM to its group";
        m_stopPhase = 2;
        signalGroup(SIGTERM);
        m_stopTimer.start(m_settings.shutdownGraceMs);
    } else {
        qCWarning(lcServer) << "server" << m_pid << "ignored SIGTERM; killing its group";
        m_stopPhase = 3;
        signalGroup(SIGKILL);
    }
}

void ServerProcess::signalGroup(int signal)
{
    if (m_pid > 0)
        ::kill(static_cast<pid_t>(-m_pid), signal);
}

bool ServerProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

void ServerProcess::send(const QJsonObject& message)
{
    sendRaw(jsonrpc::encodeLine(message));
}

void ServerProcess::sendRaw(const QByteArray& line)
{
    if (m_process.state() != QProcess::Running || m_stopPhase > 0)
        return;
    m_process.write(line);
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
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line.bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            Q_EMIT invalidOutput(line.bytes, parseError.errorString());
        } else if (document.isObject()) {
            Q_EMIT messageReceived(document.object());
        } else if (document.isArray()) {
            // A JSON-RPC batch: each element is a message of its own.
            const QJsonArray batch = document.array();
            for (const auto& element : batch) {
                if (element.isObject())
                    Q_EMIT messageReceived(element.toObject());
                else
                    Q_EMIT invalidOutput(line.bytes, u"a batch element is not an object"_s);
            }
        } else {
            Q_EMIT invalidOutput(line.bytes, u"not a JSON-RPC object"_s);
        }
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
    // Drain what is left so that a traceback printed just before exiting is kept.
    onStdout();
    onStderr();
    if (const QByteArray rest = m_stderrFramer.takeRemainder(); !rest.isEmpty())
        appendStderr(QString::fromUtf8(rest));
    // The leader is gone, but children it left in the group would be orphans.
    signalGroup(SIGKILL);
    qCDebug(lcServer) << "server" << m_pid << "finished, code" << exitCode << "status" << status;
    Q_EMIT finished(exitCode, status, m_stopping);
}

void ServerProcess::onErrorOccurred(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart) {
        m_finished = true;
        Q_EMIT failedToStart(u"could not start \"%1\" in %2: %3"_s.arg(
            commandLine(), m_settings.cwd, m_process.errorString()));
    }
}

} // namespace foxreload
