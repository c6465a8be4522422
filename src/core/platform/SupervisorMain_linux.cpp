// foxreload-supervisor: the program ProcessSupervisor execs beside each server (SupervisorLoop.h).
#include "SupervisorLoop.h"

#include <unistd.h>

int main(int argc, char** argv)
{
    foxreload::platform::supervisor::runIfInvoked(argc, argv);
    static const char kUsage[] = "foxreload-supervisor: started by foxreload beside each MCP server it runs; "
                                 "not a command of its own\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, kUsage, sizeof kUsage - 1);
    return 2;
}
