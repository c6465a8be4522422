#pragma once

#include "config/Config.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace foxreload::cli {

// The options `run` and `proxy` share: where the config is and what the command
// line overrides in it. Flags win over the file.
class SessionOptions
{
public:
    void addTo(QCommandLineParser& parser);

    // Loads (or builds) the config and applies the flags. On failure, the
    // messages say what is wrong and where, one per line, and nullopt is returned.
    std::optional<Config> resolve(const QCommandLineParser& parser, QStringList* errors) const;

    // A config that can start programs must be trusted once (like direnv's allow).
    // With --trust it is trusted now; on a terminal the user is asked.
    bool ensureTrusted(const Config& config, const QCommandLineParser& parser, QStringList* errors) const;

    bool json(const QCommandLineParser& parser) const { return parser.isSet(m_json); }
    bool quiet(const QCommandLineParser& parser) const { return parser.isSet(m_quiet); }
    bool noGame(const QCommandLineParser& parser) const { return parser.isSet(m_noGame); }
    bool verbose(const QCommandLineParser& parser) const { return parser.isSet(m_verbose); }

private:
    QCommandLineOption m_config { { QStringLiteral("c"), QStringLiteral("config") },
        QStringLiteral("Use this .foxreload.yaml (a file, or a directory to search upwards from)."),
        QStringLiteral("file") };
    QCommandLineOption m_watch { { QStringLiteral("w"), QStringLiteral("watch") },
        QStringLiteral("Watch this file or directory instead of watch.paths (repeatable)."),
        QStringLiteral("path") };
    QCommandLineOption m_exclude { { QStringLiteral("x"), QStringLiteral("exclude") },
        QStringLiteral("Also exclude paths matching this glob, anchored at the project root (repeatable)."),
        QStringLiteral("glob") };
    QCommandLineOption m_backend { QStringLiteral("backend"),
        QStringLiteral("File watcher backend: auto, inotify, qt or polling."), QStringLiteral("name") };
    QCommandLineOption m_debounce { QStringLiteral("debounce"),
        QStringLiteral("Quiet window before a batch of changes is acted upon."), QStringLiteral("ms") };
    QCommandLineOption m_db { QStringLiteral("db"),
        QStringLiteral("History database: an SQLite file or a postgresql:// URL."),
        QStringLiteral("file|url") };
    QCommandLineOption m_trust { QStringLiteral("trust"),
        QStringLiteral("Trust this config file and let it start its server command.") };
    QCommandLineOption m_noGame { QStringLiteral("no-game"),
        QStringLiteral("No XP, levels or achievements.") };
    QCommandLineOption m_json { QStringLiteral("json"),
        QStringLiteral("Print one JSON object per event instead of text.") };
    QCommandLineOption m_verbose { QStringLiteral("verbose"),
        QStringLiteral("Also print FoxReload's own diagnostic log (stderr).") };
    QCommandLineOption m_transport { QStringLiteral("transport"),
        QStringLiteral(
            "How to talk to the server: stdio (its stdin/stdout) or http (Streamable HTTP at --url)."),
        QStringLiteral("stdio|http") };
    QCommandLineOption m_url { QStringLiteral("url"),
        QStringLiteral("The HTTP server's endpoint; {port} is a free port picked for each server start, also "
                       "given as env PORT and replaced in the server's arguments (default "
                       "http://127.0.0.1:{port}/mcp)."),
        QStringLiteral("URL") };
    QCommandLineOption m_metrics { QStringLiteral("metrics"),
        QStringLiteral("Serve Prometheus metrics on HOST:PORT (GET /metrics; port 0: any free port)."),
        QStringLiteral("host:port") };
    QCommandLineOption m_quiet { { QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Print only reloads and errors; not the server's stderr.") };
};

} // namespace foxreload::cli
