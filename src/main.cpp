#include "cli/Commands.h"
#include "launcher/GuiLauncher.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {
// The command-line event loop needs nothing of GLib's: Qt's own dispatcher costs less per wake-up
// (a proxied ping about a quarter less CPU). Chosen while the application is made, then taken out
// of the environment again, so the servers FoxReload starts do not inherit it.
class CoreApplication
{
public:
    CoreApplication(int& argc, char** argv)
        : m_setHere(!qEnvironmentVariableIsSet("QT_NO_GLIB") && qputenv("QT_NO_GLIB", "1"))
        , m_app(argc, argv)
    {
        if (m_setHere)
            qunsetenv("QT_NO_GLIB");
    }

private:
    bool m_setHere;
    QCoreApplication m_app;
};
} // namespace

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
        CoreApplication app(argc, argv);
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

    CoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeAt(1);
    arguments[0] = u"foxreload "_s + QString::fromLocal8Bit(first);
    return command->run(arguments);
}
