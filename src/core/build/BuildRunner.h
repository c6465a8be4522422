#pragma once

#include "common/BuildResult.h"
#include "config/Config.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace foxreload {

// Runs server.build (command + args in server.cwd, server.env added to the environment) with
// server.build_timeout_ms, one run at a time. start() while a run is going stops that run first
// (its result: Cancelled); so does cancel(). A stopped run takes its whole process group along.
// The output is kept (stdout and stderr merged) and, for a failed build, written to the log
// (category foxreload.build) in full; the first error is parsed out of it (BuildError).
class BuildRunner : public QObject
{
    Q_OBJECT
public:
    explicit BuildRunner(const ServerSettings& settings, QObject* parent = nullptr);
    ~BuildRunner() override;

    bool isEnabled() const { return m_settings.build.enabled(); }
    bool isRunning() const { return m_process != nullptr; }
    QString commandLine() const;

    void start();
    void cancel();

    // Kept from a build's output; what lies beyond is counted, not kept (the first error
    // is near the top).
    static constexpr qsizetype kMaxOutputBytes = 4 * 1024 * 1024;

Q_SIGNALS:
    void started(quint64 id, const QString& commandLine);
    void finished(const foxreload::BuildResult& result);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onTimeout();
    void readOutput();
    void stopProcess(BuildResult::Outcome outcome);
    void finish(BuildResult::Outcome outcome, int exitCode);

    ServerSettings m_settings;
    QPointer<QProcess> m_process; // the run in progress; nullptr when idle
    QTimer m_timeout;
    QElapsedTimer m_clock;
    QByteArray m_output;
    qsizetype m_droppedBytes = 0;
    quint64 m_nextId = 1;
    quint64 m_runId = 0;
};

} // namespace foxreload
