#include "DesktopNotifications.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "foxreload.gui.notify", QtInfoMsg)

namespace foxreload::gui {

namespace {

const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;
constexpr int kCallTimeoutMs = 5000;
constexpr int kMaxWaiting = 20; // while the first probe runs; a burst beyond this is old news
constexpr int kIconSize = 64;
constexpr qsizetype kRememberedIds = 64;

// The specification's urgency levels (hint "urgency", a byte).
enum Urgency : uchar { Low = 0, Normal = 1, Critical = 2 };

Urgency urgencyOf(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::Reload:
        return Low;
    case Notification::Kind::Reward:
    case Notification::Kind::Hint:
        return Normal;
    case Notification::Kind::Failure:
    case Notification::Kind::Problem:
        break;
    }
    return Critical;
}

// Milliseconds; 0 = until the user dismisses it. A failure stays until it is read
// or until the project's next reload replaces it (see replaceKey()).
int timeoutOf(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::Reload:
        return 4000;
    case Notification::Kind::Reward:
        return 8000;
    case Notification::Kind::Hint:
        return 10000;
    case Notification::Kind::Failure:
    case Notification::Kind::Problem:
        break;
    }
    return 0;
}

// Many daemons parse a markup subset in the body; text from a traceback must not be read as tags.
QString escapeMarkup(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'&')
            escaped += u"&amp;"_s;
        else if (c == u'<')
            escaped += u"&lt;"_s;
        else if (c == u'>')
            escaped += u"&gt;"_s;
        else
            escaped += c;
    }
    return escaped;
}

} // namespace

DesktopNotifications::DesktopNotifications(QObject* parent)
    : DesktopNotifications(QDBusConnection::sessionBus(), parent)
{ }

DesktopNotifications::DesktopNotifications(const QDBusConnection& bus, QObject* parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected()) {
        m_availability = Availability::Unavailable;
        return;
    }
    // A daemon that starts later (or restarts) is asked again; one that leaves gets the balloon.
    auto* watcher = new QDBusServiceWatcher(kService, m_bus,
        QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration, this);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
        if (!m_probing)
            setAvailability(Availability::Unknown);
    });
    connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        m_openByKey.clear();
        setAvailability(Availability::Unavailable);
    });
    m_bus.connect(
        kService, kPath, kInterface, u"ActionInvoked"_s, this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(
        kService, kPath, kInterface, u"NotificationClosed"_s, this, SLOT(onNotificationClosed(uint, uint)));
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::show(const Notification& notification)
{
    switch (m_availability) {
    case Availability::Available:
        send(notification);
        return;
    case Availability::Unavailable:
        Q_EMIT fallbackNeeded(notification);
        return;
    case Availability::Unknown:
        break;
    }
    if (m_waiting.size() < kMaxWaiting)
        m_waiting.append(notification);
    probe();
}

void DesktopNotifications::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    // A D-Bus-activatable daemon that is not running yet is started by this call.
    const QDBusMessage call
        = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"GetCapabilities"_s);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &DesktopNotifications::onProbed);
}

void DesktopNotifications::onProbed(QDBusPendingCallWatcher* watcher)
{
    watcher->deleteLater();
    m_probing = false;
    const QDBusPendingReply<QStringList> reply = *watcher;
    if (reply.isError()) {
        qCInfo(lcNotify).noquote() << "no desktop notification service:" << reply.error().message()
                                   << "- using the tray's balloon";
        setAvailability(Availability::Unavailable);
    } else {
        m_capabilities = reply.value();
        qCDebug(lcNotify) << "notification service capabilities:" << m_capabilities;
        setAvailability(Availability::Available);
    }
    const QList<Notification> waiting = std::exchange(m_waiting, {});
    for (const auto& notification : waiting)
        show(notification);
}

