#include "ImportGraph.h"

#include "GraphLog.h"
#include "ModuleResolver.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

struct Module
{
    QList<ImportSpec> specs; // as last read successfully (or partly, when it never parsed)
    QSet<QString> imports; // resolved
    QString parseError;
    bool everRead = false;
};

} // namespace

struct ImportGraph::Private
{
    explicit Private(const QString& projectRoot)
        : root(QDir::cleanPath(projectRoot))
        , resolver(root, index)
    { }

    QString root;
    ModuleIndex index;
    ModuleResolver resolver;
    QHash<QString, Module> modules;
    QHash<QString, QSet<QString>> importers;
    QHash<QString, QSet<QString>> formerImporters; // of the files the last update removed
    QStringList warnings;
    qsizetype edges = 0;

    QString relative(const QString& path) const
    {
        return path.startsWith(root + u'/') ? path.sliced(root.size() + 1) : path;
    }

    void loadTsConfig()
    {
        QString error;
        resolver.setTsConfig(TsConfigPaths::load(root, &error));
        if (!error.isEmpty()) {
            warnings.append(error + u" (import paths from it are not followed)"_s);
            qCWarning(lcGraph).noquote() << warnings.last();
        }
    }

    bool isTsConfig(const QString& path) const
    {
        const auto& files = resolver.tsConfig().files;
        return files.contains(path) || path == root + u"/tsconfig.json"_s
            || path == root + u"/jsconfig.json"_s;
    }

    void setImports(const QString& file, QSet<QString> resolved)
    {
        Module& module = modules[file];
        for (const QString& old : std::as_const(module.imports)) {
            if (!resolved.contains(old)) {
                importers[old].remove(file);
                --edges;
            }
        }
        for (const QString& target : std::as_const(resolved)) {
            if (!module.imports.contains(target)) {
                importers[target].insert(file);
                ++edges;
            }
        }
        module.imports = std::move(resolved);
    }

    void resolveModule(const QString& file)
    {
        QSet<QString> resolved;
        for (const ImportSpec& spec : std::as_const(modules[file].specs)) {
            for (QString& target : resolver.resolve(file, spec))
                resolved.insert(std::move(target));
        }
        resolved.remove(file);
        setImports(file, std::move(resolved));
    }

    void read(const QString& file)
    {
        ImportScan scan = scanImportsOfFile(file);
        Module& module = modules[file];
        const bool firstRead = !std::exchange(module.everRead, true);
        if (scan.ok()) {
            if (!module.parseError.isEmpty())
                qCInfo(lcGraph).noquote() << relative(file) << "parses again";
            module.parseError.clear();
            module.specs = std::move(scan.imports);
            return;
        }
        if (firstRead)
            module.specs = std::move(scan.imports);
        if (module.parseError.isEmpty()) {
            warnings.append(
                relative(file) + u": "_s + scan.error + u" — its imports as last read are kept"_s);
            qCWarning(lcGraph).noquote() << warnings.last();
        }
        module.parseError = scan.error;
    }

    bool add(const QString& file)
    {
        if (!isModulePath(file) || !index.add(file))
            return false;
        modules.insert(file, {});
        return true;
    }

    bool remove(const QString& file)
    {
        if (!index.remove(file))
            return false;
        setImports(file, {});
        formerImporters.insert(file, importers.value(file));
        modules.remove(file);
        return true;
    }
};

ImportGraph::ImportGraph(const QString& projectRoot)
    : d(std::make_unique<Private>(projectRoot))
{ }

ImportGraph::~ImportGraph() = default;
ImportGraph::ImportGraph(ImportGraph&&) noexcept = default;
ImportGraph& ImportGraph::operator=(ImportGraph&&) noexcept = default;

bool ImportGraph::isModulePath(QStringView path)
{
    return sourceLanguageOf(path) != SourceLanguage::None;
}

