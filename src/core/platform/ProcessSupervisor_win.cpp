// The Windows side of ProcessSupervisor.h: a Job Object that kills the tree when its last handle
// closes (ours: FoxReload's exit, crash or TerminateProcess all close it), and a process group of
// the server's own for CTRL_BREAK_EVENT, Windows' nearest thing to SIGTERM for console programs.
#include "PlatformLog.h"
#include "ProcessSupervisor.h"

#include <QProcess>

#include <windows.h>

namespace foxreload::platform {

struct ProcessSupervisor::Tree
{
    HANDLE job = nullptr;
    qint64 serverPid = 0;
    bool inJob = false;
};

ProcessSupervisor::ProcessSupervisor()
    : d(std::make_unique<Tree>())
{
    d->job = ::CreateJobObjectW(nullptr, nullptr);
    if (!d->job) {
        qCWarning(lcPlatform) << "CreateJobObject failed:" << ::GetLastError();
        return;
    }
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits {};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    if (!::SetInformationJobObject(d->job, JobObjectExtendedLimitInformation, &limits, sizeof limits))
        qCWarning(lcPlatform) << "SetInformationJobObject failed:" << ::GetLastError();
}

ProcessSupervisor::~ProcessSupervisor()
{
    if (d->job)
        ::CloseHandle(d->job); // JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: whatever still runs dies
}

void ProcessSupervisor::prepare(QProcess& process, qintptr childStdin)
{
    Q_UNUSED(childStdin); // QProcess's own stdin pipe is the server's stdin here (ChildStdin_win.cpp)
    process.setCreateProcessArgumentsModifier([](QProcess::CreateProcessArguments* arguments) {
        // Its own group: CTRL_BREAK_EVENT reaches the server's tree only, and the console's
        // Ctrl-C (meant for FoxReload, which then stops the server in order) does not reach it.
        arguments->flags |= CREATE_NEW_PROCESS_GROUP;
    });
}

void ProcessSupervisor::afterStart(qint64 childPid)
{
    d->serverPid = childPid;
    if (!d->job)
        return;
    // The server may start a child before this runs; that child is outside the job. Starting
    // suspended would close the gap but QProcess does not hand out the primary thread's handle.
    HANDLE process = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE, DWORD(childPid));
    if (!process) {
        qCWarning(lcPlatform) << "OpenProcess" << childPid << "failed:" << ::GetLastError();
        return;
    }
    d->inJob = ::AssignProcessToJobObject(d->job, process) != 0;
    if (!d->inJob)
        qCWarning(lcPlatform) << "AssignProcessToJobObject failed:" << ::GetLastError();
    ::CloseHandle(process);
}

void ProcessSupervisor::abandon() { }

qint64 ProcessSupervisor::serverPid() const
{
    return d->serverPid;
}

void ProcessSupervisor::terminateGroup()
{
    // The group id of a CREATE_NEW_PROCESS_GROUP process is its pid. Only a process attached to
    // the same console receives it; a windowless server falls through to killTree() after the grace.
    if (d->serverPid > 0 && !::GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, DWORD(d->serverPid)))
        qCDebug(lcPlatform) << "CTRL_BREAK_EVENT to" << d->serverPid << "failed:" << ::GetLastError();
}

void ProcessSupervisor::killTree()
{
    if (d->job && d->inJob) {
        ::TerminateJobObject(d->job, 1);
        return;
    }
    if (d->serverPid <= 0)
        return;
    HANDLE process = ::OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(d->serverPid));
    if (process) {
        ::TerminateProcess(process, 1);
        ::CloseHandle(process);
    }
}

} // namespace foxreload::platform
