#pragma once

#include "Notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QDBusPendingCallWatcher;

namespace foxreload::gui {

// Shows the Notifier's notifications through the desktop's notification service
// (org.freedesktop.Notifications over D-Bus), so they get the desktop's history,
// do-not-disturb and actions. Every call is asynchronous: a slow or hung daemon
// never stalls the GUI thread. Where no service answers (no session bus, no
// daemon, or the daemon went away), each notification is handed back through
// fallbackNeeded() for the tray's own balloon.
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };

    // Action keys sent to the daemon and reported by actionInvoked().
    static constexpr auto kOpenDashboard = "default";
    static constexpr auto kShowError = "show-error";

    explicit DesktopNotifications(QObject* parent = nullptr); // the session bus
    DesktopNotifications(const QDBusConnection& bus, QObject* parent = nullptr);
    ~DesktopNotifications() override;

    Availability availability() const { return m_availability; }
    QStringList capabilities() const { return m_capabilities; }
    // The icon sent as app_icon: the installed theme icon's name, or a PNG rendered into the cache.
    QString appIcon() const;

    void show(const foxreload::gui::Notification& notification);

Q_SIGNALS:
    // The user chose an action of a notification about `project` (empty: not about one project).
    void actionInvoked(const QString& project, const QString& action);
    void fallbackNeeded(const foxreload::gui::Notification& notification);
    void availabilityChanged(foxreload::gui::DesktopNotifications::Availability availability);
    void shown(uint id); // the daemon accepted a notification (tests wait for it)

private Q_SLOTS:
    // Old-style slots: QDBusConnection::connect() in Qt 6.4 takes no functors.
    void onActionInvoked(uint id, const QString& action);
    void onNotificationClosed(uint id, uint reason);

private:
    void probe();
    void onProbed(QDBusPendingCallWatcher* watcher);
    void send(const Notification& notification);
    void setAvailability(Availability availability);
    void remember(uint id, const QString& project);
    void forget(uint id); // closed: the next notification of its kind is a new one
    static QString replaceKey(const Notification& notification);

    QDBusConnection m_bus;
    Availability m_availability = Availability::Unknown;
    bool m_probing = false;
    QStringList m_capabilities;
    QList<Notification> m_waiting; // shown once the probe has answered
    QHash<QString, uint> m_openByKey; // replace key → the daemon's id of the open notification
    QHash<uint, QString> m_projectById; // for actions, also shortly after a close
    QList<uint> m_recentIds; // the order m_projectById was filled in, oldest first
    mutable QString m_iconPath;
};

} // namespace foxreload::gui
