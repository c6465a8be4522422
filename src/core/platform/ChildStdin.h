#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QObject>

#include <memory>

class QProcess;

namespace foxreload::platform {

// The server's stdin as a pipe of FoxReload's own, written without blocking: what the pipe does
// not take at once is queued in order and written when it drains. Unix: a non-blocking pipe
// written with writev() and woken by a QSocketNotifier (QProcess's own write path costs an extra
// event-loop round and a wake-up per message, the proxy's hottest path). Windows: QProcess's
// write channel (its overlapped pipe writer queues the same way).
class ChildStdin : public QObject
{
    Q_OBJECT
public:
    explicit ChildStdin(QObject* parent = nullptr);
    ~ChildStdin() override;

    // Before QProcess::start(): makes the pipe and sets `process` up for it. Returns why it cannot.
    QString prepare(QProcess& process);
    // The mode to start `process` in.
    QIODevice::OpenMode processOpenMode() const;
    // Unix: the descriptor the child makes its stdin (ProcessSupervisor::prepare()); -1 elsewhere.
    qintptr childEnd() const;
    // After QProcess::start(), successful or not: FoxReload lets go of the child's end.
    void releaseChildEnd();

    bool isOpen() const;
    // Writes `message` and a newline, behind whatever is still queued. Unix: the lines written during
    // an OutputBurst go out together in one write() when it ends; outside one, each at once.
    void writeLine(const QByteArray& message);
    // EOF for the server once what was written reached the pipe (MCP's stdio shutdown).
    void closeWhenWritten();
    // EOF now; whatever is queued is dropped.
    void close();

private:
    friend class OutputBurst;
    void flushBatch();
    bool write(QByteArrayView first, QByteArrayView second);
    void onWritable();

    struct Pipe;
    std::unique_ptr<Pipe> d;
};

} // namespace foxreload::platform
