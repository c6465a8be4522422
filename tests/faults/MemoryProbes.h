#pragma once

// How much memory a process of FoxReload holds, read from the outside, and whether a bound on
// it means anything in this build.

#include <QByteArrayView>
#include <QFile>
#include <QList>
#include <QString>

namespace foxreload::test {

// AddressSanitizer's shadow memory and its quarantine (freed blocks are held back on purpose)
// more than double every figure. The bounds are judged in the plain build; a sanitized run still
// prints the figures and checks everything else.
#ifdef __SANITIZE_ADDRESS__
inline constexpr bool kMemoryBoundsApply = false;
#else
inline constexpr bool kMemoryBoundsApply = true;
#endif

// A figure of /proc/<pid>/status in KiB: field is "VmRSS" (now) or "VmHWM" (peak). -1 when the
// process or the field is gone.
inline qint64 statusKiB(qint64 pid, QByteArrayView field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > field.size() && line.at(field.size()) == ':')
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace foxreload::test
