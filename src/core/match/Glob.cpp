#include "Glob.h"

#include <QStringList>
#include <QVarLengthArray>

#include <bit>
#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

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

qsizetype codePointLength(QStringView s, qsizetype i)
{
    if (i + 1 < s.size() && s[i].isHighSurrogate() && s[i + 1].isLowSurrogate())
        return 2;
    return 1;
}

char32_t codePointAt(QStringView s, qsizetype i)
{
    if (codePointLength(s, i) == 2)
        return QChar::surrogateToUcs4(s[i], s[i + 1]);
    return s[i].unicode();
}

QString column(qsizetype index)
{
    return u"column "_s + QString::number(index + 1);
}

// Index of the ']' closing the class opened at `open`, or -1.
qsizetype classEnd(QStringView p, qsizetype open)
{
    qsizetype j = open + 1;
    if (j < p.size() && (p[j] == u'!' || p[j] == u'^'))
        ++j;
    if (j < p.size() && p[j] == u']')
        ++j;
    while (j < p.size()) {
        if (p[j] == u'\\') {
            j += 2;
            continue;
        }
        if (p[j] == u']')
            return j;
        ++j;
    }
    return -1;
}

// Structural checks on the pattern as written, so that columns refer to it.
bool validate(QStringView p, QString* error)
{
    QVarLengthArray<qsizetype, 8> openBraces;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (c == u'\\') {
            if (i + 1 >= p.size()) {
                *error = u"dangling escape '\\' at the end"_s;
                return false;
            }
            ++i;
        } else if (c == u'[') {
            const qsizetype end = classEnd(p, i);
            if (end < 0) {
                *error = u"unclosed bracket '[' at "_s + column(i);
                return false;
            }
            for (qsizetype j = i + 1; j < end; ++j) {
                if (p[j] == u'\\') {
                    ++j;
                    continue;
                }
                if (p[j] == u'/') {
                    *error = u"'/' inside the character class at "_s + column(i);
                    return false;
                }
            }
            i = end;
        } else if (c == u'{') {
            openBraces.append(i);
        } else if (c == u'}') {
            if (openBraces.isEmpty()) {
                *error = u"unmatched '}' at "_s + column(i) + u" (write \\} for a literal brace)"_s;
                return false;
            }
            openBraces.removeLast();
        }
    }
    if (!openBraces.isEmpty()) {
        *error = u"unclosed brace '{' at "_s + column(openBraces.last());
        return false;
    }
    return true;
}

// Expands the first top-level {a,b} and recurses; escapes and classes are kept
// verbatim for the segment compiler. The pattern is already validated.
bool expandBraces(const QString& p, QStringList& out, QString* error)
{
    qsizetype open = -1;
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p[i] == u'\\') {
            ++i;
        } else if (p[i] == u'[') {
            i = classEnd(p, i);
        } else if (p[i] == u'{') {
            open = i;
            break;
        }
    }
    if (open < 0) {
        if (out.size() >= kMaxAlternatives) {
            *error = u"too many alternatives (braces expand to more than "_s
                + QString::number(kMaxAlternatives) + u")"_s;
            return false;
        }
        out.append(p);
        return true;
    }

    QList<qsizetype> cuts { open };
    qsizetype close = -1;
    int depth = 0;
    for (qsizetype i = open + 1; i < p.size() && close < 0; ++i) {
        const QChar c = p[i];
        if (c == u'\\') {
            ++i;
        } else if (c == u'[') {
            i = classEnd(p, i);
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}') {
            if (depth == 0)
                close = i;
            else
                --depth;
        } else if (c == u',' && depth == 0) {
            cuts.append(i);
        }
    }
    cuts.append(close);

    const QStringView prefix = QStringView(p).first(open);
    const QStringView suffix = QStringView(p).sliced(close + 1);
    for (qsizetype k = 0; k + 1 < cuts.size(); ++k) {
        const QStringView choice = QStringView(p).sliced(cuts[k] + 1, cuts[k + 1] - cuts[k] - 1);
        if (!expandBraces(prefix + choice + suffix, out, error))
            return false;
    }
    return true;
}

// Reads one (possibly escaped) code point at i; returns it and advances i.
char32_t readClassChar(QStringView s, qsizetype& i)
{
    if (s[i] == u'\\' && i + 1 < s.size())
        ++i;
    const char32_t c = codePointAt(s, i);
    i += codePointLength(s, i);
    return c;
}

