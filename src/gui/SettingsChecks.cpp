#include "SettingsChecks.h"

#include "config/ConfigLoader.h"
#include "match/Glob.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

bool quotesBalanced(const QString& text)
{
    int quotes = 0;
    for (const QChar c : text) {
        if (c == u'"')
            ++quotes;
    }
    return quotes % 2 == 0;
}

} // namespace

QString SettingsChecks::fieldOf(const QString& key)
{
    static const std::array fields { u"server.command"_s, u"server.args"_s, u"server.cwd"_s, u"server.env"_s,
        u"server.restart_mode"_s, u"watch.paths"_s, u"watch.exclude"_s, u"watch.debounce_ms"_s,
        u"watch.max_reloads_per_minute"_s, u"watch.respect_gitignore"_s, u"default_strategy"_s,
        u"gamification.enabled"_s };
    if (key == u"watch.max_wait_ms")
        return u"watch.debounce_ms"_s; // not in the form; it bounds the debounce
    if (key == u"rules" || key.startsWith(u"rules["_s) || key.startsWith(u"rules."_s))
        return u"rules"_s;
    for (const auto& field : fields) {
        if (key == field || key.startsWith(field + u'.') || key.startsWith(field + u'['))
            return field;
    }
    return {};
}

QStringList SettingsChecks::validPatterns(const QStringList& patterns)
{
    QStringList valid;
    for (const auto& pattern : patterns) {
        if (Glob::compile(pattern))
            valid.append(pattern);
    }
    return valid;
}

QList<Rule> SettingsChecks::validRules(const QList<Rule>& rules)
{
    QList<Rule> valid;
    for (const auto& rule : rules) {
        if (!rule.match.trimmed().isEmpty() && Glob::compile(rule.match))
            valid.append(rule);
    }
    return valid;
}

SettingsCheckResult SettingsChecks::check(
    const Config& config, const QString& argsText, const QString& targetFile)
{
    SettingsCheckResult result;
    auto problem = [&result](const QString& key, const QString& message) {
        result.problems.append({ key, message });
    };

    if (config.server.command.isEmpty())
        problem(u"server.command"_s, tr("Enter the program that starts the server, e.g. python3 or node."));
    if (!quotesBalanced(argsText))
        problem(u"server.args"_s, tr("A quote is not closed."));
    if (!QFileInfo(config.server.cwd).isDir())
        problem(u"server.cwd"_s, tr("No such folder: %1").arg(config.server.cwd));
    static const QRegularExpression envName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    for (auto it = config.server.env.cbegin(); it != config.server.env.cend(); ++it) {
        if (!envName.match(it.key()).hasMatch()) {
            problem(u"server.env"_s,
                tr("\"%1\" is not a valid variable name (letters, digits and _, not starting with a digit).")
                    .arg(it.key()));
        }
    }
    if (config.watch.paths.isEmpty())
        problem(u"watch.paths"_s, tr("Add at least one file or folder to watch."));
    for (const auto& pattern : config.watch.exclude) {
        QString error;
        if (!Glob::compile(pattern, &error))
            problem(u"watch.exclude"_s, tr("Pattern \"%1\": %2").arg(pattern, error));
    }
    for (int i = 0; i < config.rules.size(); ++i) {
        const QString key = u"rules[%1].match"_s.arg(i);
        QString error;
        if (config.rules[i].match.trimmed().isEmpty())
            problem(key, tr("Rule %1 has no pattern.").arg(i + 1));
        else if (!Glob::compile(config.rules[i].match, &error))
            problem(key, tr("Rule %1: pattern \"%2\": %3").arg(i + 1).arg(config.rules[i].match, error));
    }

    // Everything else the way the file will be read: write it, parse it back.
    QSet<QString> checked;
    for (const auto& found : std::as_const(result.problems))
        checked.insert(fieldOf(found.key));
    const QByteArray yaml = ConfigWriter::toYaml(config);
    const ConfigLoadResult parsed
        = ConfigLoader::parse(yaml, targetFile, QFileInfo(targetFile).absolutePath());
    for (const auto& error : parsed.errors) {
        const QString field = fieldOf(error.key);
        if (field.isEmpty() || !checked.contains(field))
            problem(error.key, error.message);
    }
    if (result.problems.isEmpty() && parsed.ok()) {
        result.config = *parsed.config;
        result.config->sourceFile = targetFile;
    }
    return result;
}

} // namespace foxreload::gui
