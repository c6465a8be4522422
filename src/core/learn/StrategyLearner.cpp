#include "StrategyLearner.h"

#include "LearnLog.h"
#include "store/HistoryStore.h"

using namespace Qt::StringLiterals;

namespace foxreload {

StrategyLearner::StrategyLearner(
    const QString& projectRoot, const QList<Rule>& rules, HistoryStore* store, QObject* parent)
    : QObject(parent)
    , m_projectRoot(projectRoot)
    , m_store(store)
{
    for (const Rule& rule : rules) {
        if (rule.fixed)
            m_fixedPatterns.insert(rule.match);
    }
    refresh();
}

bool StrategyLearner::isFixed(const FileChange& file) const
{
    return !file.rule.isEmpty() && m_fixedPatterns.contains(file.rule);
}

bool StrategyLearner::isLearnable(const FileChange& file) const
{
    return !file.excluded && !file.isDirectory && !isFixed(file)
        && (file.strategy == ReloadStrategy::HotReload || file.strategy == ReloadStrategy::ServiceRestart);
}

void StrategyLearner::refresh()
{
    if (!m_store || !m_store->isAvailable() || m_store->pendingWrites() > 0)
        return;
    // Nothing but this learner has written since the last read: the memory here is the store's.
    // Asking costs a PRAGMA; reading the rows again cost 0.4 ms of every reload's start.
    const LearnedOutcomesMark mark = m_store->learnedOutcomesMark();
    if (m_readAt == mark)
        return;
    m_readAt = mark;
    QHash<QString, QList<LearnedAttempt>> history;
    for (const LearnedOutcomeRecord& record : m_store->learnedOutcomes(m_projectRoot)) {
        const std::optional<ReloadStrategy> strategy = strategyFromName(record.strategy);
        const std::optional<LearnedOutcome> outcome = learnedOutcomeFromName(record.outcome);
        if (strategy && outcome)
            history[record.path].append({ *strategy, *outcome });
    }
    m_history = std::move(history);
}

QList<LearnedAttempt> StrategyLearner::history(const QString& relativePath) const
{
    return m_history.value(relativePath);
}

void StrategyLearner::adjust(ReloadPlan& plan)
{
    // A local file is asked whether another process wrote to it (`foxreload forget`, a second
    // session); a database server is not asked while a reload waits (its memory is read at the
    // start, and kept up to date by this process).
    if (m_store && !m_store->isShared())
        refresh();
    bool changed = false;
    for (FileChange& file : plan.files) {
        if (!isLearnable(file))
            continue;
        const auto it = m_history.constFind(file.relativePath);
        if (it == m_history.cend())
            continue;
        const LearnedAdvice advice = learnrules::advise(file.strategy, *it, m_policy);
        const QString why = learnrules::describe(advice, file.relativePath);
        if (why.isEmpty())
            continue;
        qCInfo(lcLearn).noquote() << why;
        file.strategy = advice.strategy;
        file.reason += u"; "_s + why;
        changed = true;
    }
    if (changed)
        plan.reduceFromFiles();
}

void StrategyLearner::recordResult(const ReloadResult& result)
{
    if (result.trigger == ReloadTrigger::Manual) {
        const Success last = std::exchange(m_lastSuccess, {});
        const QDateTime now
            = result.finishedAtUtc.isValid() ? result.finishedAtUtc : QDateTime::currentDateTimeUtc();
        if (last.atUtc.isValid()
            && last.atUtc.msecsTo(now)
                <= std::chrono::duration_cast<std::chrono::milliseconds>(kRestartByHandWindow).count()) {
            for (const QString& path : last.paths)
                remember(path, last.strategy, LearnedOutcome::RestartedByHand);
        }
        return;
    }
    if (result.trigger != ReloadTrigger::FileChange)
        return;
    m_lastSuccess = {};
    // FoxReload itself escalated it (the server was not running, cannot hot reload): says
    // nothing about the files.
    if (!result.escalationReason.isEmpty() || result.performed != result.requested)
        return;
    QStringList paths;
    for (const FileChange& file : result.plan.files) {
        if (file.strategy == result.performed && isLearnable(file) && !paths.contains(file.relativePath))
            paths.append(file.relativePath);
    }
    if (paths.isEmpty())
        return;
    const LearnedOutcome outcome = result.succeeded() ? LearnedOutcome::Succeeded : LearnedOutcome::Failed;
    for (const QString& path : std::as_const(paths))
        remember(path, result.performed, outcome);
    if (result.succeeded())
        m_lastSuccess = { paths, result.performed,
            result.finishedAtUtc.isValid() ? result.finishedAtUtc : QDateTime::currentDateTimeUtc() };
}

void StrategyLearner::remember(const QString& relativePath, ReloadStrategy strategy, LearnedOutcome outcome)
{
    QList<LearnedAttempt>& attempts = m_history[relativePath];
    attempts.append({ strategy, outcome });
    if (attempts.size() > LearnedOutcomeRecord::kKeptPerPath)
        attempts.remove(0, attempts.size() - LearnedOutcomeRecord::kKeptPerPath);
    if (!m_store)
        return;
    LearnedOutcomeRecord record;
    record.projectRoot = m_projectRoot;
    record.path = relativePath;
    record.strategy = strategyName(strategy);
    record.outcome = learnedOutcomeName(outcome);
    record.atUtc = QDateTime::currentDateTimeUtc();
    m_store->recordLearnedOutcome(record);
}

} // namespace foxreload
