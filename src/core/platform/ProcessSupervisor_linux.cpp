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
#include <QStandardPaths>

#include <csignal>
#include <fcntl.h>
#include <functional>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

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

// What the server's own process needs to exec it without a fork of FoxReload: its program, argv
// and environment, prepared in FoxReload beforehand (nothing may be allocated in the child), and a
// stack of its own. It is started with clone(CLONE_VM | CLONE_VFORK), as posix_spawn does, so it
// shares memory with the supervisor-to-be, which waits until the server has exec'd. A fork here
// copied all of FoxReload's page tables while FoxReload waited (1-5 ms on two cores), and then made
// FoxReload fault on every page it wrote afterwards.
struct ServerLaunch
{
    static constexpr size_t kStackSize = 128 * 1024;

    QByteArray program;
    QList<QByteArray> arguments; // what argv points to, the program first
    QList<QByteArray> environment; // what envp points to
    std::vector<char*> argv;
    std::vector<char*> envp;
    bool inheritEnvironment = true;
    // Not zeroed (make_unique would touch every page): only what the exec uses becomes resident.
    std::unique_ptr<char[]> stack { new char[kStackSize] };

    // Set in the child, before the clone
    pid_t supervisor = 0;
    sigset_t previousMask {};
    // Set by the server's process when its exec failed
    int execError = 0;

    void* stackTop() const
    {
        const auto top = reinterpret_cast<quintptr>(stack.get() + kStackSize);
        return reinterpret_cast<void*>(top & ~quintptr(15));
    }
};

// The server's process, on its own stack, sharing memory with its parent until it execs.
int execServer(void* raw) FOXRELOAD_IN_VFORK_CHILD;
int execServer(void* raw)
{
    auto* launch = static_cast<ServerLaunch*>(raw);
    // It dies if its supervisor is killed, and gets the signal mask it had.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != launch->supervisor)
        ::_exit(127);
    ::sigprocmask(SIG_SETMASK, &launch->previousMask, nullptr);
    ::execve(launch->program.constData(), launch->argv.data(),
        launch->inheritEnvironment ? environ : launch->envp.data());
    launch->execError = errno ? errno : ENOEXEC;
    ::_exit(127);
}

// The server's exec as QProcess would do it; nullptr when its program cannot be found here (then
// the server's process is a fork that returns to QProcess, which reports the failure its way).
std::unique_ptr<ServerLaunch> prepareLaunch(const QProcess& process)
{
    auto launch = std::make_unique<ServerLaunch>();
    QString program = process.program();
    if (!program.contains(u'/'))
        program = QStandardPaths::findExecutable(program);
    if (program.isEmpty())
        return nullptr;
    launch->program = QFile::encodeName(program);
    launch->arguments.append(launch->program);
    for (const QString& argument : process.arguments())
        launch->arguments.append(argument.toLocal8Bit());
    const QProcessEnvironment environment = process.processEnvironment();
    launch->inheritEnvironment = environment.isEmpty();
    for (const QString& variable : environment.toStringList())
        launch->environment.append(variable.toLocal8Bit());
    for (QByteArray& argument : launch->arguments)
        launch->argv.push_back(argument.data());
    for (QByteArray& variable : launch->environment)
        launch->envp.push_back(variable.data());
    launch->argv.push_back(nullptr);
    launch->envp.push_back(nullptr);
    return launch;
}

// Starts the server's process from the supervisor-to-be; its pid once it has exec'd, or -1.
pid_t launchServer(
    ServerLaunch* launch, pid_t supervisor, const sigset_t& previousMask) FOXRELOAD_IN_VFORK_CHILD;
pid_t launchServer(ServerLaunch* launch, pid_t supervisor, const sigset_t& previousMask)
{
    if (!launch)
        return -1;
    launch->supervisor = supervisor;
    launch->previousMask = previousMask;
    launch->execError = 0;
    const pid_t server = ::clone(&execServer, launch->stackTop(), CLONE_VM | CLONE_VFORK | SIGCHLD, launch);
    if (server > 0 && launch->execError != 0) {
        ::waitpid(server, nullptr, 0);
        return -1;
    }
    return server;
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
    std::unique_ptr<ServerLaunch> launch; // the next server's exec, from prepare()
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
    return [controlFd = controlRead, reportFd = reportWrite, program = program,
               launch = launch.get()]() FOXRELOAD_IN_VFORK_CHILD {
        ::setpgid(0, 0); // the tree's group: stop() signals it, a terminal's Ctrl-C does not reach it
        sigset_t all;
        sigset_t previous;
        sigfillset(&all);
        // Signals are read (signalfd), not handled, by the supervisor; the mask survives its exec.
        ::sigprocmask(SIG_BLOCK, &all, &previous);
        ::prctl(PR_SET_CHILD_SUBREAPER, 1); // kept across exec as well
        const pid_t supervisor = ::getpid();
        pid_t server = launchServer(launch, supervisor, previous);
        if (server < 0)
            server = forkRaw();
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
        // execve's argv is char* const[] for C's sake; it does not write to the strings.
        char* arguments[] = { const_cast<char*>(supervisor::kProgramName), controlText, serverText, nullptr };
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
    if (d->supervised)
        d->launch = prepareLaunch(process);
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
