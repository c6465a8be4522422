#pragma once

// The server behind the HTTP front in tst_httpfront: it answers through ClientConnection as the
// proxy will.
#include "proxy/ClientConnection.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace httpfronttest {

using namespace Qt::StringLiterals;
using namespace foxreload;

// Answers like an MCP server would, message by message, with raw bytes it writes itself
// (key order, a 20-digit integer), so that what reaches the client can be compared byte
// for byte. Tools: echo, slow (3 progress notifications, then the answer), ask (a sampling
// request to the client, answered with what the client sampled), notify (a log message
// that belongs to no request).
class FakeServer : public QObject
{
    Q_OBJECT
public:
    QList<ClientConnection*> connections;
    QStringList closedWhy;
    QStringList notificationsSeen;
    int initializeCount = 0;
    QByteArray lastReceived;
    int progressSteps = 3;
    int progressIntervalMs = 100;

    static QByteArray echoAnswer(QByteArrayView rawId, const QString& text)
    {
        const QByteArray textJson = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
        return R"({"result":{"zeta":1,"content":[{"type":"text","text":)"
            + textJson.mid(1, textJson.size() - 2)
            + R"(}],"alpha":12345678901234567891,"resultType":"complete"},"jsonrpc":"2.0","id":)"
            + rawId.toByteArray() + "}";
    }

    void attach(ClientConnection* connection)
    {
        connections.append(connection);
        connect(connection, &ClientConnection::received, this,
            [this, connection](const jsonrpc::RawMessage& message) { onMessage(connection, message); });
        connect(connection, &ClientConnection::closed, this, [this, connection](const QString& why) {
            closedWhy.append(why);
            connections.removeAll(connection);
        });
    }

private:
    struct PendingAsk
    {
        QPointer<ClientConnection> connection;
        QByteArray callId;
    };
    QHash<QByteArray, PendingAsk> m_asks;
    int m_nextAsk = 1;

    static QJsonObject text(const QString& value)
    {
        return { { u"resultType"_s, u"complete"_s },
            { u"content"_s, QJsonArray { QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, value } } } } };
    }

    void onMessage(ClientConnection* connection, const jsonrpc::RawMessage& message)
    {
        lastReceived = message.bytes;
        const QJsonObject object = message.toObject();
        const QJsonObject params = object.value(u"params"_s).toObject();
        if (message.isNotification()) {
            notificationsSeen.append(message.method);
            return;
        }
        if (message.isResponse()) {
            const PendingAsk ask = m_asks.take(message.idString().toUtf8());
            const QString sampled = object.value(u"result"_s)
                                        .toObject()
                                        .value(u"content"_s)
                                        .toObject()
                                        .value(u"text"_s)
                                        .toString();
            if (ask.connection)
                ask.connection->send(jsonrpc::resultFor(ask.callId, text(u"sampled: "_s + sampled)));
            return;
        }
        const QByteArray id = message.rawId().toByteArray();
        if (message.method == u"initialize"_s) {
            ++initializeCount;
            connection->send(jsonrpc::resultFor(id,
                QJsonObject { { u"protocolVersion"_s, params.value(u"protocolVersion"_s) },
                    { u"capabilities"_s,
                        QJsonObject { { u"tools"_s, QJsonObject { { u"listChanged"_s, true } } },
                            { u"logging"_s, QJsonObject {} } } },
                    { u"serverInfo"_s,
                        QJsonObject { { u"name"_s, u"fake"_s }, { u"version"_s, u"1"_s } } } }));
        } else if (message.method == u"server/discover"_s) {
            connection->send(jsonrpc::resultFor(id,
                QJsonObject { { u"resultType"_s, u"complete"_s },
                    { u"supportedVersions"_s, QJsonArray { u"2026-07-28"_s } },
                    { u"capabilities"_s, QJsonObject { { u"tools"_s, QJsonObject {} } } }, { u"ttlMs"_s, 0 },
                    { u"cacheScope"_s, u"private"_s },
                    { u"_meta"_s,
                        QJsonObject { { u"io.modelcontextprotocol/serverInfo"_s,
                            QJsonObject { { u"name"_s, u"fake"_s }, { u"version"_s, u"1"_s } } } } } }));
        } else if (message.method == u"tools/list"_s) {
            QJsonArray tools;
            for (const QString& name : { u"echo"_s, u"slow"_s, u"ask"_s, u"notify"_s })
                tools.append(QJsonObject {
                    { u"name"_s, name }, { u"inputSchema"_s, QJsonObject { { u"type"_s, u"object"_s } } } });
            connection->send(jsonrpc::resultFor(id,
                QJsonObject { { u"resultType"_s, u"complete"_s }, { u"tools"_s, tools }, { u"ttlMs"_s, 0 },
                    { u"cacheScope"_s, u"private"_s } }));
        } else if (message.method == u"tools/call"_s) {
            call(connection, id, params);
        } else if (message.method == u"ping"_s) {
            connection->send(jsonrpc::resultFor(id, QJsonObject {}));
        } else {
            connection->send(jsonrpc::errorFor(id, -32601, u"Method not found"_s));
        }
    }

    void call(ClientConnection* connection, const QByteArray& id, const QJsonObject& params)
    {
        const QString tool = params.value(u"name"_s).toString();
        const QJsonObject arguments = params.value(u"arguments"_s).toObject();
        QPointer<ClientConnection> alive(connection);
        if (tool == u"echo"_s) {
            connection->send(echoAnswer(id, arguments.value(u"message"_s).toString()));
        } else if (tool == u"slow"_s) {
            const QJsonValue token = params.value(u"_meta"_s).toObject().value(u"progressToken"_s);
            for (int step = 1; step <= progressSteps; ++step)
                QTimer::singleShot(step * progressIntervalMs, this, [alive, token, step, this] {
                    if (alive && !token.isUndefined())
                        alive->send(jsonrpc::encode(jsonrpc::notification(u"notifications/progress"_s,
                            QJsonObject { { u"progressToken"_s, token }, { u"progress"_s, step },
                                { u"total"_s, progressSteps } })));
                });
            QTimer::singleShot((progressSteps + 1) * progressIntervalMs, this, [alive, id] {
                if (alive)
                    alive->send(jsonrpc::resultFor(id, text(u"slow done"_s)));
            });
        } else if (tool == u"ask"_s) {
            const QByteArray askId = "srv-" + QByteArray::number(m_nextAsk++);
            m_asks.insert(askId, { connection, id });
            const QJsonObject request
                = jsonrpc::request(QString::fromLatin1(askId), u"sampling/createMessage"_s,
                    QJsonObject {
                        { u"messages"_s,
                            QJsonArray { QJsonObject { { u"role"_s, u"user"_s },
                                { u"content"_s,
                                    QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, u"hi"_s } } } } } },
                        { u"maxTokens"_s, 10 } });
            connection->send(jsonrpc::encode(request), id);
        } else if (tool == u"notify"_s) {
            connection->send(jsonrpc::encode(jsonrpc::notification(u"notifications/message"_s,
                QJsonObject { { u"level"_s, u"info"_s }, { u"data"_s, u"unrelated"_s } })));
            connection->send(jsonrpc::resultFor(id, text(u"notified"_s)));
        } else {
            connection->send(jsonrpc::errorFor(id, -32602, u"unknown tool"_s));
        }
    }
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace httpfronttest
