#include "ChangeAnalyzer.h"

#include "AnalyzeLog.h"
#include "graph/ImportGraph.h"
#include "match/Glob.h"

#include <QDir>
#include <QHash>

#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

struct CompiledRule
{
    Glob glob;
    Rule rule;
};

// What the rules say about one path.
struct Verdict
{
    ReloadStrategy strategy = ReloadStrategy::None;
    QStringList components;
    QString rule;
    bool excluded = false;
    QStringList chain; // relative: importer, its importer, ..., the module that decided
    int otherDeciders = 0; // more modules that import it and decide the same
};

} // namespace

struct ChangeAnalyzer::Private
{
    QString root;
    qsizetype rootPrefixLength = 0;
    std::vector<CompiledRule> rules;
    QStringList errors;
    ReloadStrategy defaultStrategy = ReloadStrategy::FullRestart;
    bool hotReloadUnsupported = false;
    PathFilterPtr filter;
    const ImportGraph* graph = nullptr;

    bool isBelowRoot(const QString& absolutePath) const
    {
        if (absolutePath.size() <= rootPrefixLength || !absolutePath.startsWith(root))
            return false;
        return rootPrefixLength == 1 || absolutePath[root.size()] == u'/';
    }

    // Relative to the project root; a path elsewhere stays absolute (and no rule,
    // anchored at the root, can name it).
    QString relative(const QString& absolutePath) const
    {
        return isBelowRoot(absolutePath) ? absolutePath.mid(rootPrefixLength) : absolutePath;
    }

    Verdict resolve(const QString& absolutePath, bool isDirectory) const
    {
        Verdict verdict;
        if (filter && filter->isExcluded(absolutePath, isDirectory)) {
            verdict.excluded = true;
            return verdict;
        }
        if (isBelowRoot(absolutePath)) {
            const QStringView relativePath = QStringView(absolutePath).sliced(rootPrefixLength);
            for (const CompiledRule& compiled : rules) {
                if (compiled.glob.covers(relativePath, isDirectory)) {
                    verdict.strategy = compiled.rule.strategy;
                    verdict.components = compiled.rule.components;
                    verdict.rule = compiled.rule.match;
                    return verdict;
                }
            }
        }
        // An empty or new directory is no reason to reload, unless a rule says so.
        verdict.strategy = isDirectory ? ReloadStrategy::None : defaultStrategy;
        return verdict;
    }

    // A module no rule names takes the strongest strategy among those that import it.
    Verdict resolveFollowingImports(const QString& absolutePath, bool isDirectory) const
    {
        Verdict verdict = resolve(absolutePath, isDirectory);
        if (!graph || isDirectory || verdict.excluded || !verdict.rule.isEmpty())
            return verdict;
        return followImporters(absolutePath).value_or(std::move(verdict));
    }

    QStringList liveImporters(const QString& module) const
    {
        QStringList importers = graph->importersOf(module);
        if (filter)
            importers.removeIf(
                [this](const QString& importer) { return filter->isExcluded(importer, false); });
        return importers;
    }

    // Breadth first, so the chain named is a shortest one; a module already seen is not
    // entered twice, so cycles end. nullopt when nothing (outside its own cycle) imports it.
    std::optional<Verdict> followImporters(const QString& start) const
    {
        QHash<QString, QString> reachedFrom { { start, QString() } };
        QStringList queue { start };
        QList<std::pair<QString, Verdict>> deciders;
        for (qsizetype next = 0; next < queue.size(); ++next) {
            const QString module = queue.at(next);
            for (const QString& importer : liveImporters(module)) {
                if (reachedFrom.contains(importer))
                    continue;
                reachedFrom.insert(importer, module);
                Verdict verdict = resolve(importer, false);
                if (!verdict.rule.isEmpty())
                    deciders.append({ importer, std::move(verdict) });
                else if (liveImporters(importer).isEmpty())
                    deciders.append({ importer, std::move(verdict) }); // a top module: default strategy
                else
                    queue.append(importer);
            }
        }
        if (deciders.isEmpty())
            return std::nullopt;

        ReloadStrategy strongest = ReloadStrategy::None;
        for (const auto& [module, verdict] : std::as_const(deciders))
            strongest = mostSevere(strongest, verdict.strategy);
        std::optional<Verdict> result;
        for (const auto& [module, verdict] : std::as_const(deciders)) {
            if (verdict.strategy != strongest)
                continue;
            if (!result) {
                result = verdict;
                result->components.clear();
                for (QString at = module; at != start; at = reachedFrom.value(at))
                    result->chain.prepend(relative(at));
            } else {
                ++result->otherDeciders;
            }
            // The modules that decided, then what their rules name: a hot reload re-imports them.
            const QString name = relative(module);
            if (!result->components.contains(name))
                result->components.insert(result->otherDeciders, name);
            for (const QString& component : verdict.components) {
                if (!result->components.contains(component))
                    result->components.append(component);
            }
        }
        return result;
    }
};

