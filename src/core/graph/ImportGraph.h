#pragma once

#include "ImportScanner.h"
#include "common/FileEvent.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>

namespace foxreload {

// Which of the project's own modules import which, in both directions, kept up to date as
// files change: an update re-reads only the files that changed; a file created or removed
// re-resolves the imports (already read) that mention its name, a tsconfig edit all of them.
// Paths are absolute and clean. Cycles are allowed; nothing here walks them.
//
// A file that cannot be parsed keeps the edges it had (at the first build: the imports read
// before the problem) and yields one warning until it parses again.
class ImportGraph
{
public:
    explicit ImportGraph(const QString& projectRoot);
    ~ImportGraph();
    ImportGraph(ImportGraph&&) noexcept;
    ImportGraph& operator=(ImportGraph&&) noexcept;

    // Python and JavaScript/TypeScript sources, by name.
    static bool isModulePath(QStringView path);

    // Forgets everything, then reads each module among files (other files are ignored).
    void build(const QStringList& files);

    struct UpdateStats
    {
        int reread = 0; // files read and scanned again
        int added = 0;
        int removed = 0;
        // Modules whose imports were resolved again without being read: those that mention the name of
        // a file that came or went (or every module, after a tsconfig edit).
        int reresolved = 0;
    };
    UpdateStats update(const QList<FileEvent>& events);

    bool contains(const QString& file) const;
    // Direct importers of a file. For a file the last update removed: who imported it then.
    QStringList importersOf(const QString& file) const;
    QStringList importsOf(const QString& file) const;
    qsizetype moduleCount() const;
    qsizetype edgeCount() const;

    // "line N: what" when the file's last read did not parse; empty otherwise.
    QString parseError(const QString& file) const;
    // Warnings not taken yet: one per file that stopped parsing, and a tsconfig that does not.
    QStringList takeWarnings();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload
