#pragma once

#include <QString>

namespace foxreload {

// The first error a compiler reported, where it points. What the CLI line, the --json event,
// the notification and the dashboard show of a failed build; the whole output goes to the log.
struct BuildError
{
    QString file; // as the tool wrote it; relative to the build's cwd when it lies below it
    int line = 0;
    int column = 0; // 0: not reported
    QString message; // "TS2322: Type 'string' is not assignable to type 'number'."
    QString tool; // which format matched: "tsc", "gcc", "python", "mypy", "generic"

    // "src/index.ts:3"
    QString location() const;
    // "src/index.ts:3: error TS2322: ..." — one line
    QString summary() const;

    friend bool operator==(const BuildError&, const BuildError&) = default;
};

} // namespace foxreload
