#include "ResponseWriter.h"

#include <QHttpServerResponder>
#include <QTcpSocket>

namespace foxreload::net {

ResponseWriter::ResponseWriter(QHttpServerResponder&& responder, QObject* parent)
    : QObject(parent)
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
{
    if (m_socket)
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_finished)
                Q_EMIT disconnected();
        });
}

ResponseWriter::~ResponseWriter() = default;

bool ResponseWriter::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void ResponseWriter::writeHead(int status, const HeaderPairs& headers)
{
    m_started = true;
    m_responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto& [name, value] : headers)
        m_responder->writeHeader(name, value);
}

void ResponseWriter::writeComplete(
    int status, const QByteArray& contentType, const QByteArray& body, const HeaderPairs& headers)
{
    if (m_started || !isConnected()) {
        m_finished = true;
        return;
    }
    writeHead(status, headers);
    if (!contentType.isEmpty())
        m_responder->writeHeader("Content-Type", contentType);
    m_responder->writeHeader("Content-Length", QByteArray::number(body.size()));
    m_responder->writeBody(body);
    m_finished = true;
}

void ResponseWriter::writeEmpty(int status, const HeaderPairs& headers)
{
    writeComplete(status, {}, {}, headers);
}

void ResponseWriter::beginEventStream(const HeaderPairs& headers)
{
    if (m_started || !isConnected())
        return;
    writeHead(200, headers);
    m_responder->writeHeader("Content-Type", "text/event-stream");
    m_responder->writeHeader("Cache-Control", "no-cache");
    m_responder->writeHeader("X-Accel-Buffering", "no");
    m_responder->writeHeader("Transfer-Encoding", "chunked");
    m_responder->writeBody("", 0); // ends the head: the client sees the stream open at once
    m_eventStream = true;
}

void ResponseWriter::writeChunk(const QByteArray& bytes)
{
    if (!m_eventStream || m_finished || bytes.isEmpty() || !isConnected())
        return;
    QByteArray chunk = QByteArray::number(bytes.size(), 16);
    chunk.reserve(chunk.size() + bytes.size() + 4);
    chunk.append("\r\n").append(bytes).append("\r\n");
    m_responder->writeBody(chunk);
}

void ResponseWriter::endEventStream()
{
    if (m_eventStream && !m_finished && isConnected())
        m_responder->writeBody("0\r\n\r\n", 5);
    m_finished = true;
}

} // namespace foxreload::net
