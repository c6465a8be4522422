#pragma once

#include "ConfigLoader.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <yaml-cpp/yaml.h>

namespace foxreload {

// The generic half of reading a config file: YAML text to nodes, nodes to typed values, each
// problem kept with its file:line:column and dotted key. It knows no key of the schema;
// ConfigLoader says which keys a map may hold and what each must be.

struct YamlPosition
{
    int line = 0; // 1-based
    int column = 0;
};

YamlPosition positionOf(const YAML::Node& node, YamlPosition fallback = {});
bool isNull(const YAML::Node& node);
QString scalarText(const YAML::Node& node);
// How a value reads in a message: strings quoted, plain numbers bare, collections by kind.
QString describe(const YAML::Node& node);
QString withSuggestion(const QString& message, const QString& suggestion);
QString childPath(const QString& parent, const QString& key);

// One "key: value" of a YAML map, remembered with where it was written.
struct YamlField
{
    QString path; // dotted key, e.g. "watch.debounce_ms"
    YAML::Node keyNode;
    YAML::Node value;

    // A missing or empty value has no position of its own; its key has.
    YamlPosition position() const;
};

// The known keys of one map, as found in the file.
struct YamlSection
{
    QString path; // "" for the document, "server", "server.hot_reload", "rules[0]"
    YamlPosition position; // where the map starts (its key), for "missing key" errors
    QMap<QString, YamlField> fields;
    bool present = false; // the map exists in the file

    const YamlField* field(const QString& key) const
    {
        const auto it = fields.constFind(key);
        return it == fields.cend() ? nullptr : &*it;
    }
};

class ConfigNodeReader
{
public:
    // allKeyPaths: every dotted key of the schema, for "this key belongs under ..." hints.
    ConfigNodeReader(QString sourceName, QStringList allKeyPaths);

    // The single YAML document of the text, or nullopt after recording why there is none.
    std::optional<YAML::Node> parseDocument(const QByteArray& yaml);

    // A file of a million wrong keys must not take a gigabyte and print a hundred
    // megabytes: the first kMaxListed problems (by position) are kept, the rest counted.
    static constexpr int kMaxListed = 50;

    void error(YamlPosition at, const QString& key, const QString& message);
    void warn(YamlPosition at, const QString& key, const QString& message);
    void missing(const YamlSection& section, const QString& key, const QString& explanation);
    bool hasErrors() const { return !m_errors.isEmpty() || m_errorsLeftOut > 0; }
    // The problems in file order, with a line for those left out.
    QList<ConfigError> takeErrors();
    QList<ConfigError> takeWarnings();

    // The keys of a map; unknown and duplicate keys are errors (with a suggestion).
    YamlSection openSection(const QString& path, YamlPosition position, const YAML::Node& map,
        const QStringList& known, const QString& expectation);
    YamlSection openSection(const YamlField& field, const QStringList& known);

    // Typed readers: on success they store the value and return true; on a wrong value they
    // record an error and leave the default in place. A key that is absent is not an error.
    // `what` names the expected value in messages ("a string", "a pattern ...").
    bool readString(const YamlSection& section, const QString& key, QString* out, bool allowEmpty = false,
        const QString& what = QStringLiteral("a string"));
    bool readInt(const YamlSection& section, const QString& key, qint64 min, qint64 max, const QString& unit,
        int* out);
    bool readDouble(const YamlSection& section, const QString& key, double min, double max, double* out);
    bool readBool(const YamlSection& section, const QString& key, bool* out);
    bool readChoice(const YamlSection& section, const QString& key, const QStringList& choices, QString* out);

    struct ListItem
    {
        QString value;
        QString path; // "watch.paths[1]", or "watch.paths" when written as a single string
        YamlPosition position;
    };
    std::optional<QList<ListItem>> readStringList(
        const YamlSection& section, const QString& key, const QString& what = QStringLiteral("a string"));
    // A free-form map of NAME: string (environment variables).
    void readStringMap(const YamlSection& section, const QString& key, QMap<QString, QString>* out);

private:
    void reportUnknownKey(
        const YamlSection& section, const QString& key, const YamlField& field, const QStringList& known);
    bool wouldList(YamlPosition at) const;
    void sortAndSummarize(QList<ConfigError>& list, qsizetype leftOut, const QString& what) const;

    QString m_sourceName;
    QStringList m_allKeyPaths;
    QList<ConfigError> m_errors;
    QList<ConfigError> m_warnings;
    qsizetype m_errorsLeftOut = 0;
    qsizetype m_warningsLeftOut = 0;
};

} // namespace foxreload
