#include "BuildErrorParser.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// Colours of a tool that thinks it writes to a terminal (tsc --pretty, gcc -fdiagnostics-color).
QString withoutColours(const QString& text)
{
    static const QRegularExpression escape(u"\x1b\\[[0-9;]*[A-Za-z]"_s);
    return QString(text).remove(escape);
}

QString shortened(const QString& file, const QString& cwd)
{
    if (cwd.isEmpty() || !QDir::isAbsolutePath(file))
        return file;
    const QString root = QDir::cleanPath(cwd) + u'/';
    const QString clean = QDir::cleanPath(file);
    return clean.startsWith(root) ? clean.sliced(root.size()) : file;
}

BuildError located(const QRegularExpressionMatch& match, const QString& tool, const QString& message)
{
    BuildError error;
    error.file = match.captured(u"file"_s);
    error.line = match.captured(u"line"_s).toInt();
    error.column = match.captured(u"column"_s).toInt();
    error.message = message.trimmed();
    error.tool = tool;
    return error;
}

bool isPythonSource(const QString& file)
{
    return file.endsWith(u".py"_s) || file.endsWith(u".pyi"_s);
}

std::optional<BuildError> specificError(const QStringList& lines)
{
    // src/index.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.
    static const QRegularExpression tscPlain(
        u"^(?<file>[^\\s(][^(]*)\\((?<line>\\d+),(?<column>\\d+)\\): error (?<message>TS\\d+:.*)$"_s);
    // src/index.ts:1:7 - error TS2322: ... (tsc --pretty)
    static const QRegularExpression tscPretty(
        u"^(?<file>\\S.*?):(?<line>\\d+):(?<column>\\d+) - error (?<message>TS\\d+:.*)$"_s);
    // m.c:4:10: error: 'x' undeclared    |   app.py:3: error: Incompatible types ...  (mypy)
    static const QRegularExpression compiler(
        u"^(?<file>\\S.*?):(?<line>\\d+)(?::(?<column>\\d+))?: (?:fatal )?error: (?<message>.*)$"_s);
    //   File "bad.py", line 1
    static const QRegularExpression pythonFrame(u"^\\s*File \"(?<file>[^\"]+)\", line (?<line>\\d+)"_s);
    // SyntaxError: invalid syntax   |   ValueError: boom   |   mod.CustomError
    static const QRegularExpression pythonException(
        u"^[A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt)\\b(?::.*)?$"_s);

    // Sorry: IndentationError: unexpected indent (ind.py, line 2)   (py_compile, Python 3.11)
    static const QRegularExpression pythonSorry(
        u"^Sorry: (?<message>\\w+: .*) \\((?<file>[^,()]+), line (?<line>\\d+)\\)$"_s);

    std::optional<QRegularExpressionMatch> lastFrame;
    for (const QString& line : lines) {
        if (const auto m = tscPlain.match(line); m.hasMatch())
            return located(m, u"tsc"_s, m.captured(u"message"_s));
        if (const auto m = tscPretty.match(line); m.hasMatch())
            return located(m, u"tsc"_s, m.captured(u"message"_s));
        if (const auto m = compiler.match(line); m.hasMatch()) {
            const bool mypy = isPythonSource(m.captured(u"file"_s));
            return located(m, mypy ? u"mypy"_s : u"gcc"_s, m.captured(u"message"_s));
        }
        if (const auto m = pythonSorry.match(line); m.hasMatch())
            return located(m, u"python"_s, m.captured(u"message"_s));
        if (const auto m = pythonFrame.match(line); m.hasMatch()) {
            lastFrame = m; // the innermost frame is the last one before the exception line
            continue;
        }
        if (lastFrame && pythonException.match(line).hasMatch())
            return located(*lastFrame, u"python"_s, line);
    }
    return std::nullopt;
}

std::optional<BuildError> genericError(const QStringList& lines)
{
    // path:line: or path:line:column: — a path has a '/' or an extension; a URL is no path.
    static const QRegularExpression generic(
        u"^(?<file>[^\\s:]*(?:/|\\.)[^\\s:]*):(?<line>\\d+)(?::(?<column>\\d+))?:\\s*(?<message>.*)$"_s);
    static const QRegularExpression notAnError(
        u"\\b(?:warning|note|info)\\b"_s, QRegularExpression::CaseInsensitiveOption);
    for (const QString& line : lines) {
        const auto m = generic.match(line);
        if (m.hasMatch() && !notAnError.match(m.captured(u"message"_s)).hasMatch())
            return located(m, u"generic"_s, m.captured(u"message"_s));
    }
    // No location anywhere (a linker error): the first line that says it failed.
    static const QRegularExpression anyError(
        u"\\b(?:error|failed|fatal)\\b"_s, QRegularExpression::CaseInsensitiveOption);
    for (const QString& line : lines) {
        if (anyError.match(line).hasMatch()) {
            BuildError error;
            error.message = line.trimmed();
            error.tool = u"generic"_s;
            return error;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<BuildError> parseFirstBuildError(const QString& output, const QString& cwd)
{
    QStringList lines = withoutColours(output).split(u'\n');
    for (QString& line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    auto error = specificError(lines);
    if (!error)
        error = genericError(lines);
    if (error)
        error->file = shortened(error->file, cwd);
    return error;
}

} // namespace foxreload
