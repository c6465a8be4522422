// `foxreload init [DIR] [--force] [--client NAME] [-- COMMAND ARGS]`: the first five minutes.
// Looks at a project, writes a commented .foxreload.yaml that works, optionally registers the
// proxy with an MCP client, and says what to do next.
#include "Commands.h"
#include "common/ShellQuote.h"
#include "config/ClientConfigs.h"
#include "config/CommandAdvice.h"
#include "config/ConfigLoader.h"
#include "config/InitWriter.h"
#include "config/ProjectDetector.h"
#include "config/TrustStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

// The name the entry gets in a client's server list: the folder's, which is what the user
// recognises in the client's tool list.
QString defaultServerName(const QString& dir)
{
    QString name = QFileInfo(dir).fileName();
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            c = u'-';
    }
    return name.isEmpty() ? u"foxreload"_s : name;
}

// A GUI client does not see the shell's PATH (on macOS least of all): the entry names the
// running executable by its full path.
QString foxreloadExecutable()
{
    const QString path = QCoreApplication::applicationFilePath();
    return path.isEmpty() ? u"foxreload"_s : path;
}

ClientServerEntry clientEntry(
    McpClient client, const QString& name, const QString& dir, const QString& config)
{
    // VS Code's list lives in the project's .vscode/: its own variable keeps it free of this
    // machine's absolute path, so the file can be committed.
    const QString configArgument
        = client == McpClient::VsCode && QDir::cleanPath(dir) == QFileInfo(config).absolutePath()
        ? u"${workspaceFolder}/"_s + ConfigLoader::fileName.toString()
        : config;
    return { name, foxreloadExecutable(), { u"proxy"_s, u"--config"_s, configArgument } };
}

// Installed, typo, missing: one line each, on stderr, not stopping init (the file is still
// right; the machine is missing something).
void warnAboutPrograms(const ProjectGuess& guess, const QString& dir)
{
    QString advice = missingProgramAdvice(u"command"_s, guess.command);
    if (advice.isEmpty() && guess.command.contains(u'/')
        && !QFileInfo(QDir(dir).absoluteFilePath(guess.command)).isExecutable())
        advice = u"command '"_s + guess.command + u"' is not an executable file yet"_s;
    if (!advice.isEmpty())
        printVisible(stderr, u"foxreload init: warning: "_s + advice + u'\n');
    if (guess.buildCommand.isEmpty())
        return;
    advice = missingProgramAdvice(u"build command"_s, guess.buildCommand.constFirst());
    if (advice.isEmpty())
        advice = missingBuildToolAdvice(guess.buildTool, dir);
    if (!advice.isEmpty())
        printVisible(stderr, u"foxreload init: warning: "_s + advice + u'\n');
}

void printNextSteps(const QString& config, const ProjectGuess& guess, const QString& name, bool clientAdded)
{
    const QString shown = QDir::toNativeSeparators(config);
    QString text = u"\nNext steps:\n"_s;
    text += u"  foxreload check-config "_s + shellQuote(shown) + u"   # the settings, resolved\n"_s;
    if (TrustStore().status(config) != TrustStore::Status::Trusted)
        text += u"  foxreload trust "_s + shellQuote(shown) + u"          # allow it to run: "_s
            + shellCommandLine(guess.command, guess.args) + u'\n';
    text += u"  foxreload run --config "_s + shellQuote(shown) + u"   # watch and reload, in a terminal\n"_s;
    if (!clientAdded) {
        text += u"\nYour MCP client starts the server through FoxReload's proxy, which keeps it connected\n"
                u"across reloads. Add this to its server list (\"mcpServers\"; VS Code: \"servers\"):\n"_s;
        text += u"  \""_s + name + u"\": {\"command\": \""_s + foxreloadExecutable()
            + u"\", \"args\": [\"proxy\", \"--config\", \""_s + config + u"\"]}\n"_s;
        text += u"or let init add it: foxreload init "_s + shellQuote(QFileInfo(config).absolutePath())
            + u" --client claude|cursor|vscode\n"_s;
    }
    printVisible(stdout, text);
}

} // namespace

