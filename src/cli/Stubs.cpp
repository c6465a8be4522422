// Temporary: commands still being written. Each moves to its own file.
#include "Commands.h"
namespace foxreload::cli {
int watchCommand(const QStringList&) { return ExitFailure; }
int checkConfigCommand(const QStringList&) { return ExitFailure; }
int trustCommand(const QStringList&) { return ExitFailure; }
}
