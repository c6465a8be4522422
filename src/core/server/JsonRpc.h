#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace foxreload::jsonrpc {

// JSON-RPC 2.0 error codes used by FoxReload (the standard ones and MCP's).
enum ErrorCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    // Implementation-defined server errors (-32000..-32099):
    ServerUnavailable = -32001, // no server could take the request
    RequestInterrupted = -32002, // the server was reloaded while the request was in flight
};

enum class MessageKind { Request, Notification, Response, ErrorResponse, Invalid };

MessageKind classify(const QJsonObject& message);

QJsonObject request(const QJsonValue& id, const QString& method, const QJsonValue& params = {});
QJsonObject notification(const QString& method, const QJsonValue& params = {});
QJsonObject result(const QJsonValue& id, const QJsonValue& result);
QJsonObject error(const QJsonValue& id, int code, const QString& message, const QJsonValue& data = {});

// One compact message, without framing.
QByteArray encode(const QJsonObject& message);
// One compact line, newline-terminated: the MCP stdio framing.
QByteArray encodeLine(const QJsonObject& message);

// An answer to a request: either a result or an error.
struct Reply
{
    enum class Status { Result, Error, Timeout, Disconnected };

    Status status = Status::Result;
    QJsonValue result;
    int errorCode = 0;
    QString errorMessage;
    QJsonValue errorData;

    bool ok() const { return status == Status::Result; }
    // "method not found (-32601)", "timed out after 2000 ms", ...
    QString describe() const;

    static Reply fromMessage(const QJsonObject& message);
};

} // namespace foxreload::jsonrpc
