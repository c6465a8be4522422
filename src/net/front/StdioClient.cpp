#include "StdioClient.h"

#include "FrontLog.h"
#include "proxy/ClientChannel.h"

using namespace Qt::StringLiterals;

namespace foxreload::net {

StdioClient::StdioClient(ClientChannel* channel, QObject* parent)
    : ClientConnection(parent)
    , m_channel(channel)
{
    connect(channel, &ClientChannel::messageReceived, this, [this](const jsonrpc::RawMessage& message) {
        if (m_open)
            Q_EMIT received(message);
    });
    connect(channel, &ClientChannel::batchReceived, this, &StdioClient::onBatch);
    connect(channel, &ClientChannel::garbageReceived, this, &StdioClient::onGarbage);
    connect(channel, &ClientChannel::closed, this, &StdioClient::close);
}

StdioClient::~StdioClient() = default;

void StdioClient::send(const QByteArray& message, QByteArrayView relatedRequestId)
{
    Q_UNUSED(relatedRequestId) // one stream: order is all stdio has
    if (m_open && m_channel)
        m_channel->send(message);
}

bool StdioClient::isOpen() const
{
    return m_open && m_channel && m_channel->isOpen();
}

QString StdioClient::describe() const
{
    return u"stdio"_s;
}

void StdioClient::close(const QString& why)
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT closed(why);
}

void StdioClient::onBatch(const jsonrpc::ReadResult& batch)
{
    // MCP dropped JSON-RPC batching in 2025-06-18: an error for each request in it.
    const QString why
        = u"Invalid Request: batches are not part of MCP since 2025-06-18; send each message on "
          u"a line of its own"_s;
    if (batch.batchSize == 0) { // "[]": one error, no array (JSON-RPC 2.0, Batch)
        if (m_channel)
            m_channel->send(
                jsonrpc::errorFor({}, jsonrpc::InvalidRequest, u"Invalid Request: an empty batch"_s));
        return;
    }
    QList<QByteArray> answers;
    for (const jsonrpc::RawMessage& message : batch.messages)
        if (message.id.isValid())
            answers.append(jsonrpc::errorFor(message.rawId(), jsonrpc::InvalidRequest, why));
    for (qsizetype i = batch.messages.size(); i < batch.batchSize; ++i)
        answers.append(jsonrpc::errorFor({}, jsonrpc::InvalidRequest, why));
    qCWarning(lcHttpFront, "the stdio client sent a batch of %lld messages",
        static_cast<long long>(batch.batchSize));
    if (m_channel && !answers.isEmpty())
        m_channel->sendBatch(answers);
}

void StdioClient::onGarbage(int code, const QString& problem)
{
    qCWarning(lcHttpFront, "unreadable line from the stdio client: %s", qPrintable(problem));
    if (m_channel)
        m_channel->send(jsonrpc::errorFor({}, code,
            code == jsonrpc::ParseError ? u"Parse error: "_s + problem : u"Invalid Request: "_s + problem));
}

} // namespace foxreload::net
