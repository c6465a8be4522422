#pragma once

#include <QString>
#include <QStringList>

namespace foxreload {

// "did you mean ...?" for misspelt config keys and values: typos are the most common
// config mistake, and a suggestion turns a puzzle into a one-character fix.

// Lower case without '_' and '-': "debounceMs", "Debounce-MS" and "debounce_ms" read the same.
QString normalizedName(QStringView name);

// The candidate closest to `word` (case, '_' and '-' ignored first, then edit distance with
// transpositions), or an empty string when none is close enough to be a plausible typo.
QString closestName(QStringView word, const QStringList& candidates);

} // namespace foxreload
