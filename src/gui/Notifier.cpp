#include "Notifier.h"

#include "MonitoredSession.h"
#include "common/DurationText.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr int kMergedLines = 4;

// "foxreload/reload failed: reload failed: tools/x.py: …" → "tools/x.py: …": the title already says it
// failed.
QString withoutFailedPrefixes(QString reason)
{
    static const QRegularExpression prefix(u"^[^:\\n]{1,80}? failed: "_s);
    for (;;) {
        const QRegularExpressionMatch match = prefix.match(reason);
        if (!match.hasMatch() || match.capturedLength() >= reason.size())
            return reason;
        reason.remove(0, match.capturedLength());
    }
}

// "tools/x.py: SyntaxError: bad (line 3)" → "SyntaxError: bad (tools/x.py, line 3)": the error first.
QString errorFirst(const QString& reason)
{
    static const QRegularExpression filePrefix(u"^([^\\s:]+\\.[A-Za-z0-9]+): (.+)$"_s);
    static const QRegularExpression lineSuffix(u"^(.*) \\(line (\\d+)\\)$"_s);
    const QRegularExpressionMatch file = filePrefix.match(reason);
    if (!file.hasMatch())
        return reason;
    const QString path = file.captured(1);
    const QString message = file.captured(2);
    const QRegularExpressionMatch line = lineSuffix.match(message);
    if (line.hasMatch())
        return u"%1 (%2, line %3)"_s.arg(line.captured(1), path, line.captured(2));
    return u"%1 (%2)"_s.arg(message, path);
}

