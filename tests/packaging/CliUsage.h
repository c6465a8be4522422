#pragma once

// What `foxreload --help` and `foxreload COMMAND --help` print, taken apart: the commands and each
// command's options. The man page and the completions are checked against this, so an option
// added to a parser but not documented fails a test.

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

namespace foxreload::test {

struct CliOption
{
    QString shortName; // "c", or empty
    QString longName; // "config"
};

inline QString runFoxreload(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The command names listed under "Commands:" in `foxreload --help`.
inline QStringList cliCommands()
{
    const QString usage = runFoxreload({ QStringLiteral("--help") });
    QStringList commands;
    bool inCommands = false;
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z][a-z-]*)\\s"));
    for (const QString& line : usage.split(u'\n')) {
        if (line == u"Commands:") {
            inCommands = true;
            continue;
        }
        if (inCommands && line.trimmed().isEmpty())
            break;
        if (const auto match = commandLine.match(line); inCommands && match.hasMatch())
            commands.append(match.captured(1));
    }
    return commands;
}

// The options of `foxreload COMMAND --help` ("-c, --config <file>", "--json", ...).
inline QList<CliOption> cliOptions(const QString& command)
{
    const QString help = runFoxreload({ command, QStringLiteral("--help") });
    QList<CliOption> options;
    static const QRegularExpression optionLine(QStringLiteral("^\\s+(?:-([A-Za-z?]), )?--([a-z][a-z0-9-]*)"));
    bool inOptions = false;
    for (const QString& line : help.split(u'\n')) {
        if (line == u"Options:") {
            inOptions = true;
            continue;
        }
        if (inOptions && line == u"Arguments:")
            break;
        if (const auto match = optionLine.match(line); inOptions && match.hasMatch())
            options.append({ match.captured(1), match.captured(2) });
    }
    return options;
}

} // namespace foxreload::test
