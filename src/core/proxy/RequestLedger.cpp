#include "RequestLedger.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr auto kProxyIdPrefix = "px-"_L1;

void sortBySeq(QList<RequestLedger::Entry>& entries)
{
    std::sort(entries.begin(), entries.end(),
        [](const RequestLedger::Entry& a, const RequestLedger::Entry& b) { return a.seq < b.seq; });
}
} // namespace

QString RequestLedger::idKey(const QJsonValue& id)
{
    if (id.isString())
        return u"s:"_s + id.toString();
    if (id.isDouble())
        return u"n:"_s + QString::number(id.toDouble(), 'g', 17);
    if (id.isNull())
        return u"null"_s;
    return u"?"_s;
}

bool RequestLedger::isIdempotent(const QString& method)
{
    static const QSet<QString> reads { u"tools/list"_s, u"prompts/list"_s, u"resources/list"_s,
        u"resources/templates/list"_s, u"resources/read"_s, u"prompts/get"_s, u"ping"_s };
    return reads.contains(method);
}

bool RequestLedger::isProxyId(const QJsonValue& id)
{
    return id.isString() && id.toString().startsWith(kProxyIdPrefix);
}

QJsonValue RequestLedger::progressToken(const QJsonObject& message)
{
    return message.value("params"_L1).toObject().value("_meta"_L1).toObject().value("progressToken"_L1);
}

QString RequestLedger::add(Entry entry, QObject* server)
{
    entry.proxyId = kProxyIdPrefix + QString::number(m_nextId++);
    entry.server = server;
    ++entry.attempts;
    const QString proxyId = entry.proxyId;
    m_byClientId.insert(idKey(entry.clientId), proxyId);
    m_entries.insert(proxyId, std::move(entry));
    return proxyId;
}

const RequestLedger::Entry* RequestLedger::find(const QString& proxyId) const
{
    auto it = m_entries.constFind(proxyId);
    return it == m_entries.cend() ? nullptr : &it.value();
}

const RequestLedger::Entry* RequestLedger::findByClientId(const QJsonValue& clientId) const
{
    const auto it = m_byClientId.constFind(idKey(clientId));
    return it == m_byClientId.cend() ? nullptr : find(it.value());
}

bool RequestLedger::hasProgressToken(const QJsonValue& token, const QObject* server) const
{
    if (token.isUndefined() || token.isNull())
        return false;
    const QString key = idKey(token);
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry& entry) {
        return entry.server == server && idKey(progressToken(entry.message)) == key;
    });
}

std::optional<RequestLedger::Entry> RequestLedger::take(const QString& proxyId)
{
    auto it = m_entries.find(proxyId);
    if (it == m_entries.end())
        return std::nullopt;
    Entry entry = std::move(it.value());
    m_entries.erase(it);
    m_byClientId.remove(idKey(entry.clientId));
    return entry;
}

std::optional<RequestLedger::Entry> RequestLedger::takeByClientId(const QJsonValue& clientId)
{
    const auto it = m_byClientId.constFind(idKey(clientId));
    if (it == m_byClientId.cend())
        return std::nullopt;
    return take(it.value());
}

QList<RequestLedger::Entry> RequestLedger::takeAllOn(const QObject* server)
{
    QList<Entry> taken;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->server == server) {
            m_byClientId.remove(idKey(it->clientId));
            taken.append(std::move(it.value()));
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    sortBySeq(taken);
    return taken;
}

QList<RequestLedger::Entry> RequestLedger::takeAll()
{
    QList<Entry> taken = m_entries.values();
    m_entries.clear();
    m_byClientId.clear();
    sortBySeq(taken);
    return taken;
}

int RequestLedger::countOn(const QObject* server) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
        [server](const Entry& entry) { return entry.server == server; }));
}

} // namespace foxreload
