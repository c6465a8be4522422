#include "LearnRules.h"

#include "common/EnumNames.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

constexpr EnumName<LearnedOutcome> kLearnedOutcomeNames[] {
    { LearnedOutcome::Succeeded, u"success" },
    { LearnedOutcome::Failed, u"failed" },
    { LearnedOutcome::RestartedByHand, u"restarted_by_hand" },
};

bool isLadderStep(ReloadStrategy strategy)
{
    return strategy == ReloadStrategy::HotReload || strategy == ReloadStrategy::ServiceRestart;
}

// "hot reloads", "service restarts"
QString plural(ReloadStrategy strategy)
{
    return strategyLabel(strategy) + u's';
}

} // namespace

QString learnedOutcomeName(LearnedOutcome outcome)
{
    return nameOf<LearnedOutcome>(kLearnedOutcomeNames, outcome);
}

std::optional<LearnedOutcome> learnedOutcomeFromName(QStringView name)
{
    return valueOf<LearnedOutcome>(kLearnedOutcomeNames, name);
}

namespace learnrules {

ReloadStrategy nextRung(ReloadStrategy strategy)
{
    switch (strategy) {
    case ReloadStrategy::HotReload:
        return ReloadStrategy::ServiceRestart;
    case ReloadStrategy::ServiceRestart:
        return ReloadStrategy::FullRestart;
    case ReloadStrategy::None:
    case ReloadStrategy::FullRestart:
        break;
    }
    return strategy;
}

QList<LearnedAttempt> effectiveAttempts(std::span<const LearnedAttempt> history)
{
    QList<LearnedAttempt> attempts;
    attempts.reserve(qsizetype(history.size()));
    for (const LearnedAttempt& attempt : history) {
        if (attempt.outcome == LearnedOutcome::RestartedByHand) {
            if (!attempts.isEmpty() && attempts.last().strategy == attempt.strategy
                && attempts.last().outcome == LearnedOutcome::Succeeded)
                attempts.last().outcome = LearnedOutcome::Failed;
            continue; // without a success before it, there is nothing the user overrode
        }
        attempts.append(attempt);
    }
    return attempts;
}

LearnedAdvice advise(
    ReloadStrategy planned, std::span<const LearnedAttempt> history, const LearnPolicy& policy)
{
    LearnedAdvice advice;
    advice.planned = planned;
    advice.strategy = planned;
    if (!isLadderStep(planned) || policy.window <= 0)
        return advice;
    const QList<LearnedAttempt> attempts = effectiveAttempts(history);
    for (ReloadStrategy rung = planned; isLadderStep(rung); rung = nextRung(rung)) {
        int considered = 0;
        int failed = 0;
        qsizetype lastOnRung = -1;
        for (qsizetype i = attempts.size() - 1; i >= 0; --i) {
            if (attempts.at(i).strategy != rung)
                continue;
            if (lastOnRung < 0)
                lastOnRung = i;
            if (considered == policy.window)
                break;
            ++considered;
            failed += attempts.at(i).outcome == LearnedOutcome::Failed ? 1 : 0;
        }
        if (considered < policy.window || failed < policy.failuresToEscalate)
            break; // this rung works (or has not been tried enough to say)
        const int successesAbove = int(std::count_if(attempts.cbegin() + lastOnRung + 1, attempts.cend(),
            [above = nextRung(rung)](const LearnedAttempt& attempt) {
                return attempt.strategy == above && attempt.outcome == LearnedOutcome::Succeeded;
            }));
        if (successesAbove >= policy.successesBeforeRetry) {
            advice.retrying = true;
            advice.successesAbove = successesAbove;
            advice.strategy = rung;
            break;
        }
        advice.failedStrategy = rung;
        advice.failed = failed;
        advice.considered = considered;
        advice.strategy = nextRung(rung);
    }
    return advice;
}

QString describe(const LearnedAdvice& advice, const QString& path)
{
    if (advice.retrying) {
        return u"learned: trying %1 of %2 again after %3 successful %4"_s.arg(strategyLabel(advice.strategy),
            path, QString::number(advice.successesAbove), plural(nextRung(advice.strategy)));
    }
    if (!advice.escalated())
        return {};
    return u"learned: %1 of the last %2 %3 of %4 failed → %5"_s.arg(QString::number(advice.failed),
        QString::number(advice.considered), plural(advice.failedStrategy), path,
        strategyLabel(advice.strategy));
}

LearnedSummary summarize(
    const QString& path, std::span<const LearnedAttempt> history, const LearnPolicy& policy)
{
    LearnedSummary summary;
    summary.path = path;
    ReloadStrategy mildest = ReloadStrategy::None;
    for (const LearnedAttempt& attempt : effectiveAttempts(history)) {
        if (attempt.outcome == LearnedOutcome::Succeeded)
            ++summary.succeeded;
        else
            ++summary.failed;
        if (isLadderStep(attempt.strategy)
            && (mildest == ReloadStrategy::None || int(attempt.strategy) < int(mildest)))
            mildest = attempt.strategy;
    }
    summary.advice = advise(mildest, history, policy);
    summary.reason = describe(summary.advice, path);
    return summary;
}

} // namespace learnrules

} // namespace foxreload
