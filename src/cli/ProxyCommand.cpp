// `foxreload proxy [options] -- <server command>`: what an MCP client launches in
// place of its server. The client talks to McpProxy on stdin/stdout while the
// Session watches, analyzes and reloads exactly as `foxreload run` does.
#include "Commands.h"
#include "ConsoleReporter.h"
#include "GameOutput.h"
#include "ResourceOutput.h"
#include "SessionOptions.h"
#include "common/VisibleText.h"
#include "ipc/EventServer.h"
#include "ipc/SessionEventFeed.h"
#include "net/HttpTransport.h"
#include "net/front/ProxyClients.h"
#include "net/metrics/SessionObservers.h"
#include "platform/ConsoleIo.h"
#include "platform/ConsoleSignals.h"
#include "platform/ParentWatch.h"
#include "platform/SystemInfo.h"
#include "proxy/ClientChannel.h"
#include "proxy/ClientConnection.h"
#include "proxy/McpProxy.h"
#include "resources/ResourceMonitor.h"
#include "server/ServerProcess.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {
// Exit codes of `foxreload proxy` beyond the shared ones (docs/proxy.md).
constexpr int kExitClientGone = 3; // the client died or stopped reading without closing stdin
constexpr int kExitSignalBase = 128; // + the signal number (SIGTERM → 143), like a shell

FILE* g_log = nullptr; // --log FILE: FoxReload's own messages go there instead of stderr

void logToFile(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const char* const kLevels[] = { "debug", "warning", "critical", "fatal", "info" };
    const int level = int(type);
    const QByteArray line = (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' '
        + QLatin1StringView(level >= 0 && level < 5 ? kLevels[level] : "log") + u' '
        + QLatin1StringView(context.category ? context.category : "default") + u": "_s + message + u'\n')
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), g_log);
    std::fflush(g_log);
}

QString describeProxyEvent(const QJsonObject& event)
{
    const QString type = event.value("event"_L1).toString();
    if (type == "client_connected"_L1) {
        const QJsonObject info = event.value("clientInfo"_L1).toObject();
        return u"🔌 client %1 %2 connected (protocol %3)"_s.arg(info.value("name"_L1).toString(),
            info.value("version"_L1).toString(), event.value("protocolVersion"_L1).toString());
    }
    if (type == "session_initialized"_L1)
        return u"🔌 session open (server pid %1, protocol %2)"_s.arg(event.value("pid"_L1).toInteger())
            .arg(event.value("protocolVersion"_L1).toString());
    if (type == "list_changed"_L1) {
        QStringList parts;
        for (const auto& name : event.value("added"_L1).toArray())
            parts.append(u'+' + name.toString());
        for (const auto& name : event.value("removed"_L1).toArray())
            parts.append(u'-' + name.toString());
        for (const auto& name : event.value("changed"_L1).toArray())
            parts.append(u'~' + name.toString());
        return u"📣 %1 changed (%2): the client was notified"_s.arg(
            event.value("list"_L1).toString(), parts.join(u' '));
    }
    if (type == "requests_interrupted"_L1)
        return u"⚠ %1 requests interrupted by a %2, %3 retried on the next server"_s
            .arg(event.value("count"_L1).toInt())
            .arg(event.value("cause"_L1).toString())
            .arg(event.value("retried"_L1).toInt());
    if (type == "drain_started"_L1)
        return u"⏳ waiting up to %1 ms for %2 requests in flight on the old server"_s
            .arg(event.value("graceMs"_L1).toInt())
            .arg(event.value("inFlight"_L1).toInt());
    if (type == "protocol_warning"_L1)
        return u"⚠ "_s + event.value("message"_L1).toString();
    if (type == "client_garbage"_L1)
        return u"⚠ the client sent something invalid: "_s + event.value("problem"_L1).toString();
    if (type == "server_garbage"_L1) {
        // One line per occurrence, with what the server sent when there is such a line.
        const QString line = event.value("line"_L1).toString();
        return u"⚠ the server (pid %1) sent something that is no JSON-RPC message (%2)%3"_s
            .arg(event.value("pid"_L1).toInteger())
            .arg(event.value("problem"_L1).toString(), line.isEmpty() ? QString() : u": "_s + line);
    }
    return {};
}
} // namespace

int proxyCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Run an MCP server for an MCP client (Claude Desktop, Cursor, VS Code, …) and reload it on every\n"
        u"relevant change while the client stays connected. Put it in the client's server config in place\n"
        u"of the server command. stdout carries JSON-RPC only; FoxReload's output goes to stderr or --log.\n"
        u"Exit codes: 0 the client closed stdin, 1 bad config or startup, 2 usage, 3 the client went away,\n"
        u"128+N stopped by signal N. See docs/proxy.md."_s);
    parser.addHelpOption();
    SessionOptions options;
    options.addTo(parser);
    const QCommandLineOption logOption { u"log"_s,
        u"Write FoxReload's output and the server's stderr to this file (appended) instead of stderr."_s,
        u"file"_s };
    const QCommandLineOption noSocketOption { u"no-socket"_s,
        u"Do not open the session's event socket (docs/event-socket.md)."_s };
    parser.addOption(logOption);
    parser.addOption(noSocketOption);
    const QCommandLineOption listenOption { u"listen"_s,
        u"Also serve MCP over Streamable HTTP at http://HOST:PORT/mcp (PORT alone: 127.0.0.1:PORT). "
        u"Started from a terminal, the proxy serves HTTP clients only."_s,
        u"HOST:PORT"_s };
    parser.addOption(listenOption);
    if (const std::optional<int> done = parseCommandLine(parser, arguments))
        return *done;

    configureLogging(options.verbose(parser));
    platform::ignoreBrokenPipes(); // a client that went away is an EPIPE to handle, not a death
    // Stdout belongs to JSON-RPC: the channel gets a private copy of it, and stdout itself is
    // pointed at stderr, so that no stray print (ours, Qt's, a library's) can reach the client.
    const int clientOut = platform::takeStdoutForClient();
    if (clientOut < 0) {
        std::fprintf(stderr, "foxreload proxy: cannot take over stdout: %s\n", std::strerror(errno));
        return ExitFailure;
    }

    FILE* out = stderr;
    if (parser.isSet(logOption)) {
        const QString path = QFileInfo(parser.value(logOption)).absoluteFilePath();
        g_log = platform::openLogForAppend(path);
        if (!g_log) {
            std::fprintf(stderr, "foxreload proxy: --log %s: %s\n", qPrintable(path), std::strerror(errno));
            return ExitFailure;
        }
        qInstallMessageHandler(logToFile);
        out = g_log;
    }

    QStringList errors;
    const std::optional<Config> config = options.resolve(parser, &errors);
    if (!config || !options.ensureTrusted(*config, parser, &errors)) {
        for (const auto& error : std::as_const(errors)) {
            ConsoleReporter::printStartupError(options.json(parser), u"foxreload proxy: "_s + error);
            if (g_log && g_log != stderr)
                std::fprintf(g_log, "foxreload proxy: %s\n", qPrintable(error));
        }
        return ExitFailure;
    }

    Session session(*config);
    session.orchestrator().setChannelFactory(&net::HttpTransport::instance());
    if (parser.isSet(logOption)) // its own log must not count as a change to the project
        session.addOwnFiles({ QFileInfo(parser.value(logOption)).absoluteFilePath() });
    const bool json = options.json(parser);
    ConsoleReporter reporter(&session, json ? ConsoleReporter::Format::Json : ConsoleReporter::Format::Text,
        options.quiet(parser));
    reporter.setOutput(out);
    if (g_log) {
        // The client logs our stderr; the file gets the server's stderr as well.
        QObject::connect(&session.orchestrator(), &ReloadOrchestrator::serverStderr, &reporter,
            [](qint64 pid, const QString& line) {
                std::fprintf(
                    g_log, "server[%lld] %s\n", static_cast<long long>(pid), qPrintable(visibleText(line)));
                std::fflush(g_log);
            });
    }
    // History and game exactly as for `run`, recorded as a "proxy" session; its lines go
    // through the reporter, so to stderr or --log, never to the client.
    GameOutput game(&session, &reporter, *config, options.quiet(parser), u"proxy"_s);

    ClientChannel channel(platform::descriptorOf(platform::StandardStream::Input), clientOut);
    // --listen: the stdio client (when a client started us: stdin is a pipe or a socket) and
    // every HTTP client are one client to the proxy (a ClientMux); from a terminal, HTTP only.
    std::unique_ptr<net::ProxyClients> httpClients;
    bool stdioClient = true;
    const QString listen = parser.isSet(listenOption) ? parser.value(listenOption) : config->proxy.listen;
    if (!listen.isEmpty()) {
        stdioClient = platform::isPipeOrSocket(platform::StandardStream::Input);
        QString error;
        httpClients = net::ProxyClients::create(listen, stdioClient ? &channel : nullptr, &error);
        if (!httpClients) {
            ConsoleReporter::printStartupError(
                json, u"foxreload proxy: --listen %1: %2"_s.arg(listen, error));
            return ExitFailure;
        }
        const QString url = httpClients->front().url().toString();
        if (json)
            reporter.printEvent({ { "event"_L1, u"http_listening"_s }, { "url"_L1, url },
                { "stdio_client"_L1, stdioClient } });
        else
            reporter.printLine(
                u"🦊 MCP over HTTP at %1%2"_s.arg(url, stdioClient ? QString() : u" (no stdio client)"_s));
    }
    const auto proxyOwner = httpClients
        ? std::make_unique<McpProxy>(&session.orchestrator(), httpClients->client(), config->proxy)
        : std::make_unique<McpProxy>(&session.orchestrator(), &channel, config->proxy);
    McpProxy& proxy = *proxyOwner;
    // Prometheus metrics and webhooks (docs/metrics.md); the proxy's figures are read on scrape.
    metrics::SessionObservers observers(&session, *config);
    observers.attachGame(game.engine());
    observers.setProxySource([&proxy] {
        return metrics::MetricsCollector::ProxyFigures { proxy.stats().requests, proxy.inFlight() };
    });
    if (!observers.metricsError().isEmpty())
        reporter.printLine(u"⚠ no metrics endpoint: "_s + visibleText(observers.metricsError()));
    else if (!observers.metricsAddress().isEmpty())
        reporter.printLine(u"🦊 metrics on http://%1/metrics"_s.arg(observers.metricsAddress()));

    EventServer events;
    SessionEventFeed feed(&session, &events, u"proxy"_s);
    if (!parser.isSet(noSocketOption)) {
        QString error;
        if (events.listen(&error))
            qInfo("foxreload proxy: event socket %s", qPrintable(events.socketPath()));
        else
            reporter.printLine(u"⚠ no event socket: "_s + error);
    }

    reportResources(observers.resources(), &reporter, &feed);
    // Client traffic is activity: the monitor samples while requests flow, not while the client is idle.
    if (resources::ResourceMonitor* monitor = observers.resources()) {
        if (httpClients)
            QObject::connect(httpClients->client(), &ClientConnection::received, monitor,
                &resources::ResourceMonitor::noteActivity);
        else
            QObject::connect(&channel, &ClientChannel::messageReceived, monitor,
                &resources::ResourceMonitor::noteActivity);
    }

    QObject::connect(&proxy, &McpProxy::event, &reporter, [&](const QJsonObject& event) {
        feed.publish(event);
        if (json) {
            reporter.printEvent(event);
            return;
        }
        if (const QString text = describeProxyEvent(event); !text.isEmpty())
            reporter.printLine(visibleText(text)); // names and messages from the client and server
    });

    bool started = false;
    bool stopping = false;
    int exitCode = ExitOk;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, qApp, [] {
        qWarning("foxreload proxy: the server did not stop in time; leaving");
        QCoreApplication::exit(QCoreApplication::instance()->property("foxreloadExitCode").toInt());
    });
    const auto stop = [&](int code, const QString& why) {
        if (stopping)
            return;
        stopping = true;
        exitCode = code;
        qApp->setProperty("foxreloadExitCode", code);
        reporter.printLine(u"🦊 %1; stopping the server"_s.arg(why));
        proxy.shutdown();
        if (!started) {
            QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
            return;
        }
        session.shutdown();
        // Drains end at shutdown, then stdin close → SIGTERM → SIGKILL, each after the grace.
        deadline.start(3 * config->server.shutdownGraceMs + 5000);
    };

    QObject::connect(&proxy, &McpProxy::startRequested, &session, [&] {
        started = true;
        session.start();
    });
    QObject::connect(&session, &Session::started, &session, [&reporter](bool watching) {
        if (!watching)
            reporter.printLine(
                u"⚠ none of the watch paths could be watched; the server runs without reloads"_s);
    });
    QObject::connect(&session, &Session::finished, qApp, [&] { QCoreApplication::exit(exitCode); });
    // A server command that cannot be started at all: the client's initialize has been answered
    // with the reason (McpProxy), and no edit will fix it, so leave with a failure at once. Once a
    // server has served, a failed start waits for the next change like any failed reload.
    bool served = false;
    QObject::connect(&session.orchestrator(), &ReloadOrchestrator::reloadFinished, &session,
        [&served](const ReloadResult& result) { served = served || result.succeeded(); });
    QObject::connect(
        &session.orchestrator(), &ReloadOrchestrator::serverCreated, &session, [&](ServerInstance* server) {
            QObject::connect(
                server->process(), &ServerProcess::failedToStart, &session, [&](const QString& error) {
                    if (!served)
                        QTimer::singleShot(0, &session, [&, error] { stop(ExitFailure, error); });
                });
        });
    QObject::connect(&channel, &ClientChannel::closed, &session,
        [&](const QString& why, ClientChannel::CloseReason reason) {
            stop(reason == ClientChannel::CloseReason::InputEnded ? int(ExitOk) : kExitClientGone, why);
        });

    platform::ConsoleSignals signals;
    QObject::connect(&signals, &platform::ConsoleSignals::terminationRequested, &session,
        [&](int signal) { stop(kExitSignalBase + signal, u"signal %1"_s.arg(signal)); });

    // A client that dies without closing our stdin (its children inherit the pipe)
    // must not leave a server behind: watch the parent.
    platform::ParentWatch parent;
    QObject::connect(&parent, &platform::ParentWatch::gone, &session,
        [&] { stop(kExitClientGone, u"the client process (pid %1) is gone"_s.arg(parent.parentPid())); });
    if (stdioClient) // HTTP only (--listen from a terminal): no client to outlive; it may be nohup'ed
        parent.start();

    proxy.start();
    if (httpClients && stdioClient)
        channel.start();
    QCoreApplication::exec();
    const McpProxy::Stats stats = proxy.stats();
    reporter.printLine(
        u"🦊 proxy done: %1 requests, %2 answered by servers, %3 retried, %4 interrupted, %5 refused, "
        u"%6 list_changed sent (exit %7)"_s.arg(stats.requests)
            .arg(stats.answered)
            .arg(stats.retried)
            .arg(stats.interrupted)
            .arg(stats.rejected)
            .arg(stats.listChangedSent)
            .arg(exitCode));
    if (g_log) {
        qInstallMessageHandler(nullptr);
        std::fclose(g_log);
        g_log = nullptr;
    }
    platform::closeDescriptor(clientOut);
    return exitCode;
}

} // namespace foxreload::cli
