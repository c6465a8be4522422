#include "IdMapper.h"

#include "RequestLedger.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

QString IdMapper::map(QObject* server, const QJsonValue& serverId, const QString& method)
{
    const QString outward = u"fx-"_s + QString::number(m_next++);
    m_origins.insert(outward, Origin { server, serverId, method });
    return outward;
}

std::optional<IdMapper::Origin> IdMapper::take(const QJsonValue& outwardId)
{
    if (!outwardId.isString())
        return std::nullopt;
    auto it = m_origins.find(outwardId.toString());
    if (it == m_origins.end())
        return std::nullopt;
    Origin origin = std::move(it.value());
    m_origins.erase(it);
    return origin;
}

QString IdMapper::outwardFor(const QObject* server, const QJsonValue& serverId) const
{
    const QString key = RequestLedger::idKey(serverId);
    for (auto it = m_origins.cbegin(); it != m_origins.cend(); ++it) {
        if (it->server == server && RequestLedger::idKey(it->id) == key)
            return it.key();
    }
    return {};
}

QStringList IdMapper::takeAllFrom(const QObject* server)
{
    QStringList outward;
    for (auto it = m_origins.begin(); it != m_origins.end();) {
        if (it->server == server) {
            outward.append(it.key());
            it = m_origins.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(outward.begin(), outward.end(),
        [](const QString& a, const QString& b) { return a.mid(3).toULongLong() < b.mid(3).toULongLong(); });
    return outward;
}

} // namespace foxreload
