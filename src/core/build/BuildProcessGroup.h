#pragma once

class QProcess;

namespace foxreload::buildgroup {

// A build is a tree (npm → sh → tsc): stopping it must stop every process of it, and it must
// not outlive FoxReload. Unix: a process group of its own (and, on Linux, death with its
// parent); Windows: a job object. BuildProcessGroup_unix.cpp (+ _linux.cpp / _mac.cpp), _win.cpp.

// Before QProcess::start().
void prepare(QProcess& process);
// Stops the whole tree now. A build is disposable: no grace period.
void kill(QProcess& process);

} // namespace foxreload::buildgroup
