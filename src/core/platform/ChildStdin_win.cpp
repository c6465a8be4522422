#include "ChildStdin.h"

#include <QProcess>

namespace foxreload::platform {

// Windows: QProcess owns the pipe and its overlapped writer, which queues what the pipe does not
// take; a broken pipe ends the write channel and QProcess reports the process's end as usual.
struct ChildStdin::Pipe
{
    QProcess* process = nullptr;
    bool open = false;
};

ChildStdin::ChildStdin(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Pipe>())
{ }

ChildStdin::~ChildStdin() = default;

QString ChildStdin::prepare(QProcess& process)
{
    d->process = &process;
    d->open = true;
    return {};
}

QIODevice::OpenMode ChildStdin::processOpenMode() const
{
    return QIODevice::ReadWrite;
}

qintptr ChildStdin::childEnd() const
{
    return -1;
}

void ChildStdin::releaseChildEnd() { }

bool ChildStdin::isOpen() const
{
    return d->open && d->process && d->process->state() == QProcess::Running;
}

void ChildStdin::writeLine(const QByteArray& message)
{
    if (!isOpen())
        return;
    d->process->write(message);
    d->process->write("\n", 1);
}

bool ChildStdin::write(QByteArrayView first, QByteArrayView second)
{
    d->process->write(first.data(), first.size());
    d->process->write(second.data(), second.size());
    return true;
}

void ChildStdin::onWritable() { }

// QProcess's write channel collects what is written before the loop runs again.
void ChildStdin::flushBatch() { }

void ChildStdin::closeWhenWritten()
{
    // QProcess closes the channel once everything queued is written.
    close();
}

void ChildStdin::close()
{
    if (d->open && d->process)
        d->process->closeWriteChannel();
    d->open = false;
}

} // namespace foxreload::platform
