#include "BuildRunner.h"

#include "BuildErrorParser.h"
#include "BuildLog.h"
#include "BuildProcessGroup.h"
#include "common/ShellQuote.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// The program to exec, or why there is none: a missing build tool is named, not left to a
// QProcess error without the command in it.
QString resolveBuildTool(
    const QString& command, const QString& cwd, const QProcessEnvironment& env, QString* why)
{
    if (!QFileInfo(cwd).isDir()) {
        *why = u"the working directory %1 does not exist"_s.arg(cwd);
        return {};
    }
    if (command.contains(u'/')) {
        const QFileInfo file(QDir(cwd).absoluteFilePath(command));
        if (!file.isFile() || !file.isExecutable()) {
            *why = u"'%1' is not an executable file"_s.arg(file.filePath());
            return {};
        }
        return file.filePath();
    }
    QStringList directories;
    for (const QString& entry : env.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts))
        directories.append(QDir(cwd).absoluteFilePath(entry));
    const QString found = QStandardPaths::findExecutable(command, directories);
    if (found.isEmpty())
        *why = u"build tool '%1' not found on PATH — install it, or fix server.build.command"_s.arg(command);
    return found;
}

} // namespace

BuildRunner::BuildRunner(const ServerSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_timeout.setSingleShot(true);
    // The timeout is the build's to use in full: a coarse timer may fire up to 5% early.
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, &BuildRunner::onTimeout);
}

BuildRunner::~BuildRunner()
{
    // The run in progress and any stopped one not reaped yet: killed, and waited for.
    for (QProcess* process : findChildren<QProcess*>(Qt::FindDirectChildrenOnly)) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->disconnect(this);
        buildgroup::kill(*process);
        process->waitForFinished(2000);
    }
}

QString BuildRunner::commandLine() const
{
    return shellCommandLine(m_settings.build.command, m_settings.build.args);
}

void BuildRunner::start()
{
    if (m_process)
        stopProcess(BuildResult::Outcome::Cancelled);
    m_runId = m_nextId++;
    m_output.clear();
    m_droppedBytes = 0;
    m_clock.start();
    Q_EMIT started(m_runId, commandLine());

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_settings.env.cbegin(); it != m_settings.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    QString why;
    const QString program = resolveBuildTool(m_settings.build.command, m_settings.cwd, environment, &why);
    if (program.isEmpty()) {
        qCWarning(lcBuild).noquote() << "cannot run the build:" << why;
        BuildResult result;
        result.id = m_runId;
        result.outcome = BuildResult::Outcome::FailedToStart;
        result.commandLine = commandLine();
        result.durationMs = m_clock.elapsed();
        BuildError error;
        error.message = why;
        error.tool = u"foxreload"_s;
        result.firstError = error;
        Q_EMIT finished(result);
        return;
    }

    auto* process = new QProcess(this);
    m_process = process;
    process->setProcessEnvironment(environment);
    process->setWorkingDirectory(m_settings.cwd);
    process->setProgram(program);
    process->setArguments(m_settings.build.args);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setProcessChannelMode(QProcess::MergedChannels);
    buildgroup::prepare(*process);
    connect(process, &QProcess::readyReadStandardOutput, this, &BuildRunner::readOutput);
    connect(process, &QProcess::finished, this, &BuildRunner::onFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process)
            return;
        m_output += process->errorString().toUtf8();
        finish(BuildResult::Outcome::FailedToStart, -1);
    });
    qCInfo(lcBuild).noquote() << "building:" << commandLine() << "in" << m_settings.cwd;
    process->start(QIODevice::ReadOnly);
    m_timeout.start(m_settings.buildTimeoutMs);
}

void BuildRunner::cancel()
{
    if (m_process)
        stopProcess(BuildResult::Outcome::Cancelled);
}

void BuildRunner::readOutput()
{
    if (!m_process)
        return;
    const QByteArray chunk = m_process->readAll();
    const qsizetype room = std::max<qsizetype>(0, kMaxOutputBytes - m_output.size());
    m_output += chunk.left(room);
    m_droppedBytes += chunk.size() - std::min(room, chunk.size());
}

void BuildRunner::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    const bool ok = status == QProcess::NormalExit && exitCode == 0;
    finish(ok ? BuildResult::Outcome::Succeeded : BuildResult::Outcome::Failed,
        status == QProcess::NormalExit ? exitCode : -1);
}

void BuildRunner::onTimeout()
{
    if (m_process) {
        qCWarning(lcBuild) << "the build ran longer than" << m_settings.buildTimeoutMs << "ms; stopping it";
        stopProcess(BuildResult::Outcome::TimedOut);
    }
}

void BuildRunner::stopProcess(BuildResult::Outcome outcome)
{
    QProcess* process = m_process;
    readOutput();
    // The process is reaped in the background; its result is decided here.
    process->disconnect(this);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    buildgroup::kill(*process);
    finish(outcome, -1);
}

void BuildRunner::finish(BuildResult::Outcome outcome, int exitCode)
{
    m_timeout.stop();
    if (m_process && m_process->state() == QProcess::NotRunning)
        m_process->deleteLater();
    m_process = nullptr;

    BuildResult result;
    result.id = m_runId;
    result.outcome = outcome;
    result.exitCode = exitCode;
    result.durationMs = m_clock.elapsed();
    result.commandLine = commandLine();
    result.output = QString::fromUtf8(m_output);
    if (m_droppedBytes > 0)
        result.output += u"\n[%1 more bytes of build output not kept]\n"_s.arg(m_droppedBytes);
    if (outcome == BuildResult::Outcome::Failed || outcome == BuildResult::Outcome::FailedToStart)
        result.firstError = parseFirstBuildError(result.output, m_settings.cwd);

    if (result.succeeded()) {
        qCInfo(lcBuild).noquote() << "build succeeded in" << result.durationMs << "ms";
        qCDebug(lcBuild).noquote() << result.output;
    } else if (outcome == BuildResult::Outcome::Cancelled) {
        qCInfo(lcBuild).noquote() << "build cancelled after" << result.durationMs
                                  << "ms: newer edits arrived";
    } else {
        // The whole output, so nothing the tool said is lost behind the one-line summary.
        qCWarning(lcBuild).noquote() << result.summary() << "\n--- build output ---\n"
                                     << result.output << "\n--- end of build output ---";
    }
    Q_EMIT finished(result);
}

} // namespace foxreload
