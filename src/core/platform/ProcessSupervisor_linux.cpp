// The Linux supervisor of one server's process tree (see ProcessSupervisor.h for the why).
//
// Everything between the fork in QProcess and the exec of the server runs in a child of a
// multi-threaded process: only async-signal-safe calls there (raw system calls, no allocation,
// no locks, no stdio, no glibc fork() with its atfork handlers).
#include "ProcessSupervisor.h"

#include <QProcess>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace foxreload::platform {

namespace {

pid_t forkRaw()
{
#ifdef SYS_fork
    return pid_t(::syscall(SYS_fork));
#else
    return pid_t(::syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0));
#endif
}

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

void writeText(const char* text)
{
    size_t length = 0;
    while (text[length])
        ++length;
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, text, length);
}

void formatNumber(int value, char* out)
{
    char digits[16];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 && count < 15);
    for (int i = 0; i < count; ++i)
        out[i] = digits[count - 1 - i];
    out[count] = '\0';
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

// The supervisor's entry point: the exec in childSetup() starts this executable again as
// "foxreload-supervisor <control fd> <server pid>". Running before main() (and before anything of
// FoxReload's is set up) makes it work for every executable that links the server stage: foxreload
// itself and the tests that drive ServerProcess directly. glibc passes argc/argv to constructors.
__attribute__((constructor)) void enterSupervisorIfAsked(int argc, char** argv, char**)
{
    const char kName[] = "foxreload-supervisor";
    if (argc != 3 || !argv || !argv[0])
        return;
    for (size_t i = 0; i < sizeof kName; ++i) {
        if (argv[0][i] != kName[i])
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

} // namespace

struct ProcessSupervisor::Tree
{
    // The QProcess child process modifier. It returns only in the server process, right before
    // QProcess execs the command; the supervisor half never returns. Async-signal-safe.
    std::function<void()> childSetup() const;
    void closeParentEnds();

    int controlRead = -1; // the supervisor's end: EOF means "kill everything"
    int controlWrite = -1; // ours; closing it (or dying) is the kill order
    int reportRead = -1; // the supervisor writes the server's pid here
    int reportWrite = -1;
    qint64 groupId = 0; // the supervisor's pid, which is also the tree's process group
    qint64 serverPid = 0;
    bool supervised = false; // false: the pipes could not be made; plain process group only
};

ProcessSupervisor::ProcessSupervisor()
    : d(std::make_unique<Tree>())
{
    int control[2];
    int report[2];
    if (::pipe2(control, O_CLOEXEC) != 0)
        return;
    if (::pipe2(report, O_CLOEXEC) != 0) {
        ::close(control[0]);
        ::close(control[1]);
        return;
    }
    d->controlRead = control[0];
    d->controlWrite = control[1];
    d->reportRead = report[0];
    d->reportWrite = report[1];
    d->supervised = true;
}

ProcessSupervisor::~ProcessSupervisor()
{
    killTree();
    d->closeParentEnds();
    if (d->reportRead >= 0)
        ::close(d->reportRead);
}

std::function<void()> ProcessSupervisor::Tree::childSetup() const
{
    if (!supervised) {
        // No pipes: the old arrangement, a process group of its own that dies with us.
        return []() FOXRELOAD_IN_VFORK_CHILD {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        };
    }
    return [controlFd = controlRead, reportFd = reportWrite]() FOXRELOAD_IN_VFORK_CHILD {
        ::setpgid(0, 0); // the tree's group: stop() signals it, a terminal's Ctrl-C does not reach it
        sigset_t all;
        sigset_t previous;
        sigfillset(&all);
        // Signals are read (signalfd), not handled, by the supervisor; the mask survives its exec.
        ::sigprocmask(SIG_BLOCK, &all, &previous);
        ::prctl(PR_SET_CHILD_SUBREAPER, 1); // kept across exec as well
        const pid_t supervisor = ::getpid();
        const pid_t server = forkRaw();
        if (server == 0) {
            // The server: it dies if its supervisor is killed, and gets the signal mask it had.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != supervisor)
                ::_exit(127);
            ::sigprocmask(SIG_SETMASK, &previous, nullptr);
            return; // QProcess execs the server command now
        }
        if (server < 0) {
            writeText("foxreload: cannot fork the server process\n");
            ::_exit(127);
        }
        const int forkedPid = int(server);
        [[maybe_unused]] ssize_t written = ::write(reportFd, &forkedPid, sizeof forkedPid);
        // QProcess forks with vfork semantics: FoxReload stays suspended until this process execs,
        // so the supervisor cannot simply stay here. It execs FoxReload's own executable (any
        // executable that links this file), which enters supervise() before main().
        ::fcntl(controlFd, F_SETFD, 0);
        char controlText[16];
        char serverText[16];
        formatNumber(controlFd, controlText);
        formatNumber(forkedPid, serverText);
        char name[] = "foxreload-supervisor";
        char* arguments[] = { name, controlText, serverText, nullptr };
        char* environment[] = { nullptr };
        ::execve("/proc/self/exe", arguments, environment);
        // No supervisor after all: become the server ourselves, as before (process group, and
        // PDEATHSIG), and say which process that is.
        ::kill(server, SIGKILL);
        ::waitpid(server, nullptr, 0);
        ::fcntl(controlFd, F_SETFD, FD_CLOEXEC);
        ::prctl(PR_SET_CHILD_SUBREAPER, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        const int ownPid = int(supervisor);
        written = ::write(reportFd, &ownPid, sizeof ownPid);
        ::sigprocmask(SIG_SETMASK, &previous, nullptr);
    };
}

void ProcessSupervisor::prepare(QProcess& process, qintptr childStdin)
{
    process.setChildProcessModifier(
        [stdinFd = int(childStdin), supervisorSetup = d->childSetup()]() FOXRELOAD_IN_VFORK_CHILD {
            if (stdinFd >= 0)
                ::dup2(stdinFd, STDIN_FILENO); // dup2 drops O_CLOEXEC: the server keeps it, nothing else does
            supervisorSetup();
        });
}

qint64 ProcessSupervisor::serverPid() const
{
    return d->serverPid;
}

void ProcessSupervisor::afterStart(qint64 childPid)
{
    d->groupId = childPid;
    d->serverPid = childPid;
    if (d->supervised) {
        // Let go of the child's ends first, so that a supervisor that died early reads as EOF.
        d->closeParentEnds();
        // The server's pid; a second one when the supervisor could not be exec'd and the child
        // became the server itself (the last one written is the server).
        pollfd fd { d->reportRead, POLLIN, 0 };
        int pids[2] = {};
        if (::poll(&fd, 1, 1000) > 0) {
            const ssize_t size = ::read(d->reportRead, pids, sizeof pids);
            if (size >= ssize_t(sizeof(int)))
                d->serverPid = pids[size / ssize_t(sizeof(int)) - 1];
        }
    }
}

void ProcessSupervisor::abandon()
{
    d->closeParentEnds();
}

void ProcessSupervisor::Tree::closeParentEnds()
{
    if (controlRead >= 0) {
        ::close(controlRead);
        controlRead = -1;
    }
    if (reportWrite >= 0) {
        ::close(reportWrite);
        reportWrite = -1;
    }
}

void ProcessSupervisor::terminateGroup()
{
    if (d->groupId > 0)
        ::kill(pid_t(-d->groupId), SIGTERM);
}

void ProcessSupervisor::killTree()
{
    if (d->supervised) {
        if (d->controlWrite >= 0) {
            ::close(d->controlWrite);
            d->controlWrite = -1;
        }
        return;
    }
    if (d->groupId > 0)
        ::kill(pid_t(-d->groupId), SIGKILL);
}

} // namespace foxreload::platform
