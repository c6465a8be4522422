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
class Glob
{
public:
    // Returns nullopt and fills *error for a malformed pattern.
    static std::optional<Glob> compile(QStringView pattern, QString* error = nullptr);

    QString pattern() const;
    bool matches(QStringView relativePath) const;
    // True when every path inside the directory matches, so the walker may prune
    // it: "**/__pycache__/**" excludes "a/__pycache__", and so does "build/".
    bool matchesWholeDirectory(QStringView relativeDirPath) const;

private:
    struct Compiled;
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace foxreload
