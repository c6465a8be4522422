#pragma once

#include "common/BuildError.h"

#include <QString>

#include <optional>

namespace foxreload {

// Finds the first error in a build's combined output. Recognises tsc (plain and --pretty),
// gcc/clang (`file:line:col: error:`), Python (py_compile and tracebacks: the innermost
// `File "...", line N` and the exception line) and mypy (`file:line: error:`); a warning is
// never taken for the error. Failing all those, the first `path:line:` in the output.
// `cwd`: where the build ran, to shorten absolute paths below it.
std::optional<BuildError> parseFirstBuildError(const QString& output, const QString& cwd = {});

} // namespace foxreload
