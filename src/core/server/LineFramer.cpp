#include "LineFramer.h"

namespace foxreload {

LineFramer::LineFramer(qsizetype maxLineBytes)
    : m_max(maxLineBytes)
{ }

LineFramer::Lines LineFramer::feed(const QByteArray& data)
{
    Lines lines;
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype newline = data.indexOf('\n', start);
        const qsizetype end = newline < 0 ? data.size() : newline;
        const qsizetype chunk = end - start;

        if (newline >= 0 && m_buffer.isEmpty() && !m_skipping && chunk <= m_max) {
            // The usual line, begun and ended in this read: copied once, at its final size.
            const qsizetype size = chunk > 0 && data[end - 1] == '\r' ? chunk - 1 : chunk;
            lines.append({ QByteArray(data.constData() + start, size), false, size });
            start = newline + 1;
            continue;
        }
        if (m_skipping) {
            m_skipped += chunk;
        } else if (m_buffer.size() + chunk > m_max) {
            m_skipping = true;
            m_skipped = m_buffer.size() + chunk;
            m_buffer.clear();
            m_buffer.squeeze();
        } else {
            m_buffer.append(data.constData() + start, chunk);
        }

        if (newline < 0)
            break;

        Line line;
        if (m_skipping) {
            line.oversized = true;
            line.size = m_skipped;
            m_skipping = false;
            m_skipped = 0;
        } else {
            if (m_buffer.endsWith('\r'))
                m_buffer.chop(1);
            line.size = m_buffer.size();
            line.bytes = std::exchange(m_buffer, {});
        }
        lines.append(std::move(line));
        start = newline + 1;
    }
    return lines;
}

QByteArray LineFramer::takeRemainder()
{
    m_skipping = false;
    m_skipped = 0;
    return std::exchange(m_buffer, {});
}

} // namespace foxreload
