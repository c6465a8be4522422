#include "ConfigArgument.h"

#include "config/ConfigLoader.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

// Why a path named like a config file is not one, or empty when it is a file (or absent).
QString notAFileReason(const QFileInfo& info)
{
    if (info.isSymLink() && !info.exists())
        return u"a symbolic link that leads nowhere: a loop, or a missing target"_s;
    if (info.isDir())
        return u"a directory, not a file"_s;
    if (info.exists() && !info.isFile())
        return u"not a regular file"_s;
    return {};
}

} // namespace

QString locateConfigFile(const QString& argument, QString* error)
{
    const QFileInfo given(argument.isEmpty() ? QDir::currentPath() : argument);
    const QString absolute = QDir::cleanPath(given.absoluteFilePath());
    if (given.isDir() && given.fileName() != ConfigLoader::fileName) {
        const QString found = ConfigLoader::findConfigFile(absolute);
        if (found.isEmpty()) {
            *error
                = u"no "_s + ConfigLoader::fileName + u" in "_s + absolute + u" or any directory above it"_s;
            // The search passes over a .foxreload.yaml that is not a file: say why it did.
            const QFileInfo here(QDir(absolute).filePath(ConfigLoader::fileName.toString()));
            if (const QString reason = notAFileReason(here); !reason.isEmpty())
                *error += u" ("_s + here.filePath() + u" is "_s + reason + u')';
        }
        return found;
    }
    if (const QString reason = notAFileReason(given); !reason.isEmpty()) {
        *error = argument + u": is "_s + reason;
        return {};
    }
    if (!given.exists()) {
        *error = argument + u": no such file or directory"_s;
        return {};
    }
    return absolute;
}

QString displayPath(const QString& absolutePath)
{
    const QString cwd = QDir::cleanPath(QDir::currentPath());
    if (absolutePath.startsWith(cwd + u'/'))
        return QDir(cwd).relativeFilePath(absolutePath);
    return absolutePath;
}

} // namespace foxreload::cli
