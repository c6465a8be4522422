#include "ServerInstance.h"

#include "McpEra.h"
#include "ServerChannelFactory.h"
#include "ServerLog.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

ServerInstance::ServerInstance(
    const ServerSettings& settings, ServerChannelFactory* transports, QObject* parent)
    : QObject(parent)
    , m_generation(ServerGeneration::prepare(settings, transports))
    , m_transports(transports)
    , m_process(m_generation.settings)
{
    m_initializeParams = QJsonObject {
        { "protocolVersion"_L1, QLatin1StringView(kLatestProtocolVersion) },
        { "capabilities"_L1, QJsonObject {} },
        { "clientInfo"_L1,
            QJsonObject {
                { "name"_L1, "foxreload"_L1 }, { "version"_L1, QCoreApplication::applicationVersion() } } },
    };
    m_channel = &m_process;
    if (isHttp() && m_generation.error.isEmpty()) {
        // The channel gives up on refused connections a little before the ready timeout, so that
        // a server that never listens is reported as such, not as an unanswered request.
        const int readyTimeout = m_generation.settings.readyTimeoutMs;
        m_httpChannel = m_transports->createHttpChannel(m_generation.url, readyTimeout - readyTimeout / 10);
        m_channel = m_httpChannel.get();
        connect(m_channel, &ServerChannel::transportError, this,
            [this](const QString& message) { m_lastTransportError = message; });
        // An HTTP server's stdout is a log, like its stderr: each line goes to the server's output.
        connect(&m_process, &ServerChannel::received, this, [this](const jsonrpc::RawMessage& message) {
            Q_EMIT stderrLine(QString::fromUtf8(message.bytes));
        });
        connect(&m_process, &ServerChannel::invalidOutput, this,
            [this](const QByteArray& line, const QString&) { Q_EMIT stderrLine(QString::fromUtf8(line)); });
    }
    m_client = std::make_unique<McpClient>(m_channel);
    connect(&m_process, &ServerProcess::started, this, &ServerInstance::onStarted);
    connect(&m_process, &ServerProcess::failedToStart, this, &ServerInstance::fail);
    connect(&m_process, &ServerProcess::finished, this, &ServerInstance::onFinished);
    connect(&m_process, &ServerProcess::stderrLine, this, &ServerInstance::stderrLine);
}

ServerInstance::~ServerInstance()
{
    // The client listens to the channel; it goes first.
    m_client.reset();
}

void ServerInstance::setInitializeParams(const QJsonObject& params)
{
    m_initializeParams = params;
}

qint64 ServerInstance::pid() const
{
    return m_process.pid();
}

QStringList ServerInstance::toolNames() const
{
    QStringList names;
    for (const auto& tool : m_tools)
        names.append(tool.toObject().value("name"_L1).toString());
    return names;
}

void ServerInstance::start()
{
    m_state = State::Starting;
    m_startClock.start();
    if (!m_generation.error.isEmpty()) {
        // Asynchronous like every other failure to start, so that callers connect first.
        QMetaObject::invokeMethod(
            this, [this] { fail(u"cannot start server: "_s + m_generation.error); }, Qt::QueuedConnection);
        return;
    }
    if (isHttp())
        qCInfo(lcServer).noquote() << "starting an HTTP server generation at"
                                   << m_generation.url.toDisplayString();
    m_process.start();
}

void ServerInstance::stop()
{
    if (m_state == State::Exited || m_state == State::NotStarted)
        return;
    m_state = State::Stopping;
    // An HTTP session is ended (DELETE) while the server can still hear it, then the process stops.
    closeHttpChannel([this] { m_process.stop(); });
}

void ServerInstance::closeHttpChannel(std::function<void()> then)
{
    if (!m_httpChannel || m_httpClosing) {
        then();
        return;
    }
    m_httpClosing = true;
    m_transports->closeChannel(m_httpChannel.get(), std::move(then));
}

void ServerInstance::onStarted()
{
    if (m_state != State::Starting) // stopped before its spawn was confirmed
        return;
    qCDebug(lcServerTiming) << "server" << pid() << "running" << m_startClock.nsecsElapsed() / 1000
                            << "us after its spawn";
    runHandshake();
}

