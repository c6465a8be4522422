#pragma once

#include "Config.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace foxreload {

// A problem found in a config file: where it is and what was expected there.
struct ConfigError
{
    QString file;
    int line = 0; // 1-based; 0 when the problem has no position (missing file)
    int column = 0; // 1-based
    QString key; // dotted path, e.g. "watch.debounce_ms" or "rules[2].strategy"
    QString message; // what is wrong and what was expected

    // "path/.foxreload.yaml:12:3: watch.debounce_ms: expected a whole number of milliseconds (0–60000), got
    // "fast""
    QString toString() const;

    friend bool operator==(const ConfigError&, const ConfigError&) = default;
};

struct ConfigLoadResult
{
    std::optional<Config> config;
    QList<ConfigError> errors; // empty when config is set
    // Legal but probably not what was meant (a command not on PATH, args given as one string
    // with spaces, a watch path outside the project root). Never stop the load.
    QList<ConfigError> warnings;

    bool ok() const { return config.has_value(); }
};

class ConfigLoader
{
public:
    static constexpr QStringView fileName = u".foxreload.yaml";

    // Reads and validates a YAML file. Relative paths resolve against the file's directory.
    // Errors name the file as `path` spells it; all errors are collected, in file order.
    static ConfigLoadResult loadFile(const QString& path);
    // The same for YAML text; sourceName is used in error messages (and becomes
    // Config::sourceFile when it is absolute), baseDir anchors paths and is the project root.
    static ConfigLoadResult parse(const QByteArray& yaml, const QString& sourceName, const QString& baseDir);
    // The config file's bytes as read from `path` (already read, once): parsed, with
    // sourceFile and the bytes' digest (sourceSha256) filled in.
    static ConfigLoadResult loadBytes(const QByteArray& contents, const QString& path);
    // Looks for .foxreload.yaml in dir and its parents; empty when none exists.
    static QString findConfigFile(const QString& startDir);
};

// A path as a config file means it: `~` is the home directory, a relative path counts from
// baseDir (the config file's directory, or the server's cwd for its command).
QString resolveConfigPath(const QString& baseDir, const QString& path);
// Whether path is root or lies below it (both absolute and clean).
bool isPathBelow(const QString& path, const QString& root);

// Writes a Config back as YAML in the documented schema (paths relative to the project root
// where possible), so that loadFile(write(c)) == c.
class ConfigWriter
{
public:
    enum class PathStyle {
        RelativeToProjectRoot, // what a config file holds: "tools", "." ; paths outside stay absolute
        Absolute, // what check-config shows: everything resolved
    };

    static QByteArray toYaml(const Config& config, PathStyle paths = PathStyle::RelativeToProjectRoot);
    // The resolved config as a JSON object with the YAML's keys (absolute paths), plus
    // "source_file" and "project_root".
    static QJsonObject toJson(const Config& config);
    // Atomic (QSaveFile). Paths are written relative when the file lies in the project
    // root, absolute otherwise, so that reading it back gives the same Config.
    static bool writeFile(const Config& config, const QString& path, QString* errorMessage);
};

} // namespace foxreload
