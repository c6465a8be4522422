#include "GuiEntry.h"

#include "GuiApp.h"
#include "cli/UnixSignals.h"

#include <QApplication>

#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

QString platformRequested(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    }
    return qEnvironmentVariable("QT_QPA_PLATFORM");
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

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    GuiOptions options;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == u"--minimized")
            options.minimized = true;
        else if (argument == u"--settings")
            options.openSettings = true;
        else if ((argument == u"--config" || argument == u"-c") && i + 1 < arguments.size())
            options.configFile = arguments[++i];
        else if (argument == u"--db" && i + 1 < arguments.size())
            options.database = arguments[++i];
        else if ((i > 1 || argument != u"gui") && !argument.startsWith(u'-'))
            options.configFile = argument; // a .foxreload.yaml opened from a file manager
    }
    GuiApp gui(options);
    if (!gui.start())
        return gui.exitCode();
    // SIGTERM (logout, systemd, kill) stops the servers the way Quit does.
    cli::UnixSignals signals;
    QObject::connect(&signals, &cli::UnixSignals::terminationRequested, &gui, &GuiApp::quit);
    return QApplication::exec();
}

} // namespace foxreload::gui
