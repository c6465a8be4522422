// `foxreload watch`: the watch stage alone, one line per change on stdout,
// flushed at once (benchmarks and scripts time these lines).
#include "Commands.h"
#include "common/VisibleText.h"
#include "match/PathFilter.h"
#include "platform/ConsoleSignals.h"
#include "platform/SystemInfo.h"
#include "watch/FileWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

void appendJsonString(QByteArray& out, const QString& text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

// ISO-8601 UTC with milliseconds, from the wall clock at the moment of printing.
void appendNow(QByteArray& out)
{
    const platform::WallClock now = platform::wallClockNow();
    const std::tm utc = platform::utcCalendar(now.seconds);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
        utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, now.milliseconds);
    out += text;
}

// A file name may hold any byte but '/' and NUL, an escape sequence included.
QByteArray displayPath(const QString& path, bool isDirectory)
{
    QByteArray bytes = visibleText(path).toUtf8();
    if (isDirectory && !bytes.endsWith('/'))
        bytes += '/';
    return bytes;
}

QByteArray kindName(FileEvent::Kind kind)
{
    return fileEventKindName(kind).toLatin1(); // names are ASCII
}

void printEvent(const FileEvent& event, bool json)
{
    if (event.kind == FileEvent::Kind::WriteClosed)
        return; // a timing hint for the batcher, not a change
    static QByteArray line; // reused: no allocation for the line itself
    line.resize(0);
    if (json) {
        line += "{\"kind\":\"";
        line += kindName(event.kind);
        line += "\",\"path\":";
        appendJsonString(line, event.path);
        if (event.kind == FileEvent::Kind::Renamed) {
            line += ",\"oldPath\":";
            appendJsonString(line, event.oldPath);
        }
        if (event.isDirectory)
            line += ",\"dir\":true";
        line += ",\"time\":\"";
        appendNow(line);
        line += "\"}\n";
    } else {
        line += kindName(event.kind);
        line += ' ';
        if (event.kind == FileEvent::Kind::Renamed) {
            line += displayPath(event.oldPath, event.isDirectory);
            line += " -> ";
        }
        line += displayPath(event.path, event.isDirectory);
        line += '\n';
    }
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

QString plural(qint64 count, const char* singular, const char* pluralForm)
{
    return u"%1 %2"_s.arg(count).arg(QLatin1StringView(count == 1 ? singular : pluralForm));
}

} // namespace

int watchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Print one line per change below the given directories (or files): \"<kind> <path>\", "
        "\"renamed <old> -> <new>\"; a directory's path ends with '/'. Kinds: created, modified, removed, "
        "renamed. A summary line and warnings go to stderr."_s);
    const QCommandLineOption helpOption({ u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption excludeOption(u"exclude"_s,
        u"Leave out what matches GLOB (anchored at each DIR; excluded directories are never entered). "
        "Repeatable."_s,
        u"GLOB"_s);
    const QCommandLineOption gitignoreOption(
        u"gitignore"_s, u"Also leave out what .gitignore files exclude."_s);
    const QCommandLineOption backendOption(
        u"backend"_s, u"Watcher backend: auto (default), inotify, qt or polling."_s, u"NAME"_s, u"auto"_s);
    const QCommandLineOption pollIntervalOption(u"poll-interval"_s,
        u"Polling interval in milliseconds (the polling backend, and the fallback) [1000]."_s, u"MS"_s,
        u"1000"_s);
    const QCommandLineOption jsonOption(
        u"json"_s, u"One JSON object per line: {\"kind\",\"path\",\"oldPath\"?,\"dir\"?,\"time\"}."_s);
    parser.addOptions(
        { helpOption, excludeOption, gitignoreOption, backendOption, pollIntervalOption, jsonOption });
    parser.addPositionalArgument(u"DIR"_s, u"Directories (or single files) to watch."_s, u"DIR..."_s);

    if (const std::optional<int> done = parseCommandLine(parser, arguments))
        return *done;
    const auto backend = FileWatcher::backendFromName(parser.value(backendOption));
    if (!backend) {
        std::fprintf(stderr,
            "foxreload watch: --backend: unknown backend '%s' (expected auto, inotify, qt or polling)\n",
            qPrintable(parser.value(backendOption)));
        return ExitUsage;
    }
    bool intervalOk = false;
    const int pollInterval = parser.value(pollIntervalOption).toInt(&intervalOk);
    if (!intervalOk || pollInterval <= 0) {
        std::fprintf(stderr,
            "foxreload watch: --poll-interval: expected a positive number of milliseconds, got '%s'\n",
            qPrintable(parser.value(pollIntervalOption)));
        return ExitUsage;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        std::fprintf(stderr, "foxreload watch: no DIR given\n%s", qPrintable(commandHelp(parser, arguments)));
        return ExitUsage;
    }

    const QStringList excludes = parser.values(excludeOption);
    const bool gitignore = parser.isSet(gitignoreOption);
    QList<WatchRoot> roots;
    for (const auto& path : paths) {
        const QFileInfo info(path);
        WatchRoot root;
        root.path = QDir::cleanPath(info.absoluteFilePath());
        if (!excludes.isEmpty() || gitignore) {
            const QString anchor
                = info.isDir() || !info.exists() ? root.path : QDir::cleanPath(info.absolutePath());
            auto filter = std::make_shared<PathFilter>(anchor, excludes, gitignore);
            const QStringList errors = filter->errors();
            if (!errors.isEmpty()) {
                for (const auto& error : errors)
                    std::fprintf(stderr, "foxreload watch: --exclude: %s\n", qPrintable(visibleText(error)));
                return ExitUsage;
            }
            root.filter = std::move(filter);
        }
        roots.append(root);
    }

    FileWatcher watcher;
    watcher.setBackend(*backend);
    watcher.setPollInterval(pollInterval);
    const bool json = parser.isSet(jsonOption);
    QObject::connect(&watcher, &FileWatcher::changed, &watcher,
        [json](const FileEvent& event) { printEvent(event, json); });
    QObject::connect(&watcher, &FileWatcher::warning, &watcher, [](const QString& message) {
        std::fprintf(stderr, "foxreload watch: warning: %s\n", qPrintable(visibleText(message)));
        std::fflush(stderr);
    });
    platform::ConsoleSignals signals;
    QObject::connect(
        &signals, &platform::ConsoleSignals::terminationRequested, qApp, &QCoreApplication::quit);

    if (!watcher.start(roots)) {
        std::fprintf(stderr, "foxreload watch: nothing could be watched\n");
        return ExitFailure;
    }
    const WatchStats stats = watcher.stats();
    std::fprintf(stderr, "watching %s: %s, %s, %s pruned, ready in %lld ms (%s)\n",
        qPrintable(plural(stats.roots, "root", "roots")), qPrintable(plural(stats.files, "file", "files")),
        qPrintable(plural(stats.directories, "dir", "dirs")),
        qPrintable(plural(stats.prunedTrees, "excluded tree", "excluded trees")),
        static_cast<long long>(stats.startupMs), qPrintable(stats.backend));
    std::fflush(stderr);
    return QCoreApplication::exec() == 0 ? ExitOk : ExitFailure;
}

} // namespace foxreload::cli
