#pragma once

#include "learn/LearnRules.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace foxreload {
class HistoryStore;
}

namespace foxreload::cli {

// What the strategy learner remembers, per project and file, as `foxreload stats --learned`
// shows it.
struct LearnedEntry
{
    QString projectRoot;
    LearnedSummary summary;
};

// Of one project (empty: every project), sorted by project and path.
QList<LearnedEntry> learnedEntries(const HistoryStore& store, const QString& projectRoot);
QJsonArray learnedJson(const QList<LearnedEntry>& entries);
QString learnedText(const QList<LearnedEntry>& entries);

} // namespace foxreload::cli
