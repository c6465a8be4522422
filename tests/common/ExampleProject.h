#pragma once

#include "config/Config.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <csignal>

// Test helpers: a private copy of an example server in a temporary directory,
// so that tests edit real files without touching the repository.
namespace foxreload::test {

inline QString sourceDir()
{
    return QStringLiteral(FOXRELOAD_SOURCE_DIR);
}

inline bool copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    QDirIterator it(
        from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1StringView("__pycache__")))
            continue;
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

inline bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(content);
    return file.commit();
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray {};
}

inline bool appendToFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    if (!file.open(QIODevice::Append))
        return false;
    return file.write(content) == content.size();
}

// A process exists (and is not a zombie).
inline bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

// A copy of examples/reynard-server with a config for it.
class ExampleProject
{
public:
    explicit ExampleProject(const QString& example = QStringLiteral("reynard-server"))
    {
        m_ok = m_dir.isValid() && copyTree(sourceDir() + QStringLiteral("/examples/") + example, root());
    }
    bool isValid() const { return m_ok; }
    QString root() const { return m_dir.path() + QStringLiteral("/project"); }
    QString path(const QString& relative) const { return root() + u'/' + relative; }

    Config config() const
    {
        Config config = Config::defaults(root());
        config.server.command = QStringLiteral("python3");
        config.server.args = { QStringLiteral("main.py") };
        config.server.cwd = root();
        config.server.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        config.server.env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        config.server.shutdownGraceMs = 1000;
        config.server.readyTimeoutMs = 15000;
        config.watch.maxReloadsPerMinute = 1000;
        return config;
    }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

} // namespace foxreload::test
