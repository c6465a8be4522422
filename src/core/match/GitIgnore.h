#pragma once

#include "Glob.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>

namespace foxreload {

// The patterns of one ignore file (.gitignore, .git/info/exclude), with git's
// reading of them: '#' comments, '!' negation, a trailing '/' for directories
// only, a pattern with a '/' at its start or middle is anchored at the file's
// directory, one without matches at any depth, "**" as git defines it (a
// trailing "/**" matches inside only), no brace expansion, '\' escapes.
class GitIgnoreFile
{
public:
    // sourceName prefixes warnings ("tools/.gitignore:3: unclosed bracket ...").
    static GitIgnoreFile parse(QStringView text, const QString& sourceName, QStringList* warnings = nullptr);

    bool isEmpty() const { return m_patterns.isEmpty(); }
    qsizetype size() const { return m_patterns.size(); }

    // The last pattern that matches decides: true = ignored, false = re-included by
    // a negation, nullopt = no pattern of this file says anything.
    // relativePath is relative to the directory holding the file.
    std::optional<bool> decide(QStringView relativePath, bool isDirectory) const;

private:
    struct Pattern
    {
        Glob glob;
        bool negated = false;
        bool directoryOnly = false;
    };
    QList<Pattern> m_patterns;
};

// Everything git would ignore below `root`: the .gitignore files from the
// repository's top down to the path (deeper files win, the last matching line
// of a file wins), then .git/info/exclude. A path inside an ignored directory
// is ignored whatever a deeper negation says, as in git. The .git directory
// itself is always ignored. Without a repository around the root, the
// .gitignore files inside the root still apply.
// Thread-safe: the lazily read files and per-directory answers sit behind a mutex.
class GitIgnore
{
public:
    explicit GitIgnore(const QString& root);

    QString root() const { return m_root; }
    QString repositoryTop() const { return m_top; }

    // absolutePath must be clean and strictly below root.
    bool isIgnored(QStringView absolutePath, bool isDirectory) const;

    // Forget what was read, so that edited ignore files take effect.
    void reload() const;

private:
    using FilePtr = std::shared_ptr<const GitIgnoreFile>;

    bool decideLocked(QStringView topRelativePath, bool isDirectory) const;
    FilePtr fileForDirectoryLocked(QStringView topRelativeDir) const;
    FilePtr readFile(const QString& absolutePath, const QString& sourceName) const;

    QString m_root;
    QString m_top; // the repository's work tree, or root when there is none
    QString m_gitDir; // empty when there is no repository
    qsizetype m_topPrefixLength = 0; // top plus the '/' after it
    qsizetype m_rootOffset = 0; // length of root relative to top, 0 when equal

    mutable QMutex m_mutex;
    mutable QHash<QString, FilePtr> m_files; // key: directory relative to top ("" = top)
    mutable QHash<QString, bool> m_directoryIgnored; // key: directory relative to top
    mutable FilePtr m_infoExclude;
    mutable bool m_infoExcludeRead = false;
};

} // namespace foxreload
