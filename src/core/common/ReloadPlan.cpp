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

} // namespace foxreload
