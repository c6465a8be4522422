#pragma once

#include "common/FileEvent.h"
#include "common/ReloadStrategy.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace foxreload {

// One changed file after coalescing, and what the rules made of it.
struct FileChange
{
    QString path; // absolute
    QString relativePath; // relative to the project root, '/'-separated
    FileEvent::Kind kind = FileEvent::Kind::Modified;
    ReloadStrategy strategy = ReloadStrategy::FullRestart;
    QStringList components;
    QString
        rule; // the glob that matched (the deciding importer's, with importChain); empty: default_strategy
    // Added by the analyze stage; the fields above keep their meaning.
    bool isDirectory = false; // a directory entry: no strategy unless a rule names it
    bool excluded = false; // the path filter excludes it: strategy none
    QString oldRelativePath; // Renamed: where the file was (its rule counts too)
    // A file no rule names that took its strategy from the modules importing it (follow_imports):
    // its importer, that one's importer, ... up to the module that decided, relative paths.
    QStringList importChain;
    // `tools/weather.py modified → hot reload (rule "tools/**/*.py")`
    QString reason;
};

// A batch of coalesced changes, ready for analysis.
struct ChangeBatch
{
    quint64 id = 0;
    QList<FileEvent> events; // one per path: the coalesced kind
    Clock::time_point firstEventAt; // when the first change of the batch was detected
    Clock::time_point readyAt; // when the batch was closed
    int rawEventCount = 0; // events before coalescing
    QStringList unchangedPaths; // dropped because their content hash did not change
};

// What to do about a batch, and why.
struct ReloadPlan
{
    quint64 batchId = 0;
    ReloadStrategy strategy = ReloadStrategy::None;
    QStringList components; // union over the files that decided the strategy
    QList<FileChange> files;
    // One line per file that decided the strategy, e.g. `tools/weather.py modified → hot reload (rule
    // "tools/**/*.py")`.
    QStringList reasons;
    Clock::time_point detectedAt; // first change of the batch
    // How long the plan was held back on purpose since then (paused, rate-limited): time
    // that belongs neither to the reload nor to its wait.
    Clock::duration held {};

    // The file whose rule decided the strategy (first of the most severe);
    // nullptr when the plan has no files.
    const FileChange* decisive() const;
    // Strategy, reasons and components worked out again from the files: the most severe
    // strategy, and the reasons and components of the files that have it.
    void reduceFromFiles();
};

} // namespace foxreload

Q_DECLARE_METATYPE(foxreload::ChangeBatch)
Q_DECLARE_METATYPE(foxreload::ReloadPlan)
