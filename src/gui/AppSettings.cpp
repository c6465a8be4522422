#include "AppSettings.h"

#include "common/EnumNames.h"

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {
constexpr EnumName<NotificationLevel> kNotificationLevelKeys[] {
    { NotificationLevel::All, u"all" },
    { NotificationLevel::FailuresAndRewards, u"failures" },
    { NotificationLevel::Off, u"off" },
};
} // namespace

QString notificationLevelKey(NotificationLevel level)
{
    return nameOf<NotificationLevel>(kNotificationLevelKeys, level);
}

NotificationLevel notificationLevelFromKey(const QString& key)
{
    return valueOf<NotificationLevel>(kNotificationLevelKeys, key).value_or(NotificationLevel::All);
}

AppSettings::AppSettings()
    : m_settings(u"FoxReload"_s, u"foxreload"_s)
{ }

QStringList AppSettings::projects() const
{
    return m_settings.value(u"projects/files"_s).toStringList();
}

void AppSettings::setProjects(const QStringList& configFiles)
{
    m_settings.setValue(u"projects/files"_s, configFiles);
}

QString AppSettings::currentProject() const
{
    return m_settings.value(u"projects/current"_s).toString();
}

void AppSettings::setCurrentProject(const QString& configFile)
{
    m_settings.setValue(u"projects/current"_s, configFile);
}

NotificationLevel AppSettings::notificationLevel() const
{
    return notificationLevelFromKey(m_settings.value(u"notifications/level"_s, u"all"_s).toString());
}

void AppSettings::setNotificationLevel(NotificationLevel level)
{
    m_settings.setValue(u"notifications/level"_s, notificationLevelKey(level));
}

bool AppSettings::trayHintShown() const
{
    return m_settings.value(u"notifications/trayHintShown"_s, false).toBool();
}

void AppSettings::setTrayHintShown(bool shown)
{
    m_settings.setValue(u"notifications/trayHintShown"_s, shown);
}

QString AppSettings::language() const
{
    return m_settings.value(u"ui/language"_s).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    m_settings.setValue(u"ui/language"_s, language);
}

QStringList AppSettings::availableLanguages()
{
    return { u"en"_s, u"de"_s, u"fr"_s };
}

QByteArray AppSettings::dashboardGeometry() const
{
    return m_settings.value(u"dashboard/geometry"_s).toByteArray();
}

void AppSettings::setDashboardGeometry(const QByteArray& geometry)
{
    m_settings.setValue(u"dashboard/geometry"_s, geometry);
}

QByteArray AppSettings::dashboardState() const
{
    return m_settings.value(u"dashboard/state"_s).toByteArray();
}

void AppSettings::setDashboardState(const QByteArray& state)
{
    m_settings.setValue(u"dashboard/state"_s, state);
}

int AppSettings::dashboardTab() const
{
    return m_settings.value(u"dashboard/tab"_s, 0).toInt();
}

void AppSettings::setDashboardTab(int index)
{
    m_settings.setValue(u"dashboard/tab"_s, index);
}

QByteArray AppSettings::settingsGeometry() const
{
    return m_settings.value(u"settings/geometry"_s).toByteArray();
}

void AppSettings::setSettingsGeometry(const QByteArray& geometry)
{
    m_settings.setValue(u"settings/geometry"_s, geometry);
}

int AppSettings::settingsTab() const
{
    return m_settings.value(u"settings/tab"_s, 0).toInt();
}

void AppSettings::setSettingsTab(int index)
{
    m_settings.setValue(u"settings/tab"_s, index);
}

QString AppSettings::reward(const QString& kind) const
{
    return m_settings.value(u"rewards/"_s + kind).toString();
}

void AppSettings::setReward(const QString& kind, const QString& id)
{
    m_settings.setValue(u"rewards/"_s + kind, id);
}

} // namespace foxreload::gui
