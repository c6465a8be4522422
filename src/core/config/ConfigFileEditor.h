#pragma once

#include "Config.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace foxreload {

// Saves settings into a .foxreload.yaml without damaging it: only the settings that changed
// are edited in place (YamlEditor), every other byte of the user's file -- comments, key
// order, quoting, flow or block style, path spellings like "tools/" -- stays as it was. The
// previous version is kept as `path.bak`.
class ConfigFileEditor
{
public:
    // Writes into the file at `path` exactly the settings in which `after` differs from `before`
    // (both as loaded from that file), keeping every other byte; creates the file (ConfigWriter's
    // full output) when it does not exist. Atomic; keeps `path + ".bak"`. False + *errorMessage
    // (what and where) on failure, the file untouched.
    static bool save(const QString& path, const Config& before, const Config& after, QString* errorMessage);

    // One key-level change, VALUE as YAML text.
    struct KeyEdit
    {
        enum class Kind { Set, Insert, Remove };
        Kind kind = Kind::Set;
        QString key; // "watch.debounce_ms", "rules[2].match", "server.env"
        QByteArray value; // empty for Remove

        friend bool operator==(const KeyEdit&, const KeyEdit&) = default;
    };

    // The smallest list of key edits that turns `before` into `after` in a file whose text is
    // `yaml` (read for the spellings of unchanged list items), values written the way the file
    // writes them (paths relative to the file's directory).
    static QList<KeyEdit> edits(
        const Config& before, const Config& after, const QByteArray& yaml, const QString& path);

    // `yaml` with the edits applied; nullopt and *errorMessage when one cannot be made.
    static std::optional<QByteArray> apply(
        const QByteArray& yaml, const QList<KeyEdit>& edits, QString* errorMessage);

    // Replaces the file atomically (QSaveFile), its permissions kept, after saving its current
    // bytes as `path + ".bak"`. On failure the file is untouched.
    static bool writeKeepingBackup(const QString& path, const QByteArray& contents, QString* errorMessage);
};

} // namespace foxreload
