// `foxreload forget PATTERN... | --all`: clears what the strategy learner remembers about the
// files the patterns match, so that they take their rules' strategies again.

#include "Commands.h"
#include "common/DatabaseLocation.h"
#include "common/VisibleText.h"
#include "config/ConfigLoader.h"
#include "match/Glob.h"
#include "store/HistoryStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

int usageError(const QString& message)
{
    printVisible(stderr, u"foxreload forget: "_s + message + u'\n');
    return ExitUsage;
}

} // namespace

int forgetCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Forget what FoxReload learned about how reloads of these files went (see `foxreload stats "
        u"--learned`): they take their rules' strategies again. PATTERN is a glob over the remembered "
        u"paths, relative to the project root (\"services/**\"). Inside a project (a .foxreload.yaml "
        u"here or above) only that project's memory is touched, elsewhere every project's."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(
        u"PATTERN"_s, u"Paths to forget, e.g. services/cache.py or \"tools/**\"."_s, u"[PATTERN...]"_s);
    const QCommandLineOption all(u"all"_s, u"Forget every remembered path."_s);
    const QCommandLineOption db(
        u"db"_s, u"History database: an SQLite file or a postgresql:// URL."_s, u"file|url"_s);
    parser.addOptions({ all, db });
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fputs(commandHelp(parser, arguments).toUtf8().constData(), stdout);
        return ExitOk;
    }
    const QStringList patterns = parser.positionalArguments();
    if (patterns.isEmpty() == !parser.isSet(all))
        return usageError(u"give one or more patterns, or --all"_s);
    QList<Glob> globs;
    for (const QString& pattern : patterns) {
        QString error;
        std::optional<Glob> glob = Glob::compile(pattern, &error);
        if (!glob)
            return usageError(u"\"%1\": %2"_s.arg(pattern, error));
        globs.append(std::move(*glob));
    }
    configureLogging(false);

    QString projectRoot;
    QString location = HistoryStore::resolvePath(QString()); // FOXRELOAD_DATABASE_URL, else the default
    if (const QString configFile = ConfigLoader::findConfigFile(QDir::currentPath()); !configFile.isEmpty()) {
        if (const ConfigLoadResult loaded = ConfigLoader::loadFile(configFile); loaded.ok()) {
            projectRoot = loaded.config->projectRoot;
            location = HistoryStore::resolvePath(loaded.config->database);
        }
    }
    if (parser.isSet(db))
        location = HistoryStore::resolvePath(parser.value(db));
    if (!isDatabaseUrl(location) && !QFileInfo::exists(location)) {
        std::fputs("Nothing learned yet: there is no history database.\n", stdout);
        return ExitOk;
    }
    HistoryStore store;
    if (!store.open(location)) {
        printVisible(stderr,
            u"foxreload forget: cannot write the history database %1: %2\n"_s.arg(
                redactedDatabase(location), store.lastError()));
        return ExitFailure;
    }
    QMap<QString, QSet<QString>> chosen; // project → paths
    for (const LearnedOutcomeRecord& record : store.learnedOutcomes(projectRoot)) {
        const bool matched = parser.isSet(all)
            || std::any_of(globs.cbegin(), globs.cend(),
                [&record](const Glob& glob) { return glob.covers(record.path, false); });
        if (matched)
            chosen[record.projectRoot].insert(record.path);
    }
    int files = 0;
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        QStringList paths(it.value().cbegin(), it.value().cend());
        paths.sort();
        store.forgetLearned(it.key(), paths);
        for (const QString& path : std::as_const(paths))
            printVisible(stdout, u"forgot %1\n"_s.arg(it.key().isEmpty() ? path : it.key() + u'/' + path));
        files += int(paths.size());
    }
    if (store.pendingWrites() > 0) {
        printVisible(stderr,
            u"foxreload forget: the history database cannot be written now: %1\n"_s.arg(store.lastError()));
        return ExitFailure;
    }
    if (files == 0)
        std::fputs("Nothing remembered matches.\n", stdout);
    return ExitOk;
}

} // namespace foxreload::cli
