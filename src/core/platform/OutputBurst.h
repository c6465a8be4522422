#pragma once

#include <QtGlobal>

namespace foxreload::platform {

class ChildStdin;

// Marks the handling of one burst of messages, such as the lines of one read from a client: what
// is written to a server's stdin meanwhile goes out in one write per server when the outermost
// burst on the thread ends, so the server wakes once for the burst instead of once per line.
// Outside a burst, a line is written at once.
class OutputBurst
{
public:
    OutputBurst();
    ~OutputBurst();
    Q_DISABLE_COPY_MOVE(OutputBurst)

    // For ChildStdin: whether a burst is open on this thread, and a pipe to flush when it ends.
    static bool isOpen();
    static void flushAtEnd(ChildStdin* pipe);
};

} // namespace foxreload::platform
