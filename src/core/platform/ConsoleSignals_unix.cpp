#include "ConsoleSignals.h"
#include "PlatformLog.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace foxreload::platform {

static_assert(SIGINT == ConsoleSignals::kInterrupt && SIGTERM == ConsoleSignals::kTerminate
    && SIGHUP == ConsoleSignals::kHangUp);

namespace {
int g_writeEnd = -1;

void forwardSignal(int signalNumber)
{
    const auto byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const auto written = ::write(g_writeEnd, &byte, 1);
}

constexpr int kSignals[] = { SIGINT, SIGTERM, SIGHUP };

// pipe2() is Linux-only; the flags are set right after, before any handler can write.
bool makeSelfPipe(int (&fds)[2])
{
    if (::pipe(fds) != 0)
        return false;
    for (int fd : fds) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    return true;
}
} // namespace

struct ConsoleSignals::Channel
{
    int pipe[2] = { -1, -1 };
    std::unique_ptr<QSocketNotifier> notifier;
};

ConsoleSignals::ConsoleSignals(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Channel>())
{
    if (!makeSelfPipe(d->pipe)) {
        qCWarning(lcPlatform) << "no self-pipe for console signals; SIGINT/SIGTERM end FoxReload at once";
        return;
    }
    g_writeEnd = d->pipe[1];
    d->notifier = std::make_unique<QSocketNotifier>(d->pipe[0], QSocketNotifier::Read);
    connect(d->notifier.get(), &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        while (::read(d->pipe[0], &byte, 1) == 1)
            Q_EMIT terminationRequested(byte);
    });

    struct sigaction action = {};
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signalNumber : kSignals)
        ::sigaction(signalNumber, &action, nullptr);
}

ConsoleSignals::~ConsoleSignals()
{
    for (int signalNumber : kSignals)
        ::signal(signalNumber, SIG_DFL);
    g_writeEnd = -1;
    d->notifier.reset();
    for (int fd : d->pipe) {
        if (fd >= 0)
            ::close(fd);
    }
}

} // namespace foxreload::platform
