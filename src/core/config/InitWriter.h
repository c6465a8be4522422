#pragma once

#include "ProjectDetector.h"

#include <QByteArray>
#include <QString>

namespace foxreload {

// The .foxreload.yaml that `foxreload init` writes: the detector's guess as a commented file
// that says why each value is what it is, so that the user can correct a wrong guess instead
// of wondering where it came from.
class InitWriter
{
public:
    // The file's text. `projectName` only appears in the header comment.
    static QByteArray render(const QString& projectName, const ProjectGuess& guess);

    enum class Outcome { Written, Replaced, Refused, Failed };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString backup; // the old file's copy when Replaced
        QString error; // why, when Refused or Failed
    };

    // Writes `text` to `path` atomically. An existing file is kept unless `force`; with
    // `force` it is first copied to a .bak file (never overwriting an older backup).
    static Result write(const QString& path, const QByteArray& text, bool force);
};

} // namespace foxreload
