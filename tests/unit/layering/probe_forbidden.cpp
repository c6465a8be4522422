// Compiled by tst_layering as part of foxreload_watch's world: watch does not link the server
// stage, so this include must not resolve and the compile must fail.
#include "server/ServerProcess.h"

int foxreloadLayeringProbeForbidden()
{
    return 0;
}
