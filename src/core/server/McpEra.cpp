#include "McpEra.h"

#include "JsonScan.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace foxreload::mcpera {

namespace {

QByteArrayView keyBytes(QLatin1StringView key)
{
    return QByteArrayView(key.data(), key.size());
}

// Whether the object that starts at `open` ('{') has no members.
bool isEmptyObject(QByteArrayView text, qsizetype open)
{
    qsizetype pos = open + 1;
    while (pos < text.size()
        && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
        ++pos;
    return pos < text.size() && text[pos] == '}';
}

// `member` ("\"k\":v") inserted as the first member of the object that starts at `open`.
QByteArray insertFirst(const QByteArray& text, qsizetype open, const QByteArray& member)
{
    QByteArray out;
    out.reserve(text.size() + member.size() + 1);
    out.append(text.constData(), open + 1);
    out.append(member);
    if (!isEmptyObject(text, open))
        out.append(',');
    out.append(text.constData() + open + 1, text.size() - open - 1);
    return out;
}

QByteArray braced(const QByteArray& members)
{
    QByteArray out;
    out.reserve(members.size() + 2);
    out.append('{');
    out.append(members);
    out.append('}');
    return out;
}

QByteArray memberText(QByteArrayView key, QByteArrayView valueToken)
{
    QByteArray out;
    out.reserve(key.size() + valueToken.size() + 3);
    out.append('"');
    out.append(key);
    out.append("\":");
    out.append(valueToken);
    return out;
}

} // namespace

bool isModernRequest(const jsonrpc::RawMessage& request)
{
    return request.method == "server/discover"_L1 || !versionToken(request).isEmpty();
}

QByteArrayView versionToken(const jsonrpc::RawMessage& request)
{
    return request.view(request.paramsMember({ "_meta", keyBytes(kProtocolVersionKey) }));
}

bool isServedModernVersion(QByteArrayView token)
{
    return token.size() == kModernVersion.size() + 2 && token.front() == '"'
        && token.sliced(1, kModernVersion.size()) == keyBytes(kModernVersion);
}

QJsonObject envelopeOf(const jsonrpc::RawMessage& request)
{
    const QJsonObject meta = request.toObject().value("params"_L1).toObject().value("_meta"_L1).toObject();
    QJsonObject envelope;
    for (auto it = meta.constBegin(); it != meta.constEnd(); ++it) {
        if (it.key().startsWith("io.modelcontextprotocol/"_L1) && it.key() != kSubscriptionIdKey)
            envelope.insert(it.key(), it.value());
    }
    // A request that names no version still opens a modern session (server/discover without it
    // is answered by the server, -32602); FoxReload's own requests need a complete envelope.
    if (!envelope.contains(kProtocolVersionKey))
        envelope.insert(kProtocolVersionKey, kModernVersion);
    if (!envelope.contains(kClientCapabilitiesKey))
        envelope.insert(kClientCapabilitiesKey, QJsonObject {});
    return envelope;
}

QJsonObject ownEnvelope()
{
    return QJsonObject {
        { kProtocolVersionKey, kModernVersion },
        { kClientCapabilitiesKey, QJsonObject {} },
        { kClientInfoKey,
            QJsonObject {
                { "name"_L1, "foxreload"_L1 }, { "version"_L1, QCoreApplication::applicationVersion() } } },
    };
}

QJsonObject legacyInitializeParams(const QJsonObject& envelope)
{
    QJsonObject clientInfo = envelope.value(kClientInfoKey).toObject();
    if (clientInfo.isEmpty())
        clientInfo = ownEnvelope().value(kClientInfoKey).toObject();
    return QJsonObject {
        { "protocolVersion"_L1, kLegacyVersion },
        { "capabilities"_L1, envelope.value(kClientCapabilitiesKey).toObject() },
        { "clientInfo"_L1, clientInfo },
    };
}

bool offersModern(const QJsonObject& discoverResult)
{
    return discoverResult.value("supportedVersions"_L1).toArray().contains(QJsonValue(kModernVersion));
}

QJsonObject summaryOfDiscover(const QJsonObject& discoverResult)
{
    QJsonObject summary {
        { "protocolVersion"_L1, kModernVersion },
        { "capabilities"_L1, discoverResult.value("capabilities"_L1).toObject() },
        { "serverInfo"_L1, discoverResult.value("_meta"_L1).toObject().value(kServerInfoKey).toObject() },
    };
    if (discoverResult.contains("instructions"_L1))
        summary.insert("instructions"_L1, discoverResult.value("instructions"_L1));
    return summary;
}

QJsonObject discoverFromInitialize(const QJsonObject& initializeResult)
{
    QJsonObject result {
        { "resultType"_L1, "complete"_L1 },
        { "supportedVersions"_L1, QJsonArray { kModernVersion } },
        { "capabilities"_L1, initializeResult.value("capabilities"_L1).toObject() },
        { "ttlMs"_L1, 0 },
        { "cacheScope"_L1, "private"_L1 },
        { "_meta"_L1,
            QJsonObject { { kServerInfoKey, initializeResult.value("serverInfo"_L1).toObject() } } },
    };
    if (initializeResult.contains("instructions"_L1))
        result.insert("instructions"_L1, initializeResult.value("instructions"_L1));
    return result;
}

bool isCacheableMethod(QStringView method)
{
    return method == "tools/list"_L1 || method == "prompts/list"_L1 || method == "resources/list"_L1
        || method == "resources/templates/list"_L1 || method == "resources/read"_L1
        || method == "server/discover"_L1;
}

QByteArray withMetaMember(
    const QByteArray& message, QByteArrayView container, QLatin1StringView key, QByteArrayView valueToken)
{
    jsonscan::Value root;
    if (!jsonscan::validate(message, &root, nullptr) || root.type != jsonscan::Type::Object)
        return message;
    const jsonscan::Value outer = jsonscan::member(message, root, container);
    const QByteArray tagged = braced(memberText(keyBytes(key), valueToken));
    if (!outer.isValid())
        return insertFirst(message, root.begin, memberText(container, braced(memberText("_meta", tagged))));
    if (outer.type != jsonscan::Type::Object)
        return message; // params that are no object: nothing the spec would tag
    const jsonscan::Value meta = jsonscan::member(message, outer, "_meta");
    if (!meta.isValid())
        return insertFirst(message, outer.begin, memberText("_meta", tagged));
    if (meta.type != jsonscan::Type::Object)
        return message;
    const jsonscan::Value present = jsonscan::member(message, meta, keyBytes(key));
    if (present.isValid()) {
        QByteArray out = message;
        out.replace(present.begin, present.end - present.begin, valueToken.toByteArray());
        return out;
    }
    return insertFirst(message, meta.begin, memberText(keyBytes(key), valueToken));
}

QByteArray withModernResult(const QByteArray& response, bool cacheable)
{
    jsonscan::Value root;
    if (!jsonscan::validate(response, &root, nullptr) || root.type != jsonscan::Type::Object)
        return response;
    const jsonscan::Value result = jsonscan::member(response, root, "result");
    if (!result.isValid() || result.type != jsonscan::Type::Object)
        return response;
    QByteArray added;
    const auto add = [&](QByteArrayView key, QByteArrayView token) {
        if (jsonscan::member(response, result, key).isValid())
            return;
        if (!added.isEmpty())
            added.append(',');
        added.append(memberText(key, token));
    };
    add("resultType", "\"complete\"");
    if (cacheable) {
        add("ttlMs", "0");
        add("cacheScope", "\"private\"");
    }
    return added.isEmpty() ? response : insertFirst(response, result.begin, added);
}

} // namespace foxreload::mcpera
