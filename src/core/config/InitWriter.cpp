#include "InitWriter.h"

#include "Config.h"
#include "ConfigKeys.h"
#include "FileBackup.h"
#include "YamlRender.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

QByteArray flowList(const QStringList& items)
{
    QByteArray text = "[";
    for (qsizetype i = 0; i < items.size(); ++i)
        text += (i ? ", " : "") + yaml::scalar(items.at(i), true);
    return text + ']';
}

// Text from the project (a folder name, a package.json script) inside a comment: a line break
// would end the comment and turn the rest into YAML.
QByteArray commentText(const QString& text)
{
    QString line = text;
    for (QChar& c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return line.toUtf8();
}

// Why each default exclude is there, written next to it.
QByteArray excludeReason(const QString& pattern, const ProjectGuess& guess)
{
    if (pattern == u"**/.*")
        return "hidden files and folders: .git, .venv, editor state";
    if (pattern == u"**/__pycache__/**" || pattern == u"**/*.pyc")
        return "Python's bytecode cache";
    if (pattern == u"**/node_modules/**")
        return "installed packages";
    if (pattern == u"venv/**")
        return "the virtual environment";
    if (!guess.buildOutputDir.isEmpty() && pattern == guess.buildOutputDir + u"/**"_s)
        return "the compiler's output (tsconfig.json's outDir)";
    if (pattern == u"**/build/**" || pattern == u"**/dist/**" || pattern == u"**/target/**")
        return "build output: a build must not trigger another reload";
    return "editor swap, backup and temporary files";
}

QByteArray kindName(const ProjectGuess& guess)
{
    switch (guess.kind) {
    case ProjectGuess::Kind::Node:
        return "Node.js";
    case ProjectGuess::Kind::Python:
        return "Python";
    case ProjectGuess::Kind::Unknown:
        break;
    }
    return "generic";
}

} // namespace

QByteArray InitWriter::render(const QString& projectName, const ProjectGuess& guess)
{
    QByteArray out;
    out += "# FoxReload settings for " + commentText(projectName) + " (a " + kindName(guess)
        + " project), written by `foxreload init`.\n";
    if (!guess.notes.isEmpty()) {
        out += "# What init found:\n";
        for (const QString& note : guess.notes)
            out += "#   - " + commentText(note) + '\n';
    }
    out += "# Every key is described in docs/config.md; `foxreload check-config` shows the file "
           "resolved.\n\n";

    out += "server:\n";
    out += "  # Started in this folder, exactly as an MCP client would start it; FoxReload talks to it\n"
           "  # over stdin/stdout, so the server must print nothing but MCP messages there.\n";
    out += "  command: " + yaml::scalar(guess.command) + '\n';
    if (!guess.args.isEmpty())
        out += "  args: " + flowList(guess.args) + '\n';
    out += "  cwd: .\n";
    if (!guess.env.isEmpty()) {
        out += "  env: {";
        bool first = true;
        for (auto it = guess.env.cbegin(); it != guess.env.cend(); ++it, first = false)
            out += (first ? "" : ", ") + yaml::scalar(it.key(), true) + ": " + yaml::doubleQuoted(it.value());
        out += "}\n";
    }
    if (!guess.buildCommand.isEmpty()) {
        const QByteArray build = "{command: " + yaml::scalar(guess.buildCommand.constFirst(), true)
            + ", args: " + flowList(guess.buildCommand.mid(1)) + '}';
        if (configKeyOrder().contains(u"server.build"_s)) {
            out += "  # Runs before every (re)start; when it fails, the running server keeps serving and "
                   "the\n"
                   "  # compiler's first error is reported.\n";
            out += "  build: " + build + '\n';
        } else {
            out += "  # The build step, once this FoxReload knows server.build; until then build by hand.\n";
            out += "  # build: " + build + '\n';
        }
    }
    out += "  # A full restart keeps the client connected: FoxReload's proxy holds its requests meanwhile.\n";
    out += "  restart_mode: blue_green   # the new server answers before the old one stops; stop_start if it "
           "cannot run twice\n\n";

    out += "watch:\n";
    out += "  paths: " + flowList(guess.watchPaths) + "   # the whole folder, minus the excludes below\n";
    out += "  exclude:\n";
    QStringList excludes = Config::defaultExcludes();
    for (const QString& extra : guess.extraExcludes) {
        if (!excludes.contains(extra))
            excludes.append(extra);
    }
    for (const QString& pattern : excludes)
        out += "    - " + yaml::doubleQuoted(pattern) + "   # " + excludeReason(pattern, guess) + '\n';
    out += "  respect_gitignore: true   # what git ignores is not watched either\n\n";

    out += "# Which change reloads how; the first matching rule wins. init cannot tell which files hold\n"
           "# tools, so every change restarts the server. A server that implements foxreload/reload can\n"
           "# hot reload its tools instead (docs/getting-started.md), with rules like:\n"
           "# rules:\n"
           "#   - {match: \"tools/**\", strategy: hot_reload}\n";
    out += "default_strategy: full_restart\n";
    return out;
}

InitWriter::Result InitWriter::write(const QString& path, const QByteArray& text, bool force)
{
    Result result;
    const QFileInfo info(path);
    const bool exists = info.exists() || info.isSymLink();
    if (exists && !force) {
        result.outcome = Outcome::Refused;
        result.error = path + u" already exists and was left as it is; pass --force to replace it "_s
            + u"(the old file is kept as a .bak copy)"_s;
        return result;
    }
    if (exists && !info.isFile()) {
        result.error = path + u" is not a regular file; not replaced"_s;
        return result;
    }
    if (exists) {
        result.backup = backUpFile(path, &result.error);
        if (result.backup.isEmpty())
            return result; // no backup, no replacement
    }
    if (!replaceFileContents(path, text, &result.error))
        return result;
    result.outcome = exists ? Outcome::Replaced : Outcome::Written;
    return result;
}

} // namespace foxreload
