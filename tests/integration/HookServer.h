#pragma once

// A small HTTP server for tests that receive webhook POSTs: it records every request
// and answers each as the test says (a status, or never).

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace foxreload::test {

class HookServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        qint64 atMs = 0; // since the server started
    };
    // The answer to the n-th request (0-based): an HTTP status, or 0 to never answer.
    using Answer = std::function<int(int index)>;

    HookServer()
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    void setAnswer(Answer answer) { m_answer = std::move(answer); }
    void setRetryAfter(const QByteArray& value) { m_retryAfter = value; }

    const QList<Request>& requests() const { return m_requests; }
    int hanging() const { return m_hanging; }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(
                    lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        request.atMs = m_clock.elapsed();
        const int index = int(m_requests.size());
        m_requests.append(request);
        const int status = m_answer ? m_answer(index) : 200;
        if (status == 0) {
            ++m_hanging;
            return;
        }
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: text/plain\r\n";
        if (status == 429 && !m_retryAfter.isEmpty())
            response += "Retry-After: " + m_retryAfter + "\r\n";
        response += "Content-Length: 2\r\nConnection: close\r\n\r\nok";
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QMap<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    Answer m_answer;
    QByteArray m_retryAfter;
    int m_hanging = 0;
};

} // namespace foxreload::test
