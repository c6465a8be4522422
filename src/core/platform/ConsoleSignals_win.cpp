#include "ConsoleSignals.h"
#include "PlatformLog.h"

#include <QMetaObject>

#include <atomic>
#include <windows.h>

namespace foxreload::platform {

namespace {
// The handler runs on a thread the system creates; it queues the request to the object's thread.
std::atomic<ConsoleSignals*> g_receiver { nullptr };

int signalNumberFor(DWORD event)
{
    switch (event) {
    case CTRL_C_EVENT:
        return ConsoleSignals::kInterrupt;
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
        return ConsoleSignals::kHangUp; // the console went away, like a terminal's hang-up
    default:
        return ConsoleSignals::kTerminate; // Ctrl-Break (what stop() sends a child), shutdown
    }
}

BOOL WINAPI onConsoleEvent(DWORD event)
{
    ConsoleSignals* receiver = g_receiver.load();
    if (!receiver)
        return FALSE; // the default handler ends the process
    const int number = signalNumberFor(event);
    QMetaObject::invokeMethod(
        receiver, [receiver, number] { Q_EMIT receiver->terminationRequested(number); },
        Qt::QueuedConnection);
    // For close/logoff/shutdown the process ends when this returns: give the loop its grace.
    if (event == CTRL_CLOSE_EVENT || event == CTRL_LOGOFF_EVENT || event == CTRL_SHUTDOWN_EVENT)
        ::Sleep(5000);
    return TRUE;
}
} // namespace

struct ConsoleSignals::Channel
{
    bool installed = false;
};

ConsoleSignals::ConsoleSignals(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Channel>())
{
    g_receiver = this;
    d->installed = ::SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
    if (!d->installed)
        qCWarning(lcPlatform) << "SetConsoleCtrlHandler failed:" << ::GetLastError();
}

ConsoleSignals::~ConsoleSignals()
{
    if (d->installed)
        ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_receiver = nullptr;
}

} // namespace foxreload::platform
