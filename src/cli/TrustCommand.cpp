#include "Commands.h"
#include "ConfigArgument.h"
#include "config/ConfigLoader.h"
#include "config/TrustStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

QString indented(const QString& lines)
{
    QString text;
    for (const QString& line : lines.split(u'\n', Qt::SkipEmptyParts))
        text += u"  "_s + line + u'\n';
    return text;
}

int listTrusted()
{
    const TrustStore store;
    const QList<TrustStore::Entry> entries = store.entries();
    if (entries.isEmpty()) {
        printVisible(stderr, u"no config file is trusted yet ("_s + store.storeFile() + u")\n"_s);
        return ExitOk;
    }
    for (const TrustStore::Entry& entry : entries) {
        QString state;
        switch (store.status(entry.path)) {
        case TrustStore::Status::Trusted:
            state = u"trusted"_s;
            break;
        case TrustStore::Status::Changed:
            state = u"changed"_s;
            break;
        case TrustStore::Status::Unreadable:
            state = u"missing"_s;
            break;
        case TrustStore::Status::Unknown:
            state = u"unknown"_s;
            break;
        }
        printVisible(stdout,
            state.leftJustified(8) + u' ' + entry.trustedAt.toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC  "_s
                + entry.path + u'\n');
    }
    return ExitOk;
}

int revoke(const QString& argument)
{
    // A deleted project's entry can be revoked by naming the file it had.
    QString path;
    if (!argument.isEmpty() && !QFileInfo::exists(argument)) {
        path = QDir::cleanPath(QFileInfo(argument).absoluteFilePath());
    } else {
        QString error;
        path = locateConfigFile(argument, &error);
        if (path.isEmpty()) {
            printVisible(stderr, u"foxreload trust: "_s + error + u'\n');
            return ExitFailure;
        }
    }
    TrustStore store;
    const QString key = TrustStore::canonicalPath(path);
    bool known = false;
    for (const TrustStore::Entry& entry : store.entries())
        known = known || entry.path == key;
    if (!known) {
        printVisible(stdout, key + u" was not trusted; nothing to revoke\n"_s);
        return ExitOk;
    }
    QString error;
    if (!store.revoke(path, &error)) {
        printVisible(stderr, u"foxreload trust: "_s + error + u'\n');
        return ExitFailure;
    }
    printVisible(
        stdout, u"revoked "_s + key + u": FoxReload will not start its server until you trust it again\n"_s);
    return ExitOk;
}

int trust(const QString& argument)
{
    QString error;
    const QString path = locateConfigFile(argument, &error);
    if (path.isEmpty()) {
        printVisible(stderr, u"foxreload trust: "_s + error + u'\n');
        return ExitFailure;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printVisible(
            stderr, u"foxreload trust: cannot read "_s + path + u": "_s + file.errorString() + u'\n');
        return ExitFailure;
    }
    // Validate and trust the very same bytes, so what is shown is what is trusted.
    const QByteArray contents = file.readAll();
    const ConfigLoadResult result
        = ConfigLoader::parse(contents, displayPath(path), QFileInfo(path).absolutePath());
    if (!result.ok()) {
        for (const ConfigError& failure : result.errors)
            printVisible(stderr, failure.toString() + u'\n');
        printVisible(stderr, u"foxreload trust: not trusted; fix the errors above first\n"_s);
        return ExitFailure;
    }

    TrustStore store;
    const bool already = store.status(path) == TrustStore::Status::Trusted;
    if (!store.trustContents(path, contents, &error)) {
        printVisible(stderr, u"foxreload trust: "_s + error + u'\n');
        return ExitFailure;
    }
    const Config& config = *result.config;
    QString text = (already ? u"already trusted "_s : u"trusted "_s) + TrustStore::canonicalPath(path)
        + u" (sha256 "_s + QString::fromLatin1(TrustStore::sha256Hex(contents).left(16)) + u"…)\n"_s;
    text += u"FoxReload may now run:\n"_s + indented(trustSummary(config));
    text += u"Any change to the file withdraws this trust.\n"_s;
    printVisible(stdout, text);
    return ExitOk;
}

} // namespace

int trustCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Allow a project's .foxreload.yaml to start its server command (like direnv allow).\n"
        u"The trust covers the file's exact content: any edit must be trusted again."_s);
    parser.addHelpOption();
    const QCommandLineOption revokeOption(u"revoke"_s, u"Withdraw the trust instead."_s);
    const QCommandLineOption listOption(
        u"list"_s, u"List the trusted config files and whether they changed."_s);
    parser.addOptions({ revokeOption, listOption });
    parser.addPositionalArgument(u"path"_s,
        u"A config file, or a directory to search upwards from (default: the current directory)."_s,
        u"[path]"_s);
    if (const std::optional<int> done = parseCommandLine(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1
        || (parser.isSet(listOption) && (parser.isSet(revokeOption) || !positional.isEmpty()))) {
        printVisible(stderr, u"foxreload trust: expected [--revoke] [path] or --list\n"_s);
        return ExitUsage;
    }
    if (parser.isSet(listOption))
        return listTrusted();
    if (parser.isSet(revokeOption))
        return revoke(positional.value(0));
    return trust(positional.value(0));
}

} // namespace foxreload::cli
