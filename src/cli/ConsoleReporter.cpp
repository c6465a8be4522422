#include "ConsoleReporter.h"

#include "common/EnumNames.h"
#include "common/VisibleText.h"
#include "platform/ConsoleIo.h"
#include "session/EventJson.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {
constexpr auto kGreen = "32";
constexpr auto kRed = "31";
constexpr auto kYellow = "33";
constexpr auto kDim = "2";
constexpr auto kBold = "1";

// The reporter whose stream takes log messages in JSON mode (one per process).
ConsoleReporter* g_jsonReporter = nullptr;
QBasicMutex g_logMutex; // log messages may come from any thread

constexpr EnumName<QtMsgType> kLogLevelNames[] {
    { QtDebugMsg, u"debug" },
    { QtInfoMsg, u"info" },
    { QtWarningMsg, u"warning" },
    { QtCriticalMsg, u"critical" },
    { QtFatalMsg, u"fatal" },
};

QString logLevelName(QtMsgType type)
{
    return nameOf<QtMsgType>(kLogLevelNames, type);
}

// "🦊 proxy done: …" → "proxy done: …": the pictograph marks a line for the eye, not for a parser.
QString withoutLeadingPictograph(const QString& text)
{
    const qsizetype space = text.indexOf(u' ');
    if (space <= 0 || space > 3)
        return text;
    for (qsizetype i = 0; i < space; ++i)
        if (text[i].isLetterOrNumber() || text[i].unicode() < 0x80)
            return text;
    return text.mid(space + 1);
}

QString plural(qint64 count, const QString& singular, const QString& pluralForm)
{
    return u"%1 %2"_s.arg(count).arg(count == 1 ? singular : pluralForm);
}
} // namespace

