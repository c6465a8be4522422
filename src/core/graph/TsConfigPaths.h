#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace foxreload {

// What tsconfig.json (or jsconfig.json) says about bare specifiers: compilerOptions.baseUrl and
// compilerOptions.paths, followed through relative `extends`. Paths are absolute.
struct TsConfigPaths
{
    QString baseUrl; // empty: bare specifiers are packages unless `paths` names them
    QString pathsBase; // what `paths` targets are relative to: baseUrl, else the defining file's folder
    QList<std::pair<QString, QStringList>> paths; // pattern ("@/*") → targets ("src/*")
    QStringList files; // the config files read (a change to one re-reads them)

    bool isEmpty() const { return baseUrl.isEmpty() && paths.isEmpty(); }

    // Reads tsconfig.json, else jsconfig.json, in projectRoot. A file that does not parse is
    // reported in *error and contributes nothing.
    static TsConfigPaths load(const QString& projectRoot, QString* error = nullptr);
};

// JSON with comments and trailing commas (tsconfig's dialect) made into plain JSON.
QByteArray jsoncToJson(const QByteArray& jsonc);

} // namespace foxreload
