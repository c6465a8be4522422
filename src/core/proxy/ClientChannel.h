#pragma once

#include "platform/ConsoleIo.h"
#include "server/LineFramer.h"
#include "server/RawMessage.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace foxreload {

// The MCP client's side of the stdio transport: newline-delimited JSON-RPC read
// from one file descriptor (stdin: a pipe, a socket, a file or a terminal) and
// written to another (stdout). Every write is one complete line, written whole
// and unbuffered, so nothing but whole JSON-RPC messages ever reaches the client.
// Messages travel as bytes: what is received is scanned (RawMessage), never re-serialised.
// Lines written while the event loop works through one wake-up are collected and written
// together just before it waits again (QAbstractEventDispatcher::aboutToBlock): one write()
// and one wake-up of the client for a burst of answers instead of one per answer.
class ClientChannel : public QObject
{
    Q_OBJECT
public:
    // A line longer than this is skipped and answered as invalid (JSON-RPC has no id for it).
    static constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;
    // Lines at least this long are written at once instead of being collected.
    static constexpr qsizetype kDirectWriteBytes = 256 * 1024;
    // Why the channel closed, for whoever must tell an orderly end from a lost client.
    enum class CloseReason {
        InputEnded, // EOF on stdin: the MCP stdio shutdown
        InputFailed, // reading stdin failed
        OutputFailed, // the client stopped reading stdout
    };

    ClientChannel(int readFd, int writeFd, QObject* parent = nullptr);
    ~ClientChannel() override;

    void start();
    // One complete message (no newline; the channel adds it).
    bool send(const QByteArray& message);
    bool send(const QJsonObject& message);
    // Answers to a batch, as one JSON array on one line.
    bool sendBatch(const QList<QByteArray>& messages);
    bool isOpen() const { return !m_closed; }
    qint64 linesWritten() const { return m_linesWritten; }

Q_SIGNALS:
    void messageReceived(const foxreload::jsonrpc::RawMessage& message);
    // A JSON array: its object elements in `batch.messages`, batch.batchSize elements in all.
    void batchReceived(const foxreload::jsonrpc::ReadResult& batch);
    // A line that is not a JSON-RPC object or array: code is -32700 or -32600.
    void garbageReceived(int code, const QString& problem);
    // The client closed its end (EOF on stdin) or stopped reading (a write failed).
    void closed(const QString& why, foxreload::ClientChannel::CloseReason reason);

private:
    void onReceived(const QByteArray& bytes);
    void onEnded();
    void handleLine(const QByteArray& line);
    bool writeLine(QByteArrayView bytes);
    bool writeAll(QByteArrayView first, QByteArrayView second = {});
    void flush();
    void close(const QString& why, CloseReason reason);

    int m_writeFd;
    LineFramer m_framer { kMaxLineBytes };
    platform::InputReader m_reader; // a thread on Windows, where a pipe cannot wake the event loop
    QByteArray m_pending; // complete lines not yet written
    qint64 m_linesWritten = 0;
    bool m_closed = false;
};

} // namespace foxreload
