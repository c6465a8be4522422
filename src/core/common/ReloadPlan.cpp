#include "ReloadPlan.h"

namespace foxreload {

const FileChange* ReloadPlan::decisive() const
{
    for (const FileChange& file : files) {
        if (file.strategy == strategy)
            return &file;
    }
    return nullptr;
}

void ReloadPlan::reduceFromFiles()
{
    strategy = ReloadStrategy::None;
    for (const FileChange& file : std::as_const(files))
        strategy = mostSevere(strategy, file.strategy);
    reasons.clear();
    components.clear();
    for (const FileChange& file : std::as_const(files)) {
        if (file.strategy != strategy)
            continue;
        reasons.append(file.reason);
        for (const QString& component : file.components) {
            if (!components.contains(component))
                components.append(component);
        }
    }
}

} // namespace foxreload
