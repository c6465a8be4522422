#include "ImportGraph.h"

#include "GraphLog.h"
#include "ModuleResolver.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// What a module says. Most modules of a large tree import nothing of the project's own and
// parse: those have no record (the index alone knows them), which keeps the graph small.
struct Module
{
    QList<ImportSpec> specs; // as last read successfully (or partly, when it never parsed)
    QSet<QString> imports; // resolved
    QString parseError;

    bool isEmpty() const { return specs.isEmpty() && imports.isEmpty() && parseError.isEmpty(); }
};

// The names an import mentions, any of which a new file must carry to change where it leads:
// "a.b" → a, b (and the names after `import`); "./lib/util.js" → lib, util.
QStringList mentionedNames(const ImportSpec& spec)
{
    QStringList names = spec.names;
    for (QStringView part : QStringView(spec.module).tokenize(u'/')) {
        for (QStringView dotted : part.tokenize(u'.', Qt::SkipEmptyParts))
            names.append(dotted.toString());
    }
    return names;
}

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
    QHash<QString, Module> modules; // only the modules that say something (see Module)
    QHash<QString, QSet<QString>> importers;
    QHash<QString, QSet<QString>> formerImporters; // of the files the last update removed
    QHash<QString, QSet<QString>> mentioning; // a name → the modules whose imports mention it
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

    // The record of a file, made when it is first needed; dropRecordIfEmpty() undoes that.
    Module* recordOf(const QString& file, bool create)
    {
        auto it = modules.find(file);
        if (it == modules.end()) {
            if (!create)
                return nullptr;
            it = modules.insert(file, {});
        }
        return &it.value();
    }

    void dropRecordIfEmpty(const QString& file)
    {
        if (auto it = modules.find(file); it != modules.end() && it->isEmpty())
            modules.erase(it);
    }

    void setImports(const QString& file, QSet<QString> resolved)
    {
        Module* record = recordOf(file, !resolved.isEmpty());
        if (!record)
            return;
        Module& module = *record;
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
        dropRecordIfEmpty(file);
    }

    void resolveModule(const QString& file)
    {
        const Module* module = recordOf(file, false);
        if (!module)
            return; // no specs: it imports nothing, and never did since its last read
        QSet<QString> resolved;
        for (const ImportSpec& spec : std::as_const(module->specs)) {
            for (QString& target : resolver.resolve(file, spec))
                resolved.insert(std::move(target));
        }
        resolved.remove(file);
        setImports(file, std::move(resolved));
    }

    void indexNames(const QString& file, const QList<ImportSpec>& specs, bool add)
    {
        for (const ImportSpec& spec : specs) {
            for (const QString& name : mentionedNames(spec)) {
                if (add) {
                    mentioning[name].insert(file);
                } else if (auto it = mentioning.find(name); it != mentioning.end()) {
                    it->remove(file);
                    if (it->isEmpty())
                        mentioning.erase(it);
                }
            }
        }
    }

    // The modules whose imports may lead elsewhere now that this file came or went: those that
    // mention its name or the name of a folder it is in (a package, a namespace, an index file).
    QSet<QString> modulesMentioning(const QString& file) const
    {
        QSet<QString> found;
        const QStringView path = QStringView(file).sliced(std::min(file.size(), root.size() + 1));
        const qsizetype lastSlash = path.lastIndexOf(u'/');
        QList<QStringView> names
            = path.first(std::max<qsizetype>(lastSlash, 0)).split(u'/', Qt::SkipEmptyParts);
        const QStringView fileName = path.sliced(lastSlash + 1);
        names.append(fileName.first(std::max<qsizetype>(fileName.indexOf(u'.'), 0)));
        for (QStringView name : std::as_const(names)) {
            if (auto it = mentioning.constFind(name.toString()); it != mentioning.cend())
                found.unite(*it);
        }
        return found;
    }

    void setSpecs(const QString& file, QList<ImportSpec> specs)
    {
        Module* module = recordOf(file, !specs.isEmpty());
        if (!module)
            return;
        indexNames(file, module->specs, false);
        module->specs = std::move(specs);
        indexNames(file, module->specs, true);
        dropRecordIfEmpty(file);
    }

    // firstRead: the file was just added, so a read that fails keeps what it could read.
    void read(const QString& file, bool firstRead)
    {
        ImportScan scan = scanImportsOfFile(file);
        const QString lastError = modules.value(file).parseError;
        if (scan.ok()) {
            if (!lastError.isEmpty()) {
                qCInfo(lcGraph).noquote() << relative(file) << "parses again";
                modules[file].parseError.clear();
            }
            setSpecs(file, std::move(scan.imports));
            return;
        }
        if (firstRead)
            setSpecs(file, std::move(scan.imports));
        if (lastError.isEmpty()) {
            warnings.append(
                relative(file) + u": "_s + scan.error + u" — its imports as last read are kept"_s);
            qCWarning(lcGraph).noquote() << warnings.last();
        }
        recordOf(file, true)->parseError = scan.error;
    }

    bool add(const QString& file) { return isModulePath(file) && index.add(file); }

    bool remove(const QString& file)
    {
        if (!index.remove(file))
            return false;
        setImports(file, {});
        formerImporters.insert(file, importers.value(file));
        setSpecs(file, {});
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
    for (const QString& file : d->index.files())
        d->read(file, true);
    // Resolving may drop records (imports only of files outside the project): iterate a copy.
    const QStringList importing(d->modules.keyBegin(), d->modules.keyEnd());
    for (const QString& file : importing)
        d->resolveModule(file);
    qCDebug(lcGraph) << "import graph:" << d->index.files().size() << "modules," << d->edges << "imports";
}

ImportGraph::UpdateStats ImportGraph::update(const QList<FileEvent>& events)
{
    UpdateStats stats;
    d->formerImporters.clear();
    bool resolveAll = false;
    QSet<QString> toRead;
    QSet<QString> added; // read for the first time
    QSet<QString> toResolve;

    auto removePath = [&](const QString& path, bool isDirectory) {
        if (isDirectory) {
            const QString prefix = path + u'/';
            const QStringList known(d->index.files().cbegin(), d->index.files().cend());
            for (const QString& file : known) {
                if (file.startsWith(prefix) && d->remove(file)) {
                    ++stats.removed;
                    toResolve += d->formerImporters.value(file) + d->modulesMentioning(file);
                }
            }
        } else if (d->remove(path)) {
            ++stats.removed;
            toResolve += d->formerImporters.value(path) + d->modulesMentioning(path);
        }
        toRead.remove(path);
        added.remove(path);
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
            added.insert(path);
            toResolve += d->modulesMentioning(path);
        }
        toRead.insert(path);
    };

    for (const FileEvent& event : events) {
        if (d->isTsConfig(event.path) || (!event.oldPath.isEmpty() && d->isTsConfig(event.oldPath))) {
            d->loadTsConfig();
            resolveAll = true;
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
        case FileEvent::Kind::WriteClosed: // the batcher consumes it: never in a batch
            break;
        }
    }
    for (const QString& file : std::as_const(toRead)) {
        d->read(file, added.contains(file));
        ++stats.reread;
    }
    if (resolveAll) {
        toResolve = d->index.files();
    } else {
        toResolve += toRead;
    }
    for (const QString& file : std::as_const(toResolve)) {
        if (!d->index.hasFile(file))
            continue;
        d->resolveModule(file);
        if (!toRead.contains(file))
            ++stats.reresolved;
    }
    return stats;
}

bool ImportGraph::contains(const QString& file) const
{
    return d->index.hasFile(file);
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
    return d->index.files().size();
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
