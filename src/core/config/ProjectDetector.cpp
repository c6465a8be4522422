#include "ProjectDetector.h"

#include "ConfigLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// Config files are small; a megabyte is far more than any real package.json or pyproject.toml.
constexpr qint64 kMaxManifestBytes = 1024 * 1024;

QByteArray readSmallFile(const QDir& dir, const QString& name)
{
    QFile file(dir.filePath(name));
    if (file.size() > kMaxManifestBytes || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString cleanRelative(QString path)
{
    path = QDir::cleanPath(path.trimmed());
    while (path.startsWith(u"./"_s))
        path = path.mid(2);
    return path == u"." ? QString() : path;
}

// tsconfig.json allows comments and trailing commas, which QJsonDocument rejects: only the
// one value we need is looked up, as text.
QString typeScriptOutDir(const QByteArray& tsconfig)
{
    static const QRegularExpression outDir(u"\"outDir\"\\s*:\\s*\"([^\"]+)\""_s);
    const QRegularExpressionMatch match = outDir.match(QString::fromUtf8(tsconfig));
    return match.hasMatch() ? cleanRelative(match.captured(1)) : u"dist"_s;
}

// The file a package.json names to run: its (first) bin, else main.
QString nodeEntry(const QJsonObject& package)
{
    const QJsonValue bin = package.value(u"bin"_s);
    if (bin.isString())
        return cleanRelative(bin.toString());
    if (bin.isObject()) {
        const QJsonObject bins = bin.toObject();
        // The command named like the package is its main one; otherwise any (they are sorted).
        const QJsonValue own = bins.value(package.value(u"name"_s).toString());
        if (own.isString())
            return cleanRelative(own.toString());
        if (!bins.isEmpty() && bins.begin().value().isString())
            return cleanRelative(bins.begin().value().toString());
    }
    if (package.value(u"main"_s).isString())
        return cleanRelative(package.value(u"main"_s).toString());
    return {};
}

bool hasDependency(const QJsonObject& package, const QString& name)
{
    for (const auto& field : { u"dependencies"_s, u"devDependencies"_s, u"peerDependencies"_s }) {
        if (package.value(field).toObject().contains(name))
            return true;
    }
    return false;
}

// The program a script runs first ("tsc" in "tsc -p . && node x"), for telling the user
// when it is not installed. Environment assignments (NODE_ENV=production) are skipped.
QString firstProgram(const QString& script)
{
    const QStringList words = script.split(u' ', Qt::SkipEmptyParts);
    for (const QString& word : words) {
        if (!word.contains(u'='))
            return word;
    }
    return {};
}

void describeNodePackage(const QDir& dir, const QJsonObject& package, ProjectGuess* guess)
{
    if (package.value(u"type"_s).toString() == u"module")
        guess->notes.append(u"package.json says \"type\": \"module\": an ES module package"_s);
    else
        guess->notes.append(u"a CommonJS package (package.json has no \"type\": \"module\")"_s);
    if (QFileInfo(dir.filePath(u"tsconfig.json"_s)).isFile())
        guess->notes.append(u"tsconfig.json: written in TypeScript"_s);
    QString sdk;
    for (const auto& name : { u"@modelcontextprotocol/sdk"_s, u"@modelcontextprotocol/server"_s }) {
        if (hasDependency(package, name))
            sdk = name;
    }
    guess->notes.append(sdk.isEmpty()
            ? u"no MCP SDK among its dependencies: check that this is the server's folder"_s
            : u"depends on "_s + sdk + u": an MCP server built with the official SDK"_s);
}

void detectNode(const QDir& dir, ProjectGuess* guess)
{
    guess->kind = ProjectGuess::Kind::Node;
    guess->evidence.append(u"package.json"_s);
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(readSmallFile(dir, u"package.json"_s), &parseError);
    if (!document.isObject()) {
        qCInfo(lcConfig) << "package.json in" << dir.path()
                         << "is not a JSON object:" << parseError.errorString();
        guess->problem = u"package.json is not a JSON object ("_s + parseError.errorString()
            + u" at offset "_s + QString::number(parseError.offset) + u')';
        return;
    }
    const QJsonObject package = document.object();
    describeNodePackage(dir, package, guess);
    const QJsonObject scripts = package.value(u"scripts"_s).toObject();
    const QString entry = nodeEntry(package);
    const bool hasStart = scripts.value(u"start"_s).isString();
    const bool hasBuild = scripts.value(u"build"_s).isString();
    const bool entryExists = !entry.isEmpty() && QFileInfo::exists(dir.filePath(entry));
    // A bin/main that is not built yet cannot run, but the start script may build it first;
    // with a build step it will have been built by the time the server starts.
    if (!entry.isEmpty() && (entryExists || hasBuild || !hasStart)) {
        guess->command = u"node"_s;
        guess->args = { entry };
        guess->notes.append(u"the server is "_s + entry + u", the file package.json's \""_s
            + (package.contains(u"bin"_s) ? u"bin"_s : u"main"_s) + u"\" names"_s
            + (entryExists ? QString() : u" (not built yet)"_s));
    } else if (hasStart) {
        guess->command = u"npm"_s;
        guess->args = { u"--silent"_s, u"start"_s };
        guess->notes.append(u"the server is started by package.json's \"start\" script; --silent keeps npm's "
                            u"banner off stdout, which is the MCP channel"_s);
    } else {
        for (const auto& file : { u"index.js"_s, u"server.js"_s, u"index.mjs"_s, u"server.mjs"_s }) {
            if (QFileInfo(dir.filePath(file)).isFile()) {
                guess->command = u"node"_s;
                guess->args = { file };
                guess->notes.append(u"the server is "_s + file + u" (package.json names no bin or main)"_s);
                break;
            }
        }
        if (guess->command.isEmpty())
            guess->problem = u"package.json names no \"bin\", \"main\" or \"start\" script, and there is no "
                             u"index.js or server.js"_s;
    }
    if (hasBuild) {
        const QString script = scripts.value(u"build"_s).toString();
        guess->buildCommand = { u"npm"_s, u"run"_s, u"build"_s };
        guess->buildTool = firstProgram(script);
        guess->notes.append(u"the \"build\" script ("_s + script + u") runs before every start"_s);
    } else if (QFileInfo(dir.filePath(u"tsconfig.json"_s)).isFile()) {
        guess->notes.append(u"no \"build\" script: nothing is compiled before the server starts"_s);
    }
    if (QFileInfo(dir.filePath(u"tsconfig.json"_s)).isFile() && hasBuild) {
        guess->evidence.append(u"tsconfig.json"_s);
        guess->buildOutputDir = typeScriptOutDir(readSmallFile(dir, u"tsconfig.json"_s));
        guess->notes.append(u"the compiler writes to "_s + guess->buildOutputDir
            + u"/ (tsconfig.json's outDir), which is not watched: a build must not trigger another reload"_s);
    }
}

// The first [project.scripts] entry of a pyproject.toml, read as text (QtCore has no TOML).
QString pyprojectScript(const QByteArray& pyproject)
{
    bool inScripts = false;
    static const QRegularExpression section(u"^\\s*\\[([^\\]]+)\\]"_s);
    static const QRegularExpression entry(u"^\\s*\"?([A-Za-z0-9_.-]+)\"?\\s*="_s);
    const QStringList lines = QString::fromUtf8(pyproject).split(u'\n');
    for (const QString& line : lines) {
        const QRegularExpressionMatch header = section.match(line);
        if (header.hasMatch()) {
            inScripts = header.captured(1).trimmed() == u"project.scripts";
            continue;
        }
        if (inScripts) {
            const QRegularExpressionMatch name = entry.match(line);
            if (name.hasMatch())
                return name.captured(1);
        }
    }
    return {};
}

void detectPython(const QDir& dir, const QStringList& markers, ProjectGuess* guess)
{
    guess->kind = ProjectGuess::Kind::Python;
    guess->evidence = markers;
    guess->env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s); // log lines reach the server log as they happen
    guess->notes.append(markers.join(u", "_s) + u": a Python project"_s);
    guess->notes.append(u"PYTHONUNBUFFERED=1: the server's log lines reach FoxReload as they are written"_s);

    QString entryFile;
    for (const auto& file : { u"main.py"_s, u"server.py"_s, u"app.py"_s, u"__main__.py"_s }) {
        if (QFileInfo(dir.filePath(file)).isFile()) {
            entryFile = file;
            break;
        }
    }
    const QString script = entryFile.isEmpty() && markers.contains(u"pyproject.toml"_s)
        ? pyprojectScript(readSmallFile(dir, u"pyproject.toml"_s))
        : QString();

    QString venvPython;
    for (const auto& candidate : { u".venv/bin/python"_s, u"venv/bin/python"_s, u".venv/Scripts/python.exe"_s,
             u"venv/Scripts/python.exe"_s }) {
        if (QFileInfo::exists(dir.filePath(candidate))) {
            venvPython = candidate;
            break;
        }
    }
    if (QFileInfo(dir.filePath(u"venv"_s)).isDir())
        guess->extraExcludes.append(u"venv/**"_s); // not hidden, so the defaults do not cover it
    if (!entryFile.isEmpty())
        guess->notes.append(u"the server is "_s + entryFile);
    else if (!script.isEmpty())
        guess->notes.append(
            u"the server is "_s + script + u", the first entry of pyproject.toml's [project.scripts]"_s);
    else
        guess->problem
            = u"there is no main.py, server.py, app.py or __main__.py, and no [project.scripts] entry "
              u"in pyproject.toml"_s;

    if (QFileInfo(dir.filePath(u"uv.lock"_s)).isFile()) {
        // uv picks (and syncs) the project's environment itself.
        guess->evidence.append(u"uv.lock"_s);
        guess->notes.append(u"uv.lock: `uv run` starts it in the project's environment, synced first"_s);
        if (!entryFile.isEmpty() || !script.isEmpty()) {
            guess->command = u"uv"_s;
            guess->args = { u"run"_s, entryFile.isEmpty() ? script : entryFile };
        }
        return;
    }
    if (!venvPython.isEmpty()) {
        guess->evidence.append(venvPython);
        guess->notes.append(venvPython + u": the project's virtual environment runs it"_s);
    }
    if (!entryFile.isEmpty()) {
        guess->command = venvPython.isEmpty() ? u"python3"_s : venvPython;
        guess->args = { entryFile };
    } else if (!script.isEmpty()) {
        // An installed console script: in the venv when there is one, else on PATH.
        guess->command = venvPython.isEmpty() ? script : QFileInfo(venvPython).path() + u'/' + script;
    }
}

} // namespace