void DesktopNotifications::setAvailability(Availability availability)
{
    if (availability == m_availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged(availability);
}

QString DesktopNotifications::replaceKey(const Notification& notification)
{
    // A project's reloads and failures share one notification: the fix replaces the error.
    switch (notification.kind) {
    case Notification::Kind::Reload:
    case Notification::Kind::Failure:
    case Notification::Kind::Problem:
        return u"session:"_s + notification.project;
    case Notification::Kind::Reward:
        return u"reward"_s;
    case Notification::Kind::Hint:
        break;
    }
    return u"hint"_s;
}

QString DesktopNotifications::appIcon() const
{
    if (QIcon::hasThemeIcon(u"foxreload"_s))
        return u"foxreload"_s; // installed with the app: the daemon finds it in the icon theme
    if (!m_iconPath.isEmpty())
        return m_iconPath;
    // Not installed (a build tree, a test): render the bundled SVG once into the cache.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString path = QDir(dir).filePath(u"foxreload-%1.png"_s.arg(kIconSize));
    if (!QFileInfo::exists(path)) {
        QImage image(kIconSize, kIconSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(u":/icons/foxreload.svg"_s);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QSaveFile file(path);
        if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG")
            || !file.commit()) {
            qCWarning(lcNotify).noquote() << "cannot write the notification icon" << path;
            return u"foxreload"_s;
        }
    }
    m_iconPath = path;
    return m_iconPath;
}

void DesktopNotifications::send(const Notification& notification)
{
    const QString key = replaceKey(notification);
    const uint replaces = m_openByKey.value(key, 0);
    QStringList actions;
    if (m_capabilities.contains(u"actions"_s)) {
        actions << QString::fromLatin1(kOpenDashboard) << tr("Open dashboard");
        if (!notification.project.isEmpty()
            && (notification.kind == Notification::Kind::Failure
                || notification.kind == Notification::Kind::Problem))
            actions << QString::fromLatin1(kShowError) << tr("Show error");
    }
    QVariantMap hints;
    hints.insert(u"urgency"_s, QVariant::fromValue(uchar(urgencyOf(notification.kind))));
    hints.insert(u"desktop-entry"_s, u"foxreload"_s);
    hints.insert(u"category"_s,
        notification.kind == Notification::Kind::Failure      ? u"x-foxreload.reload.error"_s
            : notification.kind == Notification::Kind::Reload ? u"x-foxreload.reload"_s
                                                              : u"x-foxreload"_s);
    const QString body
        = m_capabilities.contains(u"body-markup"_s) ? escapeMarkup(notification.body) : notification.body;

    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    call << u"FoxReload"_s << replaces << appIcon() << notification.title << body << actions << hints
         << timeoutOf(notification.kind);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, notification, key, replaces] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            // The daemon went away or hangs: this one and the next go to the balloon.
            qCWarning(lcNotify).noquote() << "the notification service failed:" << reply.error().message();
            setAvailability(Availability::Unavailable);
            Q_EMIT fallbackNeeded(notification);
            return;
        }
        const uint id = reply.value();
        if (replaces != 0 && replaces != id)
            forget(replaces);
        m_openByKey.insert(key, id);
        remember(id, notification.project);
        Q_EMIT shown(id);
    });
}

void DesktopNotifications::remember(uint id, const QString& project)
{
    // Kept after the notification closed: a daemon may report the close before the action.
    if (!m_projectById.contains(id))
        m_recentIds.append(id);
    m_projectById.insert(id, project);
    while (m_recentIds.size() > kRememberedIds)
        m_projectById.remove(m_recentIds.takeFirst());
}

void DesktopNotifications::forget(uint id)
{
    for (auto it = m_openByKey.begin(); it != m_openByKey.end();) {
        if (it.value() == id)
            it = m_openByKey.erase(it);
        else
            ++it;
    }
}

void DesktopNotifications::onActionInvoked(uint id, const QString& action)
{
    // The signal goes to every client of the daemon: only our own notifications count.
    const auto it = m_projectById.constFind(id);
    if (it == m_projectById.constEnd())
        return;
    Q_EMIT actionInvoked(it.value(), action);
}

void DesktopNotifications::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    forget(id);
}

} // namespace foxreload::gui
