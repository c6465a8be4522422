#include "McpHttpRules.h"

#include "server/JsonScan.h"
#include "server/RawMessage.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace foxreload::net::mcphttp {

namespace {

constexpr int kHeaderMismatch = -32020;

// The object value of `key` inside `object`, or an invalid Value.
jsonscan::Value objectMember(QByteArrayView text, const jsonscan::Value& object, QByteArrayView key)
{
    if (!object.isValid() || object.type != jsonscan::Type::Object)
        return {};
    return jsonscan::member(text, object, key);
}

jsonscan::Value paramsValue(const jsonrpc::RawMessage& message)
{
    if (!message.params.isValid())
        return {};
    return jsonscan::valueAt(QByteArrayView(message.bytes), message.params.begin);
}

QString stringOf(QByteArrayView text, const jsonscan::Value& value)
{
    if (!value.isValid() || value.type != jsonscan::Type::String)
        return {};
    return jsonscan::decodeString(text.sliced(value.begin + 1, value.end - value.begin - 2));
}

// Ids and tokens meet under one key whatever their spelling (1 and 1.0 are one number).
QByteArray tokenKey(QByteArrayView text, const jsonscan::Value& value)
{
    if (!value.isValid() || (value.type != jsonscan::Type::Number && value.type != jsonscan::Type::String))
        return {};
    return jsonrpc::tokenKey(text.sliced(value.begin, value.end - value.begin));
}

bool isLoopbackName(QStringView host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0
        || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host.toString());
    return !address.isNull() && address.isLoopback();
}

// "name:port", "[v6]:port", "name" → the name without brackets and port.
QString hostWithoutPort(QByteArrayView hostPort)
{
    const QString text = QString::fromLatin1(hostPort).trimmed();
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        return close < 0 ? QString() : text.mid(1, close - 1);
    }
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon >= 0 && text.indexOf(u':') == colon)
        return text.left(colon);
    return text;
}

} // namespace

bool isKnownProtocolVersion(QByteArrayView version)
{
    static const QByteArrayView known[]
        = { "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28" };
    for (const QByteArrayView candidate : known)
        if (candidate == version)
            return true;
    return false;
}

bool isModernProtocolVersion(QByteArrayView version)
{
    // Revisions are dates, so text order is time order; a later revision is modern too.
    if (version.size() != 10)
        return false;
    for (qsizetype i = 0; i < version.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? version[i] != '-' : (version[i] < '0' || version[i] > '9'))
            return false;
    }
    return version >= QByteArrayView("2026-07-28");
}

bool isAllowedHost(QByteArrayView hostHeader, const QHostAddress& listenAddress, const QStringList& allowed)
{
    const QString host = hostWithoutPort(hostHeader);
    if (allowed.contains(u"*"_s) || allowed.contains(host, Qt::CaseInsensitive))
        return true;
    if (!listenAddress.isLoopback())
        return allowed.isEmpty(); // bound elsewhere on purpose: the user lists the names, or any goes
    return isLoopbackName(host);
}

