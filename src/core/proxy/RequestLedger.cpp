#include "RequestLedger.h"

#include "NumberedId.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr QByteArrayView kProxyIdPrefix = "\"px-";

void sortBySeq(QList<RequestLedger::Entry>& entries)
{
    std::sort(entries.begin(), entries.end(),
        [](const RequestLedger::Entry& a, const RequestLedger::Entry& b) { return a.seq < b.seq; });
}
} // namespace

RequestLedger::Entry RequestLedger::entryFor(quint64 seq, const jsonrpc::RawMessage& message, int attempts)
{
    Entry entry;
    entry.seq = seq;
    entry.clientKey = message.idKey();
    entry.method = message.method;
    entry.message = message;
    entry.attempts = attempts;
    const jsonrpc::Span token = message.paramsMember({ "_meta", "progressToken" });
    if (token.isValid())
        entry.progressKey = jsonrpc::tokenKey(message.view(token));
    return entry;
}

bool RequestLedger::isIdempotent(const QString& method)
{
    static const QSet<QString> reads { u"tools/list"_s, u"prompts/list"_s, u"resources/list"_s,
        u"resources/templates/list"_s, u"resources/read"_s, u"prompts/get"_s, u"ping"_s,
        u"server/discover"_s };
    return reads.contains(method);
}

quint64 RequestLedger::proxyNumber(QByteArrayView rawId)
{
    return proxyid::number(kProxyIdPrefix, rawId);
}

QByteArray RequestLedger::proxyIdToken(quint64 number)
{
    return proxyid::token(kProxyIdPrefix, number);
}

quint64 RequestLedger::add(Entry entry, QObject* server)
{
    entry.proxyNumber = m_nextId++;
    entry.server = server;
    ++entry.attempts;
    const quint64 number = entry.proxyNumber;
    m_byClientKey.insert({ entry.clientKey }, number);
    m_entries.insert(number, std::move(entry));
    return number;
}

const RequestLedger::Entry* RequestLedger::find(quint64 proxyNumber) const
{
    auto it = m_entries.constFind(proxyNumber);
    return it == m_entries.cend() ? nullptr : &it.value();
}

const RequestLedger::Entry* RequestLedger::findByClientKey(const QByteArray& clientKey) const
{
    const auto it = m_byClientKey.constFind({ clientKey });
    return it == m_byClientKey.cend() ? nullptr : find(it.value());
}

bool RequestLedger::hasProgressToken(const QByteArray& tokenKey, const QObject* server) const
{
    if (tokenKey.isEmpty())
        return false;
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
        [&](const Entry& entry) { return entry.server == server && entry.progressKey == tokenKey; });
}

std::optional<RequestLedger::Entry> RequestLedger::take(quint64 proxyNumber)
{
    auto it = m_entries.find(proxyNumber);
    if (it == m_entries.end())
        return std::nullopt;
    Entry entry = std::move(it.value());
    m_entries.erase(it);
    m_byClientKey.remove({ entry.clientKey });
    return entry;
}

std::optional<RequestLedger::Entry> RequestLedger::takeByClientKey(const QByteArray& clientKey)
{
    const auto it = m_byClientKey.constFind({ clientKey });
    if (it == m_byClientKey.cend())
        return std::nullopt;
    return take(it.value());
}

QList<RequestLedger::Entry> RequestLedger::takeAllOn(const QObject* server)
{
    QList<Entry> taken;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->server == server) {
            m_byClientKey.remove({ it->clientKey });
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
    m_byClientKey.clear();
    sortBySeq(taken);
    return taken;
}

int RequestLedger::countOn(const QObject* server) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
        [server](const Entry& entry) { return entry.server == server; }));
}

} // namespace foxreload
