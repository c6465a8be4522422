#pragma once

#include <QString>

#include <ctime>

namespace foxreload::platform {

// Who is running FoxReload, as text fit for a socket, directory or instance name: the numeric
// user id on Unix, the user's SID (S-1-5-21-…) on Windows. Stable for the user, distinct between
// users of one machine.
QString userKey();

// The user's login name ("alice"), for showing who did something (the game's player). Falls back
// to the USER / USERNAME environment and then to userKey() when the system names no one.
QString loginName();

// Whether a process with this id runs now and this user may signal it (a pid reused by another
// user's process does not count: a socket named after it is stale).
bool processRuns(qint64 pid);

// The broken-down UTC calendar time of `seconds` since the epoch (gmtime_r / gmtime_s), and back
// (timegm / _mkgmtime).
std::tm utcCalendar(std::time_t seconds);
std::time_t fromUtcCalendar(std::tm calendar);

// The wall clock: seconds since the epoch and the milliseconds within that second.
struct WallClock
{
    std::time_t seconds = 0;
    int milliseconds = 0;
};
WallClock wallClockNow();

// The units a process's figures are counted in by the kernel (Linux: /proc/<pid>/stat): clock
// ticks per second for CPU and start times, and the memory page size in bytes for the resident set.
// Windows has no /proc; there they are 100 (what Linux uses) and the system's page size.
double clockTicksPerSecond();
double memoryPageSize();

// The CPU time the calling thread has used, in seconds (user and system); -1 when unknown.
double threadCpuSeconds();

} // namespace foxreload::platform
