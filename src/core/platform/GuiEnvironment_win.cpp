#include "GuiEnvironment.h"

#include <vector>
#include <windows.h>

namespace foxreload::platform {

QString executablePath()
{
    // The buffer grows until the path fits (long paths exceed MAX_PATH).
    std::vector<wchar_t> buffer(MAX_PATH);
    for (;;) {
        const DWORD length = ::GetModuleFileNameW(nullptr, buffer.data(), DWORD(buffer.size()));
        if (length == 0)
            return {};
        if (length < buffer.size())
            return QString::fromWCharArray(buffer.data(), int(length));
        if (buffer.size() >= 32768)
            return {};
        buffer.resize(buffer.size() * 2);
    }
}

bool displayReachable(const QString&)
{
    return true; // an interactive session always has a desktop
}

} // namespace foxreload::platform
