#include "UnixFileStat.h"

namespace foxreload::platform {

qint64 modificationTimeNs(const struct stat& info)
{
    return qint64(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
}

} // namespace foxreload::platform
