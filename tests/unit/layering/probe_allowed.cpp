// Compiled by tst_layering as part of foxreload_watch's world: watch links match and platform,
// so their headers resolve.
#include "match/PathFilter.h"
#include "platform/DirectoryReader.h"
#include "watch/FileWatcher.h"

int foxreloadLayeringProbeAllowed()
{
    return 0;
}
