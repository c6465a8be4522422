#include "ServerInstance.h"

#include "ServerLog.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace foxreload {

ServerInstance::ServerInstance(const ServerSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_process(settings)
    , m_client(&m_process)
{
    m_initializeParams = QJsonObject {
        { "protocolVersion"_L1, QLatin1StringView(kLatestProtocolVersion) },
        { "capabilities"_L1, QJsonObject {} },
        { "clientInfo"_L1,
            QJsonObject {
                { "name"_L1, "foxreload"_L1 }, { "version"_L1, QCoreApplication::applicationVersion() } } },
    };
    connect(&m_process, &ServerProcess::started, this, &ServerInstance::onStarted);
    connect(&m_process, &ServerProcess::failedToStart, this, &ServerInstance::fail);
    connect(&m_process, &ServerProcess::finished, this, &ServerInstance::onFinished);
    connect(&m_process, &ServerProcess::stderrLine, this, &ServerInstance::stderrLine);
}

ServerInstance::~ServerInstance() = default;

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
    m_process.start();
}

void ServerInstance::stop()
{
    if (m_state == State::Exited || m_state == State::NotStarted)
        return;
    m_state = State::Stopping;
    m_process.stop();
}

void ServerInstance::onStarted()
{
    m_client.request(
        u"initialize"_s, m_initializeParams, m_settings.readyTimeoutMs, [this](const jsonrpc::Reply& reply) {
            // A server that died during the handshake is reported by onFinished(), with its exit code.
            if (m_state != State::Starting || reply.status == jsonrpc::Reply::Status::Disconnected)
                return;
            if (!reply.ok()) {
                fail(u"the server did not complete the MCP handshake: initialize %1"_s.arg(reply.describe()));
                return;
            }
            m_initializeResult = reply.result.toObject();
            m_client.notify(u"notifications/initialized"_s);
            const bool hasTools = m_initializeResult.value("capabilities"_L1).toObject().contains("tools"_L1);
            if (!hasTools) {
                m_startupMs = m_startClock.elapsed();
                m_state = State::Ready;
                Q_EMIT ready();
                return;
            }
            refreshTools([this](const QString& error) {
                if (m_state != State::Starting || !m_process.isRunning())
                    return;
                if (!error.isEmpty()) {
                    fail(u"the server answered initialize but not tools/list: %1"_s.arg(error));
                    return;
                }
                m_startupMs = m_startClock.elapsed();
                m_state = State::Ready;
                Q_EMIT ready();
            });
        });
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
    m_client.request(u"tools/list"_s, params, m_settings.readyTimeoutMs,
        [this, collected = std::move(collected), done = std::move(done)](
            const jsonrpc::Reply& reply) mutable {
            if (!reply.ok()) {
                done(reply.describe());
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
