#pragma once

#include "RawMessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace foxreload {

// One MCP connection to one server generation: the transport under the message path.
// Implementations: ServerProcess (the server's stdin/stdout, newline framed) and, in src/net,
// the Streamable HTTP client. A channel never parses into a tree nor re-serialises what it
// carries: it sends the bytes it is given and delivers each received message's bytes with
// the routing view (RawMessage) that deliver() reads from them.
class ServerChannel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // One complete JSON-RPC message (an object, no trailing newline); the channel frames it.
    // Dropped silently when the channel is not open (the server is gone or stopping).
    void send(const QByteArray& message) { writeMessage(message); }
    // For messages FoxReload makes itself (its own requests, proxy errors).
    void send(const QJsonObject& message) { writeMessage(jsonrpc::encode(message)); }

    virtual bool isOpen() const = 0;
    // "stdio of pid 4242", "http://127.0.0.1:40123/mcp": for messages to the user.
    virtual QString describe() const = 0;

Q_SIGNALS:
    // Each message the server sent, in order. A batch arrives as one signal per element.
    void received(const foxreload::jsonrpc::RawMessage& message);
    // What the server sent that is no JSON-RPC message (non-JSON on stdout, a bad body).
    void invalidOutput(const QByteArray& bytes, const QString& problem);
    // A transport problem that does not end the channel (an HTTP request failed, ...).
    void transportError(const QString& message);
    // The connection is over (stdout closed / process gone / session deleted); nothing more arrives.
    void closed(const QString& why);

protected:
    virtual void writeMessage(const QByteArray& message) = 0;
    // Implementations call this with the bytes of each complete message they receive
    // (one stdio line, one JSON body, one SSE event's data): it emits received() for each
    // message in it, or invalidOutput() with the problem.
    void deliver(const QByteArray& bytes);
};

} // namespace foxreload