// The last `File "…", line N` of a Python traceback, relative to the project where the plan knows it.
QString tracebackLocation(const ReloadResult& result)
{
    static const QRegularExpression frame(uR"re(File "([^"]+)", line (\d+))re"_s);
    QString path;
    QString line;
    for (auto it = frame.globalMatch(result.errorDetail); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        path = match.captured(1);
        line = match.captured(2);
    }
    if (path.isEmpty())
        return {};
    if (QDir::isAbsolutePath(path)) {
        QString shown = QFileInfo(path).fileName();
        for (const FileChange& change : result.plan.files) {
            if (QDir::cleanPath(change.path) == QDir::cleanPath(path) && !change.relativePath.isEmpty())
                shown = change.relativePath;
        }
        path = shown;
    }
    return u"%1, line %2"_s.arg(path, line);
}

bool looksLikeException(const QString& line)
{
    // Python's "ValueError: …", Node's "TypeError: …" / "Error: Cannot find module …", Java's "…Exception".
    static const QRegularExpression exception(u"^[\\w.$]*(Error|Exception|Exit|Interrupt)\\b"_s);
    return exception.match(line).hasMatch();
}

QString firstLine(const QString& text)
{
    return text.section(u'\n', 0, 0).trimmed();
}

} // namespace

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

QString Notifier::errorSummary(const ReloadResult& result)
{
    const QString reason = errorFirst(withoutFailedPrefixes(firstLine(result.error)));
    const QString line = errorLine(result);
    if (line.isEmpty() || reason.contains(line))
        return reason;
    if (!reason.isEmpty() && !looksLikeException(line))
        return reason; // the detail's last line is only the end of some output
    if (line.contains(u"line "_s))
        return line;
    const QString location = tracebackLocation(result);
    return location.isEmpty() ? line : u"%1 (%2)"_s.arg(line, location);
}

void Notifier::reloadFinished(const QString& project, const ReloadResult& result)
{
    if (result.trigger == ReloadTrigger::Startup && result.succeeded())
        return; // the server coming up is no news
    Notification n;
    n.project = project;
    if (!result.succeeded()) {
        n.kind = Notification::Kind::Failure;
        n.severity = Notification::Severity::Critical;
        n.title = tr("%1: reload failed").arg(project);
        n.body = errorSummary(result);
        if (result.buildOutcome && *result.buildOutcome != BuildResult::Outcome::Succeeded) {
            // The compiler's first error, file:line first; the whole output is in the log.
            n.title = tr("%1: build failed").arg(project);
            n.body = result.buildError ? result.buildError->summary() : firstLine(result.error);
            if (result.pid > 0)
                n.body += u'\n' + tr("The running server keeps serving.");
        }
        offer(n);
        return;
    }
    n.title = tr("%1: %2 done").arg(project, MonitoredSession::strategyText(result.performed));
    QStringList parts;
    if (const FileChange* file = result.plan.decisive()) {
        const QString name
            = file->relativePath.isEmpty() ? QFileInfo(file->path).fileName() : file->relativePath;
        const int others = int(result.plan.files.size()) - 1;
        parts.append(others > 0 ? tr("%1 and %n more file(s)", nullptr, others).arg(name) : name);
    } else if (result.trigger == ReloadTrigger::Manual) {
        parts.append(tr("manual restart"));
    } else if (result.trigger == ReloadTrigger::CrashRestart) {
        parts.append(tr("after a crash"));
    }
    // The reload's own duration, as the terminal prints it: not the debounce or a pause before it.
    if (result.startToReadyMs >= 0)
        parts.append(durationText(result.startToReadyMs));
    if (result.buildMs >= 0)
        parts.append(tr("built in %1").arg(durationText(result.buildMs)));
    if (result.toolCount >= 0)
        parts.append(tr("%n tool(s)", nullptr, result.toolCount));
    n.body = parts.join(u" · "_s);
    offer(n);
}

void Notifier::levelUp(const QString& project, int level, qint64 totalXp)
{
    Q_UNUSED(project); // the level is the player's, not a project's
    Notification n;
    n.kind = Notification::Kind::Reward;
    n.title = tr("Level %1 reached").arg(level);
    if (totalXp >= 0)
        n.body = tr("You now have %1 XP.").arg(QLocale().toString(totalXp));
    offer(n);
}

void Notifier::achievementUnlocked(const QString& title, const QString& description)
{
    Notification n;
    n.kind = Notification::Kind::Reward;
    n.title = tr("Achievement unlocked: %1").arg(title);
    n.body = description;
    offer(n);
}

void Notifier::sessionProblem(const QString& project, const QString& message)
{
    Notification n;
    n.kind = Notification::Kind::Problem;
    n.severity = Notification::Severity::Warning;
    n.project = project;
    n.title = tr("%1: needs attention").arg(project);
    n.body = message;
    offer(n);
}

void Notifier::keepsRunningHint()
{
    Notification n;
    n.kind = Notification::Kind::Hint;
    n.title = tr("FoxReload keeps running in the tray");
    n.body = tr("Quit it from the tray icon's menu.");
    Q_EMIT notify(n);
}

void Notifier::offer(const Notification& notification)
{
    if (m_level == NotificationLevel::Off)
        return;
    if (m_level == NotificationLevel::FailuresAndRewards && notification.kind == Notification::Kind::Reload)
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
    // Several events: the most severe one leads (the latest of equals: it is the state now), the
    // others are listed below it.
    const Notification* lead = &pending.first();
    for (const auto& n : pending) {
        if (int(n.severity) >= int(lead->severity))
            lead = &n;
    }
    Notification merged = *lead;
    merged.eventCount = int(pending.size());
    merged.title = tr("%1 (+%n more)", nullptr, int(pending.size()) - 1).arg(lead->title);
    for (const auto& n : pending) {
        if (n.project != merged.project)
            merged.project.clear(); // about several projects
    }
    QStringList lines;
    if (!lead->body.isEmpty())
        lines.append(firstLine(lead->body));
    for (const auto& n : pending) {
        if (&n == lead)
            continue;
        if (lines.size() == kMergedLines) {
            lines.append(u"…"_s);
            break;
        }
        lines.append(n.body.isEmpty() ? n.title : tr("%1 — %2").arg(n.title, firstLine(n.body)));
    }
    merged.body = lines.join(u'\n');
    Q_EMIT notify(merged);
    m_window.start();
}

} // namespace foxreload::gui
