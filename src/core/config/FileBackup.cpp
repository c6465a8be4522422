#include "FileBackup.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace foxreload {

QString backUpFile(const QString& path, QString* error)
{
    const QString base = path + u".bak"_s;
    QString candidate = base;
    for (int n = 1; QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink(); ++n)
        candidate = base + u'.' + QString::number(n);
    QFile source(path);
    if (!source.copy(candidate)) {
        *error = u"cannot back up "_s + path + u" to "_s + candidate + u": "_s + source.errorString();
        return {};
    }
    return candidate;
}

bool replaceFileContents(const QString& path, const QByteArray& contents, QString* error)
{
    const QFileInfo info(path);
    // A dotfile manager's link must stay a link: its target gets the new contents.
    const QString target = info.isSymLink() && info.exists() ? info.canonicalFilePath() : path;
    const QFileDevice::Permissions permissions
        = QFileInfo::exists(target) ? QFile::permissions(target) : QFileDevice::Permissions();
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write "_s + target + u": "_s + file.errorString();
        return false;
    }
    if (file.write(contents) != contents.size() || !file.commit()) {
        *error = u"cannot write "_s + target + u": "_s + file.errorString();
        return false;
    }
    if (permissions && QFile::permissions(target) != permissions)
        QFile::setPermissions(target, permissions);
    return true;
}

} // namespace foxreload
