// The supervisor half of ProcessSupervisor on Linux (see SupervisorLoop.h). Only raw system calls:
// no allocation, no locks, no stdio, no C++ runtime, so that the small program foxreload-supervisor
// needs nothing but libc, and the same code runs safely before main() in the fallback.
#include "SupervisorLoop.h"

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace foxreload::platform::supervisor {

namespace {

void closeRange(unsigned first, unsigned last)
{
    if (first > last)
        return;
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, first, last, 0) == 0)
        return;
#endif
    rlimit limit {};
    unsigned end = 65536;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < end)
        end = unsigned(limit.rlim_cur);
    for (unsigned fd = first; fd <= last && fd < end; ++fd)
        ::close(int(fd));
}

// The supervisor keeps only its end of the control pipe: another server's control pipe, QProcess's
// startup pipe or the server's stdio pipes held here would keep them from ever reaching EOF.
void keepOnly(int keep)
{
    closeRange(3, unsigned(keep) - 1);
    closeRange(unsigned(keep) + 1, ~0U);
    const int devNull = ::open("/dev/null", O_RDWR);
    if (devNull >= 0) {
        ::dup2(devNull, STDIN_FILENO);
        ::dup2(devNull, STDOUT_FILENO);
        ::dup2(devNull, STDERR_FILENO);
        if (devNull > STDERR_FILENO && devNull != keep)
            ::close(devNull);
    }
}

int parseNumber(const char* text)
{
    int value = 0;
    for (; *text >= '0' && *text <= '9'; ++text)
        value = value * 10 + (*text - '0');
    return value;
}

// Parses "/proc/<pid>/stat": the fields after the last ')' are "state ppid pgrp ...".
struct ProcStat
{
    char state = '?';
    long ppid = 0;
    long pgrp = 0;
};

bool readProcStat(const char* pidName, ProcStat* out)
{
    char path[64] = "/proc/";
    size_t at = 6;
    for (size_t i = 0; pidName[i] && at < sizeof path - 6; ++i)
        path[at++] = pidName[i];
    for (const char* tail = "/stat"; *tail; ++tail)
        path[at++] = *tail;
    path[at] = '\0';
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buffer[512];
    const ssize_t size = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (size <= 0)
        return false;
    buffer[size] = '\0';
    const char* p = nullptr;
    for (ssize_t i = size - 1; i >= 0; --i) {
        if (buffer[i] == ')') {
            p = buffer + i + 1;
            break;
        }
    }
    if (!p)
        return false;
    while (*p == ' ')
        ++p;
    out->state = *p++;
    long* fields[] = { &out->ppid, &out->pgrp };
    for (long* field : fields) {
        while (*p == ' ')
            ++p;
        long value = 0;
        while (*p >= '0' && *p <= '9')
            value = value * 10 + (*p++ - '0');
        *field = value;
    }
    return true;
}

struct LinuxDirent
{
    unsigned long long inode;
    long long offset;
    unsigned short length;
    unsigned char type;
    char name[1];
};

// SIGKILLs every process whose parent is the supervisor or that is in its process group (the
// server's group), except the supervisor itself. Returns how many it signalled.
int killMembers(pid_t self)
{
    const int dir = ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return 0;
    int signalled = 0;
    alignas(8) char buffer[8192];
    for (;;) {
        const long size = ::syscall(SYS_getdents64, dir, buffer, sizeof buffer);
        if (size <= 0)
            break;
        for (long offset = 0; offset < size;) {
            const auto* entry = reinterpret_cast<const LinuxDirent*>(buffer + offset);
            offset += entry->length;
            const char* name = entry->name;
            if (name[0] < '1' || name[0] > '9')
                continue;
            long pid = 0;
            bool numeric = true;
            for (const char* c = name; *c; ++c) {
                if (*c < '0' || *c > '9') {
                    numeric = false;
                    break;
                }
                pid = pid * 10 + (*c - '0');
            }
            ProcStat stat;
            if (!numeric || pid == self || !readProcStat(name, &stat) || stat.state == 'Z')
                continue;
            if (stat.ppid == self || stat.pgrp == self) {
                ::kill(pid_t(pid), SIGKILL);
                ++signalled;
            }
        }
    }
    ::close(dir);
    return signalled;
}

void noteExit(pid_t pid, int status, pid_t server, int* serverStatus, bool* serverGone)
{
    if (pid == server) {
        *serverStatus = status;
        *serverGone = true;
    }
}

// Kills the tree until nothing of it is left. A process whose parent dies is re-parented to us
// (we are its subreaper), so each round finds what the previous one orphaned.
void killTree(pid_t self, pid_t server, int* serverStatus, bool* serverGone)
{
    for (;;) {
        killMembers(self);
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            return; // ECHILD: no child of ours is left, so no descendant is either
        }
        noteExit(pid, status, server, serverStatus, serverGone);
        pid_t more;
        while ((more = ::waitpid(-1, &status, WNOHANG)) > 0)
            noteExit(more, status, server, serverStatus, serverGone);
    }
}

[[noreturn]] void exitLike(int status)
{
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        struct sigaction defaultAction
        {
        };
        defaultAction.sa_handler = SIG_DFL;
        ::sigaction(signal, &defaultAction, nullptr);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, signal);
        ::sigprocmask(SIG_UNBLOCK, &only, nullptr);
        ::kill(::getpid(), signal);
        ::_exit(128 + signal);
    }
    ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 255);
}

[[noreturn]] void supervise(pid_t server, int controlFd)
{
    const pid_t self = ::getpid();
    ::prctl(PR_SET_NAME, "foxreload-sv", 0, 0, 0);
    const rlimit noCore { 0, 0 }; // dying of the server's SIGSEGV must not dump our own core
    ::setrlimit(RLIMIT_CORE, &noCore);
    sigset_t childSignals;
    sigemptyset(&childSignals);
    sigaddset(&childSignals, SIGCHLD);
    const int signalFd = ::signalfd(-1, &childSignals, SFD_NONBLOCK | SFD_CLOEXEC);

    int serverStatus = 0;
    bool serverGone = false;
    for (;;) {
        int status = 0;
        pid_t pid;
        while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0)
            noteExit(pid, status, server, &serverStatus, &serverGone);
        if (serverGone)
            break;
        pollfd fds[2] = { { controlFd, POLLIN, 0 }, { signalFd, POLLIN, 0 } };
        const int ready = ::poll(fds, signalFd >= 0 ? 2 : 1, signalFd >= 0 ? -1 : 50);
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[0].revents != 0)
            break; // FoxReload is gone, or wants the tree gone: same answer
        if (signalFd >= 0 && (fds[1].revents & POLLIN)) {
            signalfd_siginfo info;
            while (::read(signalFd, &info, sizeof info) > 0) { }
        }
    }
    killTree(self, server, &serverStatus, &serverGone);
    exitLike(serverGone ? serverStatus : (SIGKILL & 0x7f));
}

} // namespace

void runIfInvoked(int argc, char** argv) noexcept
{
    if (argc != 3 || !argv || !argv[0])
        return;
    for (size_t i = 0; i < sizeof kProgramName; ++i) {
        if (argv[0][i] != kProgramName[i])
            return;
    }
    const int controlFd = parseNumber(argv[1]);
    const pid_t server = pid_t(parseNumber(argv[2]));
    if (controlFd < 3 || server <= 0)
        ::_exit(127);
    ::fcntl(controlFd, F_SETFD, FD_CLOEXEC);
    keepOnly(controlFd);
    supervise(server, controlFd);
}

} // namespace foxreload::platform::supervisor
