#include "ListenStreams.h"

#include "NumberedId.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr QByteArrayView kPrefix = "\"ls-";
} // namespace

QLatin1StringView ListenStreams::filterKey(ListKind kind)
{
    switch (kind) {
    case ListKind::Tools:
        return "toolsListChanged"_L1;
    case ListKind::Prompts:
        return "promptsListChanged"_L1;
    case ListKind::Resources:
        return "resourcesListChanged"_L1;
    }
    return {};
}

bool ListenStreams::Stream::wants(ListKind kind) const
{
    return filter.value(filterKey(kind)).toBool();
}

QStringList ListenStreams::Stream::resourceUris() const
{
    QStringList uris;
    for (const auto& uri : filter.value("resourceSubscriptions"_L1).toArray())
        uris.append(uri.toString());
    return uris;
}

QByteArray ListenStreams::token(quint64 number)
{
    return proxyid::token(kPrefix, number);
}

quint64 ListenStreams::number(QByteArrayView rawId)
{
    return proxyid::number(kPrefix, rawId);
}

ListenStreams::Stream& ListenStreams::add(const jsonrpc::RawMessage& request)
{
    Stream stream;
    stream.clientId = request.rawId().toByteArray();
    stream.clientKey = request.idKey();
    stream.request = request;
    stream.filter = request.toObject().value("params"_L1).toObject().value("notifications"_L1).toObject();
    auto [it, inserted] = m_streams.insert_or_assign(stream.clientKey, std::move(stream));
    return it->second;
}

QByteArray ListenStreams::openOn(Stream& stream, QObject* server)
{
    if (stream.number)
        m_byNumber.remove(stream.number);
    stream.number = m_next++;
    stream.server = server;
    stream.local = false;
    m_byNumber.insert(stream.number, stream.clientKey);
    return token(stream.number);
}

void ListenStreams::makeLocal(Stream& stream, QObject* server)
{
    if (stream.number)
        m_byNumber.remove(stream.number);
    stream.number = 0;
    stream.server = server;
    stream.local = true;
}

ListenStreams::Stream* ListenStreams::byNumber(quint64 number)
{
    const auto key = m_byNumber.constFind(number);
    return key == m_byNumber.cend() ? nullptr : byClientKey(key.value());
}

ListenStreams::Stream* ListenStreams::byClientKey(const QByteArray& clientKey)
{
    const auto it = m_streams.find(clientKey);
    return it == m_streams.end() ? nullptr : &it->second;
}

std::optional<ListenStreams::Stream> ListenStreams::take(const QByteArray& clientKey)
{
    const auto it = m_streams.find(clientKey);
    if (it == m_streams.end())
        return std::nullopt;
    Stream stream = std::move(it->second);
    m_streams.erase(it);
    if (stream.number)
        m_byNumber.remove(stream.number);
    return stream;
}

void ListenStreams::detach(const QObject* server)
{
    for (auto& [key, stream] : m_streams) {
        if (stream.server != server)
            continue;
        if (stream.number)
            m_byNumber.remove(stream.number);
        stream.number = 0;
        stream.server = nullptr;
    }
}

QList<ListenStreams::Stream*> ListenStreams::all()
{
    QList<Stream*> streams;
    for (auto& [key, stream] : m_streams)
        streams.append(&stream);
    return streams;
}

} // namespace foxreload
