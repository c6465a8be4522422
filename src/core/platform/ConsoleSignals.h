#pragma once

#include <QObject>

#include <memory>

namespace foxreload::platform {

// Turns the console's termination requests into a Qt signal delivered on the event loop, so a
// command can shut its server down cleanly instead of dying in the middle of a reload.
// Unix: SIGINT, SIGTERM and SIGHUP through a self-pipe. Windows: SetConsoleCtrlHandler's
// Ctrl-C, Ctrl-Break, close, logoff and shutdown events (reported as SIGINT, SIGTERM or SIGHUP
// numbers, so exit codes stay 128 + signal everywhere). Only one instance may exist at a time.
class ConsoleSignals : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleSignals(QObject* parent = nullptr);
    ~ConsoleSignals() override;

    // The numbers terminationRequested() carries (the Unix values, on every OS).
    static constexpr int kInterrupt = 2;
    static constexpr int kHangUp = 1;
    static constexpr int kTerminate = 15;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    struct Channel;
    std::unique_ptr<Channel> d;
};

} // namespace foxreload::platform