bool isAllowedOrigin(QByteArrayView originHeader, const QStringList& allowed)
{
    if (originHeader.isEmpty())
        return true; // not a browser: nothing a web page could rebind
    const QString origin = QString::fromLatin1(originHeader).trimmed();
    if (allowed.contains(u"*"_s) || allowed.contains(origin, Qt::CaseInsensitive))
        return true;
    const QUrl url(origin, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return false; // "null" (sandboxed frames, file://) included
    return isLoopbackName(url.host());
}

bool acceptsEventStream(QByteArrayView acceptHeader)
{
    const QByteArray accept = acceptHeader.toByteArray().toLower();
    return accept.isEmpty() || accept.contains("text/event-stream") || accept.contains("*/*");
}

bool isJsonContentType(QByteArrayView contentTypeHeader)
{
    const QByteArray type = contentTypeHeader.toByteArray().trimmed().toLower();
    if (type.isEmpty())
        return true;
    const qsizetype semicolon = type.indexOf(';');
    const QByteArray essence = (semicolon < 0 ? type : type.left(semicolon)).trimmed();
    return essence == "application/json";
}

QString decodeHeaderValue(QByteArrayView raw)
{
    const QByteArray value = raw.toByteArray().trimmed();
    if (value.size() >= 12 && value.startsWith("=?base64?") && value.endsWith("?=")) {
        const auto decoded = QByteArray::fromBase64Encoding(
            value.mid(9, value.size() - 11), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            return QString::fromUtf8(*decoded);
    }
    return QString::fromUtf8(value);
}

QByteArray metaProtocolVersion(const jsonrpc::RawMessage& message)
{
    const QByteArrayView text(message.bytes);
    const jsonscan::Value meta = objectMember(text, paramsValue(message), "_meta");
    return stringOf(text, objectMember(text, meta, "io.modelcontextprotocol/protocolVersion")).toUtf8();
}

QByteArray progressToken(const jsonrpc::RawMessage& message)
{
    const QByteArrayView text(message.bytes);
    const jsonscan::Value meta = objectMember(text, paramsValue(message), "_meta");
    return tokenKey(text, objectMember(text, meta, "progressToken"));
}

QByteArray paramsMember(const jsonrpc::RawMessage& message, QByteArrayView key)
{
    const QByteArrayView text(message.bytes);
    return tokenKey(text, objectMember(text, paramsValue(message), key));
}

QString checkModernHeaders(const ModernHeaders& headers, const jsonrpc::RawMessage& message)
{
    if (headers.protocolVersion.isEmpty())
        return u"the MCP-Protocol-Version header is missing"_s;
    const QByteArray bodyVersion = metaProtocolVersion(message);
    if (message.isRequest() && bodyVersion != headers.protocolVersion)
        return u"the MCP-Protocol-Version header (%1) does not match params._meta (%2)"_s.arg(
            QString::fromUtf8(headers.protocolVersion),
            bodyVersion.isEmpty() ? u"none"_s : QString::fromUtf8(bodyVersion));
    if (headers.method.isEmpty())
        return u"the Mcp-Method header is missing"_s;
    if (decodeHeaderValue(headers.method) != message.method)
        return u"the Mcp-Method header (%1) does not match the method (%2)"_s.arg(
            decodeHeaderValue(headers.method), message.method);
    const bool named = message.method == u"tools/call"_s || message.method == u"prompts/get"_s
        || message.method == u"resources/read"_s;
    if (!named)
        return {};
    const QByteArrayView text(message.bytes);
    const jsonscan::Value params = paramsValue(message);
    const QByteArrayView key = message.method == u"resources/read"_s ? "uri" : "name";
    const QString bodyName = stringOf(text, objectMember(text, params, key));
    if (!headers.hasName)
        return u"the Mcp-Name header is missing"_s;
    if (decodeHeaderValue(headers.name) != bodyName)
        return u"the Mcp-Name header (%1) does not match params.%2 (%3)"_s.arg(
            decodeHeaderValue(headers.name), QString::fromLatin1(key), bodyName);
    return {};
}

int statusForModernError(int code)
{
    switch (code) {
    case -32601:
        return 404;
    case -32600:
    case -32602:
    case -32700:
    case kHeaderMismatch:
    case -32021:
    case -32022:
        return 400;
    default:
        return 200;
    }
}

int errorCode(const jsonrpc::RawMessage& message)
{
    if (!message.hasError)
        return 0;
    const QByteArrayView text(message.bytes);
    const jsonscan::Value root = jsonscan::valueAt(text, text.indexOf('{'));
    const jsonscan::Value error = objectMember(text, root, "error");
    const jsonscan::Value code = objectMember(text, error, "code");
    if (!code.isValid() || code.type != jsonscan::Type::Number)
        return 0;
    bool ok = false;
    const int value = text.sliced(code.begin, code.end - code.begin).toByteArray().toInt(&ok);
    return ok ? value : 0;
}

QByteArray sseEvent(QByteArrayView id, QByteArrayView data)
{
    QByteArray event;
    event.reserve(data.size() + id.size() + 16);
    if (!id.isEmpty())
        event.append("id: ").append(id).append('\n');
    qsizetype start = 0;
    while (true) {
        qsizetype end = start;
        while (end < data.size() && data[end] != '\n' && data[end] != '\r')
            ++end;
        event.append("data: ").append(data.sliced(start, end - start)).append('\n');
        if (end >= data.size())
            break;
        start = end + ((data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n') ? 2 : 1);
    }
    event.append('\n');
    return event;
}

QByteArray eventId(quint64 stream, quint64 sequence)
{
    return QByteArray::number(stream) + '-' + QByteArray::number(sequence);
}

bool parseEventId(QByteArrayView id, quint64* stream, quint64* sequence)
{
    const QByteArray text = id.toByteArray().trimmed();
    const qsizetype dash = text.indexOf('-');
    if (dash <= 0)
        return false;
    bool okStream = false;
    bool okSequence = false;
    *stream = text.left(dash).toULongLong(&okStream);
    *sequence = text.mid(dash + 1).toULongLong(&okSequence);
    return okStream && okSequence;
}

QByteArray errorBody(int code, const QString& message)
{
    return jsonrpc::errorFor("null", code, message);
}

} // namespace foxreload::net::mcphttp
