#pragma once

// The learning rule: from how the recent reloads of one file went, which strategy its next
// change should take. Pure functions over an injected history; StrategyLearner gathers the
// history (and keeps it in the store) and applies the advice to plans.
//
// The ladder is hot reload → service restart → full restart. A rung whose last `window`
// attempts had `failuresToEscalate` failures is skipped for the next one. After
// `successesBeforeRetry` successes on the rung above, the failing rung is tried once more:
// a success there brings its failures below the threshold (de-escalated), a failure escalates
// again at once.

#include "common/ReloadStrategy.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace foxreload {

// How one reload of a file went. RestartedByHand: the user restarted the server by hand
// shortly after a reload that reported success, which says the reload did not do its job.
enum class LearnedOutcome { Succeeded, Failed, RestartedByHand };

QString learnedOutcomeName(LearnedOutcome outcome); // "success", "failed", "restarted_by_hand"
std::optional<LearnedOutcome> learnedOutcomeFromName(QStringView name);

struct LearnedAttempt
{
    ReloadStrategy strategy = ReloadStrategy::HotReload; // what was performed
    LearnedOutcome outcome = LearnedOutcome::Succeeded;
};

struct LearnPolicy
{
    int window = 3; // the last N attempts of a strategy count
    int failuresToEscalate = 3; // ... and this many of them failed: take the next rung
    int successesBeforeRetry = 5; // successes on the rung above a skipped one before it is tried again
};

struct LearnedAdvice
{
    ReloadStrategy planned = ReloadStrategy::None; // what the rules said
    ReloadStrategy strategy = ReloadStrategy::None; // what to do
    // When escalated: the rung that failed last on the way up, and its figures.
    ReloadStrategy failedStrategy = ReloadStrategy::None;
    int failed = 0;
    int considered = 0;
    // A skipped rung is tried again (strategy == that rung, below what failed there).
    bool retrying = false;
    int successesAbove = 0;

    bool escalated() const { return strategy != planned; }
};

// What is remembered about one file, for `foxreload stats --learned` and the dashboard.
struct LearnedSummary
{
    QString path;
    LearnedAdvice advice; // planned: the mildest strategy its reloads took
    int succeeded = 0; // effective attempts (a success restarted by hand is a failure)
    int failed = 0;
    QString reason; // describe(advice, path); empty when nothing changes
};

namespace learnrules {

// The rung above: hot reload → service restart → full restart; none and full restart stay.
ReloadStrategy nextRung(ReloadStrategy strategy);

// The attempts with each success the user overrode by hand turned into one failure
// (a RestartedByHand right after a success of the same strategy replaces it).
QList<LearnedAttempt> effectiveAttempts(std::span<const LearnedAttempt> history);

// What the next change of a file should do, given its history (oldest first).
// Only hot reload and service restart are ever changed.
LearnedAdvice advise(
    ReloadStrategy planned, std::span<const LearnedAttempt> history, const LearnPolicy& policy = {});

// The reason for a plan, e.g. "learned: 3 of the last 3 hot reloads of services/cache.py
// failed → service restart"; empty when the advice keeps the planned strategy.
QString describe(const LearnedAdvice& advice, const QString& path);

// The advice for a file whose rules are not at hand: planned is the mildest strategy its
// remembered reloads took (what its rule said before anything was learned).
LearnedSummary summarize(
    const QString& path, std::span<const LearnedAttempt> history, const LearnPolicy& policy = {});

} // namespace learnrules

} // namespace foxreload
