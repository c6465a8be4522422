// The JavaScript/TypeScript half of ImportScanner.h: a small lexer (strings, templates, comments,
// regular expressions) and the import forms matched on its tokens.
#include "ImportScanner.h"

#include <QFile>
#include <QStringDecoder>

#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

struct Token
{
    enum Kind { Identifier, String, Template, Punctuation, Other };
    Kind kind = Other;
    QStringView text; // identifier or punctuation; the value of a string or a plain template
    int line = 0;
    bool literal = true; // a template without ${…}

    bool is(QStringView s) const { return (kind == Identifier || kind == Punctuation) && text == s; }
    bool isLiteral() const { return kind == String || (kind == Template && literal); }
};

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$' || c.unicode() > 127;
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit();
}

// After these a '/' starts a regular expression; after anything else it divides.
bool regexMayFollow(const std::vector<Token>& tokens)
{
    if (tokens.empty())
        return true;
    const Token& last = tokens.back();
    if (last.kind == Token::Punctuation)
        return last.text != u")" && last.text != u"]";
    if (last.kind == Token::Identifier) {
        static const QStringList keywords { u"return"_s, u"typeof"_s, u"case"_s, u"do"_s, u"else"_s, u"in"_s,
            u"of"_s, u"new"_s, u"delete"_s, u"void"_s, u"throw"_s, u"yield"_s, u"await"_s };
        return keywords.contains(last.text);
    }
    return false;
}

class ScriptLexer
{
public:
    ScriptLexer(QStringView text, bool jsx)
        : m_text(text)
        , m_jsx(jsx)
    { }

    std::vector<Token> tokens;
    QString error;

    void run()
    {
        if (m_text.startsWith(u"#!"))
            skipToLineEnd();
        while (m_at < m_text.size() && error.isEmpty())
            step();
        if (error.isEmpty() && !m_jsx && !m_open.isEmpty())
            fail(m_open.last().second, u"'"_s + m_open.last().first + u"' never closed"_s);
    }

private:
    void fail(int line, const QString& what)
    {
        if (error.isEmpty())
            error = u"line "_s + QString::number(line) + u": "_s + what;
    }

    QChar peek(qsizetype ahead = 0) const
    {
        return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : QChar();
    }

    void skipToLineEnd()
    {
        while (m_at < m_text.size() && m_text[m_at] != u'\n')
            ++m_at;
    }

    void push(Token::Kind kind, qsizetype from, qsizetype to, int line, bool literal = true)
    {
        tokens.push_back({ kind, m_text.sliced(from, to - from), line, literal });
    }

    void step()
    {
        const QChar c = m_text[m_at];
        if (c == u'\n') {
            ++m_line;
            ++m_at;
        } else if (c.isSpace()) {
            ++m_at;
        } else if (c == u'/' && peek(1) == u'/') {
            skipToLineEnd();
        } else if (c == u'/' && peek(1) == u'*') {
            blockComment();
        } else if (c == u'"' || c == u'\'') {
            quoted(c);
        } else if (c == u'`') {
            ++m_at;
            templateChunk(false);
        } else if (c == u'/' && regexMayFollow(tokens) && regex()) {
            // consumed
        } else if (isIdentifierStart(c) || (c == u'#' && isIdentifierStart(peek(1)))) {
            const qsizetype from = m_at++;
            while (m_at < m_text.size() && isIdentifierPart(m_text[m_at]))
                ++m_at;
            push(Token::Identifier, from, m_at, m_line);
        } else if (c.isDigit()) {
            const qsizetype from = m_at++;
            while (m_at < m_text.size() && (m_text[m_at].isLetterOrNumber() || m_text[m_at] == u'_'))
                ++m_at;
            push(Token::Other, from, m_at, m_line);
        } else {
            punctuation(c);
        }
    }

    void blockComment()
    {
        const int startLine = m_line;
        const qsizetype end = m_text.indexOf(u"*/", m_at + 2);
        if (end < 0) {
            fail(startLine, u"comment never closed"_s);
            m_at = m_text.size();
            return;
        }
        m_line += int(m_text.sliced(m_at, end - m_at).count(u'\n'));
        m_at = end + 2;
    }

    void quoted(QChar quote)
    {
        const qsizetype from = m_at + 1;
        for (qsizetype j = from; j < m_text.size(); ++j) {
            const QChar s = m_text[j];
            if (s == u'\\') {
                if (j + 1 < m_text.size() && m_text[j + 1] == u'\n')
                    ++m_line;
                ++j;
            } else if (s == quote) {
                push(Token::String, from, j, m_line);
                m_at = j + 1;
                return;
            } else if (s == u'\n') {
                break;
            }
        }
        if (m_jsx) { // text in JSX ("Don't") is no string: step over the quote
            ++m_at;
            return;
        }
        fail(m_line, u"string not closed on its line"_s);
    }

    // From just after a backtick or a closing '}' of ${…} to the next backtick or "${".
    void templateChunk(bool afterSubstitution)
    {
        const int startLine = m_line;
        const qsizetype from = m_at;
        for (qsizetype j = from; j < m_text.size(); ++j) {
            const QChar s = m_text[j];
            if (s == u'\\') {
                ++j;
                if (j < m_text.size() && m_text[j] == u'\n')
                    ++m_line;
            } else if (s == u'\n') {
                ++m_line;
            } else if (s == u'`') {
                push(Token::Template, from, j, startLine, !afterSubstitution);
                m_at = j + 1;
                return;
            } else if (s == u'$' && j + 1 < m_text.size() && m_text[j + 1] == u'{') {
                push(Token::Template, from, j, startLine, false);
                m_open.append({ u'`', startLine });
                m_at = j + 2;
                return;
            }
        }
        fail(startLine, u"template literal never closed"_s);
        m_at = m_text.size();
    }

