#pragma once

// Why libyaml here, next to yaml-cpp: yaml-cpp (what ConfigLoader reads with) drops comments
// and gives only a node's start mark, so a document loaded with it can only be written back
// whole -- the user's comments, quoting and layout lost. libyaml's event parser reports every
// node's exact start AND end, which is all a text-preserving edit needs: find the bytes of
// one value and replace only those. No library packaged by Debian round-trips comments.

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace foxreload {

// One node of a parsed YAML document, located in the document's bytes.
struct YamlNode
{
    enum class Kind { Scalar, Sequence, Mapping, Alias };
    enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal, Folded, Block, Flow };

    Kind kind = Kind::Scalar;
    Style style = Style::Plain;
    qsizetype start = 0; // byte offset of the first byte (an anchor or tag included)
    // Byte offset just past the node. For a block collection: past its last child's
    // content, so no following comment or blank line counts as part of it.
    qsizetype end = 0;
    QString value; // a scalar's value (escapes resolved); the name of an alias
    QByteArray anchor; // "&name" given to this node, without the '&'
    int parent = -1;
    QList<int> children; // a sequence's items; a mapping's keys and values, alternating

    bool isNull() const;
    bool isCollection() const { return kind == Kind::Sequence || kind == Kind::Mapping; }
};

// A YAML text parsed into located nodes. Only the first document of a stream is kept
// (the config is one document; the loader rejects more).
class YamlDocument
{
public:
    // Parses `text`; nullopt and *error ("line 3, column 5: ..." ) when it is not YAML.
    static std::optional<YamlDocument> parse(const QByteArray& text, QString* error);

    const QByteArray& text() const { return m_text; }
    int root() const { return m_root; } // -1 when the text holds no document (empty, only comments)
    const YamlNode& node(int index) const { return m_nodes.at(index); }
    qsizetype nodeCount() const { return m_nodes.size(); }

    // A mapping's value for `key`, or -1.
    int mappingValue(int mapping, const QString& key) const;
    // The mapping's entries as (key node, value node), in file order.
    QList<std::pair<int, int>> entries(int mapping) const;
    // Whether a node sits inside a flow collection (where everything must stay flow).
    bool inFlowContext(int index) const;
    // True when the node or anything below it carries an anchor or is an alias.
    bool hasAnchorsOrAliases(int index) const;
    // Value equality regardless of style: 'a' == "a" == a; {x: 1, y: 2} == {y: 2, x: 1}.
    static bool equal(const YamlDocument& a, int aIndex, const YamlDocument& b, int bIndex);
    // 1-based line and column of a byte offset, for messages.
    std::pair<int, int> lineAndColumn(qsizetype offset) const;

private:
    QByteArray m_text;
    QList<YamlNode> m_nodes;
    int m_root = -1;
};

} // namespace foxreload