ChangeAnalyzer::ChangeAnalyzer(
    const QString& projectRoot, const QList<Rule>& rules, ReloadStrategy defaultStrategy)
    : d(std::make_unique<Private>())
{
    d->root = QDir::cleanPath(projectRoot);
    d->rootPrefixLength = d->root == u"/"_s ? 1 : d->root.size() + 1;
    d->defaultStrategy = defaultStrategy;
    int index = 0;
    for (const Rule& rule : rules) {
        ++index;
        QString error;
        std::optional<Glob> glob = Glob::compile(rule.match, &error);
        if (!glob) {
            const QString where
                = rule.line > 0 ? u" (line "_s + QString::number(rule.line) + u")"_s : QString();
            d->errors.append(
                u"rule "_s + QString::number(index) + where + u" \""_s + rule.match + u"\": "_s + error);
            qCWarning(lcAnalyze).noquote() << d->errors.last();
            continue;
        }
        d->rules.push_back({ std::move(*glob), rule });
    }
}

ChangeAnalyzer::~ChangeAnalyzer() = default;

QStringList ChangeAnalyzer::errors() const
{
    return d->errors;
}

FileChange ChangeAnalyzer::classify(const QString& absolutePath, FileEvent::Kind kind, bool isDirectory) const
{
    FileEvent event;
    event.kind = kind;
    event.path = absolutePath;
    event.isDirectory = isDirectory;
    return classify(event);
}

FileChange ChangeAnalyzer::classify(const FileEvent& event) const
{
    FileChange change;
    change.path = event.path;
    change.relativePath = d->relative(event.path);
    change.kind = event.kind;
    change.isDirectory = event.isDirectory;

    Verdict verdict = d->resolveFollowingImports(event.path, event.isDirectory);
    const bool renamed = event.kind == FileEvent::Kind::Renamed && !event.oldPath.isEmpty();
    if (renamed) {
        // Moving a module away matters as much as creating one.
        change.oldRelativePath = d->relative(event.oldPath);
        Verdict before = d->resolveFollowingImports(event.oldPath, event.isDirectory);
        if (static_cast<int>(before.strategy) > static_cast<int>(verdict.strategy))
            verdict = std::move(before);
    }

    bool escalated = false;
    if (d->hotReloadUnsupported
        && (verdict.strategy == ReloadStrategy::HotReload
            || verdict.strategy == ReloadStrategy::ServiceRestart)) {
        verdict.strategy = ReloadStrategy::FullRestart;
        escalated = true;
    }

    change.strategy = verdict.strategy;
    change.components = verdict.components;
    change.rule = verdict.rule;
    change.excluded = verdict.excluded;
    change.importChain = verdict.chain;

    QString subject = change.relativePath;
    if (change.isDirectory)
        subject += u'/';
    subject += u' ' + fileEventKindName(change.kind);
    if (renamed)
        subject += u" (from "_s + change.oldRelativePath + u')';
    if (!verdict.chain.isEmpty()) {
        subject += u" ← "_s + verdict.chain.join(u" ← "_s);
        if (verdict.otherDeciders > 0)
            subject += u" (and "_s + QString::number(verdict.otherDeciders) + u" more)"_s;
    }

    QString why;
    if (verdict.excluded)
        why = u"excluded"_s;
    else if (!verdict.rule.isEmpty())
        why = u"rule \""_s + verdict.rule + u'"';
    else if (change.isDirectory)
        why = u"directory"_s;
    else
        why = u"default strategy"_s;
    if (escalated)
        why += u"; the server cannot hot reload"_s;
    change.reason = subject + u" → "_s + strategyLabel(change.strategy) + u" ("_s + why + u')';
    return change;
}

ReloadPlan ChangeAnalyzer::analyze(const ChangeBatch& batch) const
{
    ReloadPlan plan;
    plan.batchId = batch.id;
    plan.detectedAt = batch.firstEventAt;
    plan.files.reserve(batch.events.size());
    for (const FileEvent& event : batch.events)
        plan.files.append(classify(event));
    plan.reduceFromFiles();
    qCDebug(lcAnalyze).noquote() << "batch" << batch.id << "→" << strategyName(plan.strategy)
                                 << plan.components << plan.reasons;
    return plan;
}

void ChangeAnalyzer::setHotReloadUnsupported(bool unsupported)
{
    if (unsupported != d->hotReloadUnsupported)
        qCInfo(lcAnalyze) << "hot reload"
                          << (unsupported ? "unsupported: escalating to full restarts" : "supported");
    d->hotReloadUnsupported = unsupported;
}

bool ChangeAnalyzer::hotReloadUnsupported() const
{
    return d->hotReloadUnsupported;
}

void ChangeAnalyzer::setPathFilter(PathFilterPtr filter)
{
    d->filter = std::move(filter);
}

void ChangeAnalyzer::setImportGraph(const ImportGraph* graph)
{
    d->graph = graph;
}

} // namespace foxreload
