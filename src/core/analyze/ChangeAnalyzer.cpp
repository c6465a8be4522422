#include "ChangeAnalyzer.h"

#include "AnalyzeLog.h"
#include "match/Glob.h"

#include <QDir>

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

    Verdict verdict = d->resolve(event.path, event.isDirectory);
    const bool renamed = event.kind == FileEvent::Kind::Renamed && !event.oldPath.isEmpty();
    if (renamed) {
        // Moving a module away matters as much as creating one.
        change.oldRelativePath = d->relative(event.oldPath);
        Verdict before = d->resolve(event.oldPath, event.isDirectory);
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

    QString subject = change.relativePath;
    if (change.isDirectory)
        subject += u'/';
    subject += u' ' + fileEventKindName(change.kind);
    if (renamed)
        subject += u" (from "_s + change.oldRelativePath + u')';

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
    plan.strategy = ReloadStrategy::None;
    plan.files.reserve(batch.events.size());
    for (const FileEvent& event : batch.events) {
        plan.files.append(classify(event));
        plan.strategy = mostSevere(plan.strategy, plan.files.last().strategy);
    }
    for (const FileChange& file : std::as_const(plan.files)) {
        if (file.strategy != plan.strategy)
            continue;
        plan.reasons.append(file.reason);
        for (const QString& component : file.components) {
            if (!plan.components.contains(component))
                plan.components.append(component);
        }
    }
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

} // namespace foxreload
