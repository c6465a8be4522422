#pragma once

#include "JsonRpc.h"
#include "common/ReloadPlan.h"

#include <QJsonObject>
#include <QStringList>

namespace foxreload::hotreload {

// What ReloadOrchestrator asks a running server for a hot reload or service restart: one request
// per scope ("services", "tools"), each naming the plan's files of that scope and their components.

// The scopes to ask for, in order: services first, as tools may depend on them (never the other
// way round). A plan without files of either kind asks for what it requested.
QStringList scopes(const ReloadPlan& plan, ReloadStrategy requested);

// The request's params for one scope: {"scope", "files", "components"}.
QJsonObject params(const ReloadPlan& plan, const QString& scope);

// Whether the server's answer says that its tools, names and definitions, are as they were before
// the reload: `"toolsChanged": false` in the result. Then FoxReload does not ask for tools/list
// again. Anything else, the field left out included, says nothing.
bool saysToolsUnchanged(const jsonrpc::Reply& reply);

// What the server said about the error in the user's code: a string `data`, or its "traceback"
// (else "detail") when `data` is an object.
QString errorDetail(const jsonrpc::Reply& reply);

} // namespace foxreload::hotreload
