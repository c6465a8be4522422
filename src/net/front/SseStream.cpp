#include "SseStream.h"

#include "FrontLog.h"
#include "McpHttpRules.h"

using namespace Qt::StringLiterals;

namespace foxreload::net {

SseStream::SseStream(quint64 number, Kind kind, HeaderPairs headers, Limits limits, QObject* parent)
    : QObject(parent)
    , m_number(number)
    , m_kind(kind)
    , m_headers(std::move(headers))
    , m_limits(limits)
    , m_eventMode(kind == Kind::Get)
{ }

SseStream::~SseStream() = default;

bool SseStream::canCarryEvents() const
{
    if (m_kind == Kind::Get)
        return true;
    if (m_answered)
        return false;
    return m_eventMode || (isAttached() && m_acceptsEventStream && !m_writer->isStarted());
}

void SseStream::attach(ResponseWriter* writer, bool acceptsEventStream, qint64 afterSequence)
{
    if (m_writer) {
        m_writer->endEventStream();
        dropWriter();
    }
    m_writer = writer;
    m_acceptsEventStream = acceptsEventStream;
    writer->setParent(this);
    connect(writer, &ResponseWriter::disconnected, this, [this] {
        dropWriter();
        Q_EMIT detached();
        if (isDone())
            Q_EMIT done();
    });
    if (!m_eventMode)
        return; // a fresh POST: it answers as JSON unless an event comes first
    startEventStream();
    flushFrom(afterSequence >= 0 ? quint64(afterSequence) : m_deliveredSeq);
    if (m_kind == Kind::Post && m_answered) {
        m_writer->endEventStream();
        dropWriter();
        Q_EMIT done();
    }
}

void SseStream::startEventStream()
{
    m_eventMode = true;
    if (m_writer && !m_writer->isStarted())
        m_writer->beginEventStream(m_headers);
}

void SseStream::push(const QByteArray& message)
{
    if (!m_eventMode)
        startEventStream();
    append(message);
}

void SseStream::append(const QByteArray& message)
{
    const quint64 sequence = m_nextSeq++;
    QByteArray event = mcphttp::sseEvent(mcphttp::eventId(m_number, sequence), message);
    if (m_writer && m_writer->isConnected() && m_writer->isEventStream()) {
        m_writer->writeChunk(event);
        m_deliveredSeq = sequence;
    }
    m_bytes += event.size();
    m_events.push_back({ sequence, std::move(event) });
    trim();
}

void SseStream::answer(const QByteArray& message, int jsonStatus)
{
    m_answered = true;
    if (!m_eventMode) {
        if (m_writer && m_writer->isConnected()) {
            HeaderPairs headers = m_headers;
            m_writer->writeComplete(jsonStatus, "application/json", message, headers);
        } else {
            qCInfo(lcHttpFront,
                "stream %llu: the client left before its answer arrived; the answer is dropped",
                static_cast<unsigned long long>(m_number));
        }
        m_deliveredSeq = m_nextSeq - 1;
        dropWriter();
        Q_EMIT done();
        return;
    }
    append(message);
    if (m_writer && m_writer->isConnected()) {
        m_writer->endEventStream();
        dropWriter();
        Q_EMIT done();
    }
}

void SseStream::flushFrom(quint64 afterSequence)
{
    if (!m_writer || !m_writer->isEventStream())
        return;
    for (const Event& event : m_events) {
        if (event.sequence <= afterSequence)
            continue;
        m_writer->writeChunk(event.bytes);
        m_deliveredSeq = std::max(m_deliveredSeq, event.sequence);
    }
    // Whatever is older than the log is gone; the client resumes from what is left.
    m_deliveredSeq = std::max(m_deliveredSeq, m_nextSeq - 1);
}

void SseStream::keepAlive()
{
    if (m_writer && m_writer->isConnected() && m_writer->isEventStream())
        m_writer->writeChunk(": keep-alive\n\n"_ba);
}

void SseStream::end()
{
    if (!m_writer)
        return;
    if (m_writer->isEventStream())
        m_writer->endEventStream();
    else if (!m_writer->isStarted())
        m_writer->writeComplete(
            404, "application/json", mcphttp::errorBody(-32001, u"Session not found"_s), m_headers);
    dropWriter();
}

void SseStream::dropWriter()
{
    if (!m_writer)
        return;
    m_writer->disconnect(this);
    m_writer->deleteLater();
    m_writer = nullptr;
}

void SseStream::trim()
{
    while (!m_events.empty()
        && (qsizetype(m_events.size()) > m_limits.maxEvents || m_bytes > m_limits.maxBytes)) {
        const Event& oldest = m_events.front();
        if (oldest.sequence > m_deliveredSeq) {
            ++m_droppedUndelivered;
            qCWarning(lcHttpFront,
                "stream %llu: message %llu dropped before any client received it (%lld kept)",
                static_cast<unsigned long long>(m_number), static_cast<unsigned long long>(oldest.sequence),
                static_cast<long long>(m_limits.maxEvents));
        }
        m_bytes -= oldest.bytes.size();
        m_events.pop_front();
    }
}

} // namespace foxreload::net
