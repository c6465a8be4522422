#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace foxreload::net {

// One dispatched Server-Sent Event.
struct SseEvent
{
    QByteArray type = "message"; // the `event:` field; "message" when the event names none
    QByteArray data; // the `data:` lines joined by '\n'
    QByteArray id; // the last event id seen so far in the stream (it persists across events)

    friend bool operator==(const SseEvent&, const SseEvent&) = default;
};

// Incremental parser for a text/event-stream body (the WHATWG "event stream
// interpretation"): bytes arrive in arbitrary pieces, lines end in CRLF, LF or CR,
// `:` lines are comments, a blank line dispatches the event being built. An event
// without data is not dispatched (its id still counts). Fields are kept as bytes:
// an MCP message is UTF-8 JSON, and decoding it is the message path's business.
class SseParser
{
public:
    // Appends data and returns the events it completed, in order.
    QList<SseEvent> feed(QByteArrayView data);
    // The stream ended: a half-built event is discarded, as the standard says.
    void reset();

    QByteArray lastEventId() const { return m_lastEventId; }
    // The `retry:` the server asked for (ms), once it sent a valid one.
    std::optional<int> retryMs() const { return m_retryMs; }

private:
    void processLine(QByteArrayView line, QList<SseEvent>& out);

    QByteArray m_line; // bytes of the current, unfinished line
    QByteArray m_data;
    QByteArray m_type;
    QByteArray m_lastEventId;
    std::optional<int> m_retryMs;
    bool m_hasData = false;
    bool m_afterCr = false; // the previous chunk ended in CR: a leading LF belongs to it
    bool m_bomChecked = false;
};

} // namespace foxreload::net
