#include "BuildProcessGroup.h"

#include <QProcess>

namespace foxreload::buildgroup {

// Not yet a job object: the build's own process is stopped, its children may outlive it.
void prepare(QProcess&) { }

void kill(QProcess& process)
{
    process.kill();
}

} // namespace foxreload::buildgroup
