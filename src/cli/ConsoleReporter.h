#pragma once

#include "session/Session.h"

#include <QJsonObject>
#include <QObject>

#include <cstdio>

namespace foxreload::cli {

// Prints what a Session does, as readable lines (colour only on a terminal) or
// as one JSON object per event. It only listens; it never steers the session.
class ConsoleReporter : public QObject
{
    Q_OBJECT
public:
    enum class Format { Text, Json };

    ConsoleReporter(Session* session, Format format, bool quiet, QObject* parent = nullptr);
    ~ConsoleReporter() override;

    // For other listeners (gamification) that want a line of their own in the output. In JSON
    // mode the line becomes an `info` event: nothing but JSON lines reach the event stream.
    void printLine(const QString& text);
    void printEvent(const QJsonObject& event);
    // A command's own problem ("metrics: port in use") or remark ("metrics on …"): on stderr,
    // a text line in text mode, an `error` or `info` event in JSON mode.
    void printError(const QString& text);
    void printNotice(const QString& text);
    // The same before there is a reporter (the config cannot be read, a port cannot be opened).
    static void printStartupError(bool json, const QString& text);
    Format format() const { return m_format; }
    // Where FoxReload's own lines go (default stdout). `foxreload proxy` owns stdout
    // for JSON-RPC, so it points this at stderr or its --log file.
    void setOutput(FILE* out) { m_out = out; }

private:
    void onWatching(const WatchStats& stats);
    void onPlanned(const ReloadPlan& plan);
    void onSkipped(const ChangeBatch& batch);
    void onReloadFinished(const ReloadResult& result);
    void onDeferred(int delayMs, const ReloadPlan& plan);
    void onServerExited(qint64 pid, int exitCode, bool expected);
    void onStderr(qint64 pid, const QString& line);
    void warn(const QString& message);

    // JSON mode: FoxReload's own log messages (qWarning, qCInfo, …) become `log` events on stderr
    // (or the proxy's --log file) instead of text lines.
    static void jsonLogHandler(QtMsgType type, const QMessageLogContext& context, const QString& text);
    void printDiagnostic(const QString& level, const QString& text);
    void closeOpenLine();
    void flushServerLog();
    void write(const QString& text, bool newline = true);
    QString colored(const QString& text, const char* code) const;
    QString describePlan(const ReloadPlan& plan) const;
    QString describeResult(const ReloadResult& result) const;
    QString relative(const QString& path) const;

    Session* m_session;
    Format m_format;
    bool m_quiet;
    bool m_color;
    bool m_lineOpen = false; // a plan line waits for its result
    bool m_announced = false; // the startup line was printed
    WatchStats m_stats;
    QStringList m_heldStderr;
    FILE* m_out = stdout;
};

} // namespace foxreload::cli
