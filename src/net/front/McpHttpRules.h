#pragma once

#include "server/RawMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>
#include <QStringList>

// The rules of MCP's Streamable HTTP transport that need no socket: which Host and Origin a
// local server accepts (DNS rebinding), the 2026-07-28 request headers, SSE framing and the
// event ids used for resumability. Kept apart so that they can be tested row by row.
namespace foxreload::net::mcphttp {

inline constexpr QLatin1StringView kModernVersion { "2026-07-28" };
// Every revision that has an HTTP transport this front serves.
bool isKnownProtocolVersion(QByteArrayView version);
// 2026-07-28 and later: no initialize, no sessions, version in every request.
bool isModernProtocolVersion(QByteArrayView version);

// Host header: when the listener is on a loopback address, only loopback names may be asked
// for (a rebinding attacker's page arrives with its own host name). `allowed` adds names.
bool isAllowedHost(QByteArrayView hostHeader, const QHostAddress& listenAddress, const QStringList& allowed);
// Origin header: absent (not a browser) or a loopback origin, or one listed in `allowed`.
bool isAllowedOrigin(QByteArrayView originHeader, const QStringList& allowed);

bool acceptsEventStream(QByteArrayView acceptHeader);
bool isJsonContentType(QByteArrayView contentTypeHeader); // empty counts as JSON

// The 2026-07-28 request headers (basic/transports/streamable-http §Request Metadata).
struct ModernHeaders
{
    QByteArray protocolVersion; // MCP-Protocol-Version
    QByteArray method; // Mcp-Method
    QByteArray name; // Mcp-Name
    bool hasName = false;
};
// "" when the headers agree with the body; otherwise why not (answered 400 with -32020).
QString checkModernHeaders(const ModernHeaders& headers, const jsonrpc::RawMessage& message);
// A header value, decoded when it uses the `=?base64?…?=` form.
QString decodeHeaderValue(QByteArrayView raw);
// The protocol version a request names in params._meta, empty when none.
QByteArray metaProtocolVersion(const jsonrpc::RawMessage& message);
// params._meta.progressToken as raw JSON, empty when none.
QByteArray progressToken(const jsonrpc::RawMessage& message);
// A JSON string/number member of params as raw JSON (for notifications/progress's token).
QByteArray paramsMember(const jsonrpc::RawMessage& message, QByteArrayView key);

// The HTTP status a modern (session-less) exchange answers a JSON-RPC error with.
int statusForModernError(int code);
// The error code of an error response, 0 for anything else.
int errorCode(const jsonrpc::RawMessage& message);

// One SSE event. The data may contain line breaks (JSON between tokens): each line becomes
// its own `data:` field, and the client joins them back with "\n".
QByteArray sseEvent(QByteArrayView id, QByteArrayView data);
// Event ids are "<stream>-<sequence>", so a Last-Event-ID names the stream to resume.
QByteArray eventId(quint64 stream, quint64 sequence);
bool parseEventId(QByteArrayView id, quint64* stream, quint64* sequence);

// A JSON-RPC error body for transport-level refusals (id null).
QByteArray errorBody(int code, const QString& message);

} // namespace foxreload::net::mcphttp
