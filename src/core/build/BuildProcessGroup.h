#pragma once

#include <QtGlobal>

#include <functional>

// Code QProcess runs in its child before exec (see server/ProcessSupervisor.h for why).
#ifndef FOXRELOAD_IN_VFORK_CHILD
#define FOXRELOAD_IN_VFORK_CHILD __attribute__((no_sanitize("address")))
#endif

namespace foxreload::buildgroup {

// A build is a tree (npm → sh → tsc): it runs in a process group of its own, so stopping it
// stops every process of it, and it dies with FoxReload. The QProcess child process modifier.
std::function<void()> childSetup();
// SIGKILL to the group led by `leaderPid`. A build is disposable: no grace period.
void killGroup(qint64 leaderPid);

} // namespace foxreload::buildgroup
