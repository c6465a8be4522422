#pragma once

// Text-preserving YAML edits. yaml-cpp (what ConfigLoader reads with) drops comments and
// reports only where a node starts, so editing through it means rewriting the whole file.
// libyaml's event parser (YamlDocument) gives every node's exact byte span, so an edit here
// replaces exactly the bytes of the value that changes and keeps every other byte: comments
// above, between and after values, key order, quoting, flow or block style, blank lines,
// indentation, CRLF line endings, a missing final newline. No library packaged by Debian
// round-trips comments, which is why this is done on the text.

#include "YamlDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace foxreload {

// One step of a key path: "rules[2].match" is {rules}, {[2]}, {match}.
struct YamlPathStep
{
    QString key;
    int index = -1; // >= 0: a list index

    bool isIndex() const { return index >= 0; }
};

class YamlEditor
{
public:
    explicit YamlEditor(QByteArray text);

    const QByteArray& text() const { return m_text; }

    // Where new keys go: dotted paths in the order a mapping's keys should appear
    // ("server.command", "server.args", "rules[].match", "server.env.*"). A new key goes after
    // the existing key that precedes it in this order; keys not listed go last.
    void setKeyOrder(QStringList order) { m_keyOrder = std::move(order); }

    // Sets the value at `path` ("watch.debounce_ms", "server.args[0]", "rules[1].components")
    // to `yamlValue` (YAML text: 80, "a b", [main.py, -v], {A: "1"}). Missing keys and parent
    // mappings are created; a list index one past the end appends. A scalar keeps its quoting
    // style where the new value allows it; a list or map is edited item by item and key by key,
    // so unchanged items keep their comments and spelling. False and *error on failure, the
    // text unchanged.
    bool set(QStringView path, const QByteArray& yamlValue, QString* error);
    // Inserts an item before list index i (i == size appends): "rules[0]", "server.args[2]".
    bool insert(QStringView path, const QByteArray& yamlValue, QString* error);
    // Removes a key or a list item. A key's comment lines directly above it (same
    // indentation, no blank line between) go with it; a list or map that becomes empty is
    // written [] or {}. Removing what does not exist succeeds and changes nothing.
    bool remove(QStringView path, QString* error);
    // The value at `path` as one line of YAML (lists and maps in flow style, scalars as
    // written); nullopt when the text does not hold it (*error says why when it cannot).
    std::optional<QByteArray> get(QStringView path, QString* error) const;

    static std::optional<QList<YamlPathStep>> parsePath(QStringView path, QString* error);
    static QString pathText(const QList<YamlPathStep>& steps);

private:
    struct Edit
    {
        qsizetype start;
        qsizetype end;
        QByteArray replacement;
    };
    struct Layout
    {
        int step = 2; // indentation of a nested mapping relative to its key
        bool indentlessSequences = false; // "key:\n- item" (dashes at the key's column)
        QByteArray lineEnding = "\n";
    };

    std::optional<YamlDocument> parsed(QString* error) const;
    Layout layout(const YamlDocument& document) const;
    void apply(const Edit& edit, const Layout& layout);
    int rank(const QList<YamlPathStep>& path) const;

    bool setSteps(const QList<YamlPathStep>& path, const YamlDocument& value, int valueNode, QString* error);
    bool insertSteps(
        const QList<YamlPathStep>& path, const YamlDocument& value, int valueNode, QString* error);
    bool removeSteps(const QList<YamlPathStep>& path, QString* error);
    // Walks `path`; returns the node, or -1 with *missingFrom = how many steps were found.
    int resolve(
        const YamlDocument& document, const QList<YamlPathStep>& path, int* found, QString* error) const;

    bool replace(const YamlDocument& document, int node, const QList<YamlPathStep>& path,
        const YamlDocument& value, int valueNode, QString* error);
    std::optional<Edit> replaceWhole(const YamlDocument& document, int node, const YamlDocument& value,
        int valueNode, const Layout& layout) const;
    std::optional<Edit> addKeys(const YamlDocument& document, int parent,
        const QList<YamlPathStep>& parentPath, const QList<YamlPathStep>& keys, const YamlDocument& value,
        int valueNode, const Layout& layout, QString* error) const;
    std::optional<Edit> addItem(const YamlDocument& document, int sequence, int index,
        const YamlDocument& value, int valueNode, const Layout& layout) const;
    std::optional<Edit> removeChild(const YamlDocument& document, int node, const Layout& layout) const;

    QByteArray m_text;
    QStringList m_keyOrder;
};

} // namespace foxreload
