// The Python half of ImportScanner.h: logical lines with strings and comments taken out, then
// the `import` and `from` statements among them.
#include "ImportScanner.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isDottedName(QStringView name)
{
    if (name.isEmpty() || name.startsWith(u'.') || name.endsWith(u'.') || name.contains(u".."))
        return false;
    for (QChar c : name) {
        if (!isIdentifierChar(c) && c != u'.')
            return false;
    }
    return !name.front().isDigit();
}

// True when `text` starts with the keyword, followed by something that cannot continue it.
bool startsWithKeyword(QStringView text, QStringView keyword)
{
    return text.startsWith(keyword)
        && (text.size() == keyword.size() || !isIdentifierChar(text[keyword.size()]));
}

QString lineError(int line, const QString& what)
{
    return u"line "_s + QString::number(line) + u": "_s + what;
}

// The first word of "a.b as c" (the module or name that is imported).
QStringView firstWord(QStringView item)
{
    item = item.trimmed();
    qsizetype end = 0;
    while (end < item.size() && !item[end].isSpace())
        ++end;
    return item.first(end);
}

class PythonStatementParser
{
public:
    explicit PythonStatementParser(ImportScan& scan)
        : m_scan(scan)
    { }

    // One logical line: strings are "" and comments gone, so ';' splits statements.
    void parseLogicalLine(QStringView line, int lineNumber)
    {
        for (QStringView statement : line.tokenize(u';')) {
            statement = statement.trimmed();
            if (startsWithKeyword(statement, u"import"))
                parseImport(statement.sliced(6), lineNumber);
            else if (startsWithKeyword(statement, u"from"))
                parseFrom(statement.sliced(4), lineNumber);
            if (!m_scan.ok())
                return;
        }
    }

private:
    void fail(int line, const QString& what)
    {
        if (m_scan.ok())
            m_scan.error = lineError(line, what);
    }

    void parseImport(QStringView rest, int line)
    {
        if (rest.trimmed().isEmpty())
            return fail(line, u"\"import\" names no module"_s);
        for (QStringView item : rest.tokenize(u',')) {
            const QStringView name = firstWord(item);
            if (!isDottedName(name))
                return fail(line, u"\"import\" of something that is not a module name"_s);
            m_scan.imports.append({ name.toString(), 0, {}, line });
        }
    }

    void parseFrom(QStringView rest, int line)
    {
        rest = rest.trimmed();
        ImportSpec spec;
        spec.line = line;
        qsizetype at = 0;
        while (at < rest.size() && (rest[at] == u'.' || rest[at].isSpace())) {
            if (rest[at] == u'.')
                ++spec.level;
            ++at;
        }
        rest = rest.sliced(at);
        qsizetype end = 0;
        while (end < rest.size() && (isIdentifierChar(rest[end]) || rest[end] == u'.'))
            ++end;
        const QStringView module = rest.first(end);
        // "from .import x": the module is empty and the keyword follows the dots directly.
        if (module == u"import") {
            end = 0;
        } else {
            if (!module.isEmpty() && !isDottedName(module))
                return fail(line, u"\"from\" of something that is not a module name"_s);
            spec.module = module.toString();
        }
        rest = rest.sliced(end).trimmed();
        if (spec.module.isEmpty() && spec.level == 0)
            return fail(line, u"\"from\" names no module"_s);
        if (!startsWithKeyword(rest, u"import"))
            return fail(line, u"\"from\" without \"import\""_s);
        QStringView names = rest.sliced(6).trimmed();
        if (names.startsWith(u'(') && names.endsWith(u')'))
            names = names.sliced(1, names.size() - 2);
        if (names.trimmed().isEmpty())
            return fail(line, u"\"from … import\" imports nothing"_s);
        if (names.trimmed() != u"*") {
            for (QStringView item : names.tokenize(u',', Qt::SkipEmptyParts)) {
                const QStringView name = firstWord(item);
                if (name.isEmpty())
                    continue;
                if (!isDottedName(name) || name.contains(u'.'))
                    return fail(line, u"\"from … import\" of something that is not a name"_s);
                spec.names.append(name.toString());
            }
        }
        m_scan.imports.append(std::move(spec));
    }

    ImportScan& m_scan;
};

} // namespace

ImportScan scanPythonImports(QStringView text)
{
    ImportScan scan;
    PythonStatementParser parser(scan);
    QString logical;
    int line = 1;
    int logicalStart = 1;
    QList<std::pair<QChar, int>> open; // brackets not closed yet, with their line
    const qsizetype size = text.size();

    auto endLogicalLine = [&] {
        parser.parseLogicalLine(logical, logicalStart);
        logical.clear();
        logicalStart = line;
    };

    for (qsizetype i = 0; i < size && scan.ok(); ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            ++line;
            if (open.isEmpty())
                endLogicalLine();
            else
                logical += u' ';
            continue;
        }
        if (c == u'\\' && i + 1 < size && text[i + 1] == u'\n') { // explicit line joining
            ++i;
            ++line;
            logical += u' ';
            continue;
        }
        if (c == u'#') {
            while (i + 1 < size && text[i + 1] != u'\n')
                ++i;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            const int startLine = line;
            const bool triple = i + 2 < size && text[i + 1] == c && text[i + 2] == c;
            qsizetype j = triple ? i + 3 : i + 1;
            bool closed = false;
            for (; j < size; ++j) {
                const QChar s = text[j];
                if (s == u'\\') {
                    if (j + 1 < size && text[j + 1] == u'\n')
                        ++line;
                    ++j;
                    continue;
                }
                if (s == u'\n') {
                    if (!triple)
                        break;
                    ++line;
                    continue;
                }
                if (s == c && (!triple || (j + 2 < size && text[j + 1] == c && text[j + 2] == c))) {
                    j += triple ? 2 : 0;
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                scan.error = lineError(startLine,
                    triple ? u"triple-quoted string never closed"_s : u"string not closed on its line"_s);
                break;
            }
            logical += u"\"\""_s;
            i = j;
            continue;
        }
        if (c == u'(' || c == u'[' || c == u'{') {
            open.append({ c, line });
        } else if (c == u')' || c == u']' || c == u'}') {
            const QChar expected = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (open.isEmpty() || open.last().first != expected) {
                scan.error = lineError(line, u"unmatched '"_s + c + u'\'');
                break;
            }
            open.removeLast();
        }
        logical += c;
    }
    if (scan.ok() && !open.isEmpty())
        scan.error = lineError(open.last().second, u"'"_s + open.last().first + u"' never closed"_s);
    if (scan.ok() && !logical.isEmpty())
        parser.parseLogicalLine(logical, logicalStart);
    return scan;
}

} // namespace foxreload
