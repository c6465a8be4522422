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
        return;
    }
    const QJsonObject package = document.object();
    const QJsonObject scripts = package.value(u"scripts"_s).toObject();
    const QString entry = nodeEntry(package);
    const bool hasStart = scripts.value(u"start"_s).isString();
    // A bin/main that is not built yet cannot run, but the start script may build it first.
    if (!entry.isEmpty() && (QFileInfo::exists(dir.filePath(entry)) || !hasStart)) {
        guess->command = u"node"_s;
        guess->args = { entry };
    } else if (hasStart) {
        guess->command = u"npm"_s;
        guess->args = { u"--silent"_s, u"start"_s };
    } else {
        for (const auto& file : { u"index.js"_s, u"server.js"_s, u"index.mjs"_s, u"server.mjs"_s }) {
            if (QFileInfo(dir.filePath(file)).isFile()) {
                guess->command = u"node"_s;
                guess->args = { file };
                break;
            }
        }
    }
    if (QFileInfo(dir.filePath(u"tsconfig.json"_s)).isFile() && scripts.value(u"build"_s).isString()) {
        guess->evidence.append(u"tsconfig.json"_s);
        guess->buildOutputDir = typeScriptOutDir(readSmallFile(dir, u"tsconfig.json"_s));
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

    if (QFileInfo(dir.filePath(u"uv.lock"_s)).isFile()) {
        // uv picks (and syncs) the project's environment itself.
        guess->evidence.append(u"uv.lock"_s);
        if (!entryFile.isEmpty() || !script.isEmpty()) {
            guess->command = u"uv"_s;
            guess->args = { u"run"_s, entryFile.isEmpty() ? script : entryFile };
        }
        return;
    }
    if (!venvPython.isEmpty())
        guess->evidence.append(venvPython);
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
    }
    if (!guess.buildOutputDir.isEmpty()) {
        const QString pattern = guess.buildOutputDir + u"/**"_s;
        // dist/ and build/ are excluded everywhere by default; anything else needs its own line.
        if (!Config::defaultExcludes().contains(u"**/"_s + pattern))
            guess.extraExcludes.append(pattern);
    }
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
