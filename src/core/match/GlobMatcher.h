#pragma once

#include "Glob.h"
#include "GlobProgram.h"

namespace foxreload::glob {

// What a path must be to count: the path itself (Glob::matches), the path or one of its parent
// directories (Glob::covers), or a directory everything inside of which is covered
// (Glob::matchesWholeDirectory).
enum class Mode { Exact, Covers, WholeDirectory };

bool matchesAny(const std::vector<Alternative>& alternatives, QStringView path, bool isDirectory, Mode mode);

// The same answer in two steps, for a walker: the directory's segments first, then an entry's name.
Glob::Position startPosition(const Alternative& alt);
void advancePosition(const Alternative& alt, Glob::Position& position, QStringView directoryName);
bool finish(
    const Alternative& alt, const Glob::Position& position, QStringView name, bool isDirectory, Mode mode);

} // namespace foxreload::glob
