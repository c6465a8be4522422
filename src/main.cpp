#include "cli/Commands.h"
#include "launcher/GuiLauncher.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace foxreload;

int main(int argc, char* argv[])
{
    const char* first = argc > 1 ? argv[1] : nullptr;

    QCoreApplication::setOrganizationName(u"FoxReload"_s);
    QCoreApplication::setApplicationName(u"foxreload"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FOXRELOAD_VERSION));
    cli::configureLogging(false);

    if (first && (std::strcmp(first, "--version") == 0 || std::strcmp(first, "-v") == 0)) {
        std::printf("foxreload %s\n", FOXRELOAD_VERSION);
        return cli::ExitOk;
    }
    // No command (or `gui`, `--minimized`): the desktop app, or the headless session where none can run.
    if (gui::isGuiInvocation(argc, argv)) {
#ifdef FOXRELOAD_HAVE_GUI
        if (gui::displayAvailable(argc, argv)) {
            if (const std::optional<int> exitCode = gui::launchGui(argc, argv))
                return *exitCode;
        } else {
            std::fprintf(stderr,
                "foxreload: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the headless session "
                "(foxreload run) instead\n");
        }
#else
        std::fprintf(
            stderr, "foxreload: built without the desktop app; running the headless session instead\n");
#endif
        QCoreApplication app(argc, argv);
        return cli::runCommand(gui::headlessArguments(argc, argv));
    }
    if (!first || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0) {
        cli::printUsage(stdout);
        return first ? cli::ExitOk : cli::ExitUsage;
    }

    const auto* command = cli::findCommand(QString::fromLocal8Bit(first));
    if (!command) {
        std::fprintf(stderr, "foxreload: unknown command '%s'\n\n", first);
        cli::printUsage(stderr);
        return cli::ExitUsage;
    }

    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    arguments.removeAt(1);
    arguments[0] = u"foxreload "_s + QString::fromLocal8Bit(first);
    return command->run(arguments);
}
