#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace foxreload::gui {

// How much the tray says about reloads.
enum class NotificationLevel {
    All, // every reload, failures, rewards
    FailuresAndRewards, // failures, level-ups and achievements only
    Off,
};

QString notificationLevelKey(NotificationLevel level); // "all", "failures", "off"
NotificationLevel notificationLevelFromKey(const QString& key);

// The desktop app's own preferences (not part of a project's .foxreload.yaml):
// the remembered projects, notifications, language, window state. Stored with
// QSettings under the organisation "FoxReload", application "foxreload".
class AppSettings
{
public:
    AppSettings();

    QStringList projects() const; // absolute .foxreload.yaml paths, in the order added
    void setProjects(const QStringList& configFiles);
    QString currentProject() const;
    void setCurrentProject(const QString& configFile);

    NotificationLevel notificationLevel() const;
    void setNotificationLevel(NotificationLevel level);
    // The one-time "keeps running in the tray" notice was shown.
    bool trayHintShown() const;
    void setTrayHintShown(bool shown);

    // "" follows the system locale; otherwise "en", "de", "fr".
    QString language() const;
    void setLanguage(const QString& language);
    static QStringList availableLanguages();

    QByteArray dashboardGeometry() const;
    void setDashboardGeometry(const QByteArray& geometry);
    QByteArray dashboardState() const; // QMainWindow::saveState(): toolbars
    void setDashboardState(const QByteArray& state);
    int dashboardTab() const;
    void setDashboardTab(int index);
    QByteArray settingsGeometry() const;
    void setSettingsGeometry(const QByteArray& geometry);
    int settingsTab() const;
    void setSettingsTab(int index);

    // The reward chosen of a kind ("skin", "accent", "title"; RewardChoices): its id, "" for none.
    QString reward(const QString& kind) const;
    void setReward(const QString& kind, const QString& id);

private:
    mutable QSettings m_settings;
};

} // namespace foxreload::gui
