#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace foxreload::cli {

// Turns SIGINT/SIGTERM/SIGHUP into a Qt signal delivered on the event loop
// (self-pipe), so a command can shut its server down cleanly instead of dying
// in the middle of a reload. Only one instance may exist at a time.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject* parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();

    int m_pipe[2] = { -1, -1 };
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace foxreload::cli
