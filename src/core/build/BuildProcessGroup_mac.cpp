#include "BuildProcessGroup.h"

#include <QProcess>

#include <unistd.h>

// Code QProcess runs in its child before exec (see platform/ProcessSupervisor.h for why).
#ifndef FOXRELOAD_IN_VFORK_CHILD
#define FOXRELOAD_IN_VFORK_CHILD __attribute__((no_sanitize("address")))
#endif

namespace foxreload::buildgroup {

void prepare(QProcess& process)
{
    // No parent-death signal on macOS: a build FoxReload could not stop (FoxReload was killed)
    // runs to its end.
    process.setChildProcessModifier([]() FOXRELOAD_IN_VFORK_CHILD { ::setpgid(0, 0); });
}

} // namespace foxreload::buildgroup
