#include "Autostart.h"

#include "GuiLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr QByteArrayView kDigestKey = "X-FoxReload-Digest=";

QByteArray digestOf(QByteArrayView body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32);
}

// Desktop Entry spec, "The Exec key": reserved characters put an argument in double quotes,
// inside which " ` $ \ are backslash-escaped; the value as a whole escapes \ once more, and
// a literal % is %%.
QString quoteExecArgument(const QString& argument)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QString text = argument;
    text.replace(u'%', u"%%"_s);
    const bool needsQuotes
        = std::any_of(text.cbegin(), text.cend(), [](QChar c) { return reserved.contains(c); });
    if (!needsQuotes)
        return text;
    QString quoted;
    for (const QChar c : std::as_const(text)) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted.replace(u'\\', u"\\\\"_s);
    return u'"' + quoted + u'"';
}

bool entryIsHidden(const QByteArray& contents)
{
    for (const QByteArray& rawLine : contents.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return true;
    }
    return false;
}

QString freeBackupPath(const QString& path)
{
    QString candidate = path + u".bak"_s;
    for (int i = 1; QFileInfo::exists(candidate); ++i)
        candidate = path + u".bak."_s + QString::number(i);
    return candidate;
}

} // namespace

QString Autostart::entryPath()
{
    // GenericConfigLocation is $XDG_CONFIG_HOME, or ~/.config when it is unset.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + u"/autostart/io.github.foxreload.FoxReload.desktop"_s;
}

QString Autostart::execLine(const QString& executable)
{
    const QString canonical = QFileInfo(executable).canonicalFilePath();
    const QString onPath = QStandardPaths::findExecutable(u"foxreload"_s);
    const bool pathFindsIt = !onPath.isEmpty() && QFileInfo(onPath).canonicalFilePath() == canonical;
    const QString program
        = pathFindsIt ? u"foxreload"_s : quoteExecArgument(QFileInfo(executable).absoluteFilePath());
    return program + u" --minimized"_s;
}

QByteArray Autostart::entryContents(const QString& executable)
{
    const QByteArray body = "[Desktop Entry]\n"
                            "Type=Application\n"
                            "Name=FoxReload\n"
                            "Comment=Starts FoxReload in the tray at login\n"
                            "Exec="
        + execLine(executable).toUtf8()
        + "\n"
          "Icon=foxreload\n"
          "Terminal=false\n"
          "X-GNOME-Autostart-enabled=true\n";
    return body + kDigestKey.toByteArray() + digestOf(body) + '\n';
}

bool Autostart::isOwnEntry(const QByteArray& contents)
{
    const QByteArray marker = QByteArray("\n") + kDigestKey.toByteArray();
    const qsizetype at = contents.lastIndexOf(marker);
    if (at < 0)
        return false;
    const QByteArrayView body = QByteArrayView(contents).first(at + 1);
    const QByteArray rest = contents.mid(at + 1 + kDigestKey.size());
    return rest == digestOf(body) + '\n';
}

Autostart::State Autostart::state()
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return State::Off;
    const QByteArray contents = file.readAll();
    if (isOwnEntry(contents))
        return State::On;
    return entryIsHidden(contents) ? State::Off : State::UserEntry;
}

Autostart::Result Autostart::setEnabled(bool enabled, const QString& executable)
{
    Result result;
    const QString path = entryPath();
    QFile existing(path);
    if (existing.exists()) {
        QByteArray contents;
        if (existing.open(QIODevice::ReadOnly))
            contents = existing.readAll();
        existing.close();
        if (!isOwnEntry(contents)) {
            // The user's own entry: kept, under a name that does not start anything at login.
            const QString backup = freeBackupPath(path);
            if (!QFile::rename(path, backup)) {
                result.ok = false;
                result.error = u"cannot move %1 aside: %2"_s.arg(
                    QDir::toNativeSeparators(path), existing.errorString());
                return result;
            }
            result.backupPath = backup;
            qCInfo(lcGui) << "kept the user's own autostart entry as" << backup;
        } else if (!enabled && !QFile::remove(path)) {
            result.ok = false;
            result.error = u"cannot remove %1"_s.arg(QDir::toNativeSeparators(path));
            return result;
        }
    }
    if (!enabled)
        return result;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        result.ok = false;
        result.error = u"cannot create %1"_s.arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return result;
    }
    const QByteArray contents = entryContents(executable);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit()) {
        result.ok = false;
        result.error = u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return result;
}

} // namespace foxreload::gui
