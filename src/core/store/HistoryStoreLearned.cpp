// HistoryStore's part for the strategy learner: how reloads went per file, kept across runs.

#include "HistoryStore.h"

using namespace Qt::StringLiterals;

namespace foxreload {

void HistoryStore::recordLearnedOutcome(const LearnedOutcomeRecord& outcome)
{
    const QDateTime at = outcome.atUtc.isValid() ? outcome.atUtc : QDateTime::currentDateTimeUtc();
    writeOrHold(u"learned outcome"_s,
        { { u"INSERT INTO learned_outcomes(project_root, path, strategy, outcome, at_ms)"
            u" VALUES (?, ?, ?, ?, ?)"_s,
              { outcome.projectRoot, outcome.path, outcome.strategy, outcome.outcome,
                  at.toMSecsSinceEpoch() } },
            { u"DELETE FROM learned_outcomes WHERE project_root = ? AND path = ? AND id NOT IN"
              u" (SELECT id FROM learned_outcomes WHERE project_root = ? AND path = ?"
              u" ORDER BY id DESC LIMIT ?)"_s,
                { outcome.projectRoot, outcome.path, outcome.projectRoot, outcome.path,
                    LearnedOutcomeRecord::kKeptPerPath } } },
        WriteResult::RowsAffected);
}

QList<LearnedOutcomeRecord> HistoryStore::learnedOutcomes(const QString& projectRoot) const
{
    QList<LearnedOutcomeRecord> outcomes;
    if (!m_available)
        return outcomes;
    const bool all = projectRoot.isEmpty();
    QSqlQuery query
        = select(u"SELECT id, project_root, path, strategy, outcome, at_ms FROM learned_outcomes"_s
                + (all ? QString() : u" WHERE project_root = ?"_s) + u" ORDER BY id"_s,
            all ? QVariantList {} : QVariantList { projectRoot });
    while (query.next()) {
        LearnedOutcomeRecord record;
        record.rowId = query.value(0).toLongLong();
        record.projectRoot = query.value(1).toString();
        record.path = query.value(2).toString();
        record.strategy = query.value(3).toString();
        record.outcome = query.value(4).toString();
        record.atUtc = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        outcomes.append(record);
    }
    return outcomes;
}

int HistoryStore::forgetLearned(const QString& projectRoot, const QStringList& paths)
{
    ++m_learnedLocalChanges;
    int forgotten = 0;
    for (const QString& path : paths) {
        forgotten += int(writeOrHold(u"forget learned"_s,
            { { u"DELETE FROM learned_outcomes WHERE project_root = ? AND path = ?"_s,
                { projectRoot, path } } },
            WriteResult::RowsAffected));
    }
    return forgotten;
}

LearnedOutcomesMark HistoryStore::learnedOutcomesMark() const
{
    return { m_available ? m_db.dataVersion() : -1, m_learnedLocalChanges };
}

} // namespace foxreload
