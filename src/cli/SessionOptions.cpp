#include "SessionOptions.h"

#include "ConfigArgument.h"
#include "common/DatabaseLocation.h"
#include "common/ShellQuote.h"
#include "common/VisibleText.h"
#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"
#include "config/TrustStore.h"
#include "platform/ConsoleIo.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

void SessionOptions::addTo(QCommandLineParser& parser)
{
    parser.addOptions({ m_config, m_watch, m_exclude, m_backend, m_debounce, m_db, m_trust, m_noGame, m_json,
        m_quiet, m_verbose, m_transport, m_url, m_metrics });
    parser.addPositionalArgument(u"-- command"_s,
        u"The server command and its arguments (overrides server.command and server.args)."_s,
        u"[-- command [args...]]"_s);
}

std::optional<Config> SessionOptions::resolve(const QCommandLineParser& parser, QStringList* errors) const
{
    const QString cwd = QDir::currentPath();
    const QStringList command = parser.positionalArguments();

    std::optional<Config> config;
    QString configPath;
    if (parser.isSet(m_config) || command.isEmpty()) {
        QString error;
        configPath = locateConfigFile(parser.value(m_config), &error);
        if (configPath.isEmpty()) {
            if (!parser.isSet(m_config))
                error += u"; pass --config FILE, or the server command after --, e.g. foxreload run -- "
                         u"python3 server.py"_s;
            errors->append(visibleText(error));
            return std::nullopt;
        }
    }

    if (!configPath.isEmpty()) {
        ConfigLoadResult loaded = ConfigLoader::loadFile(configPath);
        if (!loaded.ok()) {
            for (const auto& error : std::as_const(loaded.errors))
                errors->append(visibleText(error.toString())); // keys and values as the file has them
            return std::nullopt;
        }
        config = std::move(loaded.config);
    } else {
        config = Config::defaults(cwd);
    }

    if (!command.isEmpty()) {
        config->server.command = command.first();
        config->server.args = command.mid(1);
    }
    if (parser.isSet(m_watch)) {
        config->watch.paths.clear();
        for (const auto& path : parser.values(m_watch)) {
            const QFileInfo info(path);
            if (!info.exists()) {
                errors->append(u"--watch %1: no such file or directory"_s.arg(visibleText(path)));
                continue;
            }
            config->watch.paths.append(QDir::cleanPath(info.absoluteFilePath()));
        }
    }
    config->watch.exclude += parser.values(m_exclude);
    // Flags that set one plain key are checked as the file's value would be (ConfigSchema).
    const QList<std::pair<const QCommandLineOption*, QString>> plainOverrides {
        { &m_backend, u"watch.backend"_s },
        { &m_debounce, u"watch.debounce_ms"_s },
        { &m_transport, u"server.transport"_s },
    };
    QStringList keysSet;
    for (const auto& [option, keyPath] : plainOverrides) {
        if (!parser.isSet(*option))
            continue;
        const ConfigKeyInfo& key = *configKeyInfo(keyPath);
        QString problem;
        if (const auto value = parseConfigValue(key, parser.value(*option), &problem)) {
            key.access.set(*config, *value);
            keysSet.append(keyPath);
        } else {
            errors->append(u"--"_s + option->names().constLast() + u": "_s + visibleText(problem));
        }
    }
    if (parser.isSet(m_db))
        config->database = isDatabaseUrl(parser.value(m_db))
            ? parser.value(m_db)
            : QFileInfo(parser.value(m_db)).absoluteFilePath();
    if (parser.isSet(m_metrics)) {
        const QString listen = parser.value(m_metrics).trimmed();
        bool portOk = false;
        const int port = listen.mid(listen.lastIndexOf(u':') + 1).toInt(&portOk);
        if (!listen.contains(u':') || !portOk || port < 0 || port > 65535)
            errors->append(u"--metrics: expected HOST:PORT such as 127.0.0.1:9464, got \"%1\""_s.arg(
                visibleText(listen)));
        else
            config->metrics.listen = listen;
    }
    if (parser.isSet(m_noGame))
        config->gamification.enabled = false;
    if (parser.isSet(m_url)) {
        const QString url = parser.value(m_url);
        const QUrl checked(QString(url).replace(u"{port}"_s, u"1"_s), QUrl::StrictMode);
        if (!checked.isValid() || (checked.scheme() != u"http" && checked.scheme() != u"https")
            || checked.host().isEmpty())
            errors->append(
                u"--url: expected an http:// URL such as http://127.0.0.1:{port}/mcp, got \"%1\""_s.arg(
                    visibleText(url)));
        else
            config->server.url = url;
        // A URL says the server speaks HTTP; --transport stdio beside it is the user's explicit word.
        if (!parser.isSet(m_transport))
            config->server.transport = ServerTransport::Http;
    }
    // Rules between keys hold after the flags too: --debounce 5000 against the file's max_wait_ms 1000.
    for (const ConfigConstraintViolation& violation : applyConfigConstraints(*config, keysSet)) {
        const auto flag
            = std::find_if(plainOverrides.cbegin(), plainOverrides.cend(), [&](const auto& entry) {
                  return parser.isSet(*entry.first)
                      && (entry.second == violation.key || entry.second == violation.otherKey);
              });
        if (flag == plainOverrides.cend()) {
            errors->append(violation.message);
            continue;
        }
        const QString name = u"--"_s + flag->first->names().constLast();
        const QString fileKey = flag->second == violation.key ? violation.otherKey : violation.key;
        errors->append(name + u' ' + visibleText(parser.value(*flag->first)) + u": "_s + violation.message
            + u"; change "_s + fileKey + u" in the config, or give "_s + name + u" a value that fits"_s);
    }
    if (config->server.command.isEmpty())
        errors->append(u"no server command: set server.command in the config or give it after --"_s);
    if (config->watch.paths.isEmpty())
        errors->append(u"nothing to watch: set watch.paths in the config or pass --watch"_s);
    if (!errors->isEmpty())
        return std::nullopt;
    return config;
}

bool SessionOptions::ensureTrusted(
    const Config& config, const QCommandLineParser& parser, QStringList* errors) const
{
    if (config.sourceFile.isEmpty())
        return true; // the command came from the command line: the user typed it
    TrustStore store;
    if (store.isTrusted(config))
        return true;
    if (parser.isSet(m_trust)) {
        QString error;
        if (!store.trust(config, &error)) {
            errors->append(visibleText(error));
            return false;
        }
        return true;
    }
    if (platform::isTerminal(platform::StandardStream::Input)
        && platform::isTerminal(platform::StandardStream::Error)) {
        // What is shown is the config that was parsed, and what is trusted below is the digest
        // of the same bytes (Config::sourceSha256): the file is not read again, so a file
        // swapped while the user reads the prompt stays untrusted. Shown visibly, so that an
        // escape sequence in the command cannot hide part of it.
        std::fprintf(stderr,
            "%s is new or changed since you last trusted it.\nIt will run:\n%s\nTrust it? [y/N] ",
            qPrintable(visibleText(config.sourceFile)), qPrintable(visibleText(trustSummary(config))));
        std::fflush(stderr);
        char answer[16] = {};
        if (std::fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y')) {
            QString error;
            if (store.trust(config, &error))
                return true;
            errors->append(visibleText(error));
            return false;
        }
    }
    errors->append(
        u"%1 is not trusted yet (it runs: %2). Check it, then run `foxreload trust %1` or pass --trust."_s
            .arg(visibleText(config.sourceFile),
                visibleText(shellCommandLine(config.server.command, config.server.args))));
    return false;
}

} // namespace foxreload::cli
