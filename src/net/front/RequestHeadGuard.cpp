#include "RequestHeadGuard.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::net {

namespace {

// The end of a request head in `text` ("\r\n\r\n", or "\n\n" from a lenient client), searched
// from `from`; -1 when the head is not complete yet.
qsizetype headEnd(const QByteArray& text, qsizetype from)
{
    for (qsizetype i = std::max<qsizetype>(from, 1); i < text.size(); ++i) {
        if (text[i] != '\n')
            continue;
        if (text[i - 1] == '\n')
            return i + 1;
        if (i >= 2 && text[i - 1] == '\r' && text[i - 2] == '\n')
            return i + 1;
    }
    return -1;
}

constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

QByteArray RequestHeadGuard::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 400:
        return "Bad Request";
    case 413:
        return "Payload Too Large";
    case 417:
        return "Expectation Failed";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

bool RequestHeadGuard::refuse(int status, const QString& message)
{
    m_refusal = { status, message };
    return false;
}

RequestHeadGuard::Result RequestHeadGuard::feed(QByteArrayView data)
{
    Result result;
    // A line (chunk size, trailer) completed from `data`; false while it is still open.
    const auto takeLine = [&](qsizetype cap) {
        const qsizetype newline = data.indexOf('\n');
        const qsizetype take = newline < 0 ? data.size() : newline + 1;
        m_line.append(data.first(take));
        data = data.sliced(take);
        if (m_line.size() > cap)
            return refuse(400, u"Bad Request: a chunk header or trailer line is too long"_s);
        return newline >= 0;
    };
    while (!refused() && !data.isEmpty()) {
        switch (m_state) {
        case State::Head: {
            if (m_line.isEmpty()) {
                // Line breaks between requests are allowed (RFC 9112 §2.2).
                while (!data.isEmpty() && (data.front() == '\r' || data.front() == '\n'))
                    data = data.sliced(1);
                if (data.isEmpty())
                    break;
            }
            const qsizetype before = m_line.size();
            const qsizetype take = std::min(data.size(), m_limits.maxHeaderBytes + 1 - before);
            m_line.append(data.first(take));
            const qsizetype end = headEnd(m_line, before - 3);
            if (end < 0) {
                data = data.sliced(take);
                if (m_line.size() > m_limits.maxHeaderBytes)
                    refuse(431,
                        u"Request Header Fields Too Large: the request line and headers may take %1 bytes"_s
                            .arg(m_limits.maxHeaderBytes));
                break;
            }
            data = data.sliced(end - before);
            const QByteArray head = m_line.left(end);
            m_line.clear();
            startRequest(head, data.size(), &result);
            break;
        }
        case State::Body: {
            const qint64 take = std::min<qint64>(m_remaining, data.size());
            m_remaining -= take;
            data = data.sliced(take);
            if (m_remaining == 0)
                m_state = State::Head;
            break;
        }
        case State::ChunkSize: {
            if (!takeLine(kMaxChunkLine))
                break;
            const qsizetype extensions = m_line.indexOf(';'); // "1a;name=value"
            const QByteArray sizeText = (extensions < 0 ? m_line : m_line.left(extensions)).trimmed();
            m_line.clear();
            bool ok = false;
            const qint64 size = sizeText.toLongLong(&ok, 16);
            if (!ok || size < 0 || sizeText.size() > 15) {
                refuse(400, u"Bad Request: malformed chunk size"_s);
                break;
            }
            m_chunkedTotal += size;
            if (m_chunkedTotal > m_limits.maxBodyBytes)
                refuse(
                    413, u"Payload Too Large: a request body may take %1 bytes"_s.arg(m_limits.maxBodyBytes));
            m_remaining = size;
            m_state = size == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(m_remaining, data.size());
            m_remaining -= take;
            data = data.sliced(take);
            if (m_remaining == 0)
                m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkEnd:
            if (takeLine(kMaxChunkLine)) {
                m_line.clear();
                m_state = State::ChunkSize;
            }
            break;
        case State::Trailers:
            if (takeLine(m_limits.maxHeaderBytes)) {
                const bool last = m_line.trimmed().isEmpty();
                m_line.clear();
                if (last)
                    m_state = State::Head;
            }
            break;
        }
    }
    result.refusal = m_refusal;
    return result;
}

bool RequestHeadGuard::startRequest(const QByteArray& head, qsizetype bytesAfterHead, Result* result)
{
    QByteArray contentLength;
    QByteArray transferEncoding;
    QByteArray expect;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the request line
        const QByteArray& line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            if (!contentLength.isNull() && contentLength != value)
                return refuse(400, u"Bad Request: conflicting Content-Length headers"_s);
            contentLength = value;
        } else if (name == "transfer-encoding")
            transferEncoding += (transferEncoding.isEmpty() ? "" : ",") + value.toLower();
        else if (name == "expect")
            expect = value.toLower();
    }
    if (!expect.isNull() && expect != "100-continue")
        return refuse(417,
            u"Expectation Failed: only \"Expect: 100-continue\" is understood, not \"%1\""_s.arg(
                QString::fromLatin1(expect)));
    const bool wantsContinue = !expect.isNull();

    if (transferEncoding.contains("chunked")) {
        m_chunkedTotal = 0;
        m_state = State::ChunkSize;
        if (wantsContinue && bytesAfterHead == 0)
            ++result->continues;
        return true;
    }
    qint64 length = 0;
    if (!contentLength.isNull()) {
        bool ok = false;
        length = contentLength.toLongLong(&ok);
        if (!ok || length < 0)
            return refuse(400, u"Bad Request: malformed Content-Length"_s);
    }
    if (length > m_limits.maxBodyBytes)
        return refuse(413,
            u"Payload Too Large: the request body has %1 bytes, at most %2 are accepted"_s.arg(length).arg(
                m_limits.maxBodyBytes));
    if (wantsContinue && length > bytesAfterHead)
        ++result->continues;
    m_remaining = length;
    m_state = length > 0 ? State::Body : State::Head;
    return true;
}

} // namespace foxreload::net