ConsoleReporter::ConsoleReporter(Session* session, Format format, bool quiet, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_format(format)
    , m_quiet(quiet)
    , m_color(format == Format::Text && platform::isTerminal(platform::StandardStream::Output)
          && qEnvironmentVariableIsEmpty("NO_COLOR"))
{
    auto& orchestrator = session->orchestrator();
    connect(session, &Session::watching, this, &ConsoleReporter::onWatching);
    connect(session, &Session::planned, this, &ConsoleReporter::onPlanned);
    connect(session, &Session::warning, this, &ConsoleReporter::warn);
    connect(&session->batcher(), &ChangeBatcher::batchSkipped, this, &ConsoleReporter::onSkipped);
    connect(&orchestrator, &ReloadOrchestrator::reloadFinished, this, &ConsoleReporter::onReloadFinished);
    connect(&orchestrator, &ReloadOrchestrator::reloadDeferred, this, &ConsoleReporter::onDeferred);
    connect(&orchestrator, &ReloadOrchestrator::serverExited, this, &ConsoleReporter::onServerExited);
    connect(&orchestrator, &ReloadOrchestrator::serverStderr, this, &ConsoleReporter::onStderr);
    connect(&orchestrator, &ReloadOrchestrator::warning, this, &ConsoleReporter::warn);
    connect(&orchestrator, &ReloadOrchestrator::crashLoopDetected, this, [this](const QString& message) {
        if (m_format == Format::Json)
            printEvent(eventjson::message(u"crash_loop"_s, message));
        else
            printLine(colored(u"⛔ "_s + visibleText(message), kRed));
    });
    if (format == Format::Json) {
        {
            const QMutexLocker lock(&g_logMutex);
            g_jsonReporter = this;
        }
        qInstallMessageHandler(&ConsoleReporter::jsonLogHandler);
        connect(&session->batcher(), &ChangeBatcher::batchReady, this, [this](const ChangeBatch& batch) {
            printEvent(eventjson::batch(batch, m_session->config().projectRoot));
        });
        connect(&orchestrator, &ReloadOrchestrator::reloadStarted, this,
            [this](quint64 id, ReloadStrategy strategy, ReloadTrigger trigger) {
                printEvent(eventjson::reloadStarted(id, strategy, trigger));
            });
    }
}

ConsoleReporter::~ConsoleReporter()
{
    const QMutexLocker lock(&g_logMutex);
    if (g_jsonReporter == this) {
        g_jsonReporter = nullptr;
        qInstallMessageHandler(nullptr);
    }
}

void ConsoleReporter::jsonLogHandler(QtMsgType type, const QMessageLogContext& context, const QString& text)
{
    QJsonObject event { { "event"_L1, u"log"_s }, { "level"_L1, logLevelName(type) }, { "message"_L1, text },
        { "time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    if (context.category && qstrcmp(context.category, "default") != 0)
        event.insert("category"_L1, QString::fromLatin1(context.category));
    const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    const QMutexLocker lock(&g_logMutex);
    // Beside the event stream, never in it when that is stdout (run): diagnostics stay on stderr.
    FILE* out = g_jsonReporter && g_jsonReporter->m_out != stdout ? g_jsonReporter->m_out : stderr;
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

QString ConsoleReporter::colored(const QString& text, const char* code) const
{
    if (!m_color)
        return text;
    return u"\x1b["_s + QLatin1StringView(code) + u'm' + text + u"\x1b[0m"_s;
}

QString ConsoleReporter::relative(const QString& path) const
{
    return QDir(m_session->config().projectRoot).relativeFilePath(path);
}

void ConsoleReporter::write(const QString& text, bool newline)
{
    const QByteArray bytes = text.toUtf8();
    const QMutexLocker lock(&g_logMutex); // whole lines, also when a log message comes between
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    if (newline)
        std::fputc('\n', m_out);
    std::fflush(m_out);
}

void ConsoleReporter::closeOpenLine()
{
    if (m_lineOpen) {
        write({});
        m_lineOpen = false;
        flushServerLog();
    }
}

void ConsoleReporter::printLine(const QString& text)
{
    if (m_format == Format::Json) {
        printEvent(eventjson::message(u"info"_s, withoutLeadingPictograph(text)));
        return;
    }
    closeOpenLine();
    write(text);
}

void ConsoleReporter::printError(const QString& text)
{
    printDiagnostic(u"error"_s, text);
}

void ConsoleReporter::printNotice(const QString& text)
{
    printDiagnostic(u"info"_s, text);
}

void ConsoleReporter::printStartupError(bool json, const QString& text)
{
    const QByteArray line = json
        ? QJsonDocument(eventjson::message(u"error"_s, text)).toJson(QJsonDocument::Compact) + '\n'
        : text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void ConsoleReporter::printDiagnostic(const QString& level, const QString& text)
{
    // Always on stderr, where scripts and tests look for them; as JSON in JSON mode.
    const QByteArray line = m_format == Format::Json
        ? QJsonDocument(eventjson::message(level, text)).toJson(QJsonDocument::Compact) + '\n'
        : text.toUtf8() + '\n';
    const QMutexLocker lock(&g_logMutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void ConsoleReporter::printEvent(const QJsonObject& event)
{
    write(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)));
}

void ConsoleReporter::warn(const QString& message)
{
    if (m_format == Format::Json)
        printEvent(eventjson::message(u"warning"_s, message));
    else
        printLine(colored(u"⚠ "_s + visibleText(message), kYellow));
}

void ConsoleReporter::onWatching(const WatchStats& stats)
{
    m_stats = stats;
    if (m_format == Format::Json)
        printEvent(eventjson::watching(stats, m_session->config().watch.paths));
}

QString ConsoleReporter::describePlan(const ReloadPlan& plan) const
{
    const FileChange* decisive = plan.decisive();
    if (!decisive)
        return u"no files"_s;
    // The analyzer's own words: `tools/weather.py modified → hot reload (rule "tools/**/*.py")`,
    // with a file name that may hold anything.
    QString text = visibleText(decisive->reason);
    if (plan.files.size() > 1) {
        const qsizetype arrow = text.indexOf(u" → "_s);
        text.insert(arrow < 0 ? text.size() : arrow, u" (+%1 more)"_s.arg(plan.files.size() - 1));
    }
    return text;
}

void ConsoleReporter::onPlanned(const ReloadPlan& plan)
{
    if (m_format == Format::Json) {
        printEvent(eventjson::plan(plan, m_session->config().projectRoot));
        return;
    }
    closeOpenLine();
    if (plan.strategy == ReloadStrategy::None) {
        write(colored(u"✎ "_s + describePlan(plan), kDim));
        return;
    }
    write(u"✎ "_s + describePlan(plan) + u" … "_s, false);
    m_lineOpen = true;
}

void ConsoleReporter::onSkipped(const ChangeBatch& batch)
{
    if (m_format == Format::Json) {
        printEvent(eventjson::skippedBatch(batch, m_session->config().projectRoot));
        return;
    }
    if (m_quiet || batch.unchangedPaths.isEmpty())
        return;
    QString what = visibleText(relative(batch.unchangedPaths.first()));
    if (batch.unchangedPaths.size() > 1)
        what += u" (+%1 more)"_s.arg(batch.unchangedPaths.size() - 1);
    printLine(colored(u"· %1 saved without changes — no reload"_s.arg(what), kDim));
}

QString ConsoleReporter::describeResult(const ReloadResult& result) const
{
    QString text;
    if (!result.escalationReason.isEmpty())
        text += u"%1 instead (%2) … "_s.arg(
            strategyLabel(result.performed), visibleText(result.escalationReason));
    if (!result.succeeded())
        return text + colored(u"failed: "_s + visibleText(result.error), kRed);

    QString done;
    if (result.performed == ReloadStrategy::FullRestart)
        done = u"ready in %1 ms (pid %2"_s.arg(result.startToReadyMs).arg(result.pid)
            + (result.toolCount >= 0 ? u", %1)"_s.arg(plural(result.toolCount, u"tool"_s, u"tools"_s))
                                     : u")"_s);
    else
        done = u"done in %1 ms"_s.arg(result.startToReadyMs)
            + (result.toolCount >= 0 ? u", "_s + plural(result.toolCount, u"tool"_s, u"tools"_s)
                                     : QString {});
    // Tool names come from the server.
    if (!result.toolsAdded.isEmpty())
        done += u" +"_s + visibleText(result.toolsAdded.join(u", +"_s));
    if (!result.toolsRemoved.isEmpty())
        done += u" -"_s + visibleText(result.toolsRemoved.join(u", -"_s));
    if (result.heldMs > 0)
        done += u" (held back %1 ms before it started)"_s.arg(result.heldMs);
    // The build is its own figure, never part of the reload's.
    if (result.buildRuns > 0)
        done
            = (result.buildRuns > 1
                      ? u"built in %1 ms (%2 runs: newer edits), "_s.arg(result.buildMs).arg(result.buildRuns)
                      : u"built in %1 ms, "_s.arg(result.buildMs))
            + done;
    return text + colored(done, kGreen);
}

void ConsoleReporter::onReloadFinished(const ReloadResult& result)
{
    if (m_format == Format::Json) {
        printEvent(eventjson::reloadFinished(result, m_session->config().projectRoot));
        return;
    }

    QString line;
    switch (result.trigger) {
    case ReloadTrigger::Startup: {
        line = u"🦊 watching %1 (%2"_s.arg(
            plural(m_session->config().watch.paths.size(), u"path"_s, u"paths"_s),
            plural(m_stats.files, u"file"_s, u"files"_s));
        if (m_stats.prunedTrees > 0)
            line
                += u", %1 pruned"_s.arg(plural(m_stats.prunedTrees, u"excluded tree"_s, u"excluded trees"_s));
        line += u") — "_s;
        if (result.succeeded())
            line += colored(u"server ready in %1 ms (pid %2, %3)"_s.arg(result.startToReadyMs)
                                .arg(result.pid)
                                .arg(plural(std::max(0, result.toolCount), u"tool"_s, u"tools"_s)),
                kGreen);
        else
            line += colored(u"server failed to start: "_s + visibleText(result.error), kRed);
        printLine(colored(line, kBold));
        break;
    }
    case ReloadTrigger::FileChange:
        if (m_lineOpen) {
            write(describeResult(result));
            m_lineOpen = false;
            flushServerLog();
        } else {
            printLine(u"  ↳ "_s + describeResult(result));
        }
        break;
    case ReloadTrigger::Manual:
        printLine(u"↻ restart requested … "_s + describeResult(result));
        break;
    case ReloadTrigger::CrashRestart:
        printLine(u"↻ restarting after the crash … "_s + describeResult(result));
        break;
    }
    if (!result.succeeded() && !result.errorDetail.isEmpty()) {
        const QStringList detail = visibleText(result.errorDetail).split(u'\n');
        for (const auto& detailLine : detail)
            write(colored(u"  │ "_s + detailLine, kRed));
    }
}

void ConsoleReporter::onDeferred(int delayMs, const ReloadPlan& plan)
{
    if (m_format == Format::Json) {
        printEvent(eventjson::reloadDeferred(delayMs, plan));
        return;
    }
    printLine(colored(u"⏳ %1 reloads in the last minute (max_reloads_per_minute); the next %2 runs in %3 s"_s
                          .arg(m_session->config().watch.maxReloadsPerMinute)
                          .arg(strategyLabel(plan.strategy))
                          .arg((delayMs + 999) / 1000),
        kYellow));
}

void ConsoleReporter::onServerExited(qint64 pid, int exitCode, bool expected)
{
    if (m_format == Format::Json) {
        printEvent(eventjson::serverExited(pid, exitCode, expected));
        return;
    }
    if (!expected)
        printLine(colored(u"💥 the server (pid %1) exited with code %2"_s.arg(pid).arg(exitCode), kRed));
}

void ConsoleReporter::onStderr(qint64 pid, const QString& line)
{
    if (m_quiet)
        return;
    if (m_format == Format::Json) {
        QJsonObject event = eventjson::message(u"server_stderr"_s, line);
        event.insert("pid"_L1, pid);
        printEvent(event);
        return;
    }
    // The server's own log goes to stderr, so stdout stays FoxReload's account of
    // events; while a reload line waits for its result, the log waits with it.
    // Raw, a server's stderr could set the window title, write the clipboard (OSC 0/52) or
    // clear the screen: its control characters are shown, not obeyed.
    m_heldStderr.append(colored(u"  ┆ "_s + visibleText(line), kDim));
    if (!m_lineOpen)
        flushServerLog();
}

void ConsoleReporter::flushServerLog()
{
    for (const auto& held : std::as_const(m_heldStderr)) {
        const QByteArray bytes = (held + u'\n').toUtf8();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    }
    m_heldStderr.clear();
}

} // namespace foxreload::cli
