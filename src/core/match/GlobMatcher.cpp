#include "GlobMatcher.h"

#include <QVarLengthArray>

#include <bit>

namespace foxreload::glob {

namespace {

bool classContains(const Token& token, char32_t c)
{
    bool inside = false;
    for (const CharRange& range : token.ranges) {
        if (c >= range.first && c <= range.last) {
            inside = true;
            break;
        }
    }
    return inside != token.negated;
}

// Classic wildcard matching with backtracking to the last star: every token
// other than a star matches a determined length, so this is exact.
bool matchTokens(const std::vector<Token>& tokens, QStringView s)
{
    const size_t n = tokens.size();
    size_t p = 0;
    qsizetype i = 0;
    size_t starToken = n;
    qsizetype starText = 0;
    while (i < s.size() || p < n) {
        if (p < n) {
            const Token& token = tokens[p];
            switch (token.kind) {
            case Token::Kind::Star:
                if (p + 1 == n)
                    return true;
                starToken = p++;
                starText = i;
                continue;
            case Token::Kind::Literal:
                if (s.sliced(i).startsWith(token.literal)) {
                    i += token.literal.size();
                    ++p;
                    continue;
                }
                break;
            case Token::Kind::AnyChar:
                if (i < s.size()) {
                    i += codePointLength(s, i);
                    ++p;
                    continue;
                }
                break;
            case Token::Kind::Class:
                if (i < s.size() && classContains(token, codePointAt(s, i))) {
                    i += codePointLength(s, i);
                    ++p;
                    continue;
                }
                break;
            }
        }
        if (starToken < n && starText < s.size()) {
            starText += codePointLength(s, starText);
            i = starText;
            p = starToken + 1;
            continue;
        }
        return false;
    }
    return true;
}

bool matchSegment(const Segment& segment, QStringView name)
{
    switch (segment.kind) {
    case Segment::Kind::Globstar:
    case Segment::Kind::AnyName:
        return true;
    case Segment::Kind::Literal:
        return name == segment.literal;
    case Segment::Kind::Suffix:
        return name.endsWith(segment.literal);
    case Segment::Kind::Wildcard:
        return matchTokens(segment.tokens, name);
    }
    return false;
}

quint64 closure(const Alternative& alt, quint64 states)
{
    // "**" may match nothing: reaching it also reaches the position after it.
    quint64 pending = states & alt.globstarMask;
    while (pending) {
        const int i = std::countr_zero(pending);
        pending &= pending - 1;
        const quint64 next = bit(i + 1);
        if (!(states & next)) {
            states |= next;
            pending |= next & alt.globstarMask;
        }
    }
    return states;
}

quint64 step(const Alternative& alt, quint64 states, QStringView name)
{
    const qsizetype m = qsizetype(alt.segments.size());
    quint64 live = states & (bit(m) - 1);
    quint64 next = 0;
    while (live) {
        const int i = std::countr_zero(live);
        live &= live - 1;
        const Segment& segment = alt.segments[size_t(i)];
        if (segment.kind == Segment::Kind::Globstar)
            next |= bit(i);
        else if (matchSegment(segment, name))
            next |= bit(i + 1);
    }
    return closure(alt, next);
}

using PathSegments = QVarLengthArray<QStringView, 32>;

void splitPath(QStringView path, PathSegments& out)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == u'/') {
            if (i > start)
                out.append(path.sliced(start, i - start));
            start = i + 1;
        }
    }
}

bool run(const Alternative& alt, const PathSegments& path, bool isDirectory, Mode mode)
{
    const qsizetype m = qsizetype(alt.segments.size());
    const qsizetype n = path.size();
    if (m == 0 || n == 0)
        return false;
    const quint64 accept = bit(m);
    // A trailing '/' means "this directory and everything below it".
    const bool ancestorsCount = mode != Mode::Exact || alt.directoryOnly;
    quint64 states = closure(alt, 1);
    for (qsizetype k = 0; k < n; ++k) {
        states = step(alt, states, path[k]);
        if (!states)
            return false;
        if (k + 1 < n) {
            if (ancestorsCount && (states & accept))
                return true;
            if (states & alt.universalMask)
                return true; // the rest of the path, whatever it is, matches
        }
    }
    if ((states & accept) && (!alt.directoryOnly || isDirectory))
        return true;
    return mode == Mode::WholeDirectory && (states & alt.universalMask);
}

} // namespace

bool matchesAny(const std::vector<Alternative>& alternatives, QStringView path, bool isDirectory, Mode mode)
{
    PathSegments segments;
    splitPath(path, segments);
    for (const Alternative& alt : alternatives) {
        if (run(alt, segments, isDirectory, mode))
            return true;
    }
    return false;
}

Glob::Position startPosition(const Alternative& alt)
{
    return Glob::Position { closure(alt, 1), false, false };
}

// run() split in two: the directory's segments first (advance), then the entry's name (finish).
void advancePosition(const Alternative& alt, Glob::Position& position, QStringView directoryName)
{
    if (!position.states || position.universalSeen)
        return;
    position.states = step(alt, position.states, directoryName);
    const quint64 accept = bit(qsizetype(alt.segments.size()));
    if (position.states & accept)
        position.acceptSeen = true;
    if (position.states & alt.universalMask)
        position.universalSeen = true;
}

bool finish(
    const Alternative& alt, const Glob::Position& position, QStringView name, bool isDirectory, Mode mode)
{
    if (position.universalSeen)
        return true;
    if (position.acceptSeen && (mode != Mode::Exact || alt.directoryOnly))
        return true;
    if (!position.states || name.isEmpty())
        return false;
    const quint64 states = step(alt, position.states, name);
    const quint64 accept = bit(qsizetype(alt.segments.size()));
    if ((states & accept) && (!alt.directoryOnly || isDirectory))
        return true;
    return mode == Mode::WholeDirectory && (states & alt.universalMask);
}

} // namespace foxreload::glob
