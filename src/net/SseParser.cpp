#include "SseParser.h"

namespace foxreload::net {

QList<SseEvent> SseParser::feed(QByteArrayView data)
{
    QList<SseEvent> events;
    qsizetype pos = 0;
    if (!m_bomChecked) {
        // A UTF-8 byte order mark may open the stream, and may arrive split across chunks: its
        // bytes wait in m_line until they are known to be one (dropped) or not (kept as text).
        static constexpr QByteArrayView kBom("\xEF\xBB\xBF");
        while (pos < data.size() && m_line.size() < kBom.size()
            && kBom.startsWith(QByteArray(m_line).append(data[pos]))) {
            m_line.append(data[pos]);
            ++pos;
        }
        if (m_line.size() < kBom.size() && pos == data.size())
            return events;
        m_bomChecked = true;
        if (m_line == kBom)
            m_line.clear();
    }
    while (pos < data.size()) {
        if (m_afterCr) {
            m_afterCr = false;
            if (data[pos] == '\n') {
                ++pos;
                continue;
            }
        }
        qsizetype end = pos;
        while (end < data.size() && data[end] != '\n' && data[end] != '\r')
            ++end;
        if (end == data.size()) {
            m_line.append(data.sliced(pos));
            break;
        }
        if (m_line.isEmpty()) {
            processLine(data.sliced(pos, end - pos), events);
        } else {
            m_line.append(data.sliced(pos, end - pos));
            processLine(m_line, events);
            m_line.clear();
        }
        m_afterCr = data[end] == '\r';
        pos = end + 1;
    }
    return events;
}

void SseParser::reset()
{
    m_line.clear();
    m_data.clear();
    m_type.clear();
    m_hasData = false;
    m_afterCr = false;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent>& out)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            SseEvent event;
            if (!m_type.isEmpty())
                event.type = m_type;
            event.data = m_data;
            event.id = m_lastEventId;
            out.append(std::move(event));
        }
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // a comment (servers send them as keep-alives)
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView {} : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool digitsOnly = !value.isEmpty();
        for (const char c : value)
            digitsOnly = digitsOnly && c >= '0' && c <= '9';
        if (digitsOnly) {
            bool ok = false;
            const int ms = value.toInt(&ok);
            if (ok)
                m_retryMs = ms;
        }
    }
    // Any other field is ignored, as the standard says.
}

} // namespace foxreload::net
