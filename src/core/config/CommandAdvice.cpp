#include "CommandAdvice.h"

#include "KeySuggestion.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// What MCP servers are usually started with: a typo of one of these is the likeliest mistake.
const QStringList& usualLaunchers()
{
    static const QStringList launchers { u"node"_s, u"npm"_s, u"npx"_s, u"python3"_s, u"python"_s, u"uv"_s,
        u"uvx"_s, u"deno"_s, u"bun"_s, u"pnpm"_s, u"yarn"_s, u"tsx"_s, u"docker"_s, u"go"_s, u"java"_s };
    return launchers;
}

QStringList effectivePath(const QStringList& searchPaths)
{
    if (!searchPaths.isEmpty())
        return searchPaths;
    return qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
}

// Executables in the search path, for "did you mean" when no usual launcher is close.
QStringList programsOn(const QStringList& directories)
{
    QStringList names;
    for (const QString& directory : directories) {
        const QStringList entries
            = QDir(directory).entryList(QDir::Files | QDir::Executable | QDir::NoDotAndDotDot, QDir::Name);
        names += entries;
    }
    names.removeDuplicates();
    return names;
}

} // namespace

QString installHint(const QString& program)
{
    const QString name = QFileInfo(program).completeBaseName();
    if (name == u"node" || name == u"npm" || name == u"npx")
        return u"install Node.js (https://nodejs.org) or put its bin directory on PATH"_s;
    if (name == u"uv" || name == u"uvx")
        return u"install uv (https://docs.astral.sh/uv/), or start the server with python3 instead"_s;
    if (name.startsWith(u"python"))
        return u"install Python 3, or name the interpreter of your virtual environment (.venv/bin/python)"_s;
    if (name == u"pnpm" || name == u"yarn")
        return u"run `corepack enable` (it comes with Node.js) or install "_s + name;
    if (name == u"deno")
        return u"install Deno (https://deno.com)"_s;
    if (name == u"bun")
        return u"install Bun (https://bun.sh)"_s;
    if (name == u"tsc")
        return u"run `npm install` in the project (or `npm install --save-dev typescript`)"_s;
    if (name == u"tsx" || name == u"ts-node")
        return u"run `npm install` in the project (or `npm install --save-dev "_s + name + u"`)"_s;
    return u"install it, or give its full path"_s;
}

QString missingProgramAdvice(const QString& role, const QString& program, const QStringList& searchPaths)
{
    if (program.isEmpty() || program.contains(u'/'))
        return {}; // a path is checked as a file, not looked up
    const QStringList path = effectivePath(searchPaths);
    if (!QStandardPaths::findExecutable(program, path).isEmpty())
        return {};
    const QString head = role + u" '"_s + program + u"' not found on PATH — "_s;
    // A name FoxReload knows how to install is most likely just not installed, not a typo.
    if (usualLaunchers().contains(program) || program == u"tsc" || program == u"ts-node")
        return head + installHint(program);
    if (const QString launcher = closestName(program, usualLaunchers()); !launcher.isEmpty()) {
        if (!QStandardPaths::findExecutable(launcher, path).isEmpty())
            return head + u"did you mean "_s + launcher + u'?';
        return head + u"did you mean "_s + launcher + u"? (not installed either: "_s + installHint(launcher)
            + u')';
    }
    if (const QString other = closestName(program, programsOn(path)); !other.isEmpty())
        return head + u"did you mean "_s + other + u'?';
    return head + installHint(program);
}

QString missingBuildToolAdvice(const QString& tool, const QString& projectDir)
{
    if (tool.isEmpty() || tool.contains(u'/'))
        return {};
    const QDir bin(QDir(projectDir).filePath(u"node_modules/.bin"_s));
    if (!QStandardPaths::findExecutable(tool, { bin.path() }).isEmpty()
        || !QStandardPaths::findExecutable(tool).isEmpty())
        return {};
    // npm itself, node and friends are programs, not packages of the project.
    if (usualLaunchers().contains(tool))
        return missingProgramAdvice(u"build tool"_s, tool);
    return u"build tool '"_s + tool + u"' is not installed (not in node_modules/.bin, not on PATH) — "_s
        + (tool == u"tsc" || tool == u"tsx" ? installHint(tool) : u"run `npm install` in the project"_s);
}

} // namespace foxreload
