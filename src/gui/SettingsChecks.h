#pragma once

#include "config/Config.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace foxreload::gui {

// One thing wrong with edited settings: the config key it belongs to, as ConfigLoader names it
// ("server.command", "rules[2].match"; empty for the file as a whole), and what to do about it.
struct SettingsProblem
{
    QString key;
    QString message;

    friend bool operator==(const SettingsProblem&, const SettingsProblem&) = default;
};

struct SettingsCheckResult
{
    QList<SettingsProblem> problems; // every problem at once, in the order of the form
    std::optional<Config> config; // as the file will be read back; only when there is no problem
};

// Checks settings the way the file will be read: first what a YAML file cannot tell apart once
// written (an empty command, an unclosed quote, a broken pattern), then the config is written as
// YAML and parsed back (ConfigLoader), so that every range and cross-field rule of the loader
// applies. A field that already has a problem of the first kind gets no second message from the
// loader. Logs nothing: the dialog shows the problems where they are.
class SettingsChecks
{
    Q_DECLARE_TR_FUNCTIONS(foxreload::gui::SettingsChecks)
public:
    // `argsText` is the arguments field as typed (its quoting is checked); `targetFile` is
    // where the file will be saved (relative paths are read from there).
    static SettingsCheckResult check(
        const Config& edited, const QString& argsText, const QString& targetFile);

    // The field a key belongs to: "watch.max_wait_ms" and "watch.debounce_ms" share the debounce
    // field, "rules[3].match" belongs to "rules", and so on. Empty when no field shows the key.
    static QString fieldOf(const QString& key);

    // The patterns Glob accepts, without a word in the log about the others.
    static QStringList validPatterns(const QStringList& patterns);
    static QList<Rule> validRules(const QList<Rule>& rules);
};

} // namespace foxreload::gui
