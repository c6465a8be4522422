#include "OutputBurst.h"

#include "ChildStdin.h"

#include <QPointer>
#include <QVarLengthArray>

namespace foxreload::platform {

namespace {
struct BurstState
{
    int depth = 0;
    // A pipe may be destroyed before the burst ends (its server exited meanwhile).
    QVarLengthArray<QPointer<ChildStdin>, 4> pipes;
};
thread_local BurstState t_burst;
} // namespace

OutputBurst::OutputBurst()
{
    ++t_burst.depth;
}

OutputBurst::~OutputBurst()
{
    if (--t_burst.depth > 0)
        return;
    // By index: a flush writes and may close its pipe, but never adds one.
    for (qsizetype i = 0; i < t_burst.pipes.size(); ++i) {
        if (ChildStdin* pipe = t_burst.pipes[i])
            pipe->flushBatch();
    }
    t_burst.pipes.clear();
}

bool OutputBurst::isOpen()
{
    return t_burst.depth > 0;
}

void OutputBurst::flushAtEnd(ChildStdin* pipe)
{
    t_burst.pipes.append(pipe);
}

} // namespace foxreload::platform
