#include "GlobCompiler.h"

#include <QStringList>
#include <QVarLengthArray>

using namespace Qt::StringLiterals;

namespace foxreload::glob {

namespace {

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

} // namespace

std::optional<std::vector<Alternative>> compileAlternatives(QStringView pattern, QString& error)
{
    if (pattern.trimmed().isEmpty()) {
        error = u"empty pattern"_s;
        return std::nullopt;
    }
    if (!validate(pattern, &error))
        return std::nullopt;
    QStringList expanded;
    if (!expandBraces(pattern.toString(), expanded, &error))
        return std::nullopt;

    std::vector<Alternative> alternatives;
    for (const QString& form : std::as_const(expanded)) {
        std::optional<Alternative> alt = compileAlternative(form, &error);
        if (!alt)
            return std::nullopt;
        if (!alt->segments.empty())
            alternatives.push_back(std::move(*alt));
    }
    if (alternatives.empty()) {
        error = u"the pattern names no path"_s;
        return std::nullopt;
    }
    return alternatives;
}

} // namespace foxreload::glob
