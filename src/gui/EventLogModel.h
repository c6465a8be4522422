#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

#include <deque>

namespace foxreload::gui {

// One line of a session's event log.
struct LogEntry
{
    enum Kind {
        Batch = 0x1, // a batch of file changes and its plan
        Reload = 0x2, // a reload started or finished well
        Error = 0x4, // a failed reload, a crash, a warning
        Server = 0x8, // server state changes (started, exited)
    };
    QDateTime time; // local time
    Kind kind = Batch;
    QString summary; // one line
    QString detail; // shown as tooltip (reasons, traceback)
};

// The event log of one session: newest rows last, capped so that a day-long
// session does not grow without bound (the oldest rows go first).
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, SummaryColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1 };

    explicit EventLogModel(QObject* parent = nullptr, int capacity = 20000);

    void append(const LogEntry& entry);
    // Entries from before this log existed (oldest first), put in front of its own rows;
    // once per log (historyLoaded() then says so). What exceeds the capacity is dropped.
    void prependHistory(const QList<LogEntry>& entries);
    bool historyLoaded() const { return m_historyLoaded; }
    // When this log began: history from later is this log's own and must not be loaded twice.
    QDateTime createdAt() const { return m_createdAt; }
    void clear();
    const LogEntry& entry(int row) const { return m_entries[std::size_t(row)]; }
    int capacity() const { return m_capacity; }

    static QString kindText(LogEntry::Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<LogEntry> m_entries;
    int m_capacity;
    QDateTime m_createdAt;
    bool m_historyLoaded = false;
};

// Shows the kinds the user picked, and rows whose summary contains a text.
class EventLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventLogFilter(QObject* parent = nullptr);

    void setKinds(int kindMask); // LogEntry::Kind bits
    int kinds() const { return m_kinds; }
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_kinds = LogEntry::Batch | LogEntry::Reload | LogEntry::Error | LogEntry::Server;
    QString m_text;
};

} // namespace foxreload::gui