    // False when this '/' cannot start a regular expression after all (no closing '/' on the line).
    bool regex()
    {
        bool inClass = false;
        for (qsizetype j = m_at + 1; j < m_text.size(); ++j) {
            const QChar s = m_text[j];
            if (s == u'\n')
                return false;
            if (s == u'\\') {
                ++j;
            } else if (s == u'[') {
                inClass = true;
            } else if (s == u']') {
                inClass = false;
            } else if (s == u'/' && !inClass) {
                if (j == m_at + 1)
                    return false; // "//" is a comment, handled before
                ++j;
                while (j < m_text.size() && isIdentifierPart(m_text[j]))
                    ++j;
                push(Token::Other, m_at, j, m_line);
                m_at = j;
                return true;
            }
        }
        return false;
    }

    void punctuation(QChar c)
    {
        if (c == u'(' || c == u'[' || c == u'{') {
            m_open.append({ c, m_line });
        } else if (c == u')' || c == u']' || c == u'}') {
            const QChar expected = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (c == u'}' && !m_open.isEmpty() && m_open.last().first == u'`') {
                m_open.removeLast(); // the end of ${…}: the template goes on
                ++m_at;
                templateChunk(true);
                return;
            }
            if (!m_open.isEmpty() && m_open.last().first == expected)
                m_open.removeLast();
            else if (!m_jsx)
                return fail(m_line, u"unmatched '"_s + c + u'\'');
        }
        push(Token::Punctuation, m_at, m_at + 1, m_line);
        ++m_at;
    }

    QStringView m_text;
    bool m_jsx = false;
    qsizetype m_at = 0;
    int m_line = 1;
    QList<std::pair<QChar, int>> m_open; // brackets and ${ not closed yet, with their line
};

// `… from "x"` within the next few tokens of an import or export clause.
std::optional<qsizetype> fromClause(const std::vector<Token>& tokens, qsizetype at)
{
    const qsizetype end = std::min<qsizetype>(tokens.size(), at + 400);
    for (qsizetype j = at; j + 1 < end; ++j) {
        const Token& token = tokens[j];
        if (token.is(u";") || token.is(u"=") || token.is(u"(") || token.kind == Token::String)
            return std::nullopt;
        if (token.is(u"from") && tokens[j + 1].kind == Token::String)
            return j + 1;
    }
    return std::nullopt;
}

} // namespace

ImportScan scanScriptImports(QStringView text, bool jsx)
{
    ScriptLexer lexer(text, jsx);
    lexer.run();
    ImportScan scan;
    scan.error = lexer.error;
    const std::vector<Token>& tokens = lexer.tokens;
    const qsizetype count = qsizetype(tokens.size());
    auto at = [&](qsizetype i) -> const Token& {
        static const Token none;
        return i >= 0 && i < count ? tokens[i] : none;
    };
    auto add = [&](const Token& token) { scan.imports.append({ token.text.toString(), 0, {}, token.line }); };

    for (qsizetype i = 0; i < count; ++i) {
        const Token& token = tokens[i];
        if (token.kind != Token::Identifier || at(i - 1).is(u"."))
            continue;
        if (token.text == u"import") {
            const Token& next = at(i + 1);
            if (next.is(u"(")) {
                if (at(i + 2).isLiteral() && (at(i + 3).is(u")") || at(i + 3).is(u",")))
                    add(at(i + 2));
            } else if (next.kind == Token::String) {
                add(next);
            } else if (!next.is(u".")) {
                if (const auto spec = fromClause(tokens, i + 1))
                    add(tokens[*spec]);
            }
        } else if (token.text == u"export") {
            qsizetype j = i + 1;
            if (at(j).is(u"type"))
                ++j;
            if (at(j).is(u"*")) {
                if (const auto spec = fromClause(tokens, j + 1))
                    add(tokens[*spec]);
            } else if (at(j).is(u"{")) {
                while (j < count && !at(j).is(u"}"))
                    ++j;
                if (at(j + 1).is(u"from") && at(j + 2).kind == Token::String)
                    add(at(j + 2));
            }
        } else if (token.text == u"require") {
            if (at(i + 1).is(u"(") && at(i + 2).isLiteral() && at(i + 3).is(u")"))
                add(at(i + 2));
        }
    }
    return scan;
}

SourceLanguage sourceLanguageOf(QStringView path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot < 0 || path.lastIndexOf(u'/') > dot)
        return SourceLanguage::None;
    const QStringView suffix = path.sliced(dot + 1);
    if (suffix == u"py" || suffix == u"pyi")
        return SourceLanguage::Python;
    for (const auto known : { u"ts", u"tsx", u"mts", u"cts", u"js", u"jsx", u"mjs", u"cjs" }) {
        if (suffix == known)
            return SourceLanguage::Script;
    }
    return SourceLanguage::None;
}

ImportScan scanImportsOfFile(const QString& path)
{
    const SourceLanguage language = sourceLanguageOf(path);
    QFile file(path);
    if (language == SourceLanguage::None || !file.open(QIODevice::ReadOnly)) {
        ImportScan failed;
        failed.error = language == SourceLanguage::None ? u"not a Python or JavaScript/TypeScript file"_s
                                                        : u"cannot be read: "_s + file.errorString();
        return failed;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0')) {
        ImportScan binary;
        binary.error = u"binary content, not source text"_s;
        return binary;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (language == SourceLanguage::Python)
        return scanPythonImports(text);
    return scanScriptImports(text, path.endsWith(u"x"));
}

} // namespace foxreload
