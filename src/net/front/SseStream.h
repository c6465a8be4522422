#pragma once

#include "ResponseWriter.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <deque>

namespace foxreload::net {

// One stream of an HTTP session (MCP 2025-11-25 Streamable HTTP): the response to one POSTed
// request, or the session's GET stream for what relates to no request. Each event gets an id
// "<stream>-<n>" and is kept (bounded) so that a client that lost the connection can resume
// with GET + Last-Event-ID and get exactly what came after; messages for the GET stream wait
// here while no GET is open.
//
// A POST stream answers as plain application/json when the answer is all there is to send;
// it turns into an event stream only when something must go out before the answer.
class SseStream : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Post, Get };
    struct Limits
    {
        qsizetype maxEvents = 512;
        qsizetype maxBytes = 8 * 1024 * 1024;
    };

    SseStream(quint64 number, Kind kind, HeaderPairs headers, Limits limits, QObject* parent = nullptr);
    ~SseStream() override;

    quint64 number() const { return m_number; }
    Kind kind() const { return m_kind; }
    bool isAttached() const { return m_writer && m_writer->isConnected(); }
    // The answer was given and everything reached a connection: nothing left to resume.
    bool isDone() const { return m_answered && m_deliveredSeq >= m_nextSeq - 1 && !m_writer; }
    bool isAnswered() const { return m_answered; }
    // Whether an event (not only the answer) can still go out here.
    bool canCarryEvents() const;

    // The POST's own response (a POST stream, at creation) or a GET that opens/resumes this
    // stream. `afterSequence` < 0: a fresh GET, gets what was never delivered.
    void attach(ResponseWriter* writer, bool acceptsEventStream, qint64 afterSequence = -1);
    // A notification or server request for this stream.
    void push(const QByteArray& message);
    // The answer to the POST: the last message of a POST stream.
    void answer(const QByteArray& message, int jsonStatus = 200);
    // A keep-alive comment on an open event stream.
    void keepAlive();
    // Ends the open response (session deleted, shutting down, replaced by a newer GET).
    void end();

    qsizetype droppedUndelivered() const { return m_droppedUndelivered; }

Q_SIGNALS:
    // The connection went away (the stream itself lives on for resumption).
    void detached();
    // Everything, answer included, reached the client.
    void done();

private:
    struct Event
    {
        quint64 sequence;
        QByteArray bytes; // the framed SSE event
    };
    void append(const QByteArray& message);
    void startEventStream();
    void flushFrom(quint64 afterSequence);
    void dropWriter();
    void trim();

    quint64 m_number;
    Kind m_kind;
    HeaderPairs m_headers;
    Limits m_limits;
    QPointer<ResponseWriter> m_writer;
    bool m_acceptsEventStream = true;
    bool m_eventMode = false; // ids were handed out: the client can resume this stream
    bool m_answered = false;
    std::deque<Event> m_events;
    qsizetype m_bytes = 0;
    quint64 m_nextSeq = 1;
    quint64 m_deliveredSeq = 0;
    qsizetype m_droppedUndelivered = 0;
};

} // namespace foxreload::net
