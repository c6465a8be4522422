#pragma once

#include "Config.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <type_traits>

namespace foxreload {

// The one description of .foxreload.yaml: every key, its type, range, default and meaning, and
// where a plain value lands in Config. The loader's known keys and "did you mean", its checks of
// plain values, the writer, `config get/set`, the command-line overrides, shell completion and the
// test against docs/config.md all read this table, so a new key is one row (plus its field in
// Config.h, and a hand-written reader only if it is a list or map).

enum class ConfigType {
    // Read and written by the table alone (the row has `access`):
    Int, // whole number within [min, max]
    Double, // number within [min, max]
    Bool,
    Choice, // one of choices()
    String, // non-empty text
    // Read by a reader of their own (checks beyond the type); the table names and documents them:
    Section, // a map of further keys
    Command, // a program name or a path, resolved against server.cwd
    Path, // resolved against the project root
    Url,
    ListenAddress, // HOST:PORT
    Pattern,
    StringList, // a list of strings; one string is a list of one
    PathList,
    PatternList,
    StringMap, // free-form NAME: value
    List, // a list of maps, whose keys are the rows "key[].name"
};

// Where a plain value lives in Config: read as int, double, bool or QString (a choice as its name).
struct ConfigAccess
{
    QVariant (*get)(const Config&) = nullptr;
    void (*set)(Config&, const QVariant&) = nullptr;
};

struct ConfigKeyInfo
{
    QString path; // "watch.debounce_ms"; list items "rules[].match", free-form map keys "server.env.*"
    ConfigType type = ConfigType::Section;
    QString defaultText; // as docs/config.md shows it, without backticks
    QString doc; // one line: what it does
    double min = 0; // Int, Double
    double max = 0;
    QString unit; // Int: "milliseconds", "lines", ... (plural) for messages
    QStringList (*choices)() = nullptr; // Choice
    ConfigAccess access; // set for the plain types read and written by the table

    QString
    parentPath() const; // "watch" for "watch.debounce_ms", "rules[]" for "rules[].match", "" at the top
    QString name() const; // "debounce_ms"
    bool isPlain() const { return access.get != nullptr; }
    // What a valid value is, for messages: "a whole number of milliseconds (0–60000)".
    QString expectation() const;
};

// Every key, in the documented order (the order the writer writes and new keys are added in).
const QList<ConfigKeyInfo>& configSchema();
// nullptr when the schema has no such key (schema form: "rules[].match", not "rules[0].match").
const ConfigKeyInfo* configKeyInfo(QStringView path);
// The names of the keys directly inside a section ("" for the top level, "rules[]" for a rule).
QStringList configKeyNames(QStringView sectionPath);

// A plain value given as text (a command-line flag), checked like the loader checks it: the value, or
// nullopt with *problem saying what was expected.
std::optional<QVariant> parseConfigValue(const ConfigKeyInfo& key, const QString& text, QString* problem);

// Rules between keys that no single value can break, e.g. watch.max_wait_ms ≥ watch.debounce_ms.
struct ConfigConstraintViolation
{
    QString key; // the key the rule is about, where the loader reports it first
    QString otherKey;
    QString message; // "watch.max_wait_ms (1000) must be at least watch.debounce_ms (5000)"
};
// Applied to the finished config: after the file is read, and again after command-line overrides.
// keysSet: the keys the file (or the flags) gave; a key left at its default that breaks a rule which
// allows it is moved to the bound instead (watch.settle_ms 5 with debounce_ms 0 becomes 0).
QList<ConfigConstraintViolation> applyConfigConstraints(Config& config, const QStringList& keysSet);

// ---- building rows: where a value lands ----

// field<&Config::watch, &WatchSettings::debounceMs>(): the member reached through these pointers.
template<auto... Members>
ConfigAccess field()
{
    return {
        [](const Config& config) { return QVariant::fromValue((config.*....*Members)); },
        [](Config& config, const QVariant& value) {
            auto& target = (config.*....*Members);
            target = value.value<std::remove_cvref_t<decltype(target)>>();
        },
    };
}

// An enum member, read and written by its config name (ToName(enum) -> QString, FromName(text) -> optional).
template<auto ToName, auto FromName, auto... Members>
ConfigAccess namedField()
{
    return {
        [](const Config& config) { return QVariant(ToName((config.*....*Members))); },
        [](Config& config, const QVariant& value) {
            if (const auto parsed = FromName(value.toString()))
                (config.*....*Members) = *parsed;
        },
    };
}

} // namespace foxreload
