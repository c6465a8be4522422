#include "EventLogModel.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

EventLogModel::EventLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
    , m_createdAt(QDateTime::currentDateTime())
{ }

void EventLogModel::append(const LogEntry& entry)
{
    // Trim in chunks: one removal per hundred rows keeps views cheap to update.
    if (int(m_entries.size()) >= m_capacity) {
        const int drop = std::min<int>(int(m_entries.size()), std::max(1, m_capacity / 100));
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    endInsertRows();
}

void EventLogModel::prependHistory(const QList<LogEntry>& entries)
{
    m_historyLoaded = true;
    QList<LogEntry> older;
    for (const auto& entry : entries) {
        if (entry.time < m_createdAt)
            older.append(entry);
    }
    const int room = m_capacity - int(m_entries.size());
    if (room <= 0 || older.isEmpty())
        return;
    if (older.size() > room)
        older.remove(0, older.size() - room); // the newest of them
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_entries.insert(m_entries.begin(), older.cbegin(), older.cend());
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString EventLogModel::kindText(LogEntry::Kind kind)
{
    switch (kind) {
    case LogEntry::Batch:
        return tr("Changes");
    case LogEntry::Reload:
        return tr("Reload");
    case LogEntry::Error:
        return tr("Error");
    case LogEntry::Server:
        return tr("Server");
    }
    return {};
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const LogEntry& e = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case KindColumn:
            return kindText(e.kind);
        case SummaryColumn:
            return e.summary;
        }
        break;
    case Qt::ToolTipRole:
        return e.detail.isEmpty() ? e.summary : QString(e.summary + u"\n\n"_s + e.detail);
    case Qt::ForegroundRole:
        if (e.kind == LogEntry::Error)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case KindRole:
        return int(e.kind);
    case Qt::AccessibleTextRole:
        return QString(kindText(e.kind) + u": "_s + e.summary);
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Type");
    case SummaryColumn:
        return tr("Event");
    }
    return {};
}

EventLogFilter::EventLogFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

void EventLogFilter::setKinds(int kindMask)
{
    if (kindMask == m_kinds)
        return;
    m_kinds = kindMask;
    invalidateFilter();
}

void EventLogFilter::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* model = sourceModel();
    const int kind = model->index(sourceRow, 0, sourceParent).data(EventLogModel::KindRole).toInt();
    if (!(kind & m_kinds))
        return false;
    if (m_text.isEmpty())
        return true;
    const QModelIndex summary = model->index(sourceRow, EventLogModel::SummaryColumn, sourceParent);
    return summary.data().toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace foxreload::gui
