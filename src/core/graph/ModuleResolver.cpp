#include "ModuleResolver.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

QString folderOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? u"/"_s : path.first(slash);
}

QString join(const QString& folder, QStringView name)
{
    if (folder.endsWith(u'/'))
        return folder + name;
    return folder + u'/' + name;
}

const QStringList& scriptExtensions()
{
    static const QStringList extensions { u".ts"_s, u".tsx"_s, u".mts"_s, u".cts"_s, u".js"_s, u".jsx"_s,
        u".mjs"_s, u".cjs"_s };
    return extensions;
}

} // namespace

ModuleResolver::ModuleResolver(const QString& projectRoot, const ModuleIndex& index)
    : m_root(QDir::cleanPath(projectRoot))
    , m_index(index)
{ }

QStringList ModuleResolver::resolve(const QString& fromFile, const ImportSpec& spec) const
{
    switch (sourceLanguageOf(fromFile)) {
    case SourceLanguage::Python:
        return resolvePython(fromFile, spec);
    case SourceLanguage::Script:
        if (QString file = resolveScript(fromFile, spec.module); !file.isEmpty())
            return { file };
        return {};
    case SourceLanguage::None:
        break;
    }
    return {};
}

bool ModuleResolver::hasPythonModule(const QString& base, const QString& name) const
{
    const QString path = join(base, name);
    return m_index.hasFile(path + u".py"_s) || m_index.hasDirectory(path);
}

std::optional<QString> ModuleResolver::resolvePythonChain(
    const QString& base, const QStringList& parts, QStringList* loaded) const
{
    QString folder = base;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const bool last = i + 1 == parts.size();
        const QString path = join(folder, parts[i]);
        const QString init = path + u"/__init__.py"_s;
        // A regular package wins over a module of the same name; a namespace package loses to it.
        if (m_index.hasFile(init)) {
            loaded->append(init);
            folder = path;
        } else if (m_index.hasFile(path + u".py"_s)) {
            loaded->append(path + u".py"_s);
            return last ? std::optional<QString>(QString()) : std::nullopt;
        } else if (m_index.hasDirectory(path)) {
            folder = path;
        } else {
            return std::nullopt;
        }
    }
    return folder;
}

QStringList ModuleResolver::resolvePython(const QString& fromFile, const ImportSpec& spec) const
{
    const QStringList parts = spec.module.isEmpty() ? QStringList() : spec.module.split(u'.');
    QStringList loaded;
    std::optional<QString> package;
    if (spec.level > 0) {
        QString base = folderOf(fromFile);
        for (int up = 1; up < spec.level; ++up)
            base = folderOf(base);
        if (base != m_root && !base.startsWith(m_root + u'/'))
            return {};
        if (m_index.hasFile(base + u"/__init__.py"_s))
            loaded.append(base + u"/__init__.py"_s);
        package = resolvePythonChain(base, parts, &loaded);
    } else if (!parts.isEmpty()) {
        QStringList roots { m_root, m_root + u"/src"_s, folderOf(fromFile) };
        roots.removeDuplicates();
        for (const QString& root : std::as_const(roots)) {
            if (hasPythonModule(root, parts.first())) {
                package = resolvePythonChain(root, parts, &loaded);
                break;
            }
        }
    }
    if (package && !package->isEmpty()) {
        for (const QString& name : spec.names) {
            const QString path = join(*package, name);
            if (m_index.hasFile(path + u"/__init__.py"_s))
                loaded.append(path + u"/__init__.py"_s);
            else if (m_index.hasFile(path + u".py"_s))
                loaded.append(path + u".py"_s);
        }
    }
    loaded.removeAll(fromFile);
    loaded.removeDuplicates();
    return loaded;
}

QString ModuleResolver::resolveScript(const QString& fromFile, const QString& specifier) const
{
    if (specifier.startsWith(u"./"_s) || specifier.startsWith(u"../"_s) || specifier == u"."_s
        || specifier == u".."_s)
        return resolveScriptPath(QDir::cleanPath(join(folderOf(fromFile), specifier)));
    if (specifier.startsWith(u'/'))
        return resolveScriptPath(QDir::cleanPath(specifier));
    for (const auto& [pattern, targets] : m_tsconfig.paths) {
        const qsizetype star = pattern.indexOf(u'*');
        QString captured;
        if (star < 0) {
            if (specifier != pattern)
                continue;
        } else {
            const QStringView prefix = QStringView(pattern).first(star);
            const QStringView suffix = QStringView(pattern).sliced(star + 1);
            if (specifier.size() < prefix.size() + suffix.size() || !specifier.startsWith(prefix)
                || !specifier.endsWith(suffix))
                continue;
            captured = specifier.sliced(prefix.size(), specifier.size() - prefix.size() - suffix.size());
        }
        for (QString target : targets) {
            target.replace(u'*', captured);
            if (QString file = resolveScriptPath(QDir::cleanPath(join(m_tsconfig.pathsBase, target)));
                !file.isEmpty())
                return file;
        }
    }
    if (!m_tsconfig.baseUrl.isEmpty())
        return resolveScriptPath(QDir::cleanPath(join(m_tsconfig.baseUrl, specifier)));
    return {};
}

QString ModuleResolver::resolveScriptPath(const QString& path) const
{
    // TypeScript's ESM convention: "./util.js" names util.ts, which compiles to it.
    static const std::pair<QStringView, QStringList> sources[] = {
        { u".js", { u".ts"_s, u".tsx"_s } },
        { u".jsx", { u".tsx"_s } },
        { u".mjs", { u".mts"_s } },
        { u".cjs", { u".cts"_s } },
    };
    for (const auto& [compiled, sourceExtensions] : sources) {
        if (!path.endsWith(compiled))
            continue;
        const QString stem = path.first(path.size() - compiled.size());
        for (const QString& extension : sourceExtensions) {
            if (m_index.hasFile(stem + extension))
                return stem + extension;
        }
    }
    if (m_index.hasFile(path))
        return path;
    for (const QString& extension : scriptExtensions()) {
        if (m_index.hasFile(path + extension))
            return path + extension;
    }
    for (const QString& extension : scriptExtensions()) {
        if (m_index.hasFile(path + u"/index"_s + extension))
            return path + u"/index"_s + extension;
    }
    return {};
}

} // namespace foxreload
