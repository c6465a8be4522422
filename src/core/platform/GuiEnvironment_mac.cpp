#include "GuiEnvironment.h"

#include <QFileInfo>

#include <cstdint>
#include <vector>

// <mach-o/dyld.h>'s one declaration used here, so this file also passes the host compiler's
// check on Linux (scripts/windows-syntax-check.sh).
extern "C" int _NSGetExecutablePath(char* buffer, std::uint32_t* size);

namespace foxreload::platform {

QString executablePath()
{
    std::uint32_t size = 0;
    _NSGetExecutablePath(nullptr, &size); // fails, and says how much room the path needs
    std::vector<char> buffer(size + 1, '\0');
    if (_NSGetExecutablePath(buffer.data(), &size) != 0)
        return {};
    // The path may name a symbolic link, or hold "/./": the file it leads to.
    const QString path = QString::fromUtf8(buffer.data());
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? path : resolved;
}

bool displayReachable(const QString&)
{
    return true; // the window server is always there for a logged-in user
}

} // namespace foxreload::platform
