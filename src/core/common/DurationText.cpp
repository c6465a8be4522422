#include "DurationText.h"

using namespace Qt::StringLiterals;

namespace foxreload {

QString durationText(qint64 ms)
{
    if (ms < 0)
        return u"?"_s;
    if (ms < 1000)
        return u"%1 ms"_s.arg(ms);
    if (ms < 60'000)
        return u"%1 s"_s.arg(double(ms) / 1000.0, 0, 'f', 1);
    return u"%1 min %2 s"_s.arg(ms / 60'000).arg((ms % 60'000) / 1000);
}

} // namespace foxreload
