#include "ReloadResult.h"

#include "EnumNames.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
constexpr EnumName<ReloadTrigger> kTriggerNames[] {
    { ReloadTrigger::FileChange, u"file_change" },
    { ReloadTrigger::Manual, u"manual" },
    { ReloadTrigger::CrashRestart, u"crash_restart" },
    { ReloadTrigger::Startup, u"startup" },
};
constexpr EnumName<ReloadOutcome> kOutcomeNames[] {
    { ReloadOutcome::Success, u"success" },
    { ReloadOutcome::Failed, u"failed" },
};
} // namespace

QString reloadTriggerName(ReloadTrigger trigger)
{
    return nameOf<ReloadTrigger>(kTriggerNames, trigger);
}

std::optional<ReloadTrigger> reloadTriggerFromName(QStringView name)
{
    return valueOf<ReloadTrigger>(kTriggerNames, name);
}

QString reloadOutcomeName(ReloadOutcome outcome)
{
    return nameOf<ReloadOutcome>(kOutcomeNames, outcome);
}

std::optional<ReloadOutcome> reloadOutcomeFromName(QStringView name)
{
    return valueOf<ReloadOutcome>(kOutcomeNames, name);
}

} // namespace foxreload
