#pragma once

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace foxreload {

// The lists an MCP server offers and that may change when it reloads.
enum class ListKind { Tools, Prompts, Resources };

// Remembers, per list, what the client last saw and tells whether a fresh copy
// differs: an item added, removed, or its definition edited (order alone does
// not count). The first copy of a list is the baseline and is never a change.
class ListChangeTracker
{
public:
    struct Diff
    {
        QStringList added;
        QStringList removed;
        QStringList changed; // same name, different definition

        bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
    };

    static QString method(ListKind kind); // "tools/list"
    static QString notification(ListKind kind); // "notifications/tools/list_changed"
    static QString itemsKey(ListKind kind); // "tools"
    static QString capability(ListKind kind); // "tools"
    static QString kindName(ListKind kind); // "tools"
    static constexpr ListKind kAll[] = { ListKind::Tools, ListKind::Prompts, ListKind::Resources };

    // Stores `items` as what the client now sees; returns how it differs from before.
    Diff update(ListKind kind, const QJsonArray& items);
    bool hasBaseline(ListKind kind) const { return m_seen.contains(kind); }
    QStringList names(ListKind kind) const;
    void forget(ListKind kind) { m_seen.remove(kind); }

private:
    QHash<ListKind, QHash<QString, QByteArray>> m_seen; // item key → canonical JSON
};

} // namespace foxreload
