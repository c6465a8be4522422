#pragma once

#include "AppSettings.h"
#include "server/ReloadResult.h"

#include <QObject>
#include <QTimer>

namespace foxreload::gui {

struct Notification
{
    enum class Severity { Information, Warning, Critical };
    QString title;
    QString body;
    Severity severity = Severity::Information;
    int eventCount = 1; // how many events were merged into this one
};

// Decides what the tray says, and when: it filters by the user's detail level
// and merges bursts, so that a `git checkout` that triggers five reloads in a
// second yields two notifications (the first at once, the rest merged), not
// five. The tray only displays what this emits; tests use it without a tray.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(QObject* parent = nullptr);

    void setLevel(NotificationLevel level) { m_level = level; }
    NotificationLevel level() const { return m_level; }
    // Events within this window after a notification are merged into the next one.
    void setCoalesceWindow(int milliseconds) { m_window.setInterval(milliseconds); }
    int coalesceWindow() const { return m_window.interval(); }

    void reloadFinished(const QString& project, const ReloadResult& result);
    void levelUp(const QString& project, int level);
    void achievementUnlocked(const QString& title, const QString& description);
    void sessionProblem(const QString& project, const QString& message); // crash loop, watch failure

    // The line of a failed reload's detail that names the error (a traceback's last line).
    static QString errorLine(const ReloadResult& result);

Q_SIGNALS:
    void notify(const foxreload::gui::Notification& notification);

private:
    void offer(const Notification& notification, bool isReward, bool isFailure);
    void flush();

    NotificationLevel m_level = NotificationLevel::All;
    QTimer m_window;
    QList<Notification> m_pending;
};

} // namespace foxreload::gui

Q_DECLARE_METATYPE(foxreload::gui::Notification)
