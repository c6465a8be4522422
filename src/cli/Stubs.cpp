// Temporary: commands still being written. Each moves to its own file.
#include "Commands.h"
namespace foxreload::cli { }
