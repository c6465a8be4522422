#include "LearnedOutput.h"

#include "store/HistoryStore.h"

#include <QJsonObject>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

QList<LearnedEntry> learnedEntries(const HistoryStore& store, const QString& projectRoot)
{
    // Ordered by project, then path; each list oldest first, as the store returns them.
    QMap<std::pair<QString, QString>, QList<LearnedAttempt>> histories;
    for (const LearnedOutcomeRecord& record : store.learnedOutcomes(projectRoot)) {
        const std::optional<ReloadStrategy> strategy = strategyFromName(record.strategy);
        const std::optional<LearnedOutcome> outcome = learnedOutcomeFromName(record.outcome);
        if (strategy && outcome)
            histories[{ record.projectRoot, record.path }].append({ *strategy, *outcome });
    }
    QList<LearnedEntry> entries;
    for (auto it = histories.cbegin(); it != histories.cend(); ++it)
        entries.append({ it.key().first, learnrules::summarize(it.key().second, it.value()) });
    return entries;
}

QJsonArray learnedJson(const QList<LearnedEntry>& entries)
{
    QJsonArray array;
    for (const LearnedEntry& entry : entries) {
        const LearnedSummary& summary = entry.summary;
        array.append(QJsonObject { { u"project"_s, entry.projectRoot }, { u"path"_s, summary.path },
            { u"planned"_s, strategyName(summary.advice.planned) },
            { u"strategy"_s, strategyName(summary.advice.strategy) },
            { u"escalated"_s, summary.advice.escalated() }, { u"retrying"_s, summary.advice.retrying },
            { u"succeeded"_s, summary.succeeded }, { u"failed"_s, summary.failed },
            { u"reason"_s, summary.reason } });
    }
    return array;
}

QString learnedText(const QList<LearnedEntry>& entries)
{
    if (entries.isEmpty())
        return u"Nothing learned yet: every file takes the strategy its rule names.\n"_s;
    QString out;
    QString project;
    qsizetype width = 0;
    for (const LearnedEntry& entry : entries)
        width = std::max(width, entry.summary.path.size());
    for (const LearnedEntry& entry : entries) {
        if (entry.projectRoot != project || out.isEmpty()) {
            project = entry.projectRoot;
            out += (out.isEmpty() ? QString() : u"\n"_s) + project + u'\n';
        }
        const LearnedSummary& summary = entry.summary;
        QString line = u"  %1  "_s.arg(summary.path, -int(width));
        line += summary.advice.escalated()
            ? u"%1 → %2"_s.arg(strategyLabel(summary.advice.planned), strategyLabel(summary.advice.strategy))
            : strategyLabel(summary.advice.strategy);
        line += u"  (%1 succeeded, %2 failed)"_s.arg(summary.succeeded).arg(summary.failed);
        out += line + u'\n';
        if (!summary.reason.isEmpty())
            out += u"    "_s + summary.reason + u'\n';
    }
    return out;
}

} // namespace foxreload::cli
