#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace foxreload::net {

// What QtHttpServer 6.4 leaves undone, done on the raw bytes of one connection before it parses
// them: it never answers `Expect: 100-continue` (a client that waits for it stalls), has no cap on
// the header block, and reads a whole body into memory whatever its Content-Length says. The
// guard follows the request boundaries (Content-Length and chunked bodies), and says when to send
// "100 Continue" and when to refuse a request (431, 413, 417, 400) before any of it is buffered.
// It needs no socket, so every case can be fed to it byte by byte in a test.
class RequestHeadGuard
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024; // request line and headers
        qint64 maxBodyBytes = 64 * 1024 * 1024;
    };
    struct Refusal
    {
        int status = 0; // 0: nothing refused
        QString message;
    };
    struct Result
    {
        int continues = 0; // "HTTP/1.1 100 Continue" answers owed, in order
        Refusal refusal; // once set, the connection is done: every later feed repeats it
    };

    explicit RequestHeadGuard(Limits limits)
        : m_limits(limits)
    { }

    // The bytes that arrived since the last call, in order.
    Result feed(QByteArrayView bytes);
    bool refused() const { return m_refusal.status != 0; }

    static QByteArray reasonPhrase(int status);

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailers };
    // Parses a complete head; false when it refuses the request.
    bool startRequest(const QByteArray& head, qsizetype bytesAfterHead, Result* result);
    bool refuse(int status, const QString& message);

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_line; // the head, a chunk-size line or a trailer line so far
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_chunkedTotal = 0;
    Refusal m_refusal;
};

} // namespace foxreload::net
