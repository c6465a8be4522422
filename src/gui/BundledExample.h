#pragma once

#include <QString>

namespace foxreload::gui {

// Reynard, the example MCP server that comes with FoxReload: where it is, and a
// folder of it that may be run (its server writes caches next to its sources).
class BundledExample
{
public:
    static constexpr QStringView kName = u"reynard-server";

    // The example's folder, or empty. Looked for next to the sources when the app runs from
    // a build tree (the build directory's parents, or the source directory its CMakeCache.txt
    // names), then where an installation puts it: <prefix>/share/foxreload/examples and the
    // XDG data directories.
    static QString locate(const QString& applicationDir);

    // A folder of the example that can be used: `source` itself when it is writable, else a
    // copy under AppDataLocation/examples (made once; `copiedTo` then names it). Nothing is
    // ever written into the user's home outside FoxReload's own data folder.
    static QString prepare(const QString& source, QString* copiedTo, QString* errorMessage);
};

} // namespace foxreload::gui
