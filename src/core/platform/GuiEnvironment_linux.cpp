#include "GuiEnvironment.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace foxreload::platform {

QString executablePath()
{
    return QFile::symLinkTarget(u"/proc/self/exe"_s);
}

bool displayReachable(const QString& qpaPlatform)
{
    const QString plugin = qpaPlatform.section(u':', 0, 0);
    if (!plugin.isEmpty() && !plugin.startsWith(u"xcb"_s) && !plugin.startsWith(u"wayland"_s))
        return true; // offscreen, minimal, vnc, eglfs: asked for on purpose
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace foxreload::platform
