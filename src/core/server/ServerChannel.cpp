#include "ServerChannel.h"

namespace foxreload {

void ServerChannel::deliver(const QByteArray& bytes)
{
    const jsonrpc::ReadResult read = jsonrpc::read(bytes);
    if (!read.problem.isEmpty()) {
        Q_EMIT invalidOutput(bytes, read.problem);
        return;
    }
    if (read.isBatch && read.messages.size() != read.batchSize)
        Q_EMIT invalidOutput(bytes, QStringLiteral("a batch element is not an object"));
    for (const auto& message : read.messages)
        Q_EMIT received(message);
}

} // namespace foxreload
