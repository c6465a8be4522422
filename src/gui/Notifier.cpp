#include "Notifier.h"

#include "MonitoredSession.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

Notifier::Notifier(QObject* parent)
    : QObject(parent)
{
    m_window.setSingleShot(true);
    m_window.setInterval(1500);
    connect(&m_window, &QTimer::timeout, this, &Notifier::flush);
}

QString Notifier::errorLine(const ReloadResult& result)
{
    const QStringList lines = result.errorDetail.split(u'\n', Qt::SkipEmptyParts);
    // Python, Node and most runtimes print the exception itself last.
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (!line.isEmpty() && !line.startsWith(u"^"_s) && !line.startsWith(u"~"_s))
            return line;
    }
    return {};
}

void Notifier::reloadFinished(const QString& project, const ReloadResult& result)
{
    if (result.trigger == ReloadTrigger::Startup && result.succeeded())
        return; // the server coming up is no news
    Notification n;
    if (result.succeeded()) {
        n.title = tr("%1 reloaded").arg(project);
        QStringList parts { MonitoredSession::strategyText(result.performed) };
        if (const FileChange* file = result.plan.decisive())
            parts.append(
                file->relativePath.isEmpty() ? QFileInfo(file->path).fileName() : file->relativePath);
        else if (result.trigger == ReloadTrigger::Manual)
            parts.append(tr("manual restart"));
        else if (result.trigger == ReloadTrigger::CrashRestart)
            parts.append(tr("after a crash"));
        parts.append(tr("%1 ms").arg(result.totalMs));
        n.body = parts.join(u" · "_s);
        offer(n, false, false);
        return;
    }
    n.severity = Notification::Severity::Critical;
    n.title = tr("%1: reload failed").arg(project);
    const QString reason = result.error.section(u'\n', 0, 0).trimmed();
    const QString line = errorLine(result);
    n.body = line.isEmpty() || line == reason ? reason : reason + u'\n' + line;
    offer(n, false, true);
}

void Notifier::levelUp(const QString& project, int level)
{
    Q_UNUSED(project);
    offer({ tr("Level up!"), tr("You reached level %1.").arg(level), Notification::Severity::Information, 1 },
        true, false);
}

void Notifier::achievementUnlocked(const QString& title, const QString& description)
{
    offer({ tr("Achievement unlocked: %1").arg(title), description, Notification::Severity::Information, 1 },
        true, false);
}

void Notifier::sessionProblem(const QString& project, const QString& message)
{
    offer(
        { tr("%1: needs attention").arg(project), message, Notification::Severity::Warning, 1 }, false, true);
}

void Notifier::offer(const Notification& notification, bool isReward, bool isFailure)
{
    if (m_level == NotificationLevel::Off)
        return;
    if (m_level == NotificationLevel::FailuresAndRewards && !isReward && !isFailure)
        return;
    if (m_window.isActive()) {
        m_pending.append(notification);
        return;
    }
    Q_EMIT notify(notification);
    m_window.start();
}

void Notifier::flush()
{
    if (m_pending.isEmpty())
        return;
    const QList<Notification> pending = std::exchange(m_pending, {});
    if (pending.size() == 1) {
        Q_EMIT notify(pending.first());
        m_window.start();
        return;
    }
    // Several events: the most severe one leads, the others are counted.
    Notification merged;
    const Notification* lead = &pending.first();
    for (const auto& n : pending) {
        if (int(n.severity) > int(lead->severity))
            lead = &n;
    }
    merged.severity = lead->severity;
    merged.eventCount = int(pending.size());
    merged.title = tr("%1 (+%n more)", nullptr, int(pending.size()) - 1).arg(lead->title);
    QStringList lines;
    for (const auto& n : pending) {
        if (lines.size() == 4) {
            lines.append(u"…"_s);
            break;
        }
        lines.append(n.title + (n.body.isEmpty() ? QString() : u": "_s + n.body.section(u'\n', 0, 0)));
    }
    merged.body = lines.join(u'\n');
    Q_EMIT notify(merged);
    m_window.start();
}

} // namespace foxreload::gui
