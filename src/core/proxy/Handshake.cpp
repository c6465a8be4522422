#include "Handshake.h"

using namespace Qt::StringLiterals;

namespace foxreload::handshake {

Opening classify(const QJsonObject& request)
{
    const QString method = request.value("method"_L1).toString();
    if (method == "initialize"_L1)
        return Opening::Initialize;
    const QJsonObject meta = request.value("params"_L1).toObject().value("_meta"_L1).toObject();
    // 2026-07-28: every request names its revision in _meta; server/discover replaces initialize.
    if (method == "server/discover"_L1 || meta.contains("io.modelcontextprotocol/protocolVersion"_L1))
        return Opening::Stateless;
    return Opening::Premature;
}

QJsonObject advertiseListChanged(QJsonObject initializeResult)
{
    QJsonObject capabilities = initializeResult.value("capabilities"_L1).toObject();
    for (const auto kind : { "tools"_L1, "prompts"_L1, "resources"_L1 }) {
        if (!capabilities.contains(kind))
            continue;
        QJsonObject capability = capabilities.value(kind).toObject();
        capability.insert("listChanged"_L1, true);
        capabilities.insert(kind, capability);
    }
    initializeResult.insert("capabilities"_L1, capabilities);
    return initializeResult;
}

QStringList incompatibilities(const QJsonObject& negotiated, const QJsonObject& fresh)
{
    QStringList problems;
    const QString before = negotiated.value("protocolVersion"_L1).toString();
    const QString after = fresh.value("protocolVersion"_L1).toString();
    if (before != after)
        problems.append(
            u"the new server answered protocol version %1, but the client negotiated %2; the client may "
            u"misbehave until it reconnects"_s.arg(after, before));
    const QJsonObject capsBefore = negotiated.value("capabilities"_L1).toObject();
    const QJsonObject capsAfter = fresh.value("capabilities"_L1).toObject();
    for (auto it = capsBefore.constBegin(); it != capsBefore.constEnd(); ++it) {
        if (!capsAfter.contains(it.key()))
            problems.append(u"the new server no longer offers the \"%1\" capability the client was told "
                            u"about; its requests for it will fail"_s.arg(it.key()));
    }
    for (auto it = capsAfter.constBegin(); it != capsAfter.constEnd(); ++it) {
        if (!capsBefore.contains(it.key()))
            problems.append(u"the new server offers the \"%1\" capability; the client sees it only after "
                            u"it reconnects"_s.arg(it.key()));
    }
    return problems;
}

} // namespace foxreload::handshake
