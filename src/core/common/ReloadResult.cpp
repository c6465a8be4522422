#include "ReloadResult.h"

using namespace Qt::StringLiterals;

namespace foxreload {

QString reloadTriggerName(ReloadTrigger trigger)
{
    switch (trigger) {
    case ReloadTrigger::FileChange:
        return u"file_change"_s;
    case ReloadTrigger::Manual:
        return u"manual"_s;
    case ReloadTrigger::CrashRestart:
        return u"crash_restart"_s;
    case ReloadTrigger::Startup:
        return u"startup"_s;
    }
    return {};
}

QString reloadOutcomeName(ReloadOutcome outcome)
{
    return outcome == ReloadOutcome::Success ? u"success"_s : u"failed"_s;
}

} // namespace foxreload
