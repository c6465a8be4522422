#include "BuildProcessGroup.h"

#include <QProcess>

#include <csignal>

// prepare() differs between Linux and macOS: BuildProcessGroup_linux.cpp / _mac.cpp.

namespace foxreload::buildgroup {

void kill(QProcess& process)
{
    const qint64 leader = process.processId();
    if (leader > 0)
        ::kill(pid_t(-leader), SIGKILL);
}

} // namespace foxreload::buildgroup
