#pragma once

// The supervisor of one server's process tree on Linux, the half that runs after its exec as
// "foxreload-supervisor <control fd> <server pid>" (ProcessSupervisor.h has the whole design).
//
// It is built into two places. The program foxreload-supervisor (SupervisorMain_linux.cpp)
// needs only libc, so its exec costs well under a millisecond and a megabyte. Every executable
// that links the platform layer also carries it and enters it before main(), the fallback for
// when that program is missing: an exec of FoxReload itself loads Qt and every library it uses,
// which took 10-15 ms of CPU beside a starting server on two cores.
namespace foxreload::platform::supervisor {

inline constexpr char kProgramName[] = "foxreload-supervisor";

// Becomes the supervisor and never returns when argv is "foxreload-supervisor <fd> <pid>";
// returns at once for anything else.
void runIfInvoked(int argc, char** argv) noexcept;

} // namespace foxreload::platform::supervisor