// Readiness, in one place: the server's opening answered over whichever channel it speaks.
// The era follows the client: a proxy whose client opened with a modern request passes its
// envelope in the params' _meta, and the server is asked server/discover first (a legacy
// server refuses it or stays silent: then initialize, and the proxy bridges). Otherwise
// initialize first, and server/discover when it is refused (a server that speaks only
// 2026-07-28 answers initialize with an error).
void ServerInstance::runHandshake()
{
    const QJsonObject envelope = m_initializeParams.value("_meta"_L1).toObject();
    if (!envelope.contains(mcpera::kProtocolVersionKey)) {
        openLegacy(true);
        return;
    }
    const int probeMs = std::max(1, m_generation.settings.readyTimeoutMs / 2);
    openModern(envelope, probeMs, [this](const jsonrpc::Reply& reply) {
        if (reply.status == jsonrpc::Reply::Status::Error && mcpera::isModernError(reply.errorCode)) {
            // A modern server without a revision in common: falling back would not help.
            fail(u"the server did not complete the MCP opening: %1"_s.arg(
                handshakeFailure(u"server/discover"_s, reply)));
            return;
        }
        qCDebug(lcServer).noquote() << "server/discover refused (" << reply.describe()
                                    << "): a legacy server, opened with initialize";
        openLegacy(false);
    });
}

void ServerInstance::openLegacy(bool discoverWhenRefused)
{
    const int timeoutMs = m_generation.settings.readyTimeoutMs;
    QJsonObject params = m_initializeParams;
    params.remove("_meta"_L1);
    m_client->request(
        u"initialize"_s, params, timeoutMs, [this, discoverWhenRefused](const jsonrpc::Reply& reply) {
            // A server that died during the handshake is reported by onFinished(), with its exit code.
            if (m_state != State::Starting || reply.status == jsonrpc::Reply::Status::Disconnected)
                return;
            if (!reply.ok()) {
                const QString failure = u"the server did not complete the MCP handshake: %1"_s.arg(
                    handshakeFailure(u"initialize"_s, reply));
                // Only the server's own refusal hints at a modern-only server (not a timeout, not the
                // HTTP transport's account of a server that is not there).
                const bool refusedByServer = reply.status == jsonrpc::Reply::Status::Error
                    && !(isHttp() && reply.errorCode == jsonrpc::ServerUnavailable);
                if (!discoverWhenRefused || !refusedByServer) {
                    fail(failure);
                    return;
                }
                openModern(mcpera::ownEnvelope(), m_generation.settings.readyTimeoutMs,
                    [this, failure](const jsonrpc::Reply& discover) {
                        fail(failure + u"; server/discover: %1"_s.arg(discover.describe()));
                    });
                return;
            }
            qCDebug(lcServerTiming) << "server" << pid() << "answered initialize"
                                    << m_startClock.nsecsElapsed() / 1000 << "us after its spawn";
            m_modern = false;
            m_initializeResult = reply.result.toObject();
            m_client->notify(u"notifications/initialized"_s);
            afterOpening();
        });
}

void ServerInstance::openModern(
    const QJsonObject& envelope, int timeoutMs, std::function<void(const jsonrpc::Reply&)> notModern)
{
    m_client->request(u"server/discover"_s, QJsonObject { { "_meta"_L1, envelope } }, timeoutMs,
        [this, envelope, notModern = std::move(notModern)](const jsonrpc::Reply& reply) {
            if (m_state != State::Starting || reply.status == jsonrpc::Reply::Status::Disconnected)
                return;
            if (!reply.ok() || !mcpera::offersModern(reply.result.toObject())) {
                notModern(reply);
                return;
            }
            m_modern = true;
            m_discoverResult = reply.result.toObject();
            m_initializeResult = mcpera::summaryOfDiscover(m_discoverResult);
            m_client->setRequestMeta(envelope);
            afterOpening();
        });
}

void ServerInstance::afterOpening()
{
    if (!m_initializeResult.value("capabilities"_L1).toObject().contains("tools"_L1)) {
        becomeReady();
        return;
    }
    refreshTools([this](const QString& error) {
        if (m_state != State::Starting || !m_process.isRunning())
            return;
        if (!error.isEmpty()) {
            fail(u"the server answered %1 but not tools/list: %2"_s.arg(
                m_modern ? u"server/discover"_s : u"initialize"_s, error));
            return;
        }
        becomeReady();
    });
}

