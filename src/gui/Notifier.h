#pragma once

#include "AppSettings.h"
#include "common/ReloadResult.h"

#include <QObject>
#include <QTimer>

namespace foxreload::gui {

struct Notification
{
    enum class Severity { Information, Warning, Critical };
    // What it is about: decides urgency, timeout and actions where it is shown.
    enum class Kind {
        Reload, // a reload went well
        Failure, // a reload failed
        Problem, // a session needs the user (crash loop, watch failure)
        Reward, // level up, achievement
        Hint, // something about the app itself
    };
    QString title;
    QString body; // plain text, no markup
    Severity severity = Severity::Information;
    int eventCount = 1; // how many events were merged into this one
    Kind kind = Kind::Reload;
    QString project; // the project it is about; empty: the app or the player
};

// Decides what the desktop is told, and when: it words every notification,
// filters by the user's detail level and merges bursts, so that a `git checkout`
// that triggers five reloads in a second yields two notifications (the first at
// once, the rest merged), not five. DesktopNotifications or the tray's balloon
// only display what this emits; tests use it without either.
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
    // totalXp < 0: unknown, the body then says nothing about XP.
    void levelUp(const QString& project, int level, qint64 totalXp = -1);
    void achievementUnlocked(const QString& title, const QString& description);
    void sessionProblem(const QString& project, const QString& message); // crash loop, watch failure
    // "FoxReload keeps running in the tray": shown at once, whatever the level (it is about the app).
    void keepsRunningHint();

    // The line of a failed reload's detail that names the error (a traceback's last line).
    static QString errorLine(const ReloadResult& result);
    // The one line that says why a reload failed, e.g.
    // "SyntaxError: invalid syntax (tools/weather.py, line 3)": no method name, nothing twice.
    static QString errorSummary(const ReloadResult& result);

Q_SIGNALS:
    void notify(const foxreload::gui::Notification& notification);

private:
    void offer(const Notification& notification);
    void flush();

    NotificationLevel m_level = NotificationLevel::All;
    QTimer m_window;
    QList<Notification> m_pending;
};

} // namespace foxreload::gui

Q_DECLARE_METATYPE(foxreload::gui::Notification)
