#include "Commands.h"
#include "ConsoleReporter.h"
#include "GameOutput.h"
#include "ResourceOutput.h"
#include "SessionOptions.h"
#include "common/VisibleText.h"
#include "ipc/EventServer.h"
#include "ipc/SessionEventFeed.h"
#include "net/HttpTransport.h"
#include "net/metrics/SessionObservers.h"
#include "platform/ConsoleIo.h"
#include "platform/ConsoleSignals.h"
#include "server/ServerProcess.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {
// Like a shell's status for a process that SIGPIPE (13) ended (docs/cli.md, "Exit codes"); the
// same number on every OS.
constexpr int kExitStdoutClosed = 128 + 13;
} // namespace

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Watch a project and reload its MCP server on every relevant change.\n"
                                     u"Reads .foxreload.yaml from the current directory or its parents."_s);
    parser.addHelpOption();
    SessionOptions options;
    options.addTo(parser);
    if (const std::optional<int> done = parseCommandLine(parser, arguments))
        return *done;

    configureLogging(options.verbose(parser));
    QStringList errors;
    const std::optional<Config> config = options.resolve(parser, &errors);
    if (!config || !options.ensureTrusted(*config, parser, &errors)) {
        for (const auto& error : std::as_const(errors))
            ConsoleReporter::printStartupError(options.json(parser), u"foxreload run: "_s + error);
        return ExitFailure;
    }

    Session session(*config);
    session.orchestrator().setChannelFactory(&net::HttpTransport::instance());
    ConsoleReporter reporter(&session,
        options.json(parser) ? ConsoleReporter::Format::Json : ConsoleReporter::Format::Text,
        options.quiet(parser));
    // History is always recorded; XP lines only when gamification is on.
    GameOutput game(&session, &reporter, *config, options.quiet(parser));
    // Prometheus metrics and webhooks, as the config or --metrics asks (docs/metrics.md). A port
    // that cannot be opened is said once; the session goes on without the endpoint.
    metrics::SessionObservers observers(&session, *config);
    observers.attachGame(game.engine());
    if (!observers.metricsError().isEmpty())
        reporter.printError(u"foxreload run: metrics: "_s + visibleText(observers.metricsError()));
    else if (!observers.metricsAddress().isEmpty())
        reporter.printNotice(
            u"foxreload run: metrics on http://%1/metrics"_s.arg(observers.metricsAddress()));
    // The session's event socket, so the desktop app can show it (docs/event-socket.md).
    EventServer events;
    SessionEventFeed feed(&session, &events, u"run"_s);
    if (QString socketError; !events.listen(&socketError))
        qWarning("foxreload run: no event socket: %s", qPrintable(socketError));
    reportResources(observers.resources(), &reporter, &feed);

    platform::ConsoleSignals signals;
    int exitCode = ExitOk;
    QObject::connect(&signals, &platform::ConsoleSignals::terminationRequested, &session,
        [&session, &reporter](int signal) {
            if (reporter.format() == ConsoleReporter::Format::Text)
                reporter.printLine(u"🦊 stopping the server (signal %1)…"_s.arg(signal));
            session.shutdown();
        });
    QObject::connect(&session, &Session::finished, qApp, &QCoreApplication::quit);
    // A reader that went away stops the server the normal way and closes the session, instead of
    // SIGPIPE ending FoxReload in the middle of a write (or nothing ending it at all); the watch
    // costs no idle wake-up on Unix (platform/ConsoleIo.h). A terminal's hang-up comes as SIGHUP.
    platform::ignoreBrokenPipes(); // a write to a stdout nobody reads is an EPIPE, not a death
    platform::StdoutReaderWatch readerWatch;
    QObject::connect(&readerWatch, &platform::StdoutReaderWatch::readerGone, &session, [&] {
        std::fputs("foxreload run: stdout was closed by its reader; stopping the server\n", stderr);
        exitCode = kExitStdoutClosed;
        session.shutdown();
    });

    // A server command that cannot be started at all (missing, not executable) is not fixed by an
    // edit under the watched paths: say what and where, and leave at once with a failure instead of
    // waiting for a change. Once a server has served, a later start that fails waits as any failed
    // reload does (a virtualenv being rebuilt comes back).
    bool served = false;
    QObject::connect(&session.orchestrator(), &ReloadOrchestrator::reloadFinished, &session,
        [&served](const ReloadResult& result) { served = served || result.succeeded(); });
    QObject::connect(
        &session.orchestrator(), &ReloadOrchestrator::serverCreated, &session, [&](ServerInstance* server) {
            QObject::connect(
                server->process(), &ServerProcess::failedToStart, &session, [&](const QString& error) {
                    if (served || exitCode != ExitOk)
                        return;
                    reporter.printError(u"foxreload: "_s + visibleText(error));
                    exitCode = ExitFailure;
                    QTimer::singleShot(0, &session, [&session] { session.shutdown(); });
                });
        });

    QObject::connect(&session, &Session::started, &session, [&](bool watching) {
        if (watching)
            return;
        reporter.printError(u"foxreload run: none of the watch paths could be watched"_s);
        exitCode = ExitFailure;
        session.shutdown();
    });
    session.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace foxreload::cli
