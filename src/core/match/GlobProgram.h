#pragma once

// The compiled form of a Glob, shared by its compiler (GlobCompiler) and its matcher
// (GlobMatcher); not part of Glob's interface.

#include <QChar>
#include <QString>
#include <QStringView>

#include <vector>

namespace foxreload::glob {

// Brace expansion multiplies; a pattern that explodes is a mistake, not a need.
constexpr qsizetype kMaxAlternatives = 256;
// Matching runs an NFA over path segments with one bit per pattern position
// (plus the accepting one) in a 64-bit word.
constexpr qsizetype kMaxSegments = 63;

struct CharRange
{
    char32_t first;
    char32_t last;
};

struct Token
{
    enum class Kind : quint8 { Literal, AnyChar, Star, Class };
    Kind kind = Kind::Literal;
    QString literal; // Literal: unescaped text
    bool negated = false; // Class
    std::vector<CharRange> ranges; // Class
};

struct Segment
{
    enum class Kind : quint8 {
        Globstar, // "**": zero or more whole segments
        Literal, // no wildcard: compared as a string
        AnyName, // "*": any one segment
        Suffix, // "*" then a literal ("*.pyc"): compared as a string ending
        Wildcard, // anything else: token matcher
    };
    Kind kind = Kind::Literal;
    QString literal;
    std::vector<Token> tokens;
};

// One brace-free form of the pattern.
struct Alternative
{
    std::vector<Segment> segments;
    quint64 globstarMask = 0; // bit i: segment i is "**"
    // bit i: from position i the rest of the pattern matches every non-empty path
    // ("**", "**/*", "*/**"), so a directory reaching it is covered entirely.
    quint64 universalMask = 0;
    bool directoryOnly = false; // trailing '/'
};

constexpr quint64 bit(qsizetype i)
{
    return quint64(1) << i;
}

// Patterns and paths are matched by character, not UTF-16 unit.
inline qsizetype codePointLength(QStringView s, qsizetype i)
{
    if (i + 1 < s.size() && s[i].isHighSurrogate() && s[i + 1].isLowSurrogate())
        return 2;
    return 1;
}

inline char32_t codePointAt(QStringView s, qsizetype i)
{
    if (codePointLength(s, i) == 2)
        return QChar::surrogateToUcs4(s[i], s[i + 1]);
    return s[i].unicode();
}

} // namespace foxreload::glob
