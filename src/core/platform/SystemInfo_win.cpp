#include "PlatformLog.h"
#include "SystemInfo.h"

#include <iterator>
#include <memory>
#include <vector>

// windows.h first: the others need its types.
// clang-format off
#include <windows.h>
#include <sddl.h>
// clang-format on

namespace foxreload::platform {

namespace {
QString currentUserSid()
{
    HANDLE token = nullptr;
    if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token))
        return {};
    DWORD size = 0;
    ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<unsigned char> buffer(size);
    QString sid;
    if (size > 0 && ::GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) {
        const auto* user = reinterpret_cast<const TOKEN_USER*>(buffer.data());
        LPWSTR text = nullptr;
        if (::ConvertSidToStringSidW(user->User.Sid, &text)) {
            sid = QString::fromWCharArray(text);
            ::LocalFree(text);
        }
    }
    ::CloseHandle(token);
    return sid;
}

} // namespace

QString userKey()
{
    static const QString key = [] {
        const QString sid = currentUserSid();
        if (!sid.isEmpty())
            return sid;
        // No token to read (should not happen): the user name keeps users apart all the same.
        qCWarning(lcPlatform) << "no user SID; using the user name";
        return qEnvironmentVariable("USERNAME", QStringLiteral("user"));
    }();
    return key;
}

QString loginName()
{
    wchar_t name[257] = {}; // UNLEN + 1
    DWORD size = DWORD(std::size(name));
    if (::GetUserNameW(name, &size) && size > 1)
        return QString::fromWCharArray(name, int(size) - 1); // size counts the terminating null
    const QString fromEnvironment = qEnvironmentVariable("USERNAME");
    return fromEnvironment.isEmpty() ? userKey() : fromEnvironment;
}

bool processRuns(qint64 pid)
{
    if (pid <= 0)
        return false;
    HANDLE process = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, DWORD(pid));
    if (!process)
        return false; // gone, or another user's
    const bool running = ::WaitForSingleObject(process, 0) == WAIT_TIMEOUT;
    ::CloseHandle(process);
    return running;
}

std::tm utcCalendar(std::time_t seconds)
{
    std::tm calendar {};
    ::gmtime_s(&calendar, &seconds);
    return calendar;
}

std::time_t fromUtcCalendar(std::tm calendar)
{
    return ::_mkgmtime(&calendar);
}

WallClock wallClockNow()
{
    FILETIME now {};
    ::GetSystemTimePreciseAsFileTime(&now);
    // 100 ns ticks since 1601-01-01; the Unix epoch is 11,644,473,600 s later.
    const quint64 ticks = (quint64(now.dwHighDateTime) << 32) | now.dwLowDateTime;
    const quint64 sinceEpoch = ticks - 116444736000000000ULL;
    return { std::time_t(sinceEpoch / 10000000ULL), int((sinceEpoch % 10000000ULL) / 10000ULL) };
}

double clockTicksPerSecond()
{
    return 100.0;
}

double memoryPageSize()
{
    SYSTEM_INFO info {};
    ::GetSystemInfo(&info);
    return info.dwPageSize > 0 ? double(info.dwPageSize) : 4096.0;
}

double threadCpuSeconds()
{
    FILETIME created {}, exited {}, kernel {}, user {};
    if (!::GetThreadTimes(::GetCurrentThread(), &created, &exited, &kernel, &user))
        return -1;
    const auto ticks
        = [](const FILETIME& time) { return (quint64(time.dwHighDateTime) << 32) | time.dwLowDateTime; };
    return double(ticks(kernel) + ticks(user)) / 1e7; // 100 ns units
}

} // namespace foxreload::platform
