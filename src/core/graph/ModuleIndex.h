#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace foxreload {

// The module files FoxReload knows, and the directories that hold them: what imports are
// resolved against, so that resolving never touches the disk.
class ModuleIndex
{
public:
    bool hasFile(const QString& path) const { return m_files.contains(path); }
    bool hasDirectory(const QString& path) const { return m_directories.contains(path); }
    const QSet<QString>& files() const { return m_files; }

    // False when it was already known (or, for remove, unknown).
    bool add(const QString& path);
    bool remove(const QString& path);

private:
    QSet<QString> m_files;
    QHash<QString, int> m_directories; // how many known files lie below each directory
};

} // namespace foxreload
