#include "ListRefresher.h"

#include "ProxyLog.h"
#include "server/McpClient.h"
#include "server/ServerInstance.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr int kListTimeoutMs = 10000;
}

ListRefresher::ListRefresher(IsServing isServing, QObject* parent)
    : QObject(parent)
    , m_isServing(std::move(isServing))
{ }

void ListRefresher::refresh(ServerInstance* server, std::optional<ListKind> only)
{
    const QJsonObject capabilities = server->initializeResult().value("capabilities"_L1).toObject();
    for (const auto kind : ListChangeTracker::kAll) {
        if (only && *only != kind)
            continue;
        if (!capabilities.contains(ListChangeTracker::capability(kind)))
            continue;
        fetch(server, kind, {}, {}, ++m_generation[kind]);
    }
}

void ListRefresher::fetch(
    ServerInstance* server, ListKind kind, const QString& cursor, QJsonArray collected, quint64 generation)
{
    QJsonObject params;
    if (!cursor.isEmpty())
        params.insert("cursor"_L1, cursor);
    QPointer<ServerInstance> guard(server);
    server->client()->request(ListChangeTracker::method(kind), params, kListTimeoutMs,
        [this, guard, kind, generation, collected = std::move(collected)](
            const jsonrpc::Reply& reply) mutable {
            if (!guard || !m_isServing(guard) || generation != m_generation.value(kind))
                return; // a newer fetch (or a newer server) decides
            if (!reply.ok()) {
                qCWarning(lcProxy).noquote()
                    << ListChangeTracker::method(kind) << "after the reload failed:" << reply.describe();
                return;
            }
            const QJsonObject result = reply.result.toObject();
            for (const auto& item : result.value(ListChangeTracker::itemsKey(kind)).toArray())
                collected.append(item);
            const QString next = result.value("nextCursor"_L1).toString();
            if (!next.isEmpty()) {
                fetch(guard, kind, next, std::move(collected), generation);
                return;
            }
            Q_EMIT fetched(kind, collected);
        });
}

} // namespace foxreload
