#pragma once

#include "GlobProgram.h"

#include <optional>

namespace foxreload::glob {

// Compiles a pattern (Glob.h's syntax) into its brace-free alternatives, or returns nullopt
// with `error` saying what is wrong and where (columns count in the pattern as written).
std::optional<std::vector<Alternative>> compileAlternatives(QStringView pattern, QString& error);

} // namespace foxreload::glob
