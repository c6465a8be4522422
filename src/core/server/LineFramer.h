#pragma once

#include <QByteArray>
#include <QVarLengthArray>

namespace foxreload {

// Splits a byte stream into newline-delimited lines (the MCP stdio framing).
// A line longer than the limit is not kept in memory: its bytes are skipped
// up to the next newline and it is reported as oversized, so one runaway
// writer cannot exhaust memory nor desynchronise the stream.
class LineFramer
{
public:
    struct Line
    {
        QByteArray bytes; // without the newline (and without a trailing '\r')
        bool oversized = false; // bytes is empty; size holds the length that was skipped
        qsizetype size = 0;
    };

    // The lines of one read: a burst of a few fits without an allocation of its own.
    using Lines = QVarLengthArray<Line, 16>;

    explicit LineFramer(qsizetype maxLineBytes = 64 * 1024 * 1024);

    // Appends data and returns the lines it completed, in order.
    Lines feed(const QByteArray& data);
    // What is left without a newline (for a stream that ended mid-line).
    QByteArray takeRemainder();
    qsizetype maxLineBytes() const { return m_max; }

private:
    qsizetype m_max;
    QByteArray m_buffer;
    bool m_skipping = false; // inside an oversized line
    qsizetype m_skipped = 0;
};

} // namespace foxreload
