#pragma once

#include <QtGlobal>

#include <functional>

// Code QProcess runs in its child before exec: the child shares the parent's memory and stack
// (vfork), so AddressSanitizer's stack poisoning there would be left behind for the parent.
#define FOXRELOAD_IN_VFORK_CHILD __attribute__((no_sanitize("address")))

namespace foxreload {

// Ties a server's whole process tree to FoxReload's life (Unix; the Linux implementation is
// ProcessSupervisor_linux.cpp, the only place with the system calls this takes).
//
// QProcess forks a child; childSetup() makes that child fork the server (which then execs the
// server command with the stdio QProcess prepared) and exec FoxReload's own executable as the
// supervisor (QProcess forks with vfork semantics: the child must exec before FoxReload goes on).
// The supervisor only waits. It is a child subreaper, so every process of the server's tree that
// loses its parent — daemons that double-fork and setsid() included — is re-parented to it. It
// holds the read end of a pipe whose only writer is this object: end-of-file on it (FoxReload
// exited, crashed or was killed with SIGKILL, or killTree() was called) makes it SIGKILL the whole
// tree, reap it and exit. When the server exits by itself, the supervisor kills what the server
// left behind and exits with the server's exit code (or dies of the server's signal), so QProcess
// reports exactly what it would have reported for the server.
//
// Why not a cgroup (cgroup.kill): it needs a delegated, writable cgroup, which unprivileged users
// on machines without a systemd user manager do not have; docs/reliability.md has the details.
class ProcessSupervisor
{
public:
    ProcessSupervisor();
    ~ProcessSupervisor(); // FoxReload lets go of the tree: whatever still runs is killed
    ProcessSupervisor(const ProcessSupervisor&) = delete;
    ProcessSupervisor& operator=(const ProcessSupervisor&) = delete;

    // The QProcess child process modifier. It returns only in the server process, right before
    // QProcess execs the command; the supervisor half never returns. Async-signal-safe.
    std::function<void()> childSetup();
    // After QProcess::start(): `childPid` is the process QProcess started (the supervisor).
    // Learns the server's own pid (serverPid()) and lets go of the child's ends of the pipes.
    void afterStart(qint64 childPid);
    // The process QProcess waits for could not be started: release everything.
    void abandon();

    qint64 serverPid() const { return m_serverPid; }
    // SIGTERM to the server's process group; the supervisor itself ignores it.
    void terminateGroup();
    // SIGKILL to every process of the tree, now. Safe to call at any time, any number of times.
    void killTree();

private:
    void closeParentEnds();

    int m_controlRead = -1; // the supervisor's end: EOF means "kill everything"
    int m_controlWrite = -1; // ours; closing it (or dying) is the kill order
    int m_reportRead = -1; // the supervisor writes the server's pid here
    int m_reportWrite = -1;
    qint64 m_groupId = 0; // the supervisor's pid, which is also the tree's process group
    qint64 m_serverPid = 0;
    bool m_supervised = false; // false: the pipes could not be made; plain process group only
};

} // namespace foxreload
