#include "Commands.h"

#include "common/VisibleText.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <array>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {
const std::array kCommands {
    Command { "run", "Watch a project and reload its MCP server on every relevant change", runCommand },
    Command { "proxy", "Run an MCP server for an MCP client and keep the client connected across reloads",
        proxyCommand },
    Command { "watch", "Print one line per change below the given directories", watchCommand },
    Command { "init", "Write a commented .foxreload.yaml for a project; --client adds it to an MCP client",
        initCommand },
    Command { "check-config", "Validate a .foxreload.yaml and print it resolved", checkConfigCommand },
    Command { "config", "Read or change one setting of a .foxreload.yaml, keeping the rest of the file",
        configCommand },
    Command { "trust", "Allow a project's .foxreload.yaml to start its server command", trustCommand },
    Command { "stats", "Show level, XP, streak, challenges, achievements and reload totals", statsCommand },
    Command { "forget", "Forget the reload strategies learned for files matching a pattern", forgetCommand },
};
} // namespace

std::span<const Command> commands()
{
    return kCommands;
}

const Command* findCommand(QStringView name)
{
    for (const auto& command : kCommands) {
        if (name == QLatin1StringView(command.name))
            return &command;
    }
    return nullptr;
}

void configureLogging(bool verbose)
{
    qSetMessagePattern(u"%{if-category}%{category}: %{endif}%{message}"_s);
    QLoggingCategory::setFilterRules(verbose ? u"foxreload.*.debug=true\nfoxreload.*.info=true"_s
                                             : u"foxreload.*.debug=false\nfoxreload.*.info=false"_s);
}

QString commandHelp(const QCommandLineParser& parser, const QStringList& arguments)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const QString prefix = u"Usage: "_s;
    if (!program.isEmpty() && !arguments.isEmpty() && text.startsWith(prefix + program))
        text.replace(prefix.size(), program.size(), arguments.constFirst());
    return text;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        printVisible(stderr, arguments.value(0, u"foxreload"_s) + u": "_s + parser.errorText() + u'\n');
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printVisible(stdout, commandHelp(parser, arguments));
        return ExitOk;
    }
    return std::nullopt;
}

void printVisible(FILE* stream, const QString& text)
{
    std::fputs(visibleText(text).toUtf8().constData(), stream);
}

void printUsage(FILE* stream)
{
    std::fprintf(stream, "Usage: foxreload [COMMAND] [OPTIONS]\n\n");
    std::fprintf(stream, "Hot reload for MCP servers. Without a command, starts the desktop app.\n\n");
    std::fprintf(stream, "Commands:\n");
    for (const auto& command : kCommands)
        std::fprintf(stream, "  %-14s %s\n", command.name, command.summary);
    std::fprintf(stream, "\nRun 'foxreload COMMAND --help' for the options of a command.\n");
    std::fprintf(stream, "Options: -h, --help    -v, --version\n");
}

} // namespace foxreload::cli
