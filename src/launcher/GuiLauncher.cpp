#include "GuiLauncher.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {
// The module's one entry point (src/gui/GuiModule.cpp).
using GuiMain = int (*)(int argc, char** argv);
constexpr auto kEntryPoint = "foxreload_gui_main";

QString platformRequested(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    }
    return qEnvironmentVariable("QT_QPA_PLATFORM");
}

// The directory of the running executable, without a QCoreApplication (the GUI
// module creates the QApplication itself).
QString executableDir()
{
    return QFileInfo(QFile::symLinkTarget(u"/proc/self/exe"_s)).absolutePath();
}
} // namespace

bool isGuiInvocation(int argc, char** argv)
{
    if (argc <= 1)
        return true;
    return std::strcmp(argv[1], "gui") == 0 || std::strcmp(argv[1], "--minimized") == 0;
}

bool displayAvailable(int argc, char** argv)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString platform = platformRequested(argc, argv).section(u':', 0, 0);
    if (!platform.isEmpty() && !platform.startsWith(u"xcb"_s) && !platform.startsWith(u"wayland"_s))
        return true; // offscreen, minimal, vnc, eglfs: asked for on purpose
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    Q_UNUSED(argc);
    Q_UNUSED(argv);
    return true;
#endif
}

QStringList headlessArguments(int argc, char** argv)
{
    QStringList arguments { u"foxreload run"_s };
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--config") == 0 || std::strcmp(argv[i], "-c") == 0)
            arguments << u"--config"_s << QString::fromLocal8Bit(argv[i + 1]);
    }
    return arguments;
}

QStringList guiModuleCandidates(const QString& dir)
{
    QStringList candidates;
    if (const QString forced = qEnvironmentVariable("FOXRELOAD_GUI_MODULE"); !forced.isEmpty())
        candidates.append(forced);
    candidates.append(dir + u"/foxreload-gui.so"_s);
    candidates.append(QDir::cleanPath(dir + u'/' + QStringLiteral(FOXRELOAD_GUI_MODULE_RELATIVE_DIR))
        + u"/foxreload-gui.so"_s);
    return candidates;
}

std::optional<int> launchGui(int argc, char** argv)
{
    QStringList problems;
    for (const auto& candidate : guiModuleCandidates(executableDir())) {
        if (!QFileInfo::exists(candidate))
            continue;
        QLibrary module(candidate);
        // The module lives as long as the process: unloading it under running Qt objects would crash.
        module.setLoadHints(QLibrary::PreventUnloadHint);
        const auto entry = reinterpret_cast<GuiMain>(module.resolve(kEntryPoint));
        if (entry)
            return entry(argc, argv);
        problems.append(module.errorString());
    }
    if (problems.isEmpty())
        problems.append(u"foxreload-gui.so was not found next to the executable nor in %1"_s.arg(
            QStringLiteral(FOXRELOAD_GUI_MODULE_RELATIVE_DIR)));
    std::fprintf(
        stderr, "foxreload: the desktop app cannot be started: %s\n", qPrintable(problems.join(u"; "_s)));
    return std::nullopt;
}

} // namespace foxreload::gui
