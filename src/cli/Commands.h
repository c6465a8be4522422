#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <optional>
#include <span>

namespace foxreload::cli {

// One headless subcommand. `arguments` starts with "foxreload <name>" (what
// QCommandLineParser takes as the program name) followed by the rest.
struct Command
{
    const char* name;
    const char* summary;
    std::function<int(const QStringList& arguments)> run;
};

std::span<const Command> commands();
const Command* findCommand(QStringView name);

// Exit codes shared by all commands.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and reports a failure (bad config, server never became ready)
    ExitUsage = 2, // wrong arguments
};

int runCommand(const QStringList& arguments);
int proxyCommand(const QStringList& arguments);
int watchCommand(const QStringList& arguments);
int checkConfigCommand(const QStringList& arguments);
int configCommand(const QStringList& arguments);
int trustCommand(const QStringList& arguments);
int statsCommand(const QStringList& arguments);
int initCommand(const QStringList& arguments);
int forgetCommand(const QStringList& arguments);

// Module logs are for diagnosing FoxReload itself: warnings always show, info and
// debug only with --verbose (or QT_LOGGING_RULES, which wins over both).
void configureLogging(bool verbose);

// A subcommand's --help text, naming it as the user typed it ("foxreload watch"),
// where QCommandLineParser would name the executable's path.
QString commandHelp(const QCommandLineParser& parser, const QStringList& arguments);

// Parses a subcommand's `arguments` (the first is "foxreload <name>"). Empty when the command
// goes on; otherwise it is done, and this is its exit code: ExitUsage after the parser's error
// ("foxreload <name>: …" on stderr), ExitOk after its --help text (on stdout).
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments);

// Writes text for a terminal with escape sequences made visible: paths and commands from a
// config may hold them, and the terminal must not act on them (or hide part of what is shown).
void printVisible(FILE* stream, const QString& text);

// Prints the top-level usage (commands and their summaries).
void printUsage(FILE* stream);

} // namespace foxreload::cli
