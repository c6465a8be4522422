#include "GuiLauncher.h"

#include "platform/GuiEnvironment.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <cstdio>
#include <cstring>

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
    return QFileInfo(platform::executablePath()).absolutePath();
}

// foxreload-gui.so, or .dll on Windows (CMake's module suffix of the platform built for).
const QString kModuleFile = QStringLiteral(FOXRELOAD_GUI_MODULE_FILE);
} // namespace

bool isGuiInvocation(int argc, char** argv)
{
    if (argc <= 1)
        return true;
    return std::strcmp(argv[1], "gui") == 0 || std::strcmp(argv[1], "--minimized") == 0;
}

bool displayAvailable(int argc, char** argv)
{
    return platform::displayReachable(platformRequested(argc, argv));
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
    candidates.append(dir + u'/' + kModuleFile);
    candidates.append(
        QDir::cleanPath(dir + u'/' + QStringLiteral(FOXRELOAD_GUI_MODULE_RELATIVE_DIR)) + u'/' + kModuleFile);
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
        problems.append(u"%1 was not found next to the executable nor in %2"_s.arg(
            kModuleFile, QStringLiteral(FOXRELOAD_GUI_MODULE_RELATIVE_DIR)));
    std::fprintf(
        stderr, "foxreload: the desktop app cannot be started: %s\n", qPrintable(problems.join(u"; "_s)));
    return std::nullopt;
}

} // namespace foxreload::gui
