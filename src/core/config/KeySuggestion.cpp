#include "KeySuggestion.h"

#include <algorithm>
#include <vector>

namespace foxreload {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two neighbours ("debonuce") each cost one.
qsizetype editDistance(QStringView a, QStringView b)
{
    const qsizetype rows = a.size() + 1;
    const qsizetype columns = b.size() + 1;
    std::vector<qsizetype> d(static_cast<size_t>(rows * columns));
    const auto at
        = [&](qsizetype i, qsizetype j) -> qsizetype& { return d[static_cast<size_t>(i * columns + j)]; };
    for (qsizetype i = 0; i < rows; ++i)
        at(i, 0) = i;
    for (qsizetype j = 0; j < columns; ++j)
        at(0, j) = j;
    for (qsizetype i = 1; i < rows; ++i) {
        for (qsizetype j = 1; j < columns; ++j) {
            const qsizetype cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({ at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, columns - 1);
}

} // namespace

QString normalizedName(QStringView name)
{
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        if (c != u'_' && c != u'-')
            result.append(c.toLower());
    }
    return result;
}

QString closestName(QStringView word, const QStringList& candidates)
{
    const QString wanted = normalizedName(word);
    if (wanted.isEmpty())
        return {};
    QString best;
    qsizetype bestDistance = 0;
    for (const QString& candidate : candidates) {
        const QString normalized = normalizedName(candidate);
        if (normalized == wanted)
            return candidate;
        const qsizetype distance = editDistance(wanted, normalized);
        // Allow about one typo per three characters, at most three.
        const qsizetype allowed = std::clamp<qsizetype>(std::max(wanted.size(), normalized.size()) / 3, 1, 3);
        if (distance <= allowed && (best.isEmpty() || distance < bestDistance)) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace foxreload
