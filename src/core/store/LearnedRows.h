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

} // namespace foxreload
