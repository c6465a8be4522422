#include "RawMessage.h"

#include "JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace foxreload::jsonrpc {

namespace {

// The methods of nearly every message, handed out shared (Qt's literals are never copied) instead
// of decoded: decoding cost a request an allocation on the proxy's hottest path.
QString methodName(QByteArrayView rawContent)
{
    static const std::array kKnown { u"ping"_s, u"tools/call"_s, u"tools/list"_s, u"notifications/progress"_s,
        u"notifications/cancelled"_s, u"resources/read"_s, u"resources/list"_s, u"prompts/get"_s,
        u"prompts/list"_s, u"completion/complete"_s, u"notifications/message"_s, u"initialize"_s,
        u"notifications/initialized"_s, u"notifications/tools/list_changed"_s };
    for (const QString& name : kKnown) {
        if (name.size() == rawContent.size() && QLatin1StringView(rawContent) == name)
            return name;
    }
    return jsonscan::decodeString(rawContent);
}

Span spanOf(const jsonscan::Value& value)
{
    return { value.begin, value.end };
}

RawMessage fromObject(QByteArray bytes, const jsonscan::Value& object)
{
    RawMessage message;
    message.bytes = std::move(bytes);
    const QByteArrayView text(message.bytes);
    jsonscan::Members members(text, object);
    QByteArrayView key;
    jsonscan::Value value;
    jsonscan::Value version;
    jsonscan::Value method;
    int ids = 0;
    // Duplicate names: the last one counts, as with QJsonDocument and JavaScript's JSON.parse.
    while (members.next(&key, &value)) {
        if (key.isEmpty())
            continue;
        switch (key[0]) {
        case 'j':
            if (jsonscan::keyEquals(key, "jsonrpc"))
                version = value;
            break;
        case 'i':
            if (jsonscan::keyEquals(key, "id")) {
                message.id = spanOf(value);
                ++ids;
            }
            break;
        case 'm':
            if (jsonscan::keyEquals(key, "method"))
                method = value;
            break;
        case 'p':
            if (jsonscan::keyEquals(key, "params"))
                message.params = spanOf(value);
            break;
        case 'r':
            if (jsonscan::keyEquals(key, "result"))
                message.hasResult = true;
            break;
        case 'e':
            if (jsonscan::keyEquals(key, "error"))
                message.hasError = true;
            break;
        case '\\':
            // An escaped first letter: compare the decoded name.
            if (jsonscan::keyEquals(key, "jsonrpc"))
                version = value;
            else if (jsonscan::keyEquals(key, "id")) {
                message.id = spanOf(value);
                ++ids;
            } else if (jsonscan::keyEquals(key, "method"))
                method = value;
            else if (jsonscan::keyEquals(key, "params"))
                message.params = spanOf(value);
            else if (jsonscan::keyEquals(key, "result"))
                message.hasResult = true;
            else if (jsonscan::keyEquals(key, "error"))
                message.hasError = true;
            break;
        default:
            break;
        }
    }
    message.duplicateId = ids > 1;
    const bool versionOk = version.isValid() && version.type == jsonscan::Type::String
        && (text.sliced(version.begin, version.end - version.begin) == "\"2.0\""
            || jsonscan::decodeString(text.sliced(version.begin + 1, version.end - version.begin - 2))
                == "2.0"_L1);
    const bool hasId = message.id.isValid();
    if (!versionOk) {
        message.kind = MessageKind::Invalid;
    } else if (method.isValid()) {
        if (method.type != jsonscan::Type::String) {
            message.kind = MessageKind::Invalid;
        } else {
            message.method = methodName(text.sliced(method.begin + 1, method.end - method.begin - 2));
            message.kind = hasId ? MessageKind::Request : MessageKind::Notification;
        }
    } else if (!hasId) {
        message.kind = MessageKind::Invalid;
    } else if (message.hasError) {
        message.kind = MessageKind::ErrorResponse;
    } else if (message.hasResult) {
        message.kind = MessageKind::Response;
    }
    return message;
}

QByteArray compact(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.sliced(1, wrapped.size() - 2);
}

} // namespace

QString RawMessage::idString() const
{
    const QByteArrayView raw = rawId();
    if (raw.size() < 2 || raw.front() != '"')
        return {};
    return jsonscan::decodeString(raw.sliced(1, raw.size() - 2));
}

QByteArray RawMessage::idKey() const
{
    return tokenKey(rawId());
}

QByteArray tokenKey(QByteArrayView raw)
{
    if (raw.isEmpty())
        return {};
    if (raw.front() == '"') {
        const QByteArrayView content = raw.sliced(1, raw.size() - 2);
        QByteArray key = QByteArrayLiteral("s:");
        if (content.contains('\\'))
            key += jsonscan::decodeString(content).toUtf8();
        else
            key.append(content);
        return key;
    }
    if (raw.front() == '-' || (raw.front() >= '0' && raw.front() <= '9'))
        return jsonscan::numberKey(raw, "n:");
    return "?:" + raw.toByteArray(); // null, true, an object: no valid MCP id, but a key all the same
}

