#include "TsConfigPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace foxreload {

QByteArray jsoncToJson(const QByteArray& jsonc)
{
    QByteArray out;
    out.reserve(jsonc.size());
    const qsizetype size = jsonc.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = jsonc[i];
        if (c == '"') {
            const qsizetype from = i++;
            while (i < size && jsonc[i] != '"')
                i += jsonc[i] == '\\' ? 2 : 1;
            out += jsonc.mid(from, i - from + 1);
        } else if (c == '/' && i + 1 < size && jsonc[i + 1] == '/') {
            while (i + 1 < size && jsonc[i + 1] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < size && jsonc[i + 1] == '*') {
            const qsizetype end = jsonc.indexOf("*/", i + 2);
            i = end < 0 ? size : end + 1;
        } else if (c == ',') {
            // A comma before a closing bracket (comments and spaces between) is dropped.
            qsizetype j = i + 1;
            while (j < size) {
                if (QChar::isSpace(uchar(jsonc[j]))) {
                    ++j;
                } else if (jsonc[j] == '/' && j + 1 < size && jsonc[j + 1] == '/') {
                    while (j < size && jsonc[j] != '\n')
                        ++j;
                } else if (jsonc[j] == '/' && j + 1 < size && jsonc[j + 1] == '*') {
                    const qsizetype end = jsonc.indexOf("*/", j + 2);
                    j = end < 0 ? size : end + 2;
                } else {
                    break;
                }
            }
            if (j >= size || (jsonc[j] != '}' && jsonc[j] != ']'))
                out += c;
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

// Fills what `into` does not have yet from one config file, then from the one it extends.
void readConfig(const QString& file, TsConfigPaths& into, QString* error, int depth)
{
    QFile source(file);
    if (depth > 8 || !source.open(QIODevice::ReadOnly))
        return;
    into.files.append(file);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(jsoncToJson(source.readAll()), &parseError);
    if (!document.isObject()) {
        if (error && error->isEmpty())
            *error = QDir::toNativeSeparators(file) + u": "_s + parseError.errorString();
        return;
    }
    const QString folder = QFileInfo(file).absolutePath();
    const QJsonObject options = document[u"compilerOptions"_s].toObject();
    const bool hadBaseUrl = !into.baseUrl.isEmpty();
    if (!hadBaseUrl && options.contains(u"baseUrl"_s))
        into.baseUrl = QDir::cleanPath(QDir(folder).filePath(options[u"baseUrl"_s].toString()));
    if (into.paths.isEmpty() && options.contains(u"paths"_s)) {
        const QJsonObject paths = options[u"paths"_s].toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            QStringList targets;
            for (const QJsonValue& target : it.value().toArray())
                targets.append(target.toString());
            into.paths.append({ it.key(), targets });
        }
        into.pathsBase = folder; // baseUrl, when there is one, wins below
    }
    const QString extends = document[u"extends"_s].toString();
    if (extends.startsWith(u'.')) {
        QString base = QDir::cleanPath(QDir(folder).filePath(extends));
        if (!base.endsWith(u".json"_s) && !QFileInfo::exists(base))
            base += u".json"_s;
        readConfig(base, into, error, depth + 1);
    }
}

} // namespace

TsConfigPaths TsConfigPaths::load(const QString& projectRoot, QString* error)
{
    TsConfigPaths config;
    const QDir root(projectRoot);
    for (const auto name : { u"tsconfig.json", u"jsconfig.json" }) {
        const QString path = root.filePath(QString::fromUtf16(name));
        if (QFileInfo::exists(path)) {
            readConfig(QDir::cleanPath(path), config, error, 0);
            break;
        }
    }
    if (!config.baseUrl.isEmpty())
        config.pathsBase = config.baseUrl;
    return config;
}

} // namespace foxreload
