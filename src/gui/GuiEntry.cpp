#include "GuiEntry.h"

#include "DesktopApplication.h"
#include "GuiApp.h"
#include "platform/ConsoleSignals.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

// `--palette dark`: Fusion with a dark palette, to see (and screenshot) the app the way a
// dark desktop theme shows it where no platform theme provides one.
void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Mid, QColor(0x8a, 0x8a, 0x8a));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        palette.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    QApplication::setPalette(palette);
}

} // namespace

int runGui(int argc, char** argv)
{
    DesktopApplication app(argc, argv);
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
        else if (argument == u"--palette" && i + 1 < arguments.size()) {
            if (arguments[++i] == u"dark")
                useDarkPalette();
        } else if ((i > 1 || argument != u"gui") && !argument.startsWith(u'-'))
            options.configFile = argument; // a .foxreload.yaml opened from a file manager
    }
    GuiApp gui(options);
    if (!gui.start())
        return gui.exitCode();
    // SIGTERM (logout, systemd, kill; Windows: console close, logoff) stops the servers the way Quit does.
    platform::ConsoleSignals signals;
    QObject::connect(&signals, &platform::ConsoleSignals::terminationRequested, &gui, &GuiApp::quit);
    return QApplication::exec();
}

} // namespace foxreload::gui
