#include "SystemInfo.h"

#include <QByteArray>

#include <csignal>
#include <ctime>
#include <pwd.h>
#include <unistd.h>
#include <vector>

namespace foxreload::platform {

QString userKey()
{
    return QString::number(::getuid());
}

QString loginName()
{
    passwd entry {};
    passwd* found = nullptr;
    const long hint = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size_t(hint > 0 ? hint : 16384));
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name
        && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    // A container's uid without a passwd entry still has a name in the environment.
    for (const char* variable : { "USER", "LOGNAME" }) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return userKey();
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

double threadCpuSeconds()
{
    timespec now {};
    if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
        return -1;
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

} // namespace foxreload::platform
