#include "BuildResult.h"

using namespace Qt::StringLiterals;

namespace foxreload {

QString buildOutcomeName(BuildResult::Outcome outcome)
{
    switch (outcome) {
    case BuildResult::Outcome::Succeeded:
        return u"succeeded"_s;
    case BuildResult::Outcome::Failed:
        return u"failed"_s;
    case BuildResult::Outcome::TimedOut:
        return u"timed_out"_s;
    case BuildResult::Outcome::Cancelled:
        return u"cancelled"_s;
    case BuildResult::Outcome::FailedToStart:
        return u"failed_to_start"_s;
    }
    return {};
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
