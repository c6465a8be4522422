#pragma once

#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace foxreload {

// A compiled glob matched against '/'-separated paths relative to an anchor:
//   *  any run of characters except '/'      ?      one character except '/'
//   ** any number of whole path segments     [a-z]  [!a-z]  a character class
//   {a,b,c} alternatives (may nest, may contain globs)
// A pattern without a '/' other than a trailing one is still anchored: "main.py"
// names the top-level main.py only. A trailing '/' ("build/") matches a directory
// and everything below it.
//
// Details the list above leaves open:
// - "**" as a whole segment matches zero or more segments, so "**/*.pyc" matches
//   "a.pyc", "tools/**/*.py" matches "tools/a.py", and "a/**" matches "a" itself.
//   Stars inside a segment ("a**b") are plain stars.
// - '*' and '?' match a leading dot too ("*" matches ".env"), as in .gitignore.
// - [!a-z] and [^a-z] both negate; ']' right after '[' or '[!' is a member;
//   '\' escapes the next character everywhere, inside classes and braces too.
// - Matching is case-sensitive and counts characters, not UTF-16 units.
// - A leading "/" or "./" is accepted and ignored (patterns are anchored anyway);
//   repeated '/' count as one. ".." is an error.
// - An empty path (the anchor itself) never matches.
class Glob
{
public:
    // Returns nullopt and fills *error for a malformed pattern, e.g.
    // `unclosed bracket '[' at column 3`.
    static std::optional<Glob> compile(QStringView pattern, QString* error = nullptr);

    QString pattern() const;

    // The path itself matches. isDirectory only matters for patterns with a
    // trailing '/', which name directories (and everything below them).
    bool matches(QStringView relativePath, bool isDirectory = false) const;

    // The path matches, or one of its parent directories does: what excluding
    // (or applying a rule to) a directory means for the files inside it.
    // "**/.*" covers ".git/config"; "build" covers "build/x.o".
    bool covers(QStringView relativePath, bool isDirectory) const;

    // True when every path inside the directory is covered, so the walker may prune
    // it: "**/__pycache__/**" excludes "a/__pycache__", and so does "build/";
    // "**/.*" prunes ".git" because it names the directory itself.
    bool matchesWholeDirectory(QStringView relativeDirPath) const;

    // Matching split at a directory, for a walker that asks about every entry of it:
    // the directory's own path is consumed once (start(), then advance() per segment),
    // and each entry is then decided from its name alone, with exactly the answer of
    // covers() / matchesWholeDirectory() on the entry's whole path.
    // One Position per brace alternative (alternativeCount()).
    struct Position
    {
        quint64 states = 0; // the NFA's live pattern positions
        bool acceptSeen = false; // a parent directory matched the whole pattern
        bool universalSeen = false; // a parent reached a "matches all below" position
        bool isDead() const { return !states && !acceptSeen && !universalSeen; }
    };
    qsizetype alternativeCount() const;
    void start(Position* positions) const;
    void advance(Position* positions, QStringView directoryName) const;
    // Every entry of the directory is covered (and pruned, when a directory).
    bool coversEverythingAt(const Position* positions) const;
    bool coversEntry(const Position* positions, QStringView name, bool isDirectory) const;
    bool matchesWholeDirectoryEntry(const Position* positions, QStringView name) const;

private:
    struct Compiled;
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace foxreload