ProjectGuess ProjectDetector::detect(const QString& folder)
{
    const QDir dir(folder);
    ProjectGuess guess;
    guess.watchPaths = { u"."_s };
    if (QFileInfo(dir.filePath(u"package.json"_s)).isFile()) {
        detectNode(dir, &guess);
    } else {
        QStringList markers;
        for (const auto& file :
            { u"pyproject.toml"_s, u"requirements.txt"_s, u"setup.py"_s, u"main.py"_s, u"server.py"_s }) {
            if (QFileInfo(dir.filePath(file)).isFile())
                markers.append(file);
        }
        if (!markers.isEmpty())
            detectPython(dir, markers, &guess);
        else
            guess.problem = u"none of package.json, pyproject.toml, requirements.txt, setup.py, main.py or "
                            u"server.py is there"_s;
    }
    if (!guess.buildOutputDir.isEmpty()) {
        const QString pattern = guess.buildOutputDir + u"/**"_s;
        // dist/ and build/ are excluded everywhere by default; anything else needs its own line.
        if (!Config::defaultExcludes().contains(u"**/"_s + pattern))
            guess.extraExcludes.append(pattern);
    }
    if (!guess.command.isEmpty())
        guess.problem.clear();
    qCDebug(lcConfig) << "detected" << int(guess.kind) << guess.command << guess.args << "in" << folder;
    return guess;
}

Config ProjectDetector::configFor(const QString& folder)
{
    return configFor(folder, detect(folder));
}

Config ProjectDetector::configFor(const QString& folder, const ProjectGuess& guess)
{
    Config config = Config::defaults(folder);
    config.server.command = guess.command;
    config.server.args = guess.args;
    config.server.env = guess.env;
    if (!guess.buildCommand.isEmpty()) {
        config.server.build.command = guess.buildCommand.constFirst();
        config.server.build.args = guess.buildCommand.mid(1);
    }
    config.watch.paths.clear();
    for (const auto& path : guess.watchPaths)
        config.watch.paths.append(QDir::cleanPath(QDir(config.projectRoot).absoluteFilePath(path)));
    for (const auto& pattern : guess.extraExcludes) {
        if (!config.watch.exclude.contains(pattern))
            config.watch.exclude.append(pattern);
    }
    return config;
}

} // namespace foxreload
