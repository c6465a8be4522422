#pragma once

#include "ReloadPlan.h"
#include "config/Config.h"

#include <QSet>

namespace foxreload {

// Maps paths through the ordered rules (first match wins) and reduces a batch
// to one plan by severity: none < hot_reload < service_restart < full_restart.
// Files no rule names take the default strategy.
class ChangeAnalyzer
{
public:
    ChangeAnalyzer(const QString& projectRoot, const QList<Rule>& rules, ReloadStrategy defaultStrategy);
    ~ChangeAnalyzer();

    QStringList errors() const; // malformed rule patterns

    FileChange classify(const QString& absolutePath, FileEvent::Kind kind) const;
    ReloadPlan analyze(const ChangeBatch& batch) const;

    // A server that cannot hot reload (answered -32601): hot_reload and service_restart
    // escalate to full_restart from now on, with the reason saying so.
    void setHotReloadUnsupported(bool unsupported);
    bool hotReloadUnsupported() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload
