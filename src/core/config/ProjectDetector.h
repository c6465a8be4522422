#pragma once

#include "Config.h"

#include <QString>
#include <QStringList>

namespace foxreload {

// What a folder without .foxreload.yaml most likely holds, guessed from the files a project of
// each kind always has (package.json, pyproject.toml, ...). Used to prefill a new project's
// settings, so that the user starts from a command that probably works instead of a blank form.
struct ProjectGuess
{
    enum class Kind { Unknown, Node, Python };

    Kind kind = Kind::Unknown;
    QString command; // empty when nothing was recognised
    QStringList args;
    QMap<QString, QString> env;
    QStringList watchPaths; // relative to the folder; "." for the whole folder
    QStringList extraExcludes; // added to Config::defaultExcludes(), e.g. a TypeScript outDir
    QString buildOutputDir; // relative; what a build script writes (excluded so builds do not loop)
    QStringList evidence; // the files the guess rests on, relative, for the explanation
    QStringList buildCommand; // program and arguments of the build step (npm run build); empty: none
    QString buildTool; // what the build script runs first ("tsc"), to tell when it is not installed
    // One sentence per choice made ("package.json's \"bin\" names dist/index.js"), for the
    // comments `foxreload init` writes and the settings dialog's explanation.
    QStringList notes;
    // Why no server command was found, and what to do, in one line; empty when command is set.
    QString problem;

    friend bool operator==(const ProjectGuess&, const ProjectGuess&) = default;
};

// Guesses the server command, watch paths and excludes for a project folder. Reads a handful of
// files at the folder's top level and never runs anything.
//   - package.json: `bin`, then `main` -> node <file>; else a `start` script -> npm --silent start
//     (npm's own banner would otherwise reach stdout, which is the MCP channel). With tsconfig.json
//     and a `build` script, the compiler's outDir (default dist) is excluded.
//   - pyproject.toml, requirements.txt, main.py, server.py -> python3 with the entry file; a
//     .venv's interpreter when there is one, `uv run` when uv.lock is there.
//   - otherwise: an empty command (the user must say it) and the whole folder watched.
// A package.json `build` script becomes the build step (npm run build).
class ProjectDetector
{
public:
    static ProjectGuess detect(const QString& folder);

    // Config::defaults(folder) with the guess applied: what a new project's settings start from.
    static Config configFor(const QString& folder);
    static Config configFor(const QString& folder, const ProjectGuess& guess);
};

} // namespace foxreload