void ServerInstance::becomeReady()
{
    m_startupMs = m_startClock.elapsed();
    qCDebug(lcServerTiming) << "server" << pid() << "ready" << m_startClock.nsecsElapsed() / 1000
                            << "us after its spawn";
    m_state = State::Ready;
    Q_EMIT ready();
}

QString ServerInstance::handshakeFailure(const QString& method, const jsonrpc::Reply& reply) const
{
    QString text;
    if (reply.status == jsonrpc::Reply::Status::Timeout)
        text = reply.describe(); // "initialize was not answered within 10000 ms": it names the method
    else if (isHttp() && reply.status == jsonrpc::Reply::Status::Error
        && reply.errorCode == jsonrpc::ServerUnavailable)
        text = reply.errorMessage; // the HTTP transport's own account (no server answered, HTTP 500, ...)
    else
        text = u"%1 failed: %2"_s.arg(method, reply.describe());
    if (!isHttp())
        return text;
    if (reply.status == jsonrpc::Reply::Status::Timeout && !m_lastTransportError.isEmpty())
        text += u" (last HTTP error: %1)"_s.arg(m_lastTransportError);
    return text
        + u"; server.transport is http, so the server must listen at %1 (the port FoxReload picked for it "
          u"is in the environment as PORT and replaces {port} in server.args)"_s.arg(
              m_generation.url.toDisplayString());
}

void ServerInstance::refreshTools(std::function<void(const QString& error)> done)
{
    fetchToolsPage({}, {}, std::move(done));
}

void ServerInstance::fetchToolsPage(
    const QString& cursor, QJsonArray collected, std::function<void(const QString&)> done)
{
    QJsonObject params;
    if (!cursor.isEmpty())
        params.insert("cursor"_L1, cursor);
    m_client->request(u"tools/list"_s, params, m_generation.settings.readyTimeoutMs,
        [this, collected = std::move(collected), done = std::move(done)](
            const jsonrpc::Reply& reply) mutable {
            if (!reply.ok()) {
                // A timeout's text names the method already; anything else gets its name here.
                done(reply.status == jsonrpc::Reply::Status::Timeout
                        ? reply.describe()
                        : u"tools/list failed: "_s + reply.describe());
                return;
            }
            const QJsonObject result = reply.result.toObject();
            const QJsonArray page = result.value("tools"_L1).toArray();
            for (const auto& tool : page)
                collected.append(tool);
            const QString next = result.value("nextCursor"_L1).toString();
            if (!next.isEmpty()) {
                fetchToolsPage(next, std::move(collected), std::move(done));
                return;
            }
            m_tools = std::move(collected);
            done({});
        });
}

void ServerInstance::fail(const QString& reason)
{
    if (m_state == State::Failed || m_state == State::Exited)
        return;
    m_state = State::Failed;
    m_failureReason = reason;
    m_failureDetail = m_process.stderrTail().join(u'\n');
    qCInfo(lcServer) << "server failed to become ready:" << reason;
    m_process.kill();
    Q_EMIT failed(m_failureReason, m_failureDetail);
}

void ServerInstance::onFinished(int exitCode, QProcess::ExitStatus status, bool requested)
{
    // Nothing more can come over HTTP from a server that is gone: end its channel, so that
    // whatever still waits for an answer is told at once.
    closeHttpChannel([] {});
    const State before = m_state;
    if (before == State::Starting) {
        // A server that dies during its handshake: a syntax error, a missing module.
        const QString how
            = status == QProcess::CrashExit ? u"crashed"_s : u"exited with code %1"_s.arg(exitCode);
        m_state = State::Exited;
        m_failureReason = u"the server %1 before it was ready"_s.arg(how);
        m_failureDetail = m_process.stderrTail().join(u'\n');
        Q_EMIT failed(m_failureReason, m_failureDetail);
        return;
    }
    m_state = State::Exited;
    if (before != State::Failed)
        Q_EMIT exited(exitCode, requested);
}

} // namespace foxreload
