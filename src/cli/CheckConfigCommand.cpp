#include "Commands.h"
#include "ConfigArgument.h"
#include "common/DatabaseLocation.h"
#include "config/ConfigLoader.h"
#include "config/TrustStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {

// JSON escapes control characters itself and must stay exact.
void printJson(const QJsonObject& object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

// "file:line:col: warning: key: message", as compilers print theirs.
QString warningLine(const ConfigError& warning)
{
    ConfigError copy = warning;
    copy.key.clear();
    copy.message
        = u"warning: "_s + (warning.key.isEmpty() ? QString() : warning.key + u": "_s) + warning.message;
    return copy.toString();
}

QJsonArray errorsAsJson(const QList<ConfigError>& errors)
{
    QJsonArray array;
    for (const ConfigError& error : errors) {
        array.append(
            QJsonObject { { u"file"_s, error.file }, { u"line"_s, error.line }, { u"column"_s, error.column },
                { u"key"_s, error.key }, { u"message"_s, error.message }, { u"text"_s, error.toString() } });
    }
    return array;
}

QString trustComment(TrustStore::Status status, const QString& path)
{
    const QString advice
        = u" (run `foxreload trust "_s + path + u"` before FoxReload may start its server)"_s;
    switch (status) {
    case TrustStore::Status::Trusted:
        return u"# trusted: yes\n"_s;
    case TrustStore::Status::Changed:
        return u"# trusted: no, the file changed since it was trusted"_s + advice + u'\n';
    case TrustStore::Status::Unknown:
    case TrustStore::Status::Unreadable:
        break;
    }
    return u"# trusted: no"_s + advice + u'\n';
}

} // namespace

int checkConfigCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Validate a .foxreload.yaml and print it resolved: paths absolute, defaults filled in.\n"
        u"Prints every error (file:line:column: key: message) and exits with 1 if there are any."_s);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print the resolved config (or the errors) as JSON."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"path"_s,
        u"A config file, or a directory to search upwards from (default: the current directory)."_s,
        u"[path]"_s);
    if (const std::optional<int> done = parseCommandLine(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() > 1) {
        printVisible(stderr,
            u"foxreload check-config: expected at most one path, got "_s
                + parser.positionalArguments().join(u' ') + u'\n');
        return ExitUsage;
    }

    QString error;
    const QString path = locateConfigFile(parser.positionalArguments().value(0), &error);
    if (path.isEmpty()) {
        printVisible(stderr, u"foxreload check-config: "_s + error + u'\n');
        return ExitFailure;
    }

    ConfigLoadResult result = ConfigLoader::loadFile(displayPath(path));
    // Webhook URLs carry their secret in the path: shown as scheme://host/… only.
    if (result.config) {
        for (WebhookSettings& hook : result.config->notifications.webhooks)
            hook.url = redactedUrl(hook.url);
        result.config->database = redactedDatabase(result.config->database);
    }
    for (const ConfigError& warning : result.warnings)
        printVisible(stderr, warningLine(warning) + u'\n');
    if (!result.ok()) {
        for (const ConfigError& failure : result.errors)
            printVisible(stderr, failure.toString() + u'\n');
        if (parser.isSet(json)) {
            const QJsonObject object { { u"source_file"_s, path },
                { u"errors"_s, errorsAsJson(result.errors) } };
            printJson(object);
        }
        return ExitFailure;
    }

    const TrustStore::Status trust = TrustStore().status(path);
    if (parser.isSet(json)) {
        QJsonObject object = ConfigWriter::toJson(*result.config);
        object.insert(u"trusted"_s, trust == TrustStore::Status::Trusted);
        object.insert(u"trust_status"_s, trustStatusText(trust));
        object.insert(u"warnings"_s, errorsAsJson(result.warnings));
        printJson(object);
        return ExitOk;
    }
    printVisible(stdout,
        u"# "_s + path + u" (resolved: paths absolute, defaults filled in)\n"_s + trustComment(trust, path)
            + QString::fromUtf8(ConfigWriter::toYaml(*result.config, ConfigWriter::PathStyle::Absolute)));
    return ExitOk;
}

} // namespace foxreload::cli
