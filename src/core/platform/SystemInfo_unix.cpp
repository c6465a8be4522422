#include "SystemInfo.h"

#include <csignal>
#include <ctime>
#include <unistd.h>

namespace foxreload::platform {

QString userKey()
{
    return QString::number(::getuid());
}

bool processRuns(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

std::tm utcCalendar(std::time_t seconds)
{
    std::tm calendar {};
    ::gmtime_r(&seconds, &calendar);
    return calendar;
}

std::time_t fromUtcCalendar(std::tm calendar)
{
    return ::timegm(&calendar);
}

WallClock wallClockNow()
{
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return { now.tv_sec, int(now.tv_nsec / 1000000) };
}

double clockTicksPerSecond()
{
    const long ticks = ::sysconf(_SC_CLK_TCK);
    return ticks > 0 ? double(ticks) : 100.0;
}

double memoryPageSize()
{
    const long size = ::sysconf(_SC_PAGESIZE);
    return size > 0 ? double(size) : 4096.0;
}

} // namespace foxreload::platform