void ImportGraph::build(const QStringList& files)
{
    const QString root = d->root;
    d = std::make_unique<Private>(root);
    d->loadTsConfig();
    for (const QString& file : files)
        d->add(QDir::cleanPath(file));
    for (auto it = d->modules.keyBegin(); it != d->modules.keyEnd(); ++it)
        d->read(*it);
    for (auto it = d->modules.keyBegin(); it != d->modules.keyEnd(); ++it)
        d->resolveModule(*it);
    qCDebug(lcGraph) << "import graph:" << d->modules.size() << "modules," << d->edges << "imports";
}

ImportGraph::UpdateStats ImportGraph::update(const QList<FileEvent>& events)
{
    UpdateStats stats;
    d->formerImporters.clear();
    bool membershipChanged = false;
    QSet<QString> toRead;

    auto removePath = [&](const QString& path, bool isDirectory) {
        if (isDirectory) {
            const QString prefix = path + u'/';
            const QStringList known(d->modules.keyBegin(), d->modules.keyEnd());
            for (const QString& file : known) {
                if (file.startsWith(prefix) && d->remove(file)) {
                    ++stats.removed;
                    membershipChanged = true;
                }
            }
        } else if (d->remove(path)) {
            ++stats.removed;
            membershipChanged = true;
        }
        toRead.remove(path);
    };
    auto addPath = [&](const QString& path) {
        if (!isModulePath(path))
            return;
        if (!QFileInfo(path).isFile()) { // gone again before the batch closed
            removePath(path, false);
            return;
        }
        if (d->add(path)) {
            ++stats.added;
            membershipChanged = true;
        }
        toRead.insert(path);
    };

    for (const FileEvent& event : events) {
        if (d->isTsConfig(event.path) || (!event.oldPath.isEmpty() && d->isTsConfig(event.oldPath))) {
            d->loadTsConfig();
            membershipChanged = true;
        }
        switch (event.kind) {
        case FileEvent::Kind::Removed:
            removePath(event.path, event.isDirectory);
            break;
        case FileEvent::Kind::Renamed:
            if (!event.oldPath.isEmpty())
                removePath(event.oldPath, event.isDirectory);
            if (!event.isDirectory)
                addPath(event.path);
            break;
        case FileEvent::Kind::Created:
        case FileEvent::Kind::Modified:
            if (!event.isDirectory)
                addPath(event.path);
            break;
        }
    }
    for (const QString& file : std::as_const(toRead)) {
        d->read(file);
        ++stats.reread;
    }
    if (membershipChanged) {
        for (auto it = d->modules.keyBegin(); it != d->modules.keyEnd(); ++it)
            d->resolveModule(*it);
        stats.reresolved = true;
    } else {
        for (const QString& file : std::as_const(toRead))
            d->resolveModule(file);
    }
    return stats;
}

bool ImportGraph::contains(const QString& file) const
{
    return d->modules.contains(file);
}

QStringList ImportGraph::importersOf(const QString& file) const
{
    auto it = d->importers.constFind(file);
    const QSet<QString>* found = it != d->importers.cend() ? &it.value() : nullptr;
    if (!contains(file)) {
        auto former = d->formerImporters.constFind(file);
        if (former != d->formerImporters.cend())
            found = &former.value();
    }
    QStringList list = found ? QStringList(found->cbegin(), found->cend()) : QStringList();
    list.sort();
    return list;
}

QStringList ImportGraph::importsOf(const QString& file) const
{
    const Module module = d->modules.value(file);
    QStringList list(module.imports.cbegin(), module.imports.cend());
    list.sort();
    return list;
}

qsizetype ImportGraph::moduleCount() const
{
    return d->modules.size();
}

qsizetype ImportGraph::edgeCount() const
{
    return d->edges;
}

QString ImportGraph::parseError(const QString& file) const
{
    return d->modules.value(file).parseError;
}

QStringList ImportGraph::takeWarnings()
{
    return std::exchange(d->warnings, {});
}

} // namespace foxreload
