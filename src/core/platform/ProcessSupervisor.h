#pragma once

#include <QtGlobal>

#include <memory>

class QProcess;

// Code QProcess runs in its child before exec: the child shares the parent's memory and stack
// (vfork), so AddressSanitizer's stack poisoning there would be left behind for the parent.
#ifndef FOXRELOAD_IN_VFORK_CHILD
#if defined(__GNUC__) || defined(__clang__)
#define FOXRELOAD_IN_VFORK_CHILD __attribute__((no_sanitize("address")))
#else
#define FOXRELOAD_IN_VFORK_CHILD
#endif
#endif

namespace foxreload::platform {

// Ties a server's whole process tree to FoxReload's life, and stops it in the MCP stdio order's
// later steps (terminateGroup(), then killTree()).
//
// Linux (ProcessSupervisor_linux.cpp): QProcess forks a child; the child modifier makes that child
// start the server's process (clone(CLONE_VM | CLONE_VFORK), as posix_spawn does; it execs the
// server command with the stdio QProcess prepared) and exec
// the supervisor, the small program foxreload-supervisor or else FoxReload's own executable
// (SupervisorLoop.h; QProcess forks with vfork semantics: the child must exec before FoxReload
// goes on). The supervisor only waits. It is a child subreaper, so
// every process of the server's tree that loses its parent — daemons that double-fork and
// setsid() included — is re-parented to it. It holds the read end of a pipe whose only writer is
// this object: end-of-file on it (FoxReload exited, crashed or was killed with SIGKILL, or
// killTree() was called) makes it SIGKILL the whole tree, reap it and exit. When the server exits
// by itself, the supervisor kills what the server left behind and exits with the server's exit
// code (or dies of the server's signal), so QProcess reports exactly what it would have reported
// for the server. Why not a cgroup (cgroup.kill): it needs a delegated, writable cgroup, which
// unprivileged users on machines without a systemd user manager do not have (docs/reliability.md).
//
// macOS (ProcessSupervisor_mac.cpp): a process group of the server's own; SIGTERM, then SIGKILL
// to the group. No subreaper exists there: a daemon that leaves the group survives.
//
// Windows (ProcessSupervisor_win.cpp): the server starts in a new process group (so
// CTRL_BREAK_EVENT reaches it and not FoxReload's console) and is put in a Job Object with
// JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: the job's only handle is ours, so the tree dies with
// FoxReload however FoxReload ends; killTree() terminates the job.
class ProcessSupervisor
{
public:
    ProcessSupervisor();
    ~ProcessSupervisor(); // FoxReload lets go of the tree: whatever still runs is killed
    ProcessSupervisor(const ProcessSupervisor&) = delete;
    ProcessSupervisor& operator=(const ProcessSupervisor&) = delete;

    // Before QProcess::start(): sets `process` up so that the server starts under supervision,
    // with `childStdin` (ChildStdin::childEnd(); -1: none) as its stdin.
    void prepare(QProcess& process, qintptr childStdin);
    // After QProcess::start(): `childPid` is the process QProcess started (on Linux, the
    // supervisor). Learns the server's own pid (serverPid()) and lets go of the child's ends.
    void afterStart(qint64 childPid);
    // The process QProcess waits for could not be started: release everything.
    void abandon();

    qint64 serverPid() const;
    // The polite request: SIGTERM to the server's process group / CTRL_BREAK_EVENT to its group.
    void terminateGroup();
    // Every process of the tree, now. Safe to call at any time, any number of times.
    void killTree();

private:
    struct Tree;
    std::unique_ptr<Tree> d;
};

} // namespace foxreload::platform
