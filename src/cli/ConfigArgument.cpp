#include "ConfigArgument.h"

#include "config/ConfigLoader.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

QString locateConfigFile(const QString& argument, QString* error)
{
    const QFileInfo given(argument.isEmpty() ? QDir::currentPath() : argument);
    const QString absolute = QDir::cleanPath(given.absoluteFilePath());
    if (given.isDir()) {
        const QString found = ConfigLoader::findConfigFile(absolute);
        if (found.isEmpty())
            *error
                = u"no "_s + ConfigLoader::fileName + u" in "_s + absolute + u" or any directory above it"_s;
        return found;
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