int initCommand(const QStringList& arguments)
{
    // Everything after "--" is the server command, never options of ours.
    const qsizetype dashes = arguments.indexOf(u"--"_s);
    const QStringList ownArguments = dashes < 0 ? arguments : arguments.mid(0, dashes);
    const QStringList serverCommand = dashes < 0 ? QStringList() : arguments.mid(dashes + 1);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Look at a project and write a commented .foxreload.yaml for it: the server command (Node, "
        u"TypeScript or Python), the build step, the excludes. Prints the next steps.\n"
        u"Give the server command after -- when init cannot tell it (or should not guess)."_s);
    parser.addHelpOption();
    const QCommandLineOption force(
        u"force"_s, u"Replace an existing .foxreload.yaml (kept as .foxreload.yaml.bak)."_s);
    const QCommandLineOption client(u"client"_s,
        u"Also add the server to this MCP client's config: claude, cursor or vscode (repeatable). "
        u"An existing .foxreload.yaml is then used as it is."_s,
        u"name"_s);
    const QCommandLineOption name(
        u"name"_s, u"The server's name in the client's list (default: the folder's)."_s, u"name"_s);
    parser.addOptions({ force, client, name });
    parser.addPositionalArgument(
        u"dir"_s, u"The project folder (default: the current directory)."_s, u"[dir]"_s);
    parser.addPositionalArgument(
        u"command"_s, u"The server command, when init should not guess it."_s, u"[-- command [args...]]"_s);
    if (const std::optional<int> done = parseCommandLine(parser, ownArguments))
        return *done;
    if (parser.positionalArguments().size() > 1) {
        printVisible(stderr,
            u"foxreload init: expected at most one folder, got "_s + parser.positionalArguments().join(u' ')
                + u" (put the server command after --)\n"_s);
        return ExitUsage;
    }
    QList<McpClient> clients;
    for (const QString& clientName : parser.values(client)) {
        const auto known = mcpClientFromName(clientName);
        if (!known) {
            printVisible(stderr,
                u"foxreload init: unknown client '"_s + clientName + u"'; expected one of "_s
                    + mcpClientNames().join(u", "_s) + u'\n');
            return ExitUsage;
        }
        if (!clients.contains(*known))
            clients.append(*known);
    }
    const QFileInfo dirInfo(parser.positionalArguments().value(0, QDir::currentPath()));
    if (!dirInfo.isDir()) {
        printVisible(stderr, u"foxreload init: "_s + dirInfo.filePath() + u" is not a directory\n"_s);
        return ExitFailure;
    }
    const QString dir = QDir::cleanPath(dirInfo.absoluteFilePath());
    const QString config = QDir(dir).filePath(ConfigLoader::fileName.toString());

    ProjectGuess guess = ProjectDetector::detect(dir);
    if (!serverCommand.isEmpty()) {
        guess.command = serverCommand.constFirst();
        guess.args = serverCommand.mid(1);
        guess.problem.clear();
        guess.notes.append(
            u"the server command was given to init: "_s + shellCommandLine(guess.command, guess.args));
    }

    // With --client, an existing config is what the client is pointed at; without, init is
    // asked to write one.
    const bool keepExisting = !clients.isEmpty() && !parser.isSet(force) && QFileInfo::exists(config);
    if (keepExisting) {
        printVisible(stdout, u"Using the existing "_s + config + u'\n');
        const ConfigLoadResult existing = ConfigLoader::loadFile(config);
        if (existing.ok()) {
            guess.command = existing.config->server.command;
            guess.args = existing.config->server.args;
        } else if (!existing.errors.isEmpty()) {
            printVisible(
                stderr, u"foxreload init: warning: "_s + existing.errors.constFirst().toString() + u'\n');
        }
    } else {
        if (guess.command.isEmpty()) {
            printVisible(stderr,
                u"foxreload init: cannot tell how "_s + dir + u"'s server starts: "_s + guess.problem
                    + u". Name it: foxreload init "_s + shellQuote(dir) + u" -- COMMAND [ARGS...]\n"_s);
            return ExitFailure;
        }
        const InitWriter::Result written = InitWriter::write(
            config, InitWriter::render(QFileInfo(dir).fileName(), guess), parser.isSet(force));
        if (written.outcome == InitWriter::Outcome::Refused
            || written.outcome == InitWriter::Outcome::Failed) {
            printVisible(stderr, u"foxreload init: "_s + written.error + u'\n');
            return ExitFailure;
        }
        printVisible(stdout,
            u"Wrote "_s + config + u": "_s + shellCommandLine(guess.command, guess.args)
                + (guess.buildCommand.isEmpty() ? QString()
                                                : u", built first with "_s + guess.buildCommand.join(u' '))
                + u'\n');
        if (!written.backup.isEmpty())
            printVisible(stdout, u"The old file is kept as "_s + written.backup + u'\n');
        warnAboutPrograms(guess, dir);
    }

    const QString serverName = parser.isSet(name) ? parser.value(name) : defaultServerName(dir);
    int exitCode = ExitOk;
    for (const McpClient each : clients) {
        const QString path
            = clientConfigPath(each, currentHostOs(), ClientPathEnvironment::fromSystem(), dir);
        const ClientInstallResult result
            = installClientServer(path, each, clientEntry(each, serverName, dir, config));
        const QString title = mcpClientTitle(each);
        switch (result.status) {
        case ClientConfigEdit::Status::Added:
            printVisible(stdout,
                u"Added \""_s + serverName + u"\" to "_s + title + u"'s "_s + path
                    + (result.backup.isEmpty() ? QString()
                                               : u" (the old file is kept as "_s + result.backup + u')')
                    + u"; restart "_s + title + u" to load it\n"_s);
            break;
        case ClientConfigEdit::Status::AlreadyThere:
            printVisible(stdout,
                title + u" already starts this project as \""_s + result.existingName + u"\" ("_s + path
                    + u"); nothing changed\n"_s);
            break;
        case ClientConfigEdit::Status::NameTaken:
            printVisible(stderr,
                u"foxreload init: "_s + path + u" already has a server named \""_s + serverName
                    + u"\" that starts something else; left as it is. Pick another name with --name\n"_s);
            exitCode = ExitFailure;
            break;
        case ClientConfigEdit::Status::Invalid:
            printVisible(stderr, u"foxreload init: "_s + result.error + u'\n');
            exitCode = ExitFailure;
            break;
        }
    }
    printNextSteps(config, guess, serverName, !clients.isEmpty());
    return exitCode;
}

} // namespace foxreload::cli
