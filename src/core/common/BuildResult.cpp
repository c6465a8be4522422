#include "BuildResult.h"

#include "EnumNames.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
using Outcome = BuildResult::Outcome;
constexpr EnumName<Outcome> kOutcomeNames[] {
    { Outcome::Succeeded, u"succeeded" },
    { Outcome::Failed, u"failed" },
    { Outcome::TimedOut, u"timed_out" },
    { Outcome::Cancelled, u"cancelled" },
    { Outcome::FailedToStart, u"failed_to_start" },
};
} // namespace

QString buildOutcomeName(BuildResult::Outcome outcome)
{
    return nameOf<Outcome>(kOutcomeNames, outcome);
}

std::optional<BuildResult::Outcome> buildOutcomeFromName(QStringView name)
{
    return valueOf<Outcome>(kOutcomeNames, name);
}

QString BuildResult::summary() const
{
    switch (outcome) {
    case Outcome::Succeeded:
        return u"build succeeded in %1 ms"_s.arg(durationMs);
    case Outcome::Cancelled:
        return u"build cancelled: newer edits arrived"_s;
    case Outcome::TimedOut:
        return u"build timed out after %1 ms (%2)"_s.arg(durationMs).arg(commandLine);
    case Outcome::FailedToStart:
        return u"build could not start: %1"_s.arg(firstError ? firstError->message : commandLine);
    case Outcome::Failed:
        break;
    }
    if (firstError)
        return u"build failed: "_s + firstError->summary();
    return u"build failed with exit code %1 (%2)"_s.arg(exitCode).arg(commandLine);
}

} // namespace foxreload
