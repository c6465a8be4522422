#include "Commands.h"
#include "ConsoleReporter.h"
#include "GameOutput.h"
#include "SessionOptions.h"
#include "UnixSignals.h"
#include "ipc/EventServer.h"
#include "ipc/SessionEventFeed.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Watch a project and reload its MCP server on every relevant change.\n"
                                     u"Reads .foxreload.yaml from the current directory or its parents."_s);
    parser.addHelpOption();
    SessionOptions options;
    options.addTo(parser);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "foxreload run: %s\n", qPrintable(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(commandHelp(parser, arguments)), stdout);
        return ExitOk;
    }

    configureLogging(options.verbose(parser));
    QStringList errors;
    const std::optional<Config> config = options.resolve(parser, &errors);
    if (!config || !options.ensureTrusted(*config, parser, &errors)) {
        for (const auto& error : std::as_const(errors))
            std::fprintf(stderr, "foxreload run: %s\n", qPrintable(error));
        return ExitFailure;
    }

    Session session(*config);
    ConsoleReporter reporter(&session,
        options.json(parser) ? ConsoleReporter::Format::Json : ConsoleReporter::Format::Text,
        options.quiet(parser));
    // History is always recorded; XP lines only when gamification is on.
    GameOutput game(&session, &reporter, *config, options.quiet(parser));
    // The session's event socket, so the desktop app can show it (docs/event-socket.md).
    EventServer events;
    SessionEventFeed feed(&session, &events, u"run"_s);
    if (QString socketError; !events.listen(&socketError))
        qWarning("foxreload run: no event socket: %s", qPrintable(socketError));

    UnixSignals signals;
    int exitCode = ExitOk;
    QObject::connect(
        &signals, &UnixSignals::terminationRequested, &session, [&session, &reporter](int signal) {
            if (reporter.format() == ConsoleReporter::Format::Text)
                reporter.printLine(u"🦊 stopping the server (signal %1)…"_s.arg(signal));
            session.shutdown();
        });
    QObject::connect(&session, &Session::finished, qApp, &QCoreApplication::quit);

    if (!session.start()) {
        std::fprintf(stderr, "foxreload run: none of the watch paths could be watched\n");
        exitCode = ExitFailure;
        session.shutdown();
    }
    QCoreApplication::exec();
    return exitCode;
}

} // namespace foxreload::cli
