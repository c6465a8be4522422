#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// How a client opens its MCP session, kept apart from the proxy's routing so that a
// protocol revision with another opening can be added here without a rewrite.
//
// - 2024-11-05 … 2025-11-25: the client sends `initialize`; the proxy starts the server
//   with exactly those params (the server sees the client's protocolVersion,
//   capabilities and clientInfo), answers it from the first server and replays it to
//   every later one.
// - 2026-07-28: no handshake; `server/discover`, and every request carries
//   `io.modelcontextprotocol/protocolVersion` and `…/clientCapabilities` in its `_meta`.
//   Such an opening (Opening::Stateless) starts the session with its first request; see
//   server/McpEra.h and McpProxyModern.cpp.
namespace foxreload::handshake {

enum class Opening {
    Initialize, // the 2025 handshake
    Stateless, // the 2026-07-28 revision: no handshake
    Premature, // a request before initialize (only ping is allowed there)
};

Opening classify(const QJsonObject& request);

// The InitializeResult the client is shown: tools, prompts and resources (where the
// server has them) advertise listChanged, because the proxy sends those notifications
// after every reload whether the server itself would or not.
QJsonObject advertiseListChanged(QJsonObject initializeResult);

// What a new server's InitializeResult changes that the client cannot absorb without
// reconnecting (another protocol version, a capability taken away). One line each.
QStringList incompatibilities(const QJsonObject& negotiated, const QJsonObject& fresh);

} // namespace foxreload::handshake
