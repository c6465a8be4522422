#include "ModuleIndex.h"

namespace foxreload {

namespace {

template<typename Visit>
void forEachParent(const QString& path, Visit visit)
{
    qsizetype slash = path.lastIndexOf(u'/');
    while (slash > 0) {
        visit(path.first(slash));
        slash = path.lastIndexOf(u'/', slash - 1);
    }
}

} // namespace

bool ModuleIndex::add(const QString& path)
{
    if (m_files.contains(path))
        return false;
    m_files.insert(path);
    forEachParent(path, [this](const QString& directory) { ++m_directories[directory]; });
    return true;
}

bool ModuleIndex::remove(const QString& path)
{
    if (!m_files.remove(path))
        return false;
    forEachParent(path, [this](const QString& directory) {
        auto it = m_directories.find(directory);
        if (it != m_directories.end() && --it.value() == 0)
            m_directories.erase(it);
    });
    return true;
}

} // namespace foxreload
