#pragma once

#include "MonitoredSession.h"

#include <QFrame>
#include <QLabel>
#include <QPointer>

class QComboBox;
class QPushButton;

namespace foxreload::gui {

class ProjectManager;

// A one-line label that never wraps: text that does not fit is elided, and the whole
// text is in the tooltip. Keeps the dashboard header at one height whatever it shows.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    void setFullText(const QString& text);
    QString fullText() const { return m_fullText; }
    // A tooltip shown always (the full text is added to it when elided).
    void setDetail(const QString& detail);
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateElided();
    QString m_fullText;
    QString m_detail;
};

// The dashboard's header: the project chooser and the current session's state, PID,
// uptime, tool count, FoxReload's own CPU and memory (its tooltip: the budget and the server's),
// and last reload, with a button to trust an untrusted config.
class DashboardHeader : public QFrame
{
    Q_OBJECT
public:
    explicit DashboardHeader(ProjectManager* projects, QWidget* parent = nullptr);

    void bindSession(MonitoredSession* session);
    void rebuildProjectList();
    void refresh();
    void updateUptime();
    // The header as one line ("reynard-server · Watching · 123 · …"), for tests and a11y.
    QString text() const;
    QPushButton* trustButton() const { return m_trustButton; }
    // "0.4 % CPU · 23 MB" or "throttled · 61 MB" (not part of text(): it changes as it samples).
    QString resourcesText() const { return m_resources->fullText(); }

    // Without the own-use column, which gives way on a narrow window (see fitResourcesColumn()).
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void trustRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitResourcesColumn();

    ProjectManager* m_projects;
    QPointer<MonitoredSession> m_session;
    QComboBox* m_projectBox = nullptr;
    QLabel* m_stateIcon = nullptr;
    ElidedLabel* m_state = nullptr;
    ElidedLabel* m_pid = nullptr;
    ElidedLabel* m_uptime = nullptr;
    ElidedLabel* m_tools = nullptr;
    ElidedLabel* m_lastReload = nullptr;
    ElidedLabel* m_resources = nullptr;
    QLabel* m_resourcesCaption = nullptr;
    int m_resourcesColumn = -1;
    int m_resourcesWidth = 0;
    ElidedLabel* m_location = nullptr;
    QPushButton* m_trustButton = nullptr;
};

} // namespace foxreload::gui