bool compileClass(QStringView s, qsizetype& i, Token& token, QString* error)
{
    const qsizetype open = i;
    const qsizetype end = classEnd(s, open);
    qsizetype j = open + 1;
    if (s[j] == u'!' || s[j] == u'^') {
        token.negated = true;
        ++j;
    }
    bool first = true;
    while (j < end) {
        if (s[j] == u']' && !first)
            break;
        first = false;
        const char32_t lo = readClassChar(s, j);
        char32_t hi = lo;
        if (j + 1 < end && s[j] == u'-') {
            ++j;
            hi = readClassChar(s, j);
            if (hi < lo) {
                *error = u"invalid range '"_s + s.sliced(open, end - open + 1)
                    + u"' in a character class (the end is before the start)"_s;
                return false;
            }
        }
        token.ranges.push_back({ lo, hi });
    }
    token.kind = Token::Kind::Class;
    i = end + 1;
    return true;
}

bool compileSegment(QStringView s, Segment& segment, QString* error)
{
    if (s == u"**") {
        segment.kind = Segment::Kind::Globstar;
        return true;
    }
    std::vector<Token>& tokens = segment.tokens;
    auto literalToken = [&tokens]() -> QString& {
        if (tokens.empty() || tokens.back().kind != Token::Kind::Literal)
            tokens.push_back(Token {});
        return tokens.back().literal;
    };
    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s[i];
        if (c == u'\\') {
            literalToken().append(s[i + 1]);
            i += 2;
        } else if (c == u'*') {
            if (tokens.empty() || tokens.back().kind != Token::Kind::Star)
                tokens.push_back(Token { Token::Kind::Star, {}, false, {} });
            ++i;
        } else if (c == u'?') {
            tokens.push_back(Token { Token::Kind::AnyChar, {}, false, {} });
            ++i;
        } else if (c == u'[') {
            Token token;
            if (!compileClass(s, i, token, error))
                return false;
            tokens.push_back(std::move(token));
        } else {
            literalToken().append(c);
            ++i;
        }
    }
    if (tokens.size() == 1 && tokens.front().kind == Token::Kind::Literal) {
        segment.kind = Segment::Kind::Literal;
        segment.literal = tokens.front().literal;
        tokens.clear();
    } else if (tokens.size() == 1 && tokens.front().kind == Token::Kind::Star) {
        segment.kind = Segment::Kind::AnyName;
        tokens.clear();
    } else if (tokens.size() == 2 && tokens[0].kind == Token::Kind::Star
        && tokens[1].kind == Token::Kind::Literal && !tokens[1].literal.front().isLowSurrogate()) {
        // The star stops at character boundaries; a literal that starts on one (not
        // with the second half of a surrogate pair) can always be reached by it.
        segment.kind = Segment::Kind::Suffix;
        segment.literal = tokens[1].literal;
        tokens.clear();
    } else {
        segment.kind = Segment::Kind::Wildcard;
    }
    return true;
}

// Splits on unescaped '/' (classes cannot hold one: validate() refused it).
std::optional<Alternative> compileAlternative(QStringView p, QString* error)
{
    Alternative alt;
    qsizetype start = 0;
    bool endsWithSlash = false;
    auto addSegment = [&](qsizetype end) -> bool {
        const QStringView text = p.sliced(start, end - start);
        start = end + 1;
        if (text.isEmpty() || text == u".")
            return true;
        if (text == u"..") {
            *error = u"'..' cannot appear in a pattern (patterns are relative to the project root)"_s;
            return false;
        }
        Segment segment;
        if (!compileSegment(text, segment, error))
            return false;
        alt.segments.push_back(std::move(segment));
        return true;
    };
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p[i] == u'\\') {
            ++i;
        } else if (p[i] == u'[') {
            i = classEnd(p, i);
        } else if (p[i] == u'/') {
            endsWithSlash = true;
            if (!addSegment(i))
                return std::nullopt;
            continue;
        }
        endsWithSlash = false;
    }
    if (!addSegment(p.size()))
        return std::nullopt;
    if (alt.segments.empty())
        return alt; // an empty alternative ("{a,}") matches nothing
    if (qsizetype(alt.segments.size()) > kMaxSegments) {
        *error = u"too many path segments (more than "_s + QString::number(kMaxSegments) + u")"_s;
        return std::nullopt;
    }
    alt.directoryOnly = endsWithSlash;

    const qsizetype m = qsizetype(alt.segments.size());
    for (qsizetype i = 0; i < m; ++i) {
        if (alt.segments[size_t(i)].kind == Segment::Kind::Globstar)
            alt.globstarMask |= bit(i);
    }
    if (!alt.directoryOnly) {
        for (qsizetype i = 0; i < m; ++i) {
            int globstars = 0;
            int anyNames = 0;
            bool onlyUniversal = true;
            for (qsizetype k = i; k < m; ++k) {
                const Segment::Kind kind = alt.segments[size_t(k)].kind;
                if (kind == Segment::Kind::Globstar)
                    ++globstars;
                else if (kind == Segment::Kind::AnyName)
                    ++anyNames;
                else
                    onlyUniversal = false;
            }
            if (onlyUniversal && globstars > 0 && anyNames <= 1)
                alt.universalMask |= bit(i);
        }
    }
    return alt;
}

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

