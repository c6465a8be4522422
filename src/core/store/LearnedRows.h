#pragma once

#include <QDateTime>
#include <QString>

namespace foxreload {

// How one reload went for one file, as the strategy learner remembers it (learned_outcomes).
// Names, not enums: the store knows the spelling only ("hot_reload", "failed", ...).
struct LearnedOutcomeRecord
{
    qint64 rowId = 0;
    QString projectRoot;
    QString path; // relative to the project root, '/'-separated
    QString strategy; // performed: "hot_reload", "service_restart", ...
    QString outcome; // "success", "failed", "restarted_by_hand"
    QDateTime atUtc;

    // Per file, only the newest rows are kept: the learning rule looks at a few.
    static constexpr int kKeptPerPath = 20;
};

// Moves whenever the learned outcomes may have changed other than by a recordLearnedOutcome()
// of the store that gave it: another connection committed (another process: `foxreload
// forget`, a second session), forgetLearned() was called on it, or it opened a database.
// A reader that keeps what it recorded itself reads the rows again only when the mark moved.
struct LearnedOutcomesMark
{
    qint64 dataVersion = -1; // the connection's PRAGMA data_version; -1 while unavailable
    quint64 localChanges = 0;

    friend bool operator==(const LearnedOutcomesMark&, const LearnedOutcomesMark&) = default;
};

} // namespace foxreload
