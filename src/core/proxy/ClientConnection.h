#pragma once

#include "server/RawMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

namespace foxreload {

// One MCP client as the proxy sees it, whatever carries it: messages in and out as raw bytes,
// never re-serialised. The stdio client is one connection for the proxy's whole life; over
// Streamable HTTP each legacy session (Mcp-Session-Id) is one, and each modern (2026-07-28,
// session-less) POST is a short-lived one of its own.
// QtCore only on purpose: the proxy in src/core can take it as it is.
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // One complete JSON-RPC message for the client. `relatedRequestId` is the raw id token
    // (as the client spelt it) of the client request this message belongs to: a progress
    // notification, a log line or a sampling request made while that request runs. HTTP
    // sends such messages on that request's response stream; empty = unrelated or unknown.
    // A response needs no hint: its own id names the request. Dropped when not open.
    virtual void send(const QByteArray& message, QByteArrayView relatedRequestId = {}) = 0;
    virtual bool isOpen() const = 0;
    // "HTTP session 3f2a…", "stdio": for log lines.
    virtual QString describe() const = 0;
    // Ends the connection from the proxy's side (shutdown); emits closed().
    virtual void close(const QString& why) = 0;

Q_SIGNALS:
    // Each message the client sent, in order, read (not parsed into a tree) by jsonrpc::read.
    void received(const foxreload::jsonrpc::RawMessage& message);
    // Nothing more comes from this client (EOF, DELETE, session expired, POST stream gone).
    void closed(const QString& why);
};

} // namespace foxreload