Span RawMessage::paramsMember(std::initializer_list<QByteArrayView> path) const
{
    if (!params.isValid() || bytes.at(params.begin) != '{')
        return {};
    jsonscan::Value current { jsonscan::Type::Object, params.begin, params.end };
    for (const QByteArrayView step : path) {
        if (current.type != jsonscan::Type::Object)
            return {};
        current = jsonscan::member(bytes, current, step);
        if (!current.isValid())
            return {};
    }
    return spanOf(current);
}

RawMessage message(const QByteArray& bytes)
{
    jsonscan::Value root;
    if (!jsonscan::validate(bytes, &root, nullptr) || root.type != jsonscan::Type::Object) {
        RawMessage invalid;
        invalid.bytes = bytes;
        return invalid;
    }
    return fromObject(bytes, root);
}

QJsonObject RawMessage::toObject() const
{
    return QJsonDocument::fromJson(bytes).object();
}

ReadResult read(const QByteArray& bytes)
{
    ReadResult result;
    jsonscan::Value root;
    jsonscan::Error error;
    if (!jsonscan::validate(bytes, &root, &error)) {
        result.errorCode = ParseError;
        result.problem = u"invalid JSON at offset %1 of a %2-byte message: %3"_s.arg(error.offset)
                             .arg(bytes.size())
                             .arg(QLatin1StringView(error.what));
        return result;
    }
    if (root.type == jsonscan::Type::Object) {
        result.messages.append(fromObject(bytes, root));
        return result;
    }
    if (root.type != jsonscan::Type::Array) {
        result.errorCode = InvalidRequest;
        result.problem = u"a JSON value that is neither an object nor a batch"_s;
        return result;
    }
    result.isBatch = true;
    jsonscan::Elements elements(bytes, root);
    jsonscan::Value element;
    while (elements.next(&element)) {
        ++result.batchSize;
        if (element.type != jsonscan::Type::Object)
            continue;
        const QByteArray own = bytes.sliced(element.begin, element.end - element.begin);
        result.messages.append(fromObject(own, { jsonscan::Type::Object, 0, own.size() }));
    }
    return result;
}

QByteArray withReplaced(const RawMessage& message, Span span, QByteArrayView replacement)
{
    // Three copies into a buffer of the final size: Qt 6.4's append() goes through the general
    // insert(), which was a twelfth of the proxy's time per forwarded message.
    const qsizetype tail = message.bytes.size() - span.end;
    QByteArray out(span.begin + replacement.size() + tail, Qt::Uninitialized);
    char* at = out.data();
    std::memcpy(at, message.bytes.constData(), size_t(span.begin));
    if (!replacement.isEmpty()) // memcpy from a null view's data() is undefined even for 0 bytes
        std::memcpy(at + span.begin, replacement.data(), size_t(replacement.size()));
    std::memcpy(at + span.begin + replacement.size(), message.bytes.constData() + span.end, size_t(tail));
    return out;
}

QByteArray withId(const RawMessage& message, QByteArrayView newId)
{
    if (!message.id.isValid())
        return message.bytes;
    if (!message.duplicateId)
        return withReplaced(message, message.id, newId);
    // Every "id" is replaced, so that a peer whose parser keeps the first of duplicate names
    // sees the same id as one that keeps the last.
    jsonscan::Value root;
    jsonscan::validate(message.bytes, &root, nullptr);
    QByteArray out;
    qsizetype copied = 0;
    jsonscan::Members members(message.bytes, root);
    QByteArrayView key;
    jsonscan::Value value;
    while (members.next(&key, &value)) {
        if (!jsonscan::keyEquals(key, "id"))
            continue;
        out.append(message.bytes.constData() + copied, value.begin - copied);
        out.append(newId);
        copied = value.end;
    }
    out.append(message.bytes.constData() + copied, message.bytes.size() - copied);
    return out;
}

QByteArray quoted(QByteArrayView plainAscii)
{
    QByteArray out;
    out.reserve(plainAscii.size() + 2);
    out.append('"');
    out.append(plainAscii);
    out.append('"');
    return out;
}

QByteArray resultFor(QByteArrayView rawId, const QJsonValue& resultValue)
{
    QByteArray out = QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":");
    out.append(rawId.isEmpty() ? QByteArrayView("null") : rawId);
    out.append(",\"result\":");
    out.append(compact(resultValue));
    out.append('}');
    return out;
}

QByteArray errorFor(QByteArrayView rawId, int code, const QString& messageText, const QJsonValue& data)
{
    QJsonObject errorObject { { "code"_L1, code }, { "message"_L1, messageText } };
    if (!data.isUndefined() && !data.isNull())
        errorObject.insert("data"_L1, data);
    QByteArray out = QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":");
    out.append(rawId.isEmpty() ? QByteArrayView("null") : rawId);
    out.append(",\"error\":");
    out.append(QJsonDocument(errorObject).toJson(QJsonDocument::Compact));
    out.append('}');
    return out;
}

} // namespace foxreload::jsonrpc
