#include "ConfigArgument.h"

#include "config/ConfigLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

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

QString shellCommandLine(const QString& command, const QStringList& args)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    QStringList words;
    for (const QString& word : QStringList { command } + args) {
        if (plain.match(word).hasMatch())
            words.append(word);
        else
            words.append(u'\'' + QString(word).replace(u"'"_s, u"'\\''"_s) + u'\'');
    }
    return words.join(u' ');
}

} // namespace foxreload::cli
