#include "BuildProcessGroup.h"

#include <QProcess>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

// Code QProcess runs in its child before exec (see platform/ProcessSupervisor.h for why).
#ifndef FOXRELOAD_IN_VFORK_CHILD
#define FOXRELOAD_IN_VFORK_CHILD __attribute__((no_sanitize("address")))
#endif

namespace foxreload::buildgroup {

void prepare(QProcess& process)
{
    process.setChildProcessModifier([]() FOXRELOAD_IN_VFORK_CHILD {
        ::setpgid(0, 0);
        // The build dies with FoxReload, even when FoxReload is killed (SIGKILL) and cannot stop it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
}

} // namespace foxreload::buildgroup
