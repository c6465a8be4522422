#pragma once

#include <QString>
#include <QStringList>

namespace foxreload {

// One-line answers to "the program is not there": what was looked for, where, and what to do
// ("command 'nodee' not found on PATH — did you mean node?"). A missing command is the most
// common first-run failure; a bare "no such file" leaves the user to guess which file.

// Empty when `program` is found in `searchPaths` (the PATH when empty). Otherwise the line,
// naming the program as `role` ("command", "build command"): a likely typo is corrected
// (from the usual server launchers, then the programs on the path), a known tool that is
// simply not installed gets its installation hint.
QString missingProgramAdvice(
    const QString& role, const QString& program, const QStringList& searchPaths = {});

// Empty when the tool an npm script runs (tsc, tsx, ...) is installed in the project's
// node_modules/.bin or on PATH; otherwise a line saying so and what to run.
QString missingBuildToolAdvice(const QString& tool, const QString& projectDir);

// How to install a well-known program ("install Node.js (https://nodejs.org)"); a general
// hint for any other.
QString installHint(const QString& program);

} // namespace foxreload
