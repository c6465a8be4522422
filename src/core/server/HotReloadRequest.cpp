#include "HotReloadRequest.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::hotreload {

QStringList scopes(const ReloadPlan& plan, ReloadStrategy requested)
{
    QStringList scopes;
    const bool hasServices = std::any_of(plan.files.cbegin(), plan.files.cend(),
        [](const FileChange& f) { return f.strategy == ReloadStrategy::ServiceRestart; });
    const bool hasTools = std::any_of(plan.files.cbegin(), plan.files.cend(),
        [](const FileChange& f) { return f.strategy == ReloadStrategy::HotReload; });
    if (hasServices || (!hasTools && requested == ReloadStrategy::ServiceRestart))
        scopes.append(u"services"_s);
    if (hasTools || scopes.isEmpty())
        scopes.append(u"tools"_s);
    return scopes;
}

QJsonObject params(const ReloadPlan& plan, const QString& scope)
{
    const ReloadStrategy scopeStrategy
        = scope == u"services"_s ? ReloadStrategy::ServiceRestart : ReloadStrategy::HotReload;
    QJsonArray files;
    QStringList components;
    for (const auto& file : std::as_const(plan.files)) {
        if (file.strategy != scopeStrategy)
            continue;
        files.append(file.path);
        for (const auto& component : file.components) {
            if (!components.contains(component))
                components.append(component);
        }
    }
    return QJsonObject { { "scope"_L1, scope }, { "files"_L1, files },
        { "components"_L1, QJsonArray::fromStringList(components) } };
}

bool saysToolsUnchanged(const jsonrpc::Reply& reply)
{
    const QJsonValue changed = reply.result.toObject().value("toolsChanged"_L1);
    return reply.ok() && changed.isBool() && !changed.toBool();
}

QString errorDetail(const jsonrpc::Reply& reply)
{
    if (reply.errorData.isObject()) {
        const QJsonObject data = reply.errorData.toObject();
        return data.value("traceback"_L1).toString(data.value("detail"_L1).toString());
    }
    return reply.errorData.isString() ? reply.errorData.toString() : QString {};
}

} // namespace foxreload::hotreload
