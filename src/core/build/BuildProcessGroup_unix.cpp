#include "BuildProcessGroup.h"

#include <csignal>
#include <unistd.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace foxreload::buildgroup {

std::function<void()> childSetup()
{
    return []() FOXRELOAD_IN_VFORK_CHILD {
        ::setpgid(0, 0);
#ifdef __linux__
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    };
}

void killGroup(qint64 leaderPid)
{
    if (leaderPid > 0)
        ::kill(pid_t(-leaderPid), SIGKILL);
}

} // namespace foxreload::buildgroup
