#pragma once

#include "ListChangeTracker.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace foxreload {

class ServerInstance;

// Fetches the lists a server offers (tools, prompts, resources), page by page, after a reload or
// a list_changed of its own. Only the newest fetch of each list delivers, and only while its
// server still serves: an older fetch or a retired server's answer is dropped.
class ListRefresher : public QObject
{
    Q_OBJECT
public:
    using IsServing = std::function<bool(const ServerInstance*)>;

    explicit ListRefresher(IsServing isServing, QObject* parent = nullptr);

    // Fetches every list the server advertises (or only `only`).
    void refresh(ServerInstance* server, std::optional<ListKind> only = std::nullopt);

Q_SIGNALS:
    // A complete list (all its pages), as the server sent the items.
    void fetched(foxreload::ListKind kind, const QJsonArray& items);

private:
    void fetch(ServerInstance* server, ListKind kind, const QString& cursor, QJsonArray collected,
        quint64 generation);

    IsServing m_isServing;
    QHash<ListKind, quint64> m_generation;
};

} // namespace foxreload
