#pragma once

#include "RawMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1StringView>

// The two eras of MCP (basic/versioning.mdx of the 2026-07-28 revision):
// - legacy (2025-06-18, 2025-11-25): a session opens with `initialize`; the server keeps state.
// - modern (2026-07-28): no handshake. Every request carries the protocol version, the client's
//   capabilities and its info in `params._meta` (the "envelope"); `server/discover` replaces the
//   InitializeResult; change notifications travel only on `subscriptions/listen` streams, each
//   tagged with the stream's id; results carry `resultType`, cacheable ones `ttlMs`/`cacheScope`.
// What FoxReload needs to tell the eras apart and to patch the few bytes a bridge between them
// must add, without re-serialising the rest of a message.
namespace foxreload::mcpera {

inline constexpr QLatin1StringView kModernVersion { "2026-07-28" };
inline constexpr QLatin1StringView kLegacyVersion { "2025-11-25" };
inline constexpr QLatin1StringView kProtocolVersionKey { "io.modelcontextprotocol/protocolVersion" };
inline constexpr QLatin1StringView kClientCapabilitiesKey { "io.modelcontextprotocol/clientCapabilities" };
inline constexpr QLatin1StringView kClientInfoKey { "io.modelcontextprotocol/clientInfo" };
inline constexpr QLatin1StringView kServerInfoKey { "io.modelcontextprotocol/serverInfo" };
inline constexpr QLatin1StringView kSubscriptionIdKey { "io.modelcontextprotocol/subscriptionId" };

// Error codes the modern revision added (basic/index.mdx §Error codes). Any of them identifies
// a modern peer; anything else in answer to server/discover identifies a legacy one.
enum ErrorCode {
    HeaderMismatch = -32020,
    MissingRequiredClientCapability = -32021,
    UnsupportedProtocolVersion = -32022,
};
inline bool isModernError(int code)
{
    return code == HeaderMismatch || code == MissingRequiredClientCapability
        || code == UnsupportedProtocolVersion;
}

// A request of the modern era: server/discover, or any request naming its version in _meta.
bool isModernRequest(const jsonrpc::RawMessage& request);
// The raw JSON token of the request's _meta protocol version ("\"2026-07-28\""), empty when none.
QByteArrayView versionToken(const jsonrpc::RawMessage& request);
// Whether a version token names a revision this FoxReload serves in the modern era.
bool isServedModernVersion(QByteArrayView versionToken);

// The io.modelcontextprotocol/* members of a request's _meta (slow path: once per session).
QJsonObject envelopeOf(const jsonrpc::RawMessage& request);
// FoxReload's own envelope, for its requests to a modern server when no client lent one.
QJsonObject ownEnvelope();
// The initialize params a legacy server is opened with on behalf of a modern client.
QJsonObject legacyInitializeParams(const QJsonObject& envelope);

// A DiscoverResult that offers the modern revision.
bool offersModern(const QJsonObject& discoverResult);
// An InitializeResult-shaped summary of a DiscoverResult (protocolVersion, capabilities,
// serverInfo, instructions), so that code reading capabilities needs no second path.
QJsonObject summaryOfDiscover(const QJsonObject& discoverResult);
// The DiscoverResult a bridge shows a modern client for a legacy server.
QJsonObject discoverFromInitialize(const QJsonObject& initializeResult);

// Results that carry ttlMs/cacheScope in the modern era (server/utilities/caching.mdx).
bool isCacheableMethod(QStringView method);

// --- byte patches (everything outside the patched member stays as it arrived)

// `container` ("params" or "result") of the message gets `_meta[key] = valueToken`: replaced
// when present, otherwise inserted (creating _meta, or the container itself, as needed).
QByteArray withMetaMember(
    const QByteArray& message, QByteArrayView container, QLatin1StringView key, QByteArrayView valueToken);
// A legacy server's result made a valid modern one: "resultType":"complete" when absent, and for
// a cacheable method "ttlMs":0 and "cacheScope":"private" when absent. Errors pass unchanged.
QByteArray withModernResult(const QByteArray& response, bool cacheable);

} // namespace foxreload::mcpera
