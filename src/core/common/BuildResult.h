#pragma once

#include "BuildError.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace foxreload {

// One finished run of server.build.
struct BuildResult
{
    enum class Outcome {
        Succeeded,
        Failed, // exited with a non-zero code, or died of a signal
        TimedOut, // stopped after server.build_timeout_ms
        Cancelled, // stopped because newer edits made its output stale
        FailedToStart, // the command is missing or not executable
    };

    quint64 id = 0; // per runner, increasing
    Outcome outcome = Outcome::Failed;
    int exitCode = -1;
    qint64 durationMs = 0; // start → exit, measured on its own (never part of the reload's figures)
    QString commandLine; // as a shell would show it
    QString output; // stdout and stderr, merged in the order written
    std::optional<BuildError> firstError; // failed builds: the first error the tool reported

    bool succeeded() const { return outcome == Outcome::Succeeded; }
    // One line for a reload's error: "build failed: src/index.ts:1: TS2322: ...".
    QString summary() const;
};

QString buildOutcomeName(BuildResult::Outcome outcome); // "succeeded", "failed", "timed_out", ...
std::optional<BuildResult::Outcome> buildOutcomeFromName(QStringView name);

} // namespace foxreload

Q_DECLARE_METATYPE(foxreload::BuildResult)
