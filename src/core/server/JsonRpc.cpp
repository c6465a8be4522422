#include "JsonRpc.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace foxreload::jsonrpc {

MessageKind classify(const QJsonObject& message)
{
    if (message.value("jsonrpc"_L1) != "2.0"_L1)
        return MessageKind::Invalid;
    const bool hasId = message.contains("id"_L1);
    if (message.contains("method"_L1)) {
        if (!message.value("method"_L1).isString())
            return MessageKind::Invalid;
        return hasId ? MessageKind::Request : MessageKind::Notification;
    }
    if (!hasId)
        return MessageKind::Invalid;
    if (message.contains("error"_L1))
        return MessageKind::ErrorResponse;
    if (message.contains("result"_L1))
        return MessageKind::Response;
    return MessageKind::Invalid;
}

QJsonObject request(const QJsonValue& id, const QString& method, const QJsonValue& params)
{
    QJsonObject message { { "jsonrpc"_L1, "2.0"_L1 }, { "id"_L1, id }, { "method"_L1, method } };
    if (!params.isUndefined() && !params.isNull())
        message.insert("params"_L1, params);
    return message;
}

QJsonObject notification(const QString& method, const QJsonValue& params)
{
    QJsonObject message { { "jsonrpc"_L1, "2.0"_L1 }, { "method"_L1, method } };
    if (!params.isUndefined() && !params.isNull())
        message.insert("params"_L1, params);
    return message;
}

QJsonObject result(const QJsonValue& id, const QJsonValue& resultValue)
{
    return { { "jsonrpc"_L1, "2.0"_L1 }, { "id"_L1, id }, { "result"_L1, resultValue } };
}

QJsonObject error(const QJsonValue& id, int code, const QString& message, const QJsonValue& data)
{
    QJsonObject errorObject { { "code"_L1, code }, { "message"_L1, message } };
    if (!data.isUndefined() && !data.isNull())
        errorObject.insert("data"_L1, data);
    return { { "jsonrpc"_L1, "2.0"_L1 }, { "id"_L1, id }, { "error"_L1, errorObject } };
}

QByteArray encode(const QJsonObject& message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QByteArray encodeLine(const QJsonObject& message)
{
    QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

QString Reply::describe() const
{
    switch (status) {
    case Status::Result:
        return u"ok"_s;
    case Status::Error:
        return u"%1 (%2)"_s.arg(errorMessage, QString::number(errorCode));
    case Status::Timeout:
        return errorMessage.isEmpty() ? u"timed out"_s : errorMessage;
    case Status::Disconnected:
        return errorMessage.isEmpty() ? u"the server went away"_s : errorMessage;
    }
    return {};
}

Reply Reply::fromMessage(const QJsonObject& message)
{
    Reply reply;
    if (message.contains("error"_L1)) {
        const QJsonObject errorObject = message.value("error"_L1).toObject();
        reply.status = Status::Error;
        reply.errorCode = errorObject.value("code"_L1).toInt();
        reply.errorMessage = errorObject.value("message"_L1).toString();
        reply.errorData = errorObject.value("data"_L1);
    } else {
        reply.result = message.value("result"_L1);
    }
    return reply;
}

} // namespace foxreload::jsonrpc
