#include "GuiEntry.h"

#include "GuiApp.h"
#include "cli/UnixSignals.h"

#include <QApplication>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

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
