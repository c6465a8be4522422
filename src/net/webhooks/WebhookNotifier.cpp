#include "WebhookNotifier.h"

#include "WebhookLog.h"
#include "game/GamificationEngine.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

namespace foxreload::webhooks {

namespace {
// Enough of a traceback to see where it broke; the rest stays in FoxReload's log.
constexpr int kDetailLines = 20;

QString lastLines(const QString& text, int count)
{
    QStringList lines = text.split(u'\n');
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.mid(std::max<qsizetype>(0, lines.size() - count)).join(u'\n');
}
} // namespace

WebhookNotifier::WebhookNotifier(const QList<WebhookSettings>& hooks, const QString& project, QObject* parent)
    : QObject(parent)
    , m_project(project)
{
    for (const WebhookSettings& settings : hooks) {
        auto* sender = new WebhookSender(QUrl(settings.url), &m_network, this);
        m_hooks.push_back({ settings, sender });
        qCInfo(lcWebhooks).noquote() << "webhook" << sender->shownUrl() << webhookFormatName(settings.format)
                                     << "for" << settings.events.join(u", "_s);
    }
}

WebhookNotifier::~WebhookNotifier()
{
    // The senders go before the network manager: its destructor aborts their replies, and a
    // sender must not be there to answer that with a retry.
    for (Hook& hook : m_hooks)
        delete std::exchange(hook.sender, nullptr);
}

void WebhookNotifier::setLimits(const WebhookSender::Limits& limits)
{
    for (const Hook& hook : m_hooks)
        hook.sender->setLimits(limits);
}

void WebhookNotifier::attach(Session* session)
{
    connect(&session->orchestrator(), &ReloadOrchestrator::reloadFinished, this,
        [this](const ReloadResult& result) {
            if (!result.succeeded())
                notify(reloadFailedEvent(result));
        });
    connect(&session->orchestrator(), &ReloadOrchestrator::crashLoopDetected, this,
        [this](const QString& message) { notify(crashLoopEvent(message)); });
}

void WebhookNotifier::attachGame(GamificationEngine* engine)
{
    if (!engine)
        return;
    connect(engine, &GamificationEngine::levelUp, this, [this](int level) {
        notify({ u"level_up"_s, m_project, u"Level %1 reached"_s.arg(level),
            u"Reloading %1 earned level %2."_s.arg(m_project, QString::number(level)), {}, {},
            QDateTime::currentDateTimeUtc() });
    });
    connect(engine, &GamificationEngine::achievementUnlocked, this, [this](const QString& id) {
        const AchievementDef* achievement = GamificationEngine::findAchievement(id);
        const QString title = achievement ? achievement->title : id;
        notify({ u"achievement"_s, m_project, u"Achievement unlocked: %1"_s.arg(title),
            achievement ? achievement->description : QString(), {}, { { u"project"_s, m_project } },
            QDateTime::currentDateTimeUtc() });
    });
}

WebhookEvent WebhookNotifier::reloadFailedEvent(const ReloadResult& result) const
{
    QStringList files;
    for (const FileChange& change : result.plan.files)
        files.append(change.relativePath);
    QString fileList = files.mid(0, 5).join(u", "_s);
    if (files.size() > 5)
        fileList += u" and %1 more"_s.arg(files.size() - 5);
    WebhookEvent event { u"reload_failed"_s, m_project, u"Reload failed in %1"_s.arg(m_project),
        result.error.isEmpty() ? u"The server did not come back."_s : result.error,
        lastLines(result.errorDetail, kDetailLines),
        { { u"strategy"_s, strategyName(result.performed) },
            { u"trigger"_s, reloadTriggerName(result.trigger) } },
        result.finishedAtUtc.isValid() ? result.finishedAtUtc : QDateTime::currentDateTimeUtc() };
    if (!fileList.isEmpty())
        event.fields.append({ u"files"_s, fileList });
    return event;
}

WebhookEvent WebhookNotifier::crashLoopEvent(const QString& message) const
{
    return { u"crash_loop"_s, m_project, u"%1 is crash-looping"_s.arg(m_project), message, {}, {},
        QDateTime::currentDateTimeUtc() };
}

int WebhookNotifier::notify(const WebhookEvent& event)
{
    int queued = 0;
    for (const Hook& hook : m_hooks) {
        if (hook.settings.events.contains(event.kind)
            && hook.sender->send(payloadFor(hook.settings.format, event)))
            ++queued;
    }
    return queued;
}

} // namespace foxreload::webhooks
