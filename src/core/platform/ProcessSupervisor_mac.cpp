// The macOS side of ProcessSupervisor.h: a process group of the server's own. macOS has no child
// subreaper and no parent-death signal, so this is weaker than Linux: a daemon that leaves the
// group, or a server orphaned by FoxReload's SIGKILL, survives.
#include "ProcessSupervisor.h"

#include <QProcess>

#include <csignal>
#include <unistd.h>

namespace foxreload::platform {

struct ProcessSupervisor::Tree
{
    qint64 groupId = 0;
};

ProcessSupervisor::ProcessSupervisor()
    : d(std::make_unique<Tree>())
{ }

ProcessSupervisor::~ProcessSupervisor()
{
    killTree();
}

void ProcessSupervisor::prepare(QProcess& process, qintptr childStdin)
{
    process.setChildProcessModifier([stdinFd = int(childStdin)]() FOXRELOAD_IN_VFORK_CHILD {
        if (stdinFd >= 0)
            ::dup2(stdinFd, STDIN_FILENO);
        ::setpgid(0, 0); // stop() signals the group; a terminal's Ctrl-C does not reach it
    });
}

void ProcessSupervisor::afterStart(qint64 childPid)
{
    d->groupId = childPid;
}

void ProcessSupervisor::abandon() { }

qint64 ProcessSupervisor::serverPid() const
{
    return d->groupId;
}

void ProcessSupervisor::terminateGroup()
{
    if (d->groupId > 0)
        ::kill(pid_t(-d->groupId), SIGTERM);
}

void ProcessSupervisor::killTree()
{
    if (d->groupId > 0)
        ::kill(pid_t(-d->groupId), SIGKILL);
}

} // namespace foxreload::platform