enum class Mode { Exact, Covers, WholeDirectory };

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

// run() split in two: the directory's segments first (advance), then the entry's name.
void advanceAlternative(const Alternative& alt, Glob::Position& position, QStringView directoryName)
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

} // namespace

struct Glob::Compiled
{
    QString pattern;
    std::vector<Alternative> alternatives;

    bool any(QStringView path, bool isDirectory, Mode mode) const
    {
        PathSegments segments;
        splitPath(path, segments);
        for (const Alternative& alt : alternatives) {
            if (run(alt, segments, isDirectory, mode))
                return true;
        }
        return false;
    }
};

std::optional<Glob> Glob::compile(QStringView pattern, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    message.clear();
    if (pattern.trimmed().isEmpty()) {
        message = u"empty pattern"_s;
        return std::nullopt;
    }
    if (!validate(pattern, &message))
        return std::nullopt;
    QStringList expanded;
    if (!expandBraces(pattern.toString(), expanded, &message))
        return std::nullopt;

    auto compiled = std::make_shared<Compiled>();
    compiled->pattern = pattern.toString();
    for (const QString& form : std::as_const(expanded)) {
        std::optional<Alternative> alt = compileAlternative(form, &message);
        if (!alt)
            return std::nullopt;
        if (!alt->segments.empty())
            compiled->alternatives.push_back(std::move(*alt));
    }
    if (compiled->alternatives.empty()) {
        message = u"the pattern names no path"_s;
        return std::nullopt;
    }
    Glob glob;
    glob.m_compiled = std::move(compiled);
    return glob;
}

QString Glob::pattern() const
{
    return m_compiled ? m_compiled->pattern : QString();
}

bool Glob::matches(QStringView relativePath, bool isDirectory) const
{
    return m_compiled && m_compiled->any(relativePath, isDirectory, Mode::Exact);
}

bool Glob::covers(QStringView relativePath, bool isDirectory) const
{
    return m_compiled && m_compiled->any(relativePath, isDirectory, Mode::Covers);
}

bool Glob::matchesWholeDirectory(QStringView relativeDirPath) const
{
    return m_compiled && m_compiled->any(relativeDirPath, true, Mode::WholeDirectory);
}

qsizetype Glob::alternativeCount() const
{
    return m_compiled ? qsizetype(m_compiled->alternatives.size()) : 0;
}

void Glob::start(Position* positions) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i)
        positions[i] = Position { closure(m_compiled->alternatives[size_t(i)], 1), false, false };
}

void Glob::advance(Position* positions, QStringView directoryName) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i)
        advanceAlternative(m_compiled->alternatives[size_t(i)], positions[i], directoryName);
}

bool Glob::coversEverythingAt(const Position* positions) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i) {
        if (positions[i].universalSeen || positions[i].acceptSeen)
            return true;
    }
    return false;
}

bool Glob::coversEntry(const Position* positions, QStringView name, bool isDirectory) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i) {
        if (finish(m_compiled->alternatives[size_t(i)], positions[i], name, isDirectory, Mode::Covers))
            return true;
    }
    return false;
}

bool Glob::matchesWholeDirectoryEntry(const Position* positions, QStringView name) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i) {
        if (finish(m_compiled->alternatives[size_t(i)], positions[i], name, true, Mode::WholeDirectory))
            return true;
    }
    return false;
}

} // namespace foxreload
