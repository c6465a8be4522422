#pragma once

#include "ImportScanner.h"
#include "ModuleIndex.h"
#include "TsConfigPaths.h"

namespace foxreload {

// Turns an import as written into the project's files it loads, against a ModuleIndex.
// A module outside the index (the standard library, a package in node_modules or
// site-packages) resolves to nothing: only the server's own modules are followed.
//
// Python: `import a.b.c` loads a/__init__.py, a/b/__init__.py and a/b/c.py (or c/__init__.py),
// searched in the project root, then src/, then the importing file's own folder (a script's
// folder is on sys.path); `from P import x` also loads P/x.py when x is a submodule; relative
// imports count their dots from the importing file's package.
// JavaScript/TypeScript: relative and absolute specifiers, the file as written, then with
// .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs, then index.*; a `.js` specifier names its `.ts` source
// when there is one (TypeScript's ESM convention); bare specifiers through tsconfig
// `paths` and `baseUrl`.
class ModuleResolver
{
public:
    ModuleResolver(const QString& projectRoot, const ModuleIndex& index);

    void setTsConfig(TsConfigPaths config) { m_tsconfig = std::move(config); }
    const TsConfigPaths& tsConfig() const { return m_tsconfig; }

    QStringList resolve(const QString& fromFile, const ImportSpec& spec) const;

private:
    QStringList resolvePython(const QString& fromFile, const ImportSpec& spec) const;
    QString resolveScript(const QString& fromFile, const QString& specifier) const;
    QString resolveScriptPath(const QString& path) const;
    // Loads base/part1/.../partN into *loaded; the folder of the last part when it is a package,
    // an empty string when it is a plain module, nullopt when the chain does not resolve.
    std::optional<QString> resolvePythonChain(
        const QString& base, const QStringList& parts, QStringList* loaded) const;
    bool hasPythonModule(const QString& base, const QString& name) const;

    QString m_root;
    const ModuleIndex& m_index;
    TsConfigPaths m_tsconfig;
};

} // namespace foxreload
