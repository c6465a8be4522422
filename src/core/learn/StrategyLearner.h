#pragma once

#include "LearnRules.h"
#include "common/ReloadPlan.h"
#include "common/ReloadResult.h"
#include "config/Config.h"
#include "store/LearnedRows.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <chrono>
#include <optional>

namespace foxreload {

class HistoryStore;

// Remembers, per file of one project, how its reloads went and escalates a file whose hot
// reloads (or service restarts) keep failing, following learnrules::advise. The memory lives
// in the history store, so it outlives FoxReload and is shared with the other processes on
// that database (`foxreload forget` clears it); without a store it lasts for the session.
// Files of a rule marked `fixed: true` are neither changed nor remembered.
class StrategyLearner : public QObject
{
    Q_OBJECT
public:
    // `store` may be null; it is not owned.
    StrategyLearner(
        const QString& projectRoot, const QList<Rule>& rules, HistoryStore* store, QObject* parent = nullptr);

    // A user restart within this time after a reload that succeeded counts against that reload.
    static constexpr std::chrono::seconds kRestartByHandWindow { 30 };

    // Changes the strategies of the plan's files by what was learned (the reason of each says
    // so) and works the plan's strategy, reasons and components out again.
    void adjust(ReloadPlan& plan);
    // Remembers how a finished reload went for the files that decided it.
    void recordResult(const ReloadResult& result);

    QList<LearnedAttempt> history(const QString& relativePath) const;
    void setPolicy(const LearnPolicy& policy) { m_policy = policy; }

private:
    bool isFixed(const FileChange& file) const;
    bool isLearnable(const FileChange& file) const;
    void remember(const QString& relativePath, ReloadStrategy strategy, LearnedOutcome outcome);
    // Reads the memory again from the store when it holds everything and another process has
    // written to it since the last read (it may have learned or forgotten); otherwise the memory
    // here stands.
    void refresh();

    QString m_projectRoot;
    QSet<QString> m_fixedPatterns;
    QPointer<HistoryStore> m_store;
    LearnPolicy m_policy;
    QHash<QString, QList<LearnedAttempt>> m_history;
    std::optional<LearnedOutcomesMark> m_readAt; // the store's mark when m_history was read from it

    struct Success
    {
        QStringList paths;
        ReloadStrategy strategy = ReloadStrategy::None;
        QDateTime atUtc;
    };
    Success m_lastSuccess; // the last reload by a file change that succeeded
};

} // namespace foxreload
