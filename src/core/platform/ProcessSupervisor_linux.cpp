// The Linux supervisor of one server's process tree (see ProcessSupervisor.h for the why).
//
// Everything between the fork in QProcess and the exec of the server runs in a child of a
// multi-threaded process: only async-signal-safe calls there (raw system calls, no allocation,
// no locks, no stdio, no glibc fork() with its atfork handlers).
#include "GuiEnvironment.h"
#include "ProcessSupervisor.h"
#include "SupervisorLoop.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <csignal>
#include <fcntl.h>
#include <functional>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

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

// The program the supervisor runs as: FOXRELOAD_SUPERVISOR when it is set (the tests pick either
// half that way), else foxreload-supervisor beside the executable (a build tree) or in its libexec
// directory (installed). Empty when there is none: the executable itself serves, at a higher cost.
QByteArray findSupervisorProgram()
{
    QStringList candidates;
    if (qEnvironmentVariableIsSet("FOXRELOAD_SUPERVISOR")) {
        candidates.append(qEnvironmentVariable("FOXRELOAD_SUPERVISOR"));
    } else {
        const QString name = QString::fromLatin1(supervisor::kProgramName);
        const QString dir = QFileInfo(executablePath()).absolutePath();
        candidates.append(dir + u'/' + name);
        candidates.append(
            QDir::cleanPath(dir + u'/' + QStringLiteral(FOXRELOAD_SUPERVISOR_RELATIVE_DIR)) + u'/' + name);
    }
    for (const QString& candidate : candidates) {
        const QByteArray path = QFile::encodeName(candidate);
        if (!path.isEmpty() && ::access(path.constData(), X_OK) == 0)
            return path;
    }
    return {};
}

// The fallback entry point: when no foxreload-supervisor program is found, childSetup() execs
// this executable itself under that name. Running before main() (and before anything of FoxReload's
// is set up) makes it work for every executable that links the platform layer: foxreload itself
// and the tests that drive ServerProcess directly. glibc passes argc/argv to constructors.
__attribute__((constructor)) void enterSupervisorIfAsked(int argc, char** argv, char**)
{
    supervisor::runIfInvoked(argc, argv);
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
    QByteArray program; // the supervisor's executable; empty: this one (/proc/self/exe)
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
    d->program = findSupervisorProgram();
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
    return [controlFd = controlRead, reportFd = reportWrite, program = program]() FOXRELOAD_IN_VFORK_CHILD {
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
        // so the supervisor cannot simply stay here. It execs the small supervisor program, or
        // else FoxReload's own executable (any executable that links this file), which enters the
        // supervisor before main().
        ::fcntl(controlFd, F_SETFD, 0);
        char controlText[16];
        char serverText[16];
        formatNumber(controlFd, controlText);
        formatNumber(forkedPid, serverText);
        char name[sizeof supervisor::kProgramName];
        for (size_t i = 0; i < sizeof name; ++i)
            name[i] = supervisor::kProgramName[i];
        char* arguments[] = { name, controlText, serverText, nullptr };
        char* environment[] = { nullptr };
        if (!program.isEmpty())
            ::execve(program.constData(), arguments, environment);
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
