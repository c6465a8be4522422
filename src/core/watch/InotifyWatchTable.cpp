#include "InotifyWatchTable.h"

#include <QSet>

namespace foxreload {

void appendName(QString& path, QByteArrayView name)
{
    for (const char c : name) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            path += QString::fromUtf8(name);
            return;
        }
    }
    path.append(QLatin1StringView(name.data(), name.size()));
}

QString childPath(const QString& directory, std::string_view name)
{
    QString path;
    path.reserve(directory.size() + 1 + qsizetype(name.size()));
    path += directory;
    if (!path.endsWith(u'/'))
        path += u'/';
    appendName(path, QByteArrayView(name.data(), qsizetype(name.size())));
    return path;
}

WatchedDirectory* InotifyWatchTable::find(int wd)
{
    const auto it = m_dirs.find(wd);
    return it == m_dirs.end() ? nullptr : &it->second;
}

const WatchedDirectory* InotifyWatchTable::find(int wd) const
{
    const auto it = m_dirs.find(wd);
    return it == m_dirs.end() ? nullptr : &it->second;
}

WatchedDirectory& InotifyWatchTable::insert(int wd, const QString& path, int target)
{
    WatchedDirectory& dir = m_dirs[wd];
    dir.path = path;
    dir.target = target;
    m_wdByPath.insert(path, wd);
    return dir;
}

void InotifyWatchTable::erase(int wd)
{
    const auto it = m_dirs.find(wd);
    if (it == m_dirs.end())
        return;
    if (m_wdByPath.value(it->second.path) == wd)
        m_wdByPath.remove(it->second.path);
    it->second.entries.clear(m_names);
    m_dirs.erase(it);
}

void InotifyWatchTable::setPath(int wd, const QString& path)
{
    WatchedDirectory* dir = find(wd);
    if (!dir)
        return;
    if (m_wdByPath.value(dir->path) == wd)
        m_wdByPath.remove(dir->path);
    m_wdByPath.insert(path, wd);
    dir->path = path;
}

QList<int> InotifyWatchTable::subtree(const QString& path) const
{
    QList<int> result;
    const int top = wdOf(path);
    if (top < 0)
        return result;
    result.append(top);
    QSet<int> seen { top }; // (a root's subtree may hold every watch: no quadratic contains())
    for (qsizetype i = 0; i < result.size(); ++i) {
        const WatchedDirectory* dir = find(result.at(i));
        if (!dir)
            continue;
        dir->entries.forEach(m_names, [&](std::string_view name, bool isDirectory) {
            if (!isDirectory)
                return;
            const int wd = wdOf(childPath(dir->path, name));
            if (wd >= 0 && !seen.contains(wd)) {
                seen.insert(wd);
                result.append(wd);
            }
        });
    }
    return result;
}

void InotifyWatchTable::clear()
{
    m_dirs.clear();
    m_wdByPath.clear();
    m_names.clear();
}

} // namespace foxreload
