#pragma once

#include "common/ReloadPlan.h"
#include "config/Config.h"
#include "match/PathFilter.h"

#include <QSet>

#include <memory>

namespace foxreload {

class ImportGraph;

// Maps paths through the ordered rules (first match wins) and reduces a batch
// to one plan by severity: none < hot_reload < service_restart < full_restart.
// Files no rule names take the default strategy, unless an import graph is set:
// then a module no rule names (a helper) takes the strongest strategy among the
// modules that import it, followed transitively through other modules no rule
// names; a module nobody imports decides with the default strategy. The modules
// that decided are added to the components (a helper of tools hot reloads those
// tools), and the reason names the chain: `textutil.py modified ← tools/echo.py →
// hot reload (rule "tools/**/*.py")`.
//
// Rules are globs anchored at the project root (see Glob) and apply to a path
// when they cover it: the path or one of its parent directories matches. A
// removed file is classified like a modified one; a renamed file by the more
// severe of its new and old path. A directory entry takes no strategy unless a
// rule covers it. Excluded paths (setPathFilter) take none. The plan's
// components are the union over the files that share the batch's strategy.
// Stateless per batch: it never drops a batch because a reload is running.
class ChangeAnalyzer
{
public:
    ChangeAnalyzer(const QString& projectRoot, const QList<Rule>& rules, ReloadStrategy defaultStrategy);
    ~ChangeAnalyzer();

    QStringList errors() const; // malformed rule patterns

    FileChange classify(const QString& absolutePath, FileEvent::Kind kind, bool isDirectory = false) const;
    FileChange classify(const FileEvent& event) const; // a rename counts with both paths
    ReloadPlan analyze(const ChangeBatch& batch) const;

    // A server that cannot hot reload (answered -32601): hot_reload and service_restart
    // escalate to full_restart from now on, with the reason saying so.
    void setHotReloadUnsupported(bool unsupported);
    bool hotReloadUnsupported() const;

    // Paths the filter excludes are listed with strategy none (reason "excluded"),
    // for events that reach the analyzer from a watcher that did not filter them.
    void setPathFilter(PathFilterPtr filter);

    // The graph of the server's own modules (not owned; it must outlive its use here, and be
    // updated with a batch before that batch is analysed). nullptr: imports are not followed.
    void setImportGraph(const ImportGraph* graph);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload
