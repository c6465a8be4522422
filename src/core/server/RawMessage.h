#pragma once

#include "JsonRpc.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QVarLengthArray>

#include <initializer_list>

namespace foxreload::jsonrpc {

// A byte range [begin, end) inside a message's bytes; begin < 0 means "absent".
struct Span
{
    qsizetype begin = -1;
    qsizetype end = -1;

    bool isValid() const { return begin >= 0; }
    qsizetype size() const { return isValid() ? end - begin : 0; }
};

// One JSON-RPC message exactly as it arrived (the bytes of one line over stdio, of one
// POST body or SSE event over HTTP), plus what routing reads from it. Nothing here
// re-serialises: the proxy forwards `bytes` and splices the few members it must change.
// Reading it costs one validating pass over the bytes and no tree.
struct RawMessage
{
    QByteArray bytes; // the complete JSON object, without any framing
    MessageKind kind = MessageKind::Invalid;
    Span id; // the raw JSON token of the top-level "id" (string with its quotes, number as spelt)
    QString method; // decoded, for requests and notifications
    Span params; // the raw "params" value (any type), absent when the message has none
    bool hasResult = false;
    bool hasError = false;
    bool duplicateId = false; // "id" appears more than once: the last one counts (as QJsonDocument)

    bool isRequest() const { return kind == MessageKind::Request; }
    bool isNotification() const { return kind == MessageKind::Notification; }
    bool isResponse() const { return kind == MessageKind::Response || kind == MessageKind::ErrorResponse; }

    QByteArrayView view(Span span) const
    {
        return span.isValid() ? QByteArrayView(bytes).sliced(span.begin, span.size()) : QByteArrayView {};
    }
    QByteArrayView rawId() const { return view(id); }
    // The id's text when it is a JSON string ("px-7" → px-7), empty otherwise.
    QString idString() const;
    // A key under which equal ids meet: "1", "1.0" and "1e0" are one id, "\"1\"" is another,
    // and integers keep every digit (12345678901234567891 is not 12345678901234567890).
    QByteArray idKey() const;

    // A member inside "params", following nested objects: paramsMember({"_meta", "progressToken"}).
    // Absent when params (or a step on the way) is no object or has no such member.
    Span paramsMember(std::initializer_list<QByteArrayView> path) const;

    // The slow path, for messages FoxReload itself must understand (its own requests' answers).
    QJsonObject toObject() const;
};

// The key of an id-like token (an id, a progress token, a requestId); see RawMessage::idKey().
QByteArray tokenKey(QByteArrayView token);
// One message from bytes that are known to hold one JSON object (kind Invalid otherwise).
RawMessage message(const QByteArray& bytes);

// Reads one message. An object gives one RawMessage (kind Invalid when it is not JSON-RPC 2.0);
// a JSON array (a batch) gives one per element that is an object. Returns an empty string on
// success, otherwise the problem; `parseError` tells whether the bytes are no JSON at all
// (-32700) or valid JSON that is no message (-32600).
struct ReadResult
{
    // One message (all but a batch) without an allocation of its own.
    QVarLengthArray<RawMessage, 1> messages;
    bool isBatch = false;
    qsizetype batchSize = 0; // elements, objects or not
    QString problem; // empty when the bytes were read
    int errorCode = 0; // ParseError or InvalidRequest when problem is set
};
ReadResult read(const QByteArray& bytes);

// The message with every top-level "id" replaced by `newId` (a complete JSON token).
QByteArray withId(const RawMessage& message, QByteArrayView newId);
// The message with the bytes of `span` replaced by `replacement`.
QByteArray withReplaced(const RawMessage& message, Span span, QByteArrayView replacement);

// A JSON string token for ids the proxy makes up ("px-12" → "\"px-12\"").
QByteArray quoted(QByteArrayView plainAscii);

// Messages FoxReload writes itself, answering an id it holds as raw bytes.
QByteArray resultFor(QByteArrayView rawId, const QJsonValue& result);
QByteArray errorFor(QByteArrayView rawId, int code, const QString& message, const QJsonValue& data = {});

// An MCP request id is a string or a number (never null, an object, an array or a boolean).
inline bool isStringOrNumberId(QByteArrayView rawId)
{
    if (rawId.isEmpty())
        return false;
    const char c = rawId.front();
    return c == '"' || c == '-' || (c >= '0' && c <= '9');
}

} // namespace foxreload::jsonrpc
