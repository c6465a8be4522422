#include "BuildProcessGroup.h"

#include <QProcess>

#include <csignal>
#include <unistd.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

// Code QProcess runs in its child before exec (see platform/ProcessSupervisor.h for why).
#ifndef FOXRELOAD_IN_VFORK_CHILD
#define FOXRELOAD_IN_VFORK_CHILD __attribute__((no_sanitize("address")))
#endif

namespace foxreload::buildgroup {

void prepare(QProcess& process)
{
    process.setChildProcessModifier([]() FOXRELOAD_IN_VFORK_CHILD {
        ::setpgid(0, 0);
#ifdef __linux__
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    });
}

void kill(QProcess& process)
{
    const qint64 leader = process.processId();
    if (leader > 0)
        ::kill(pid_t(-leader), SIGKILL);
}

} // namespace foxreload::buildgroup
