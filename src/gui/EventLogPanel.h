#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QTableView;

namespace foxreload {
class HistoryStore;
}

namespace foxreload::gui {

class EventLogFilter;
class MonitoredSession;

// The Events tab: the current session's event log with kind and text filters. A
// session's log starts with the project's recent reloads from the history database,
// so the tab remembers what happened before the app (or the window) was restarted.
class EventLogPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kHistoryRows = 200;

    explicit EventLogPanel(QWidget* parent = nullptr);

    void setStore(HistoryStore* store);
    void bindSession(MonitoredSession* session);
    QTableView* view() const { return m_view; }
    EventLogFilter* filter() const { return m_filter; }

private:
    void loadHistory(MonitoredSession* session);
    void updateFilter();

    QPointer<HistoryStore> m_store;
    QPointer<MonitoredSession> m_session;
    QMetaObject::Connection m_followConnection;
    QTableView* m_view = nullptr;
    EventLogFilter* m_filter = nullptr;
    QCheckBox* m_showBatches = nullptr;
    QCheckBox* m_showReloads = nullptr;
    QCheckBox* m_showErrors = nullptr;
    QCheckBox* m_showServer = nullptr;
    QLineEdit* m_search = nullptr;
};

} // namespace foxreload::gui
