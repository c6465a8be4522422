#pragma once

#include "common/BuildResult.h"
#include "common/ReloadPlan.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace foxreload {

// Why a reload happened.
enum class ReloadTrigger {
    FileChange, // a batch of edits
    Manual, // the user asked (tray, socket command)
    CrashRestart, // the server exited on its own and is being brought back
    Startup, // the first start of the session
};

enum class ReloadOutcome { Success, Failed };

QString reloadTriggerName(ReloadTrigger trigger); // "file_change", "manual", "crash_restart", "startup"
QString reloadOutcomeName(ReloadOutcome outcome); // "success", "failed"
std::optional<ReloadTrigger> reloadTriggerFromName(QStringView name);
std::optional<ReloadOutcome> reloadOutcomeFromName(QStringView name);

// Everything known about one finished reload: the seam for the CLI output,
// the history store, gamification and the GUI.
struct ReloadResult
{
    quint64 id = 0; // per session, increasing
    ReloadTrigger trigger = ReloadTrigger::FileChange;
    ReloadPlan plan; // what the analyzer asked for (empty files for manual/crash)
    ReloadStrategy requested = ReloadStrategy::None; // plan.strategy, or FullRestart for manual/crash
    ReloadStrategy performed
        = ReloadStrategy::None; // may be escalated (hot reload unsupported → full restart)
    QString escalationReason; // why performed != requested, empty otherwise
    ReloadOutcome outcome = ReloadOutcome::Success;
    QString error; // one line: what failed
    QString errorDetail; // e.g. the tail of the server's stderr (a Python traceback)
    qint64 pid = 0; // the serving process afterwards
    qint64 previousPid = 0;
    int toolCount = -1; // after the reload; -1 unknown
    QStringList toolsAdded;
    QStringList toolsRemoved;
    bool contentIdentical = false; // every file of the batch had unchanged content
    QDateTime finishedAtUtc;
    // Durations in milliseconds, -1 where a phase did not happen. startToReadyMs is "the
    // reload took": the one figure every view shows. Time the changes were held back on
    // purpose (paused, rate limit) is heldMs and counts in neither of the others.
    qint64 detectToStartMs = -1; // first change detected → reload started (debounce + queueing)
    qint64 startToReadyMs = -1; // reload started → server ready again
    qint64 totalMs = -1; // detectToStartMs + buildMs (when a build ran) + startToReadyMs
    qint64 heldMs = 0; // paused or deferred by max_reloads_per_minute before it could start
    // The build step (server.build), its own figure: from its first start to its last finish,
    // cancelled runs (newer edits) included; -1 when no build ran. startToReadyMs excludes it.
    qint64 buildMs = -1;
    int buildRuns = 0; // how many times the build was started (1 + restarts after newer edits)
    std::optional<BuildResult::Outcome> buildOutcome; // the last run's; none when no build ran
    std::optional<BuildError> buildError; // a failed build: the compiler's first error

    bool succeeded() const { return outcome == ReloadOutcome::Success; }
};

} // namespace foxreload
