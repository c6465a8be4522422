#include "SessionEventFeed.h"

#include "EventServer.h"
#include "session/EventJson.h"
#include "session/Session.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload {

SessionEventFeed::SessionEventFeed(
    Session* session, EventServer* server, const QString& mode, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_server(server)
    , m_mode(mode)
{
    const QString root = session->config().projectRoot;
    auto& orchestrator = session->orchestrator();
    connect(session, &Session::watching, this, [this](const WatchStats& stats) {
        publish(eventjson::watching(stats, m_session->config().watch.paths));
    });
    connect(session, &Session::planned, this,
        [this, root](const ReloadPlan& plan) { publish(eventjson::plan(plan, root)); });
    connect(session, &Session::warning, this,
        [this](const QString& text) { publish(eventjson::message(u"warning"_s, text)); });
    connect(session, &Session::pausedChanged, this, [this](bool paused) {
        publish(eventjson::message(paused ? u"paused"_s : u"resumed"_s,
            paused ? u"changes are held until resume"_s : u"held changes are reloaded"_s));
    });
    connect(&session->batcher(), &ChangeBatcher::batchReady, this,
        [this, root](const ChangeBatch& batch) { publish(eventjson::batch(batch, root)); });
    connect(&session->batcher(), &ChangeBatcher::batchSkipped, this,
        [this, root](const ChangeBatch& batch) { publish(eventjson::skippedBatch(batch, root)); });
    connect(&orchestrator, &ReloadOrchestrator::reloadStarted, this,
        [this](quint64 id, ReloadStrategy strategy, ReloadTrigger trigger) {
            publish(eventjson::reloadStarted(id, strategy, trigger));
        });
    connect(&orchestrator, &ReloadOrchestrator::reloadFinished, this,
        [this, root](const ReloadResult& result) { publish(eventjson::reloadFinished(result, root)); });
    connect(&orchestrator, &ReloadOrchestrator::reloadDeferred, this,
        [this](int delayMs, const ReloadPlan& plan) { publish(eventjson::reloadDeferred(delayMs, plan)); });
    connect(&orchestrator, &ReloadOrchestrator::stateChanged, this, [this](ReloadOrchestrator::State state) {
        const auto* current = m_session->orchestrator().server();
        publish(eventjson::serverState(ReloadOrchestrator::stateName(state), current ? current->pid() : 0));
    });
    connect(&orchestrator, &ReloadOrchestrator::serverExited, this,
        [this](qint64 pid, int exitCode, bool expected) {
            publish(eventjson::serverExited(pid, exitCode, expected));
        });
    connect(&orchestrator, &ReloadOrchestrator::serverStderr, this, [this](qint64 pid, const QString& line) {
        QJsonObject event = eventjson::message(u"server_stderr"_s, line);
        event.insert("pid"_L1, pid);
        publish(event);
    });
    connect(&orchestrator, &ReloadOrchestrator::warning, this,
        [this](const QString& text) { publish(eventjson::message(u"warning"_s, text)); });
    connect(&orchestrator, &ReloadOrchestrator::crashLoopDetected, this,
        [this](const QString& text) { publish(eventjson::message(u"crash_loop"_s, text)); });

    server->setHelloProvider([this] { return hello(); });
    server->setCommandHandler([this](const QString& command, const QJsonObject&) -> std::optional<QString> {
        if (command == "restart"_L1) {
            const auto state = m_session->orchestrator().state();
            if (state == ReloadOrchestrator::State::Stopped
                || state == ReloadOrchestrator::State::ShuttingDown)
                return u"the server is not running (session %1)"_s.arg(ReloadOrchestrator::stateName(state));
            m_session->orchestrator().restartNow();
            return std::nullopt;
        }
        if (command == "pause"_L1) {
            m_session->pause();
            return std::nullopt;
        }
        if (command == "resume"_L1) {
            m_session->resume();
            return std::nullopt;
        }
        return u"unknown command \"%1\"; expected restart, pause or resume"_s.arg(command);
    });
}

QJsonObject SessionEventFeed::hello() const
{
    const Config& config = m_session->config();
    const auto* server = m_session->orchestrator().server();
    QJsonArray command { config.server.command };
    for (const auto& argument : config.server.args)
        command.append(argument);
    return {
        { "mode"_L1, m_mode },
        { "project"_L1, config.projectRoot },
        { "config"_L1, config.sourceFile },
        { "serverCommand"_L1, command },
        { "serverPid"_L1, server ? server->pid() : 0 },
        { "state"_L1, ReloadOrchestrator::stateName(m_session->orchestrator().state()) },
        { "paused"_L1, m_session->isPaused() },
        { "commands"_L1, QJsonArray { u"restart"_s, u"pause"_s, u"resume"_s } },
    };
}

void SessionEventFeed::publish(const QJsonObject& event)
{
    m_server->broadcast(event);
}

} // namespace foxreload
