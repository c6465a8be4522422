#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>

class QHttpServerResponder;
class QTcpSocket;

namespace foxreload::net {

using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;

// One HTTP response that may stay open: QtHttpServer 6.4's responder is kept after the
// request handler returns and writes straight to the socket, which is what an SSE stream
// needs. A complete answer carries Content-Length; an event stream is sent chunked, so the
// connection stays usable for the next request once the stream ends. The socket belongs to
// QtHttpServer and is deleted after it disconnects: it is only ever used while connected.
class ResponseWriter : public QObject
{
    Q_OBJECT
public:
    explicit ResponseWriter(QHttpServerResponder&& responder, QObject* parent = nullptr);
    ~ResponseWriter() override;

    bool isConnected() const;
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool isEventStream() const { return m_eventStream; }

    void writeComplete(
        int status, const QByteArray& contentType, const QByteArray& body, const HeaderPairs& headers = {});
    void writeEmpty(int status, const HeaderPairs& headers = {});
    void beginEventStream(const HeaderPairs& headers);
    // One piece of the event stream (events, keep-alive comments).
    void writeChunk(const QByteArray& bytes);
    void endEventStream();

Q_SIGNALS:
    // The client went away before the response was finished.
    void disconnected();

private:
    void writeHead(int status, const HeaderPairs& headers);

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_started = false;
    bool m_finished = false;
    bool m_eventStream = false;
};

} // namespace foxreload::net
