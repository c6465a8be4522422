#include "IdMapper.h"

#include "NumberedId.h"
#include "server/RawMessage.h"

#include <algorithm>

namespace foxreload {

namespace {
constexpr QByteArrayView kPrefix = "\"fx-";
}

QByteArray IdMapper::token(quint64 outward)
{
    return proxyid::token(kPrefix, outward);
}

quint64 IdMapper::number(QByteArrayView rawId)
{
    return proxyid::number(kPrefix, rawId);
}

quint64 IdMapper::map(QObject* server, QByteArrayView serverId, const QString& method)
{
    const quint64 outward = m_next++;
    m_origins.insert(outward, Origin { server, serverId.toByteArray(), jsonrpc::tokenKey(serverId), method });
    return outward;
}

std::optional<IdMapper::Origin> IdMapper::take(quint64 outward)
{
    auto it = m_origins.find(outward);
    if (it == m_origins.end())
        return std::nullopt;
    Origin origin = std::move(it.value());
    m_origins.erase(it);
    return origin;
}

quint64 IdMapper::outwardFor(const QObject* server, const QByteArray& serverIdKey) const
{
    for (auto it = m_origins.cbegin(); it != m_origins.cend(); ++it) {
        if (it->server == server && it->idKey == serverIdKey)
            return it.key();
    }
    return 0;
}

QList<quint64> IdMapper::takeAllFrom(const QObject* server)
{
    QList<quint64> outward;
    for (auto it = m_origins.begin(); it != m_origins.end();) {
        if (it->server == server) {
            outward.append(it.key());
            it = m_origins.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(outward.begin(), outward.end());
    return outward;
}

} // namespace foxreload
