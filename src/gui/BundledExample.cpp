#include "BundledExample.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

bool isExample(const QString& dir)
{
    return QFileInfo::exists(dir + u"/.foxreload.yaml"_s) && QFileInfo::exists(dir + u"/main.py"_s);
}

QString sourceDirOfBuildTree(const QString& buildDir)
{
    QFile cache(buildDir + u"/CMakeCache.txt"_s);
    if (!cache.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    while (!cache.atEnd()) {
        const QByteArray line = cache.readLine().trimmed();
        if (line.startsWith("CMAKE_HOME_DIRECTORY:"))
            return QString::fromUtf8(line.mid(line.indexOf('=') + 1));
    }
    return {};
}

bool copyTree(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(
        from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (path.contains(u"/__pycache__"_s))
            continue;
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (info.isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(path, target)) {
            return false;
        } else {
            QFile(target).setPermissions(
                QFile::permissions(target) | QFileDevice::WriteOwner | QFileDevice::ReadOwner);
        }
    }
    return true;
}

} // namespace

QString BundledExample::locate(const QString& applicationDir)
{
    const QString relative = u"examples/"_s + kName.toString();
    // A build tree: the executable sits a level or two below the build directory.
    QDir dir(applicationDir);
    for (int level = 0; level < 4; ++level) {
        if (isExample(dir.filePath(relative)))
            return QDir::cleanPath(dir.filePath(relative));
        if (const QString source = sourceDirOfBuildTree(dir.path()); !source.isEmpty()) {
            const QString candidate = QDir(source).filePath(relative);
            if (isExample(candidate))
                return QDir::cleanPath(candidate);
        }
        if (!dir.cdUp())
            break;
    }
    // An installation: <prefix>/bin/foxreload and <prefix>/share/foxreload/examples.
    const QString installed = QDir::cleanPath(applicationDir + u"/../share/foxreload/"_s + relative);
    if (isExample(installed))
        return installed;
    const QString located = QStandardPaths::locate(
        QStandardPaths::GenericDataLocation, u"foxreload/"_s + relative, QStandardPaths::LocateDirectory);
    return !located.isEmpty() && isExample(located) ? located : QString();
}

QString BundledExample::prepare(const QString& source, QString* copiedTo, QString* errorMessage)
{
    const QFileInfo info(source);
    if (info.isDir() && info.isWritable() && QFileInfo(source + u"/.foxreload.yaml"_s).isWritable())
        return source;
    const QString copy = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/examples/"_s
        + kName.toString();
    if (!isExample(copy)) {
        if (!copyTree(source, copy)) {
            if (errorMessage)
                *errorMessage
                    = QCoreApplication::translate("foxreload::gui::BundledExample", "Cannot copy %1 to %2.")
                          .arg(QDir::toNativeSeparators(source), QDir::toNativeSeparators(copy));
            return {};
        }
    }
    if (copiedTo)
        *copiedTo = copy;
    return copy;
}

} // namespace foxreload::gui
