#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace foxreload {

// The languages whose imports FoxReload follows.
enum class SourceLanguage { None, Python, Script }; // Script: JavaScript and TypeScript

// By file name: .py/.pyi → Python; .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs → Script.
SourceLanguage sourceLanguageOf(QStringView path);

// One import statement as written, before it is resolved to a file.
struct ImportSpec
{
    // Python: the dotted module ("a.b", empty in `from . import c`); Script: the specifier ("./util.js").
    QString module;
    int level = 0; // Python: the leading dots of a relative import
    QStringList names; // Python `from M import a, b`: a and b (each may be a submodule); empty for `*`
    int line = 0;

    friend bool operator==(const ImportSpec&, const ImportSpec&) = default;
};

struct ImportScan
{
    QList<ImportSpec> imports;
    // Empty when the text parsed; otherwise "line N: what" (the first problem). The imports found
    // before it are kept, but a caller should not trust them to be complete.
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// Lexical scanners: they skip strings and comments exactly enough that an `import` in a docstring,
// a comment or a template literal never counts. Imports inside functions and blocks count (they run
// when the code runs); non-literal dynamic imports cannot be followed and are ignored.
//   Python: `import a.b as c, d`, `from ..pkg.mod import x, (y as z)`, `from . import c`.
//   Script: `import … from "x"`, `import "x"`, `export … from "x"`, `require("x")`, `import("x")`,
//   TypeScript `import x = require("x")` and type-only imports (their file still feeds the build).
ImportScan scanPythonImports(QStringView text);
ImportScan scanScriptImports(QStringView text, bool jsx = false);

// Reads the file and scans it by its language; a file that cannot be read is an error.
ImportScan scanImportsOfFile(const QString& path);

} // namespace foxreload
